// SPDX-License-Identifier: GPL-2.0
/*
 * altwq_test.ko's copy of the operation tables (generated from
 * the backends in kunit/ops; altwq_bench.ko has the same), and the altwq structs
 * the altwq-only cases look at.
 */
#include "ops/ops_tables.h"
#include <linux/delay.h>
#include "altwq_structs.h"

struct altwq_work *wq_altwq_work(struct wq_ops_work *w) { return &w->u.altwq.work; }
struct altwq_delayed_work *wq_altwq_dwork(struct wq_ops_work *w) { return &w->u.altwq; }
void *wq_altwq_work_func(struct wq_ops_work *w) { return w->u.altwq.work.func; }

struct wq_onstack {
	struct altwq_work work;
	int ran;
};

static void onstack_fn(struct altwq_work *work)
{
	WRITE_ONCE(container_of(work, struct wq_onstack, work)->ran, 1);
}

int wq_altwq_onstack_roundtrip(void *wq)
{
	struct wq_onstack w = { .ran = 0 };

	ALTWQ_INIT_WORK_ONSTACK(&w.work, onstack_fn);
	if (!altwq_queue_work(wq, &w.work))
		return -1;
	altwq_flush_work(&w.work);
	altwq_destroy_work_on_stack(&w.work);
	return READ_ONCE(w.ran) ? 1 : 0;
}

struct altwq_kthread_work *kw_altwq_work(struct kw_ops_work *w) { return &w->u.altwq.work; }
struct altwq_kthread_delayed_work *kw_altwq_dwork(struct kw_ops_work *w) { return &w->u.altwq; }
struct altwq_kthread_work *kw_altwq_uninitialised_work(void)
{
	return kzalloc(sizeof(struct altwq_kthread_work), GFP_KERNEL);
}
void kw_free_raw(void *p) { kfree(p); }
struct altwq_work *wq_altwq_zeroed_work(void) { return kzalloc(sizeof(struct altwq_work), GFP_KERNEL); }
struct altwq_delayed_work *wq_altwq_zeroed_dwork(void)
{
	return kzalloc(sizeof(struct altwq_delayed_work), GFP_KERNEL);
}
struct altwq_rcu_work *wq_altwq_zeroed_rwork(void) { return kzalloc(sizeof(struct altwq_rcu_work), GFP_KERNEL); }
struct altwq_kthread_worker *kw_altwq_zeroed_worker(void)
{
	return kzalloc(sizeof(struct altwq_kthread_worker), GFP_KERNEL);
}
struct altwq_kthread_delayed_work *kw_altwq_zeroed_dwork(void)
{
	return kzalloc(sizeof(struct altwq_kthread_delayed_work), GFP_KERNEL);
}

static int flush_scheduled_ran;
static void flush_scheduled_fn(struct altwq_work *work)
{
	msleep(20);
	WRITE_ONCE(flush_scheduled_ran, 1);
}

/* 1 if altwq_flush_scheduled_work() waited for a work on the system queue. */
int wq_altwq_flush_scheduled_roundtrip(void)
{
	struct altwq_work w;

	ALTWQ_INIT_WORK_ONSTACK(&w, flush_scheduled_fn);
	WRITE_ONCE(flush_scheduled_ran, 0);
	if (!altwq_schedule_work(&w))
		return -1;
	/* The macro's compile-time warning is what it is for; here it is tested. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wattribute-warning"
	altwq_flush_scheduled_work();
#pragma GCC diagnostic pop
	altwq_destroy_work_on_stack(&w);
	return READ_ONCE(flush_scheduled_ran);
}
