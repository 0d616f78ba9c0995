// SPDX-License-Identifier: GPL-2.0
// struct timer_list calling back into a member function of the object that
// embeds it:
//
//   struct Owner {
//           kxx::Timer timer{kxx::Timer::callback<&Owner::timer, &Owner::expired>(),
//                            KXX_LOCK_CLASS("owner.timer")};
//           void expired();   // softirq context
//   };
//
// arm/modify/del/pending: any context. del_sync and the destructor wait for
// a running callback: may sleep; never call them from
// the timer's own callback. The destructor also turns any later re-arm (a
// callback re-arming itself, say) into a no-op. Heap or static only, never
// on the stack (debug objects).
#pragma once
#include "kabi/timer.h"
#include "kxx/callback.hpp"
#include "kxx/lock.hpp"
#include "kxx/sched.hpp"

namespace kxx {

class Timer : Pinned {
public:
	template <auto Field, auto Method> static kabi_timer_fn callback()
	{
		return &member_trampoline<Field, Method, kabi_timer>;
	}

	Timer(kabi_timer_fn fn, LockClass &cls) { kabi_timer_init(raw(), fn, cls.name(), cls.key()); }
	~Timer() { kabi_timer_shutdown_sync(raw()); }

	// (Re)arms to fire `delay` jiffies from now; true if it was pending.
	bool arm(unsigned long delay) { return kabi_timer_modify(raw(), jiffies() + delay); }
	// mod_timer() at an absolute expiry; true if it was pending.
	bool modify(unsigned long expires) { return kabi_timer_modify(raw(), expires); }
	// Arms on a given CPU; refused (false) if the timer is pending.
	[[nodiscard]] bool arm_on(int cpu, unsigned long delay) { return kabi_timer_add_on(raw(), jiffies() + delay, cpu); }
	// Disarms; true if it was pending. A running callback may still be running.
	bool del() { return kabi_timer_delete(raw()); }
	// Disarms and waits for a running callback to finish; true if it was pending.
	bool del_sync() { return kabi_timer_delete_sync(raw()); }
	bool pending() const { return kabi_timer_pending(raw()); }
	unsigned long expires() const { return kabi_timer_expires(raw()); }

private:
	kabi_timer *raw() { return storage_.as<kabi_timer>(); }
	const kabi_timer *raw() const { return storage_.as<kabi_timer>(); }
	KXX_OPAQUE(TIMER) storage_; // first: the kernel's pointer is ours
};

// The wrappers are exactly the kernel objects (checked against src/kabi/sizes.c).
static_assert(sizeof(Timer) == KABI_SIZEOF_TIMER && alignof(Timer) == KABI_ALIGNOF_TIMER);

} // namespace kxx
