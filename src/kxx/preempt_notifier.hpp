// SPDX-License-Identifier: GPL-2.0
// Per-task scheduler notifications into member functions:
//
//   struct Watcher {
//           kxx::PreemptNotifier pn{kxx::PreemptNotifier::callbacks<
//                   &Watcher::pn, &Watcher::switched_in, &Watcher::switched_out>()};
//           void switched_in(int cpu);        // after the switch, preemption off
//           void switched_out(bool blocking); // inside the scheduler: rq lock
//   };                                        // held, IRQs off; wake nothing
//
// register_current()/unregister_current(): from the watched task itself,
// preemptible. Needs CONFIG_PREEMPT_NOTIFIERS (altwq.ko refuses to load
// without it) and the notifiers enabled (altwq.ko does that at load).
#pragma once
#include "kabi/preempt_notifier.h"
#include "kxx/callback.hpp"
#include "kxx/sizes.hpp"
#include "kxx/warn.hpp"

namespace kxx {

class PreemptNotifier : Pinned {
public:
	struct Callbacks {
		kabi_sched_in_fn in;
		kabi_sched_out_fn out;
	};
	template <auto Field, auto In, auto Out> static Callbacks callbacks()
	{
		return {&member_trampoline<Field, In, kabi_preempt_notifier, int>,
			&member_trampoline<Field, Out, kabi_preempt_notifier, bool>};
	}

	explicit PreemptNotifier(Callbacks cb) { kabi_preempt_notifier_init(raw(), cb.in, cb.out); }
	~PreemptNotifier() { KXX_WARN_ON_ONCE(registered_); }

	void register_current()
	{
		if (KXX_WARN_ON_ONCE(registered_))
			return;
		kabi_preempt_notifier_register(raw());
		registered_ = true;
	}
	void unregister_current()
	{
		if (KXX_WARN_ON_ONCE(!registered_))
			return;
		kabi_preempt_notifier_unregister(raw());
		registered_ = false;
	}

private:
	kabi_preempt_notifier *raw() { return storage_.as<kabi_preempt_notifier>(); }
	KXX_OPAQUE(PREEMPT_NOTIFIER) storage_; // first: the kernel's pointer is ours
	bool registered_ = false;
};

static_assert(sizeof(PreemptNotifier) >= KABI_SIZEOF_PREEMPT_NOTIFIER);

} // namespace kxx
