// SPDX-License-Identifier: GPL-2.0
// Softirq work, calling back into a member function of the object that
// embeds it:
//
//   Tasklet: struct tasklet_struct; the callback runs in softirq context on
//     the CPU that scheduled it, never two at once. schedule: any context;
//     kill (and the destructor): may sleep.
//   RemoteCall: an asynchronous call of a member function on another CPU,
//     in hardirq context there. call_on: any context.
#pragma once
#include "kabi/softirq.h"
#include "kxx/callback.hpp"
#include "kxx/sizes.hpp"

namespace kxx {

class Tasklet : Pinned {
public:
	template <auto Field, auto Method> static kabi_tasklet_fn callback()
	{
		return &member_trampoline<Field, Method, kabi_tasklet>;
	}
	explicit Tasklet(kabi_tasklet_fn fn) { kabi_tasklet_setup(raw(), fn); }
	~Tasklet() { kill(); }

	// On this CPU; `hi`: on the high-priority softirq.
	void schedule(bool hi) { kabi_tasklet_schedule(raw(), hi); }
	void kill() { kabi_tasklet_kill(raw()); }

private:
	kabi_tasklet *raw() { return storage_.as<kabi_tasklet>(); }
	KXX_OPAQUE(TASKLET) storage_; // first: the kernel's pointer is ours
};
static_assert(sizeof(Tasklet) == KABI_SIZEOF_TASKLET && alignof(Tasklet) == KABI_ALIGNOF_TASKLET);

template <typename Owner, void (Owner::*Method)()> class RemoteCall : Pinned {
public:
	explicit RemoteCall(Owner *owner) { kabi_csd_init(raw(), &run, owner); }
	enum class Sent { Now, AlreadyPending, No };
	// Owner->Method() on cpu: sent now, or a call sent before has not
	// started yet (it will run), or not sent (the CPU is not online).
	Sent call_on(int cpu)
	{
		int ret = kabi_csd_call_async(cpu, raw());
		return ret == 0 ? Sent::Now : ret == -KABI_EBUSY ? Sent::AlreadyPending : Sent::No;
	}

private:
	static void run(void *owner) { (static_cast<Owner *>(owner)->*Method)(); }
	kabi_csd *raw() { return storage_.as<kabi_csd>(); }
	KXX_OPAQUE(CSD) storage_;
};

} // namespace kxx
