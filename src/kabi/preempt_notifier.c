// SPDX-License-Identifier: GPL-2.0
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/version.h>
#include <linux/bug.h>
#include "kabi/export.h"
#include "kabi/preempt_notifier_types.h"

#ifdef CONFIG_PREEMPT_NOTIFIERS

/*
 * Called from sched_out, so prev == current. A task that blocks has been
 * dequeued by the time the notifier runs, except that 6.12's DELAY_DEQUEUE
 * may leave an ineligible blocking task queued with se.sched_delayed set. A
 * preempted task stays queued and is not delayed, even if it had already set
 * a sleeping __state before schedule() (so __state cannot tell them apart).
 */
static bool current_is_blocking(void)
{
	if (!READ_ONCE(current->on_rq))
		return true;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
	if (current->se.sched_delayed)
		return true;
#endif
	return false;
}

static void notifier_sched_in(struct preempt_notifier *notifier, int cpu)
{
	struct kabi_preempt_notifier *pn = container_of(notifier, struct kabi_preempt_notifier, notifier);

	pn->sched_in(pn, cpu);
}

static void notifier_sched_out(struct preempt_notifier *notifier, struct task_struct *next)
{
	struct kabi_preempt_notifier *pn = container_of(notifier, struct kabi_preempt_notifier, notifier);

	pn->sched_out(pn, current_is_blocking());
}

static struct preempt_ops notifier_ops = {
	.sched_in = notifier_sched_in,
	.sched_out = notifier_sched_out,
};

bool kabi_preempt_notifiers_available(void) { return true; }
void kabi_preempt_notifiers_enable(void) { preempt_notifier_inc(); }
void kabi_preempt_notifiers_disable(void) { preempt_notifier_dec(); }

void kabi_preempt_notifier_init(struct kabi_preempt_notifier *pn,
				kabi_sched_in_fn sched_in, kabi_sched_out_fn sched_out)
{
	preempt_notifier_init(&pn->notifier, &notifier_ops);
	pn->sched_in = sched_in;
	pn->sched_out = sched_out;
}
void kabi_preempt_notifier_register(struct kabi_preempt_notifier *pn) { preempt_notifier_register(&pn->notifier); }
void kabi_preempt_notifier_unregister(struct kabi_preempt_notifier *pn) { preempt_notifier_unregister(&pn->notifier); }

#else /* !CONFIG_PREEMPT_NOTIFIERS: altwq refuses to load (see kxx/init.cpp) */

bool kabi_preempt_notifiers_available(void) { return false; }
void kabi_preempt_notifiers_enable(void) { }
void kabi_preempt_notifiers_disable(void) { }
void kabi_preempt_notifier_init(struct kabi_preempt_notifier *pn,
				kabi_sched_in_fn sched_in, kabi_sched_out_fn sched_out)
{
	pn->sched_in = sched_in;
	pn->sched_out = sched_out;
}
void kabi_preempt_notifier_register(struct kabi_preempt_notifier *pn) { WARN_ON_ONCE(1); }
void kabi_preempt_notifier_unregister(struct kabi_preempt_notifier *pn) { WARN_ON_ONCE(1); }

#endif

/* For altwq_test.ko, whose C++ tests call kxx inlines. */
KABI_EXPORT(kabi_preempt_notifiers_available);
KABI_EXPORT(kabi_preempt_notifiers_enable);
KABI_EXPORT(kabi_preempt_notifiers_disable);
KABI_EXPORT(kabi_preempt_notifier_init);
KABI_EXPORT(kabi_preempt_notifier_register);
KABI_EXPORT(kabi_preempt_notifier_unregister);
