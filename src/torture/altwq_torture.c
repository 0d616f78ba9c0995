// SPDX-License-Identifier: GPL-2.0
/*
 * altwq_torture.ko: rcutorture-style torture of a workqueue implementation
 * (altwq, the kernel's own, or both one after the other, impl=), with exact
 * books. nthreads threads (default one per online CPU) pick a random item
 * and a random operation for duration_s seconds, optionally while CPUs go
 * off and on line (onoff_interval_ms), the torture pauses (stutter_s), its
 * threads move between CPUs (shuffle_interval_s) and, on altwq, worker
 * creation fails at a rate (fault_create_pct).
 *
 * Items live on queues of every kind the implementation has: per-CPU,
 * highpri, unbound, ordered, MEM_RECLAIM, CPU_INTENSIVE, one whose
 * max_active moves between 1 and 3 (its items plain, all queued on one
 * CPU), and on two
 * kthread_workers (queue, queue_delayed, mod_delayed, cancel_sync,
 * cancel_delayed_sync, flush_work; the same checks). Operations: queue,
 * queue_on (a random CPU, offline ones included), queue_delayed,
 * mod_delayed, cancel, cancel_sync, flush_work, flush_delayed_work,
 * flush_workqueue, disable_sync + enable, set_max_active, and draining
 * or destroying and re-making a queue under load. Operations on one item
 * are serialised by its mutex (different items and queues run
 * concurrently), which is what makes the checks exact:
 *
 *   beside itself   an item's function never runs twice at once
 *   after cancel    nothing runs after cancel_sync (or disable_sync)
 *                   returned, until the item is queued again
 *   after flush     flush_delayed_work returns only once the run that
 *                   covers the last queueing has finished; flush_workqueue
 *                   likewise for every plain (never delayed) item on it
 *   books           queueings that returned true == runs + cancels that
 *                   returned true, per item, at the end
 *   order           an ordered queue runs a burst in queueing order, and
 *                   never two of its works at once
 *   max_active      the limited queue never runs more works at once than
 *                   the highest max_active it had (limited_most= says how
 *                   many it reached)
 *   destroy         a queue destroyed (or drained) with works queued ran
 *                   them all
 *
 * One line per implementation: "altwq_torture: impl=... ops=N runs=N
 * violations=N", the verdict (scripts/torture reads it). Loading fails
 * only for bad parameters or no memory: busybox's insmod loads a module
 * again when its init fails, which would run the torture twice.
 */
#include <linux/atomic.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/random.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "ops/kw_work.h"
#include "ops/wq_work.h"
#include "kabi/export.h"
#include "wq/test_hooks.h"

static unsigned int duration_s = 10;
module_param(duration_s, uint, 0444);
MODULE_PARM_DESC(duration_s, "seconds of torture per implementation");
static unsigned int nthreads;
module_param(nthreads, uint, 0444);
MODULE_PARM_DESC(nthreads, "torture threads (0: one per online CPU)");
static unsigned int nitems = 8;
module_param(nitems, uint, 0444);
MODULE_PARM_DESC(nitems, "work items per queue");
static unsigned int onoff_interval_ms;
module_param(onoff_interval_ms, uint, 0444);
MODULE_PARM_DESC(onoff_interval_ms, "take a random CPU off and on line this often (0: never)");
static unsigned int stutter_s;
module_param(stutter_s, uint, 0444);
MODULE_PARM_DESC(stutter_s, "run this long, then pause as long, and so on (0: no pauses)");
static unsigned int shuffle_interval_s;
module_param(shuffle_interval_s, uint, 0444);
MODULE_PARM_DESC(shuffle_interval_s, "move the torture threads to random CPUs this often (0: never)");
static unsigned int fault_create_pct;
module_param(fault_create_pct, uint, 0444);
MODULE_PARM_DESC(fault_create_pct, "altwq: make this share of worker creations fail (0-100)");
static char *impl = "both";
module_param(impl, charp, 0444);
MODULE_PARM_DESC(impl, "altwq, intree or both");

enum { TQ_PERCPU, TQ_HIGHPRI, TQ_UNBOUND, TQ_ORDERED, TQ_RECLAIM, TQ_INTENSIVE, TQ_LIMITED, TQ_SPARE, TQ_NR };
static const char *const tq_names[TQ_NR] = { "tt_percpu", "tt_highpri", "tt_unbound", "tt_ordered",
					     "tt_reclaim", "tt_intensive", "tt_limited", "tt_spare" };
static const unsigned int tq_flags[TQ_NR] = { 0, TWQ_HIGHPRI, TWQ_UNBOUND, 0, TWQ_MEM_RECLAIM,
					      TWQ_CPU_INTENSIVE, 0, 0 };
/* The limited queue: per-CPU, every item queued on one CPU, its works
 * sleep, and its max_active moves between 1 and LimitedMost. */
enum { LimitedFirst = 2, LimitedMost = 3 };

struct tt_item {
	struct wq_ops_work work;
	struct mutex lock;		/* serialises the operations on it */
	int queue;			/* TQ_* */
	bool delayed;			/* uses the delayed operations; else plain */
	bool cancelled;			/* cancel_sync returned, not queued since */
	atomic_t inside;		/* running now */
	atomic_long_t qseq;		/* queueings attempted */
	atomic_long_t done_seq;		/* the qseq the last finished run (or cancel) covers */
	atomic_long_t queued_true, runs, cancels_true;
};

/* A kthread_worker's item: the same books (plain ones are flushed, delayed
 * ones only cancelled: 6.12's kthread_flush_work does not wait for an
 * armed timer, altwq's does). */
struct tk_item {
	struct kw_ops_work work;
	struct mutex lock;
	int worker;
	bool delayed, cancelled;
	atomic_t inside;
	atomic_long_t qseq, done_seq, queued_true, runs, cancels_true;
};

enum { TK_WORKERS = 2 };

struct tt_run {
	const struct wq_ops *ops;
	const struct kw_ops *kw;
	void *kworker[TK_WORKERS];
	struct tk_item *kitems;		/* nitems per kthread_worker */
	unsigned int nr_kitems;
	void *wq[TQ_NR];
	struct mutex spare_lock;	/* the spare queue while it is re-made */
	struct tt_item *items;		/* nitems per queue */
	unsigned int nr_items;
	atomic_long_t ops_done, violations;
	atomic_t ordered_inside, ordered_next;
	int limited_cpu;		/* where the limited queue's items go */
	atomic_t limited_inside, limited_most;
	bool paused;
};

static struct tt_run *tt;

static void tt_violation(const char *what, const struct tt_item *it)
{
	if (atomic_long_inc_return(&tt->violations) <= 10)
		pr_err("altwq_torture: VIOLATION (%s): %s, item %ld on %s\n", tt->ops->name, what,
		       it ? (long)(it - tt->items) : -1L, it ? tq_names[it->queue] : "-");
}

/* An item's done_seq only grows: a run and a cancel may both move it. A
 * full barrier (cmpxchg): who sees the new value sees the run done. */
static void seq_cover(atomic_long_t *done_seq, long seq)
{
	long old = atomic_long_read(done_seq);

	while (old < seq && !atomic_long_try_cmpxchg(done_seq, &old, seq))
		;
}

static void tt_fn(struct wq_ops_work *work, void *ctx)
{
	struct tt_item *it = ctx;
	long seq = atomic_long_read(&it->qseq);

	if (atomic_inc_return(&it->inside) != 1)
		tt_violation("ran beside itself", it);
	if (READ_ONCE(it->cancelled))
		tt_violation("ran after cancel_sync returned", it);
	if (it->queue == TQ_ORDERED && atomic_inc_return(&tt->ordered_inside) != 1)
		tt_violation("two works of the ordered queue at once", it);
	if (it->queue == TQ_LIMITED) {
		/* Counted before the pwq counts it out: never above the
		 * highest max_active it had. Asleep, so that concurrency
		 * management starts the others and max_active is the limit. */
		int n = atomic_inc_return(&tt->limited_inside), most = atomic_read(&tt->limited_most);

		if (n > LimitedMost)
			tt_violation("more works of the limited queue at once than max_active ever allowed", it);
		while (n > most && !atomic_try_cmpxchg(&tt->limited_most, &most, n))
			;
		usleep_range(20, 60);
		atomic_dec(&tt->limited_inside);
	} else if (get_random_u32_below(8) == 0) {
		udelay(get_random_u32_below(50));
	}
	if (it->queue == TQ_ORDERED)
		atomic_dec(&tt->ordered_inside);
	atomic_long_inc(&it->runs);
	seq_cover(&it->done_seq, seq);
	atomic_dec(&it->inside);
}

static void *tt_wq(struct tt_item *it) { return tt->wq[it->queue]; }

/* A random possible CPU (offline ones included), or "any". */
static int tt_cpu(void)
{
	int cpu;

	if (get_random_u32_below(nr_cpu_ids + 1) == nr_cpu_ids)
		return tt->ops->cpu_unbound;
	do
		cpu = get_random_u32_below(nr_cpu_ids);
	while (!cpu_possible(cpu));
	return cpu;
}

/* Item lock held: one queueing attempt, counted. The limited queue's
 * items all go to one CPU (max_active is per CPU). */
static void tt_queue(struct tt_item *it, int how)
{
	const struct wq_ops *ops = tt->ops;
	const bool limited = it->queue == TQ_LIMITED;
	const int any = limited ? tt->limited_cpu : ops->cpu_unbound;
	bool ok;

	it->cancelled = false;
	atomic_long_inc(&it->qseq);
	smp_mb__after_atomic();
	switch (how) {
	case 0: ok = ops->queue_on(any, tt_wq(it), &it->work); break;
	case 1: ok = ops->queue_on(limited ? any : tt_cpu(), tt_wq(it), &it->work); break;
	case 2: ok = ops->queue_delayed_on(any, tt_wq(it), &it->work, get_random_u32_below(3)); break;
	default:
		/* mod_delayed: true if it was pending (moved), false if queued anew. */
		ok = !ops->mod_delayed_on(any, tt_wq(it), &it->work, get_random_u32_below(3));
		break;
	}
	if (ok)
		atomic_long_inc(&it->queued_true);
}

/* Item lock held: a pending instance taken away (or, sync, a running one
 * waited for) covers the queueings so far. */
static void tt_cancelled(struct tt_item *it, bool was_pending, bool sync)
{
	if (was_pending)
		atomic_long_inc(&it->cancels_true);
	if (was_pending || sync)
		seq_cover(&it->done_seq, atomic_long_read(&it->qseq));
}

static void tt_check_flushed(struct tt_item *it, long seq, const char *what)
{
	smp_mb();
	if (atomic_long_read(&it->done_seq) < seq) {
		tt_violation(what, it);
		pr_err("altwq_torture: item %ld: waited for %ld, covered %ld, queued %ld, busy %#x, inside %d\n",
		       (long)(it - tt->items), seq, atomic_long_read(&it->done_seq), atomic_long_read(&it->qseq),
		       tt->ops->busy(&it->work), atomic_read(&it->inside));
	}
}

/* flush_workqueue: every plain item of the queue queued before it has run.
 * Checked only when every such item's lock could be taken at once (try:
 * other threads hold one item's lock while they flush), so that none is
 * queued meanwhile; otherwise the flush just runs. */
static void tt_flush_queue(int q)
{
	/* At most 32 locks at once: lockdep tracks 48 held by a task. */
	struct tt_item *mine[32];
	long seq[32];
	unsigned int i, n = 0;
	bool all = true;

	for (i = 0; i < tt->nr_items && n < ARRAY_SIZE(mine); i++) {
		struct tt_item *it = &tt->items[i];

		if (it->queue != q || it->delayed)
			continue;
		if (!mutex_trylock(&it->lock)) {
			all = false;
			break;
		}
		mine[n] = it;
		seq[n++] = atomic_long_read(&it->qseq);
	}
	if (!all) {
		while (n)
			mutex_unlock(&mine[--n]->lock);
	}
	smp_mb();
	tt->ops->flush_wq(tt->wq[q]);
	for (i = 0; i < n; i++) {
		tt_check_flushed(mine[i], seq[i], "flush_workqueue returned before a work queued earlier ran");
		mutex_unlock(&mine[i]->lock);
	}
}

/* An ordered burst: 8 works queued at once run in order. */
struct tt_burst {
	struct wq_ops_work work;
	int index;
};

static void tt_burst_fn(struct wq_ops_work *work, void *ctx)
{
	struct tt_burst *b = container_of(work, struct tt_burst, work);
	int *next = ctx;

	if (b->index != *next)
		tt_violation("an ordered queue ran out of order", NULL);
	*next = b->index + 1;
}

static void tt_ordered_burst(void)
{
	enum { N = 8 };
	struct tt_burst *b = kcalloc(N, sizeof(*b), GFP_KERNEL);
	int i, next = 0;

	if (!b)
		return;
	for (i = 0; i < N; i++) {
		b[i].index = i;
		tt->ops->init_work(&b[i].work, tt_burst_fn, &next);
		tt->ops->queue_on(tt->ops->cpu_unbound, tt->wq[TQ_ORDERED], &b[i].work);
	}
	for (i = 0; i < N; i++)
		tt->ops->flush_work(&b[i].work);
	if (next != N)
		tt_violation("an ordered burst did not all run", NULL);
	kfree(b);
}

/* Spare lock held: each spare item queued (plain; a delayed one's timer
 * is cancelled first: it must not fire into a queue being destroyed or
 * drained, which 6.12 warns about and drops). */
static void tt_spare_queue_all(void)
{
	unsigned int i;

	for (i = 0; i < tt->nr_items; i++) {
		struct tt_item *it = &tt->items[i];

		if (it->queue != TQ_SPARE)
			continue;
		mutex_lock(&it->lock);
		tt_cancelled(it, tt->ops->cancel_delayed_sync(&it->work), true);
		tt_queue(it, 0);
		mutex_unlock(&it->lock);
	}
}

/* Spare lock held: after a drain or a destroy, every spare item queued
 * has run (the books balance right after). */
static void tt_spare_check_all_ran(const char *what)
{
	unsigned int i;

	for (i = 0; i < tt->nr_items; i++) {
		struct tt_item *it = &tt->items[i];

		if (it->queue == TQ_SPARE &&
		    atomic_long_read(&it->queued_true) != atomic_long_read(&it->runs) + atomic_long_read(&it->cancels_true))
			tt_violation(what, it);
	}
}

/* Drains the spare queue with its items queued, or destroys it and makes
 * it again: either way every queued work must have run. Nobody else
 * queues there meanwhile (the spare lock), as drain_workqueue asks. */
static void tt_drain_or_remake_spare(bool remake)
{
	void *wq;

	mutex_lock(&tt->spare_lock);
	if (!tt->wq[TQ_SPARE]) { /* the last re-make failed */
		mutex_unlock(&tt->spare_lock);
		return;
	}
	tt_spare_queue_all();
	if (!remake) {
		tt->ops->drain(tt->wq[TQ_SPARE]);
		tt_spare_check_all_ran("a drained queue had a work queued that did not run");
		mutex_unlock(&tt->spare_lock);
		return;
	}
	tt->ops->destroy(tt->wq[TQ_SPARE]);
	tt->wq[TQ_SPARE] = NULL;
	tt_spare_check_all_ran("a queue destroyed with a work queued did not run it");
	wq = tt->ops->alloc(tq_names[TQ_SPARE], tq_flags[TQ_SPARE], 0);
	if (!wq)
		tt_violation("could not make the spare queue again", NULL);
	tt->wq[TQ_SPARE] = wq;
	mutex_unlock(&tt->spare_lock);
}

static void tk_violation(const char *what, const struct tk_item *it)
{
	if (atomic_long_inc_return(&tt->violations) <= 10)
		pr_err("altwq_torture: VIOLATION (%s kthread_worker): %s, item %ld\n", tt->kw->name, what,
		       (long)(it - tt->kitems));
}

static void tk_fn(struct kw_ops_work *work, void *ctx)
{
	struct tk_item *it = ctx;
	long seq = atomic_long_read(&it->qseq);

	if (atomic_inc_return(&it->inside) != 1)
		tk_violation("ran beside itself", it);
	if (READ_ONCE(it->cancelled))
		tk_violation("ran after cancel_sync returned", it);
	atomic_long_inc(&it->runs);
	seq_cover(&it->done_seq, seq);
	atomic_dec(&it->inside);
}

/* One operation on a random kthread_worker item, under its lock. */
static void tk_one_op(void)
{
	struct tk_item *it = &tt->kitems[get_random_u32_below(tt->nr_kitems)];
	const struct kw_ops *kw = tt->kw;
	void *worker = tt->kworker[it->worker];
	unsigned int op = get_random_u32_below(100);
	bool was_pending;
	long seq;

	mutex_lock(&it->lock);
	if (op < 55) {
		bool ok;

		it->cancelled = false;
		atomic_long_inc(&it->qseq);
		smp_mb__after_atomic();
		if (!it->delayed)
			ok = kw->queue(worker, &it->work);
		else if (op & 1)
			ok = kw->queue_delayed(worker, &it->work, get_random_u32_below(3));
		else
			ok = !kw->mod_delayed(worker, &it->work, get_random_u32_below(3));
		if (ok)
			atomic_long_inc(&it->queued_true);
	} else if (op < 80 || it->delayed) {
		was_pending = it->delayed ? kw->cancel_delayed_sync(&it->work) : kw->cancel_sync(&it->work);
		if (was_pending)
			atomic_long_inc(&it->cancels_true);
		seq_cover(&it->done_seq, atomic_long_read(&it->qseq));
		it->cancelled = true;
	} else {
		seq = atomic_long_read(&it->qseq);
		smp_mb();
		kw->flush_work(&it->work);
		smp_mb();
		if (atomic_long_read(&it->done_seq) < seq)
			tk_violation("kthread_flush_work returned before the last queueing ran", it);
	}
	mutex_unlock(&it->lock);
	atomic_long_inc(&tt->ops_done);
}

static void tt_one_op(void)
{
	struct tt_item *it = &tt->items[get_random_u32_below(tt->nr_items)];
	const struct wq_ops *ops = tt->ops;
	unsigned int op = get_random_u32_below(100);
	long seq;

	if (op >= 97) {
		if (op == 97)
			ops->set_max_active(tt->wq[TQ_LIMITED], 1 + get_random_u32_below(LimitedMost));
		else if (op == 98)
			tt_ordered_burst();
		else
			tt_drain_or_remake_spare(get_random_u32_below(2));
		return;
	}
	if (it->queue == TQ_SPARE)
		mutex_lock(&tt->spare_lock);
	if (!tt->wq[it->queue])
		goto out_spare; /* the spare queue could not be made again */
	if (op >= 94) {
		tt_flush_queue(it->queue);
		goto out_spare;
	}
	mutex_lock(&it->lock);
	if (op < 45) {
		tt_queue(it, it->delayed ? 2 + (op & 1) : (op & 1));
	} else if (op < 55) {
		tt_cancelled(it, it->delayed ? ops->cancel_delayed(&it->work) : ops->cancel(&it->work), false);
		/* Not _sync: a running instance may go on; no "cancelled" mark. */
	} else if (op < 70) {
		tt_cancelled(it, it->delayed ? ops->cancel_delayed_sync(&it->work) : ops->cancel_sync(&it->work), true);
		it->cancelled = true;
	} else if (op < 88 || (ops->lacks & TWQ_LACKS_DISABLE)) {
		/* Without disable_work (6.1's in-tree), its share flushes. */
		seq = atomic_long_read(&it->qseq);
		smp_mb();
		if (it->delayed)
			ops->flush_delayed(&it->work);
		else
			ops->flush_work(&it->work);
		tt_check_flushed(it, seq, it->delayed ? "flush_delayed_work returned before the last queueing ran"
						      : "flush_work returned before the last queueing ran");
	} else {
		/* disable_sync cancels (true: it was pending) and waits; while
		 * disabled, queueing is refused. */
		tt_cancelled(it, it->delayed ? ops->disable_delayed_sync(&it->work) : ops->disable_sync(&it->work), true);
		it->cancelled = true;
		atomic_long_inc(&it->qseq);
		if (ops->queue_on(ops->cpu_unbound, tt_wq(it), &it->work))
			tt_violation("a disabled work was queued", it);
		seq_cover(&it->done_seq, atomic_long_read(&it->qseq));
		if (!(it->delayed ? ops->enable_delayed(&it->work) : ops->enable(&it->work)))
			tt_violation("enable after one disable did not report 0", it);
	}
	mutex_unlock(&it->lock);
out_spare:
	if (it->queue == TQ_SPARE)
		mutex_unlock(&tt->spare_lock);
	atomic_long_inc(&tt->ops_done);
}

static int tt_thread(void *unused)
{
	while (!kthread_should_stop()) {
		if (READ_ONCE(tt->paused)) {
			msleep(20);
			continue;
		}
		if (get_random_u32_below(4) == 0)
			tk_one_op();
		else
			tt_one_op();
		cond_resched();
	}
	return 0;
}

/* CPU hotplug, stutter, shuffle and creation faults, every 10 ms. */
struct tt_helper {
	struct task_struct **threads;
	unsigned int nr_threads;
	int offline_cpu;
	unsigned long next_onoff, next_shuffle, next_stutter;
	unsigned long onoffs;
};

static void tt_onoff(struct tt_helper *h)
{
	if (h->offline_cpu >= 0) {
		if (!add_cpu(h->offline_cpu))
			h->offline_cpu = -1;
		return;
	}
	if (num_online_cpus() > 1) {
		int cpu = 1 + get_random_u32_below(nr_cpu_ids - 1);

		if (cpu_online(cpu) && !remove_cpu(cpu)) {
			h->offline_cpu = cpu;
			h->onoffs++;
		}
	}
}

static int tt_helper_fn(void *data)
{
	struct tt_helper *h = data;
	bool altwq = !strcmp(tt->ops->name, "altwq");

	while (!kthread_should_stop()) {
		unsigned long now = jiffies;

		if (onoff_interval_ms && time_after_eq(now, h->next_onoff)) {
			tt_onoff(h);
			h->next_onoff = now + msecs_to_jiffies(onoff_interval_ms);
		}
		if (shuffle_interval_s && time_after_eq(now, h->next_shuffle)) {
			unsigned int i;

			for (i = 0; i < h->nr_threads; i++)
				set_cpus_allowed_ptr(h->threads[i], cpumask_of(cpumask_any_distribute(cpu_online_mask)));
			h->next_shuffle = now + shuffle_interval_s * HZ;
		}
		if (stutter_s && time_after_eq(now, h->next_stutter)) {
			WRITE_ONCE(tt->paused, !tt->paused);
			h->next_stutter = now + stutter_s * HZ;
		}
		if (altwq && fault_create_pct)
			altwq_wq_fail_worker_creations(get_random_u32_below(100) < fault_create_pct ? 1 : 0);
		msleep(10);
	}
	if (h->offline_cpu >= 0)
		WARN_ON(add_cpu(h->offline_cpu));
	if (altwq && fault_create_pct)
		altwq_wq_fail_worker_creations(0);
	return 0;
}

/* May sleep. The whole torture on one implementation: 0, or -ENOMEM. */
static int tt_torture(const struct wq_ops *ops, const struct kw_ops *kw)
{
	struct tt_helper helper = { .offline_cpu = -1 };
	struct task_struct *helper_task;
	unsigned int nr = nthreads ?: num_online_cpus(), i, q, started = 0;
	long queued = 0, runs = 0, cancels = 0, kw_uncounted = 0;
	/* altwq's rescuers' works, from here to the summary. */
	const bool altwq = !strcmp(ops->name, "altwq");
	const long rescued_before = altwq ? altwq_wq_nr_rescued_in_live_pools() : 0;
	const long live_wqs_before = altwq ? altwq_wq_live_workqueues() : 0;
	char rescued[96] = "";
	int err = 0;

	tt = kzalloc(sizeof(*tt), GFP_KERNEL);
	if (!tt)
		return -ENOMEM;
	tt->ops = ops;
	tt->kw = kw;
	tt->limited_cpu = cpumask_last(cpu_possible_mask); /* hotplug takes it off line too */
	mutex_init(&tt->spare_lock);
	tt->nr_items = TQ_NR * max(nitems, 1U);
	tt->items = kcalloc(tt->nr_items, sizeof(*tt->items), GFP_KERNEL);
	tt->nr_kitems = TK_WORKERS * max(nitems, 1U);
	tt->kitems = kcalloc(tt->nr_kitems, sizeof(*tt->kitems), GFP_KERNEL);
	helper.threads = kcalloc(nr, sizeof(*helper.threads), GFP_KERNEL);
	if (!tt->items || !tt->kitems || !helper.threads) {
		err = -ENOMEM;
		goto out;
	}
	for (q = 0; q < TK_WORKERS; q++) {
		tt->kworker[q] = kw->create_worker(q ? "tt_kworker1" : "tt_kworker0", -1);
		if (!tt->kworker[q]) {
			err = -ENOMEM;
			goto out;
		}
	}
	for (i = 0; i < tt->nr_kitems; i++) {
		struct tk_item *it = &tt->kitems[i];

		mutex_init(&it->lock);
		it->worker = i % TK_WORKERS;
		it->delayed = (i / TK_WORKERS) & 1;
		kw->init_work(&it->work, tk_fn, it);
	}
	for (q = 0; q < TQ_NR; q++) {
		tt->wq[q] = q == TQ_ORDERED ? ops->alloc_ordered(tq_names[q])
					    : ops->alloc(tq_names[q], tq_flags[q], q == TQ_LIMITED ? LimitedFirst : 0);
		if (!tt->wq[q]) {
			err = -ENOMEM;
			goto out;
		}
	}
	for (i = 0; i < tt->nr_items; i++) {
		struct tt_item *it = &tt->items[i];

		mutex_init(&it->lock);
		it->queue = i % TQ_NR;
		/* A timer on the limited CPU while it is off line would wait
		 * for it to come back; on any CPU, it would leave that CPU. */
		it->delayed = (i / TQ_NR) & 1 && it->queue != TQ_LIMITED;
		ops->init_work(&it->work, tt_fn, it);
	}
	for (i = 0; i < nr; i++) {
		struct task_struct *t = kthread_run(tt_thread, NULL, "altwq_torture/%u", i);

		if (IS_ERR(t))
			break;
		get_task_struct(t);
		helper.threads[started++] = t;
	}
	helper.nr_threads = started;
	helper_task = kthread_run(tt_helper_fn, &helper, "altwq_torture_h");
	if (!IS_ERR(helper_task))
		get_task_struct(helper_task);
	/* A second at a time: insmod sleeping for minutes in one go would
	 * look hung to the hung-task detector. */
	for (i = 0; i < duration_s; i++)
		msleep(1000);
	if (!IS_ERR(helper_task)) {
		kthread_stop(helper_task);
		put_task_struct(helper_task);
	}
	for (i = 0; i < started; i++) {
		kthread_stop(helper.threads[i]);
		put_task_struct(helper.threads[i]);
	}
	/* Quiet now: cancel what is left and balance the books. */
	for (i = 0; i < tt->nr_items; i++) {
		struct tt_item *it = &tt->items[i];

		tt_cancelled(it, ops->cancel_delayed_sync(&it->work), true);
		queued += atomic_long_read(&it->queued_true);
		runs += atomic_long_read(&it->runs);
		cancels += atomic_long_read(&it->cancels_true);
		if (atomic_long_read(&it->queued_true) != atomic_long_read(&it->runs) + atomic_long_read(&it->cancels_true))
			tt_violation("queueings that returned true != runs + successful cancels", it);
	}
	for (i = 0; i < tt->nr_kitems; i++) {
		struct tk_item *it = &tt->kitems[i];
		long lost;

		if (kw->cancel_delayed_sync(&it->work))
			atomic_long_inc(&it->cancels_true);
		queued += atomic_long_read(&it->queued_true);
		runs += atomic_long_read(&it->runs);
		cancels += atomic_long_read(&it->cancels_true);
		lost = atomic_long_read(&it->queued_true) - atomic_long_read(&it->runs) - atomic_long_read(&it->cancels_true);
		/* 6.12's kthread_cancel_delayed_work_sync returns false for a
		 * work whose timer fires while it cancels, yet the work never
		 * runs (cancel_counts_fired_timer): counted, not a violation. */
		if (lost > 0 && it->delayed && !kw->cancel_counts_fired_timer)
			kw_uncounted += lost;
		else if (lost)
			tk_violation("queueings that returned true != runs + successful cancels", it);
	}
	if (altwq) {
		/* Queues destroyed (the spare's re-makes) and not freed yet, and
		 * how long the release worker takes to free them: what an rmmod
		 * right now would wait for. */
		long held = 0, unfreed;
		u64 t0;

		for (q = 0; q < TQ_NR; q++)
			held += tt->wq[q] != NULL;
		unfreed = altwq_wq_live_workqueues() - live_wqs_before - held;
		t0 = ktime_get_ns();
		altwq_wq_flush_releases();
		snprintf(rescued, sizeof(rescued), " rescued=%ld unfreed_wqs=%ld release_backlog_ms=%llu",
			 altwq_wq_nr_rescued_in_live_pools() - rescued_before, unfreed,
			 (ktime_get_ns() - t0) / NSEC_PER_MSEC);
	}
	pr_info("altwq_torture: impl=%s duration_s=%u threads=%u items=%u+%u ops=%ld queued=%ld runs=%ld cancels=%ld "
		"onoffs=%lu kw_cancels_uncounted=%ld limited_most=%d/%d%s violations=%ld\n",
		ops->name, duration_s, started, tt->nr_items, tt->nr_kitems, atomic_long_read(&tt->ops_done), queued, runs, cancels,
		helper.onoffs, kw_uncounted, atomic_read(&tt->limited_most), LimitedMost, rescued,
		atomic_long_read(&tt->violations));
out:
	for (q = 0; q < TQ_NR; q++)
		if (tt->wq[q])
			ops->destroy(tt->wq[q]);
	for (q = 0; q < TK_WORKERS; q++)
		if (tt->kworker[q])
			kw->destroy_worker(tt->kworker[q]);
	kfree(tt->kitems);
	kfree(helper.threads);
	kfree(tt->items);
	kfree(tt);
	tt = NULL;
	return err;
}

static int __init altwq_torture_init(void)
{
	int err = 0;

	if (strcmp(impl, "altwq") && strcmp(impl, "intree") && strcmp(impl, "both")) {
		pr_err("altwq_torture: impl=%s: altwq, intree or both\n", impl);
		return -EINVAL;
	}
	if (fault_create_pct > 100)
		return -EINVAL;
	if (strcmp(impl, "intree"))
		err = tt_torture(&altwq_wq_ops_altwq, &altwq_kw_ops_altwq);
	if (strcmp(impl, "altwq")) {
		int e = tt_torture(&altwq_wq_ops_intree, &altwq_kw_ops_intree);

		err = err ?: e;
	}
	return err;
}
module_init(altwq_torture_init);

static void __exit altwq_torture_exit(void)
{
}
module_exit(altwq_torture_exit);

MODULE_DESCRIPTION("altwq: torture of a workqueue implementation, with exact books");
MODULE_LICENSE("GPL");
KABI_IMPORT_INTERNAL();
