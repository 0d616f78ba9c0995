/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A struct hrtimer on CLOCK_MONOTONIC, pinned to the CPU that starts it,
 * expiring in hardirq context (also on PREEMPT_RT). The callback returns
 * 0 to stop, or the delay in ns until it runs again. start/try_cancel/
 * active: any context; cancel waits for a running callback (not from the
 * callback itself). Plus the clocks the engines read: local_clock() (per
 * CPU, ns, any context) and loops_per_jiffy (the BogoMIPS calibration).
 */
#ifndef ALTWQ_KABI_HRTIMER_H
#define ALTWQ_KABI_HRTIMER_H
#include "kabi/types.h"
KABI_BEGIN

struct kabi_hrtimer;
typedef __UINT64_TYPE__ (*kabi_hrtimer_fn)(struct kabi_hrtimer *t);

void kabi_hrtimer_init(struct kabi_hrtimer *t, kabi_hrtimer_fn fn);
/* (Re)starts it delay_ns from now, on this CPU. */
void kabi_hrtimer_start_pinned(struct kabi_hrtimer *t, __UINT64_TYPE__ delay_ns);
/* true if it was queued and is not any more; false if idle or running now. */
bool kabi_hrtimer_try_cancel(struct kabi_hrtimer *t);
void kabi_hrtimer_cancel(struct kabi_hrtimer *t);
bool kabi_hrtimer_queued(const struct kabi_hrtimer *t);

__UINT64_TYPE__ kabi_local_clock_ns(void);
unsigned long kabi_loops_per_jiffy(void);

KABI_END
#endif
