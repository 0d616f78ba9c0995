/* SPDX-License-Identifier: GPL-2.0 */
/* C only: the layout behind struct kabi_preempt_notifier (sized in sizes.c). */
#ifndef ALTWQ_KABI_PREEMPT_NOTIFIER_TYPES_H
#define ALTWQ_KABI_PREEMPT_NOTIFIER_TYPES_H
#include <linux/preempt.h>
#include "kabi/preempt_notifier.h"

struct kabi_preempt_notifier {
#ifdef CONFIG_PREEMPT_NOTIFIERS
	struct preempt_notifier notifier;
#endif
	kabi_sched_in_fn sched_in;
	kabi_sched_out_fn sched_out;
};

#endif
