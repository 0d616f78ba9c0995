/* SPDX-License-Identifier: GPL-2.0 */
/*
 * For the altwq-only cases: the altwq structs behind an ops work, and works
 * the ops cannot make (on the stack, never initialised). Valid C and C++,
 * no kernel header. May sleep.
 */
#ifndef ALTWQ_KUNIT_ALTWQ_STRUCTS_H
#define ALTWQ_KUNIT_ALTWQ_STRUCTS_H
#include "ops/kw_ops.h"
#include "ops/wq_ops.h"
#ifdef __cplusplus
extern "C" {
#endif

struct altwq_work *wq_altwq_work(struct wq_ops_work *work);
struct altwq_delayed_work *wq_altwq_dwork(struct wq_ops_work *work);
/* The function an altwq work runs (the ops' trampoline, shared by all). */
void *wq_altwq_work_func(struct wq_ops_work *work);
/* Queues and flushes an on-stack work on an altwq queue: 1 if it ran, 0
 * if not, -1 if the queueing was refused. */
int wq_altwq_onstack_roundtrip(void *wq);
/* Queues a work on altwq's system queue and altwq_flush_scheduled_work()s:
 * 1 if the flush waited for it. */
int wq_altwq_flush_scheduled_roundtrip(void);

/* Zeroed, never-initialised altwq objects, for the bad-input catalogue (free
 * with kw_free_raw). */
struct altwq_work *wq_altwq_zeroed_work(void);
struct altwq_delayed_work *wq_altwq_zeroed_dwork(void);
struct altwq_rcu_work *wq_altwq_zeroed_rwork(void);
struct altwq_kthread_worker *kw_altwq_zeroed_worker(void);
struct altwq_kthread_delayed_work *kw_altwq_zeroed_dwork(void);

struct altwq_kthread_work *kw_altwq_work(struct kw_ops_work *work);
struct altwq_kthread_delayed_work *kw_altwq_dwork(struct kw_ops_work *work);
/* A zeroed, never-initialised altwq work (free with kw_free_raw). */
struct altwq_kthread_work *kw_altwq_uninitialised_work(void);
void kw_free_raw(void *p);

#ifdef __cplusplus
}
#endif
#endif
