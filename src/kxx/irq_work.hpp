// SPDX-License-Identifier: GPL-2.0
// struct irq_work calling back into a member function (hardirq context on
// the CPU it was queued on). The way out of contexts that must not wake
// anything, such as a preempt notifier's sched_out.
#pragma once
#include "kabi/irq_work.h"
#include "kxx/callback.hpp"
#include "kxx/sizes.hpp"

namespace kxx {

class IrqWork : Pinned {
public:
	template <auto Field, auto Method> static kabi_irq_work_fn callback()
	{
		return &member_trampoline<Field, Method, kabi_irq_work>;
	}

	explicit IrqWork(kabi_irq_work_fn fn) { kabi_irq_work_init(raw(), fn); }
	~IrqWork() { sync(); }

	// Queues on this CPU; false if already pending (it will run once for both).
	bool queue() { return kabi_irq_work_queue(raw()); }
	// Waits until it is neither pending nor running. May sleep.
	void sync() { kabi_irq_work_sync(raw()); }
	bool busy() { return kabi_irq_work_is_busy(raw()); }

private:
	kabi_irq_work *raw() { return storage_.as<kabi_irq_work>(); }
	KXX_OPAQUE(IRQ_WORK) storage_; // first: the kernel's pointer is ours
};

// The wrappers are exactly the kernel objects (checked against src/kabi/sizes.c).
static_assert(sizeof(IrqWork) == KABI_SIZEOF_IRQ_WORK && alignof(IrqWork) == KABI_ALIGNOF_IRQ_WORK);

} // namespace kxx
