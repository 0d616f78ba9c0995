/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What altwq_test.ko and altwq_bench.ko may read inside the kthread_worker engine (exported in
 * the ALTWQ_INTERNAL namespace). Valid C and C++, no kernel header. Any
 * context.
 */
#ifndef ALTWQ_KW_TEST_HOOKS_H
#define ALTWQ_KW_TEST_HOOKS_H
#ifdef __cplusplus
extern "C" {
#endif

/* Of the cancel_[delayed_]work_sync calls since load, those that... */
struct altwq_kw_cancel_counts {
	long found_running;	/* the work was running when the cancel took the lock */
	long waited;		/* ... and still running when it looked again, its
				 * flush item built: it queued the flush and waited */
};
void altwq_kw_get_cancel_counts(struct altwq_kw_cancel_counts *counts);

struct altwq_kthread_worker;
/* Whether worker is live: made and not yet destroyed (destroy may refuse). */
bool altwq_kw_worker_is_live(struct altwq_kthread_worker *worker);

#ifdef __cplusplus
}
#endif
#endif
