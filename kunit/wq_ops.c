// SPDX-License-Identifier: GPL-2.0
/* The two workqueue backends behind struct wq_ops. */
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <altwq/workqueue.h>
#include "wq/test_hooks.h"
#include "wq_ops.h"

struct wq_test_work {
	union {
		struct delayed_work intree;
		struct altwq_delayed_work alt;
	} u;
	wq_test_fn fn;
	void *ctx;
};

static struct wq_test_work *alloc_test_work(wq_test_fn fn, void *ctx)
{
	struct wq_test_work *w = kzalloc(sizeof(*w), GFP_KERNEL);

	if (w) {
		w->fn = fn;
		w->ctx = ctx;
	}
	return w;
}

static void wq_free_work(struct wq_test_work *w) { kfree(w); }

/* ---- altwq ---- */

static void alt_fn(struct altwq_work *work)
{
	struct wq_test_work *w = container_of(work, struct wq_test_work, u.alt.work);

	w->fn(w, w->ctx);
}

static unsigned int alt_flags(unsigned int f)
{
	return (f & TWQ_UNBOUND ? ALTWQ_UNBOUND : 0) | (f & TWQ_HIGHPRI ? ALTWQ_HIGHPRI : 0) |
	       (f & TWQ_CPU_INTENSIVE ? ALTWQ_CPU_INTENSIVE : 0) | (f & TWQ_MEM_RECLAIM ? ALTWQ_MEM_RECLAIM : 0);
}

static void *alt_alloc(unsigned int flags, int max_active)
{
	return altwq_alloc_workqueue("twq-altwq", alt_flags(flags), max_active);
}
static void *alt_alloc_ordered(void) { return altwq_alloc_ordered_workqueue("twq-altwq-ordered", 0); }
static void alt_destroy(void *wq) { altwq_destroy_workqueue(wq); }
static void *alt_system(int which)
{
	switch (which) {
	case TWQ_SYSTEM_HIGHPRI: return altwq_system_highpri_wq;
	case TWQ_SYSTEM_LONG: return altwq_system_long_wq;
	case TWQ_SYSTEM_UNBOUND: return altwq_system_unbound_wq;
	default: return altwq_system_wq;
	}
}
static struct wq_test_work *alt_new_work(wq_test_fn fn, void *ctx)
{
	struct wq_test_work *w = alloc_test_work(fn, ctx);

	if (w)
		ALTWQ_INIT_DELAYED_WORK(&w->u.alt, alt_fn);
	return w;
}
static bool alt_queue_on(int cpu, void *wq, struct wq_test_work *w) { return altwq_queue_work_on(cpu, wq, &w->u.alt.work); }
static bool alt_queue_delayed_on(int cpu, void *wq, struct wq_test_work *w, unsigned long delay)
{
	return altwq_queue_delayed_work_on(cpu, wq, &w->u.alt, delay);
}
static bool alt_mod_delayed_on(int cpu, void *wq, struct wq_test_work *w, unsigned long delay)
{
	return altwq_mod_delayed_work_on(cpu, wq, &w->u.alt, delay);
}
static bool alt_flush_work(struct wq_test_work *w) { return altwq_flush_work(&w->u.alt.work); }
static bool alt_flush_delayed(struct wq_test_work *w) { return altwq_flush_delayed_work(&w->u.alt); }
static bool alt_cancel(struct wq_test_work *w) { return altwq_cancel_work(&w->u.alt.work); }
static bool alt_cancel_sync(struct wq_test_work *w) { return altwq_cancel_work_sync(&w->u.alt.work); }
static bool alt_cancel_delayed(struct wq_test_work *w) { return altwq_cancel_delayed_work(&w->u.alt); }
static bool alt_cancel_delayed_sync(struct wq_test_work *w) { return altwq_cancel_delayed_work_sync(&w->u.alt); }
static void alt_flush_wq(void *wq) { altwq_flush_workqueue(wq); }
static void alt_drain(void *wq) { altwq_drain_workqueue(wq); }
static void alt_set_max_active(void *wq, int n) { altwq_workqueue_set_max_active(wq, n); }
static unsigned int alt_busy(struct wq_test_work *w)
{
	unsigned int b = altwq_work_busy(&w->u.alt.work);

	return (b & ALTWQ_WORK_BUSY_PENDING ? TWQ_BUSY_PENDING : 0) |
	       (b & ALTWQ_WORK_BUSY_RUNNING ? TWQ_BUSY_RUNNING : 0);
}
static bool alt_pending(struct wq_test_work *w) { return altwq_work_pending(&w->u.alt.work); }
static bool alt_is_current(struct wq_test_work *w) { return altwq_current_work() == &w->u.alt.work; }
static void alt_quiesce(void) { altwq_wq_flush_releases(); }

const struct wq_ops altwq_wq_ops_altwq = {
	.name = "altwq",
	.cpu_unbound = ALTWQ_WORK_CPU_UNBOUND,
	.runs_a_going_down_cpus_works_there = false,
	.alloc = alt_alloc,
	.alloc_ordered = alt_alloc_ordered,
	.destroy = alt_destroy,
	.system = alt_system,
	.new_work = alt_new_work,
	.free_work = wq_free_work,
	.queue_on = alt_queue_on,
	.queue_delayed_on = alt_queue_delayed_on,
	.mod_delayed_on = alt_mod_delayed_on,
	.flush_work = alt_flush_work,
	.flush_delayed = alt_flush_delayed,
	.cancel = alt_cancel,
	.cancel_sync = alt_cancel_sync,
	.cancel_delayed = alt_cancel_delayed,
	.cancel_delayed_sync = alt_cancel_delayed_sync,
	.flush_wq = alt_flush_wq,
	.drain = alt_drain,
	.set_max_active = alt_set_max_active,
	.busy = alt_busy,
	.pending = alt_pending,
	.is_current = alt_is_current,
	.quiesce = alt_quiesce,
};

struct altwq_work *wq_altwq_work(struct wq_test_work *w) { return &w->u.alt.work; }
struct altwq_delayed_work *wq_altwq_dwork(struct wq_test_work *w) { return &w->u.alt; }

/* ---- the kernel's own workqueue ---- */

static void intree_fn(struct work_struct *work)
{
	struct wq_test_work *w = container_of(work, struct wq_test_work, u.intree.work);

	w->fn(w, w->ctx);
}

static unsigned int intree_flags(unsigned int f)
{
	return (f & TWQ_UNBOUND ? WQ_UNBOUND : 0) | (f & TWQ_HIGHPRI ? WQ_HIGHPRI : 0) |
	       (f & TWQ_CPU_INTENSIVE ? WQ_CPU_INTENSIVE : 0) | (f & TWQ_MEM_RECLAIM ? WQ_MEM_RECLAIM : 0);
}

static void *intree_alloc(unsigned int flags, int max_active)
{
	return alloc_workqueue("twq-intree", intree_flags(flags), max_active);
}
static void *intree_alloc_ordered(void) { return alloc_ordered_workqueue("twq-intree-ordered", 0); }
static void intree_destroy(void *wq) { destroy_workqueue(wq); }
static void *intree_system(int which)
{
	switch (which) {
	case TWQ_SYSTEM_HIGHPRI: return system_highpri_wq;
	case TWQ_SYSTEM_LONG: return system_long_wq;
	case TWQ_SYSTEM_UNBOUND: return system_unbound_wq;
	default: return system_wq;
	}
}
static struct wq_test_work *intree_new_work(wq_test_fn fn, void *ctx)
{
	struct wq_test_work *w = alloc_test_work(fn, ctx);

	if (w)
		INIT_DELAYED_WORK(&w->u.intree, intree_fn);
	return w;
}
static bool intree_queue_on(int cpu, void *wq, struct wq_test_work *w)
{
	return queue_work_on(cpu < 0 ? WORK_CPU_UNBOUND : cpu, wq, &w->u.intree.work);
}
static bool intree_queue_delayed_on(int cpu, void *wq, struct wq_test_work *w, unsigned long delay)
{
	return queue_delayed_work_on(cpu < 0 ? WORK_CPU_UNBOUND : cpu, wq, &w->u.intree, delay);
}
static bool intree_mod_delayed_on(int cpu, void *wq, struct wq_test_work *w, unsigned long delay)
{
	return mod_delayed_work_on(cpu < 0 ? WORK_CPU_UNBOUND : cpu, wq, &w->u.intree, delay);
}
static bool intree_flush_work(struct wq_test_work *w) { return flush_work(&w->u.intree.work); }
static bool intree_flush_delayed(struct wq_test_work *w) { return flush_delayed_work(&w->u.intree); }
static bool intree_cancel(struct wq_test_work *w) { return cancel_work(&w->u.intree.work); }
static bool intree_cancel_sync(struct wq_test_work *w) { return cancel_work_sync(&w->u.intree.work); }
static bool intree_cancel_delayed(struct wq_test_work *w) { return cancel_delayed_work(&w->u.intree); }
static bool intree_cancel_delayed_sync(struct wq_test_work *w) { return cancel_delayed_work_sync(&w->u.intree); }
static void intree_flush_wq(void *wq) { flush_workqueue(wq); }
static void intree_drain(void *wq) { drain_workqueue(wq); }
static void intree_set_max_active(void *wq, int n) { workqueue_set_max_active(wq, n); }
static unsigned int intree_busy(struct wq_test_work *w)
{
	unsigned int b = work_busy(&w->u.intree.work);

	return (b & WORK_BUSY_PENDING ? TWQ_BUSY_PENDING : 0) | (b & WORK_BUSY_RUNNING ? TWQ_BUSY_RUNNING : 0);
}
static bool intree_pending(struct wq_test_work *w) { return work_pending(&w->u.intree.work); }
static bool intree_is_current(struct wq_test_work *w) { return current_work() == &w->u.intree.work; }
static void intree_quiesce(void) { rcu_barrier(); }

const struct wq_ops altwq_wq_ops_intree = {
	.name = "in-tree",
	.cpu_unbound = -1,
	.runs_a_going_down_cpus_works_there = true,
	.alloc = intree_alloc,
	.alloc_ordered = intree_alloc_ordered,
	.destroy = intree_destroy,
	.system = intree_system,
	.new_work = intree_new_work,
	.free_work = wq_free_work,
	.queue_on = intree_queue_on,
	.queue_delayed_on = intree_queue_delayed_on,
	.mod_delayed_on = intree_mod_delayed_on,
	.flush_work = intree_flush_work,
	.flush_delayed = intree_flush_delayed,
	.cancel = intree_cancel,
	.cancel_sync = intree_cancel_sync,
	.cancel_delayed = intree_cancel_delayed,
	.cancel_delayed_sync = intree_cancel_delayed_sync,
	.flush_wq = intree_flush_wq,
	.drain = intree_drain,
	.set_max_active = intree_set_max_active,
	.busy = intree_busy,
	.pending = intree_pending,
	.is_current = intree_is_current,
	.quiesce = intree_quiesce,
};

/* ---- altwq only ---- */

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
