/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-task scheduler notifications (preempt notifiers), the hook the cmwq's
 * concurrency management stands on.
 *
 * register/unregister: from the task being watched (they act on current),
 * preemption enabled. sched_out runs inside the scheduler with the runqueue
 * lock held and IRQs off: it must not wake anything or take a lock that a
 * wakeup path takes (defer with irq_work). sched_in runs after the switch,
 * preemption disabled. sched_out's 'blocking' tells a task going to sleep
 * (dequeued, or a 6.12 delayed dequeue) from a preempted one.
 */
#ifndef ALTWQ_KABI_PREEMPT_NOTIFIER_H
#define ALTWQ_KABI_PREEMPT_NOTIFIER_H
#include "kabi/types.h"
KABI_BEGIN

struct kabi_preempt_notifier;	/* see preempt_notifier_types.h */
typedef void (*kabi_sched_in_fn)(struct kabi_preempt_notifier *pn, int cpu);
typedef void (*kabi_sched_out_fn)(struct kabi_preempt_notifier *pn, bool blocking);

/* Whether this kernel has CONFIG_PREEMPT_NOTIFIERS. */
bool kabi_preempt_notifiers_available(void);
/* preempt_notifier_inc/dec: the static key that turns the hooks on. */
void kabi_preempt_notifiers_enable(void);
void kabi_preempt_notifiers_disable(void);

void kabi_preempt_notifier_init(struct kabi_preempt_notifier *pn,
				kabi_sched_in_fn sched_in, kabi_sched_out_fn sched_out);
void kabi_preempt_notifier_register(struct kabi_preempt_notifier *pn);
void kabi_preempt_notifier_unregister(struct kabi_preempt_notifier *pn);

KABI_END
#endif
