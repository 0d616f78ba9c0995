// SPDX-License-Identifier: GPL-2.0
#include <linux/hrtimer.h>
#include <linux/delay.h>
#include <linux/sched/clock.h>
#include <linux/version.h>
#include "kabi/export.h"
#include "kabi/hrtimer_types.h"

static enum hrtimer_restart kabi_hrtimer_expired(struct hrtimer *timer)
{
	struct kabi_hrtimer *t = container_of(timer, struct kabi_hrtimer, timer);
	__UINT64_TYPE__ again_ns = t->fn(t);

	if (!again_ns)
		return HRTIMER_NORESTART;
	hrtimer_forward_now(timer, ns_to_ktime(again_ns));
	return HRTIMER_RESTART;
}

void kabi_hrtimer_init(struct kabi_hrtimer *t, kabi_hrtimer_fn fn)
{
	t->fn = fn;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
	hrtimer_setup(&t->timer, kabi_hrtimer_expired, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED_HARD);
#else
	hrtimer_init(&t->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED_HARD);
	t->timer.function = kabi_hrtimer_expired;
#endif
}
void kabi_hrtimer_start_pinned(struct kabi_hrtimer *t, __UINT64_TYPE__ delay_ns)
{
	hrtimer_start(&t->timer, ns_to_ktime(delay_ns), HRTIMER_MODE_REL_PINNED_HARD);
}
bool kabi_hrtimer_try_cancel(struct kabi_hrtimer *t) { return hrtimer_try_to_cancel(&t->timer) == 1; }
void kabi_hrtimer_cancel(struct kabi_hrtimer *t) { hrtimer_cancel(&t->timer); }
bool kabi_hrtimer_queued(const struct kabi_hrtimer *t) { return hrtimer_is_queued((struct hrtimer *)&t->timer); }

__UINT64_TYPE__ kabi_local_clock_ns(void) { return local_clock(); }
unsigned long kabi_loops_per_jiffy(void) { return loops_per_jiffy; }

/* For altwq_test.ko, whose C++ tests call kxx inlines. */
KABI_EXPORT(kabi_hrtimer_init);
KABI_EXPORT(kabi_hrtimer_start_pinned);
KABI_EXPORT(kabi_hrtimer_try_cancel);
KABI_EXPORT(kabi_hrtimer_cancel);
KABI_EXPORT(kabi_hrtimer_queued);
KABI_EXPORT(kabi_local_clock_ns);
