// SPDX-License-Identifier: GPL-2.0
/* The two kthread_worker backends behind struct kw_ops. */
#include <linux/kthread.h>
#include <linux/slab.h>
#include <altwq/kthread_worker.h>
#include "kw_ops.h"

struct kw_test_work {
	union {
		struct kthread_delayed_work intree;
		struct altwq_kthread_delayed_work alt;
	} u;
	kw_test_fn fn;
	void *ctx;
};

static struct kw_test_work *alloc_test_work(kw_test_fn fn, void *ctx)
{
	struct kw_test_work *w = kzalloc(sizeof(*w), GFP_KERNEL);

	if (w) {
		w->fn = fn;
		w->ctx = ctx;
	}
	return w;
}

static void kw_free_work(struct kw_test_work *w)
{
	kfree(w);
}

/* ---- altwq ---- */

static void alt_fn(struct altwq_kthread_work *work)
{
	struct kw_test_work *w = container_of(work, struct kw_test_work, u.alt.work);

	w->fn(w, w->ctx);
}

static void *alt_create_worker(int cpu)
{
	struct altwq_kthread_worker *worker = cpu < 0 ?
		altwq_kthread_create_worker(0, "kw-altwq") :
		altwq_kthread_create_worker_on_cpu(cpu, 0, "kw-altwq/%d", cpu);

	return IS_ERR(worker) ? NULL : worker;
}

static struct kw_test_work *alt_new_work(kw_test_fn fn, void *ctx)
{
	struct kw_test_work *w = alloc_test_work(fn, ctx);

	if (w)
		ALTWQ_KTHREAD_INIT_DELAYED_WORK(&w->u.alt, alt_fn);
	return w;
}

static void alt_destroy_worker(void *worker) { altwq_kthread_destroy_worker(worker); }
static bool alt_queue(void *worker, struct kw_test_work *w) { return altwq_kthread_queue_work(worker, &w->u.alt.work); }
static bool alt_queue_delayed(void *worker, struct kw_test_work *w, unsigned long delay)
{
	return altwq_kthread_queue_delayed_work(worker, &w->u.alt, delay);
}
static bool alt_mod_delayed(void *worker, struct kw_test_work *w, unsigned long delay)
{
	return altwq_kthread_mod_delayed_work(worker, &w->u.alt, delay);
}
static void alt_flush_work(struct kw_test_work *w) { altwq_kthread_flush_work(&w->u.alt.work); }
static void alt_flush_worker(void *worker) { altwq_kthread_flush_worker(worker); }
static bool alt_cancel_sync(struct kw_test_work *w) { return altwq_kthread_cancel_work_sync(&w->u.alt.work); }
static bool alt_cancel_delayed_sync(struct kw_test_work *w) { return altwq_kthread_cancel_delayed_work_sync(&w->u.alt); }

const struct kw_ops altwq_kw_ops_altwq = {
	.name = "altwq",
	.cancel_counts_fired_timer = true,
	.flush_waits_for_armed_timer = true,
	.create_worker = alt_create_worker,
	.destroy_worker = alt_destroy_worker,
	.new_work = alt_new_work,
	.free_work = kw_free_work,
	.queue = alt_queue,
	.queue_delayed = alt_queue_delayed,
	.mod_delayed = alt_mod_delayed,
	.flush_work = alt_flush_work,
	.flush_worker = alt_flush_worker,
	.cancel_sync = alt_cancel_sync,
	.cancel_delayed_sync = alt_cancel_delayed_sync,
};

struct altwq_kthread_work *kw_altwq_work(struct kw_test_work *w) { return &w->u.alt.work; }
struct altwq_kthread_delayed_work *kw_altwq_dwork(struct kw_test_work *w) { return &w->u.alt; }
struct altwq_kthread_work *kw_altwq_uninitialised_work(void)
{
	return kzalloc(sizeof(struct altwq_kthread_work), GFP_KERNEL);
}
void kw_free_raw(void *p) { kfree(p); }

/* ---- the kernel's own kthread_worker ---- */

static void intree_fn(struct kthread_work *work)
{
	struct kw_test_work *w = container_of(work, struct kw_test_work, u.intree.work);

	w->fn(w, w->ctx);
}

static void *intree_create_worker(int cpu)
{
	struct kthread_worker *worker = cpu < 0 ?
		kthread_create_worker(0, "kw-intree") :
		kthread_create_worker_on_cpu(cpu, 0, "kw-intree/%d", cpu);

	return IS_ERR(worker) ? NULL : worker;
}

static struct kw_test_work *intree_new_work(kw_test_fn fn, void *ctx)
{
	struct kw_test_work *w = alloc_test_work(fn, ctx);

	if (w)
		kthread_init_delayed_work(&w->u.intree, intree_fn);
	return w;
}

static void intree_destroy_worker(void *worker) { kthread_destroy_worker(worker); }
static bool intree_queue(void *worker, struct kw_test_work *w) { return kthread_queue_work(worker, &w->u.intree.work); }
static bool intree_queue_delayed(void *worker, struct kw_test_work *w, unsigned long delay)
{
	return kthread_queue_delayed_work(worker, &w->u.intree, delay);
}
static bool intree_mod_delayed(void *worker, struct kw_test_work *w, unsigned long delay)
{
	return kthread_mod_delayed_work(worker, &w->u.intree, delay);
}
static void intree_flush_work(struct kw_test_work *w) { kthread_flush_work(&w->u.intree.work); }
static void intree_flush_worker(void *worker) { kthread_flush_worker(worker); }
static bool intree_cancel_sync(struct kw_test_work *w) { return kthread_cancel_work_sync(&w->u.intree.work); }
static bool intree_cancel_delayed_sync(struct kw_test_work *w) { return kthread_cancel_delayed_work_sync(&w->u.intree); }

const struct kw_ops altwq_kw_ops_intree = {
	.name = "in-tree",
	.cancel_counts_fired_timer = false,
	.flush_waits_for_armed_timer = false,
	.create_worker = intree_create_worker,
	.destroy_worker = intree_destroy_worker,
	.new_work = intree_new_work,
	.free_work = kw_free_work,
	.queue = intree_queue,
	.queue_delayed = intree_queue_delayed,
	.mod_delayed = intree_mod_delayed,
	.flush_work = intree_flush_work,
	.flush_worker = intree_flush_worker,
	.cancel_sync = intree_cancel_sync,
	.cancel_delayed_sync = intree_cancel_delayed_sync,
};
