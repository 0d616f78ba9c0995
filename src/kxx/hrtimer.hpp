// SPDX-License-Identifier: GPL-2.0
// A pinned, hardirq-expiring struct hrtimer calling back into a member
// function of the object that embeds it:
//
//   struct Owner {
//           kxx::HrTimer timer{kxx::HrTimer::callback<&Owner::timer, &Owner::expired>()};
//           uint64_t expired();   // hardirq; 0 = stop, else ns until the next run
//   };
//
// start/try_cancel/queued: any context. cancel and the destructor wait for
// a running callback: never from the callback itself.
#pragma once
#include "kabi/hrtimer.h"
#include "kxx/callback.hpp"
#include "kxx/sizes.hpp"

namespace kxx {

class HrTimer : Pinned {
public:
	template <auto Field, auto Method> static kabi_hrtimer_fn callback()
	{
		return &member_trampoline<Field, Method, kabi_hrtimer>;
	}

	explicit HrTimer(kabi_hrtimer_fn fn) { kabi_hrtimer_init(raw(), fn); }
	~HrTimer() { cancel(); }

	// (Re)starts it to fire delay_ns from now, on this CPU.
	void start_pinned(uint64_t delay_ns) { kabi_hrtimer_start_pinned(raw(), delay_ns); }
	// True if it was queued and now is not (false: idle, or running now).
	bool try_cancel() { return kabi_hrtimer_try_cancel(raw()); }
	void cancel() { kabi_hrtimer_cancel(raw()); }
	bool queued() const { return kabi_hrtimer_queued(raw()); }

private:
	kabi_hrtimer *raw() { return storage_.as<kabi_hrtimer>(); }
	const kabi_hrtimer *raw() const { return storage_.as<kabi_hrtimer>(); }
	KXX_OPAQUE(HRTIMER) storage_; // first: the kernel's pointer is ours
};

static_assert(sizeof(HrTimer) == KABI_SIZEOF_HRTIMER && alignof(HrTimer) == KABI_ALIGNOF_HRTIMER);

// local_clock(): this CPU's ns clock, cheap, any context.
inline uint64_t local_clock_ns() { return kabi_local_clock_ns(); }
// The boot's BogoMIPS calibration (loops_per_jiffy).
inline unsigned long loops_per_jiffy() { return kabi_loops_per_jiffy(); }

} // namespace kxx
