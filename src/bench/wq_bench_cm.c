// SPDX-License-Identifier: GPL-2.0
/*
 * The concurrency-management workloads of altwq_bench.ko (issue "CM II"):
 * works queued behind a CPU hog, a mix of works that block 20-100 us, and
 * the pool lock's hold time in queue_work with the wakeup inside or
 * outside it. In-tree and altwq alternate A B A B over the rounds.
 */
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/ktime.h>
#include <linux/delay.h>
#include <linux/spinlock.h>
#include <linux/cpumask.h>
#include "bench.h"
#include "ops/wq_work.h"
#include "wq/test_hooks.h"

unsigned int wq_hog_ms = 100;
module_param(wq_hog_ms, uint, 0444);
MODULE_PARM_DESC(wq_hog_ms, "how long the hog of the hog mix computes without sleeping (ms)");
unsigned int wq_stall_window_us = 200;
module_param(wq_stall_window_us, uint, 0444);
MODULE_PARM_DESC(wq_stall_window_us, "altwq's stall_window_us in the short-block mix's window row");

enum { HOG_SHORTS = 8, SB_WORKS = 64, LOCK_SAMPLES = 200 };

struct cm_work {
	struct wq_ops_work op;
	u64 queued_ns, started_ns;
	unsigned int spin_us, block_us;
	void *task;			/* who ran it */
};

static void cm_body(struct wq_ops_work *op, void *ctx)
{
	struct cm_work *w = container_of(op, struct cm_work, op);

	w->started_ns = ktime_get_ns();
	w->task = current;
	if (w->block_us)
		usleep_range(w->block_us, w->block_us + 10);
	if (w->spin_us) {
		u64 end = w->started_ns + (u64)w->spin_us * NSEC_PER_USEC;

		/*
		 * Busy, never sleeping; preemptible, also where only
		 * cond_resched() preempts (Debian's voluntary preemption).
		 */
		while (ktime_get_ns() < end) {
			udelay(50);
			cond_resched();
		}
	}
}

static const struct wq_ops *const alt = &altwq_wq_ops_altwq;

/*
 * A work computes wq_hog_ms on one CPU; once it started, HOG_SHORTS no-op
 * works are queued there. Their median start latency: the CPU-hog
 * detection's reaction (threshold, then how soon it notices).
 */
static int wq_hog_mix(const struct wq_ops *ops, unsigned int round)
{
	struct cm_work *w = kcalloc(HOG_SHORTS + 1, sizeof(*w), GFP_KERNEL);
	u64 lat[HOG_SHORTS];
	void *wq = ops->alloc("bench-hog", 0, 0);
	int cpu = cpumask_last(cpu_online_mask);
	unsigned int i;
	int err = 0;

	if (!w || !wq) {
		err = -ENOMEM;
		goto out;
	}
	for (i = 0; i <= HOG_SHORTS; i++)
		ops->init_work(&w[i].op, cm_body, NULL);
	w[0].spin_us = wq_hog_ms * USEC_PER_MSEC;
	if (!ops->queue_on(cpu, wq, &w[0].op)) {
		err = -EIO;
		goto out;
	}
	while (!READ_ONCE(w[0].started_ns))
		usleep_range(50, 100);
	for (i = 1; i <= HOG_SHORTS; i++) {
		w[i].queued_ns = ktime_get_ns();
		if (!ops->queue_on(cpu, wq, &w[i].op))
			err = -EIO;
	}
	ops->flush_wq(wq);
	if (err)
		goto out;
	for (i = 0; i < HOG_SHORTS; i++)
		lat[i] = w[i + 1].started_ns - w[i + 1].queued_ns;
	bench_report("wq_hog_mix_short_start_latency", ops->name, round,
		     div_u64(bench_percentile(lat, HOG_SHORTS, 50), NSEC_PER_USEC), "us");
	if (ops == alt)
		bench_profile("wq_hog_mix", "cpu_intensive_thresh_us", round, altwq_wq_cpu_intensive_thresh_us());
out:
	if (wq)
		ops->destroy(wq);
	kfree(w);
	return err;
}

/*
 * SB_WORKS works on one CPU: odd ones block 20-100 us and then compute
 * 10 us, even ones compute 50 us. Total time; distinct workers that ran
 * them; handoffs (a work started by another worker than the one before
 * it, in start order: what a wakeup for a block costs).
 */
static int short_block_mix(const struct wq_ops *ops, unsigned int round, const char *name, unsigned int window_us)
{
	struct cm_work *w = kcalloc(SB_WORKS, sizeof(*w), GFP_KERNEL);
	struct cm_work **by_start = kcalloc(SB_WORKS, sizeof(*by_start), GFP_KERNEL);
	void *wq = ops->alloc("bench-sb", 0, 0);
	int cpu = cpumask_last(cpu_online_mask);
	struct altwq_wq_pool_stats before = {}, after = {};
	unsigned int i, j, tasks = 0, handoffs = 0;
	char wl[64];
	u64 start, total;
	int err = 0;

	if (!w || !by_start || !wq) {
		err = -ENOMEM;
		goto out;
	}
	for (i = 0; i < SB_WORKS; i++) {
		ops->init_work(&w[i].op, cm_body, NULL);
		if (i % 2) {
			w[i].block_us = 20 + (i / 2) * 80 / (SB_WORKS / 2);
			w[i].spin_us = 10;
		} else {
			w[i].spin_us = 50;
		}
	}
	if (ops == alt) {
		altwq_wq_set_stall_window_us(window_us);
		altwq_wq_get_pool_stats(cpu, false, &before);
	}
	start = ktime_get_ns();
	for (i = 0; i < SB_WORKS; i++)
		if (!ops->queue_on(cpu, wq, &w[i].op))
			err = -EIO;
	ops->flush_wq(wq);
	total = ktime_get_ns() - start;
	if (ops == alt) {
		altwq_wq_get_pool_stats(cpu, false, &after);
		altwq_wq_set_stall_window_us(0);
	}
	if (err)
		goto out;
	/* Start order, then count tasks and changes of task. */
	for (i = 0; i < SB_WORKS; i++) {
		for (j = i; j > 0 && by_start[j - 1]->started_ns > w[i].started_ns; j--)
			by_start[j] = by_start[j - 1];
		by_start[j] = &w[i];
	}
	for (i = 0; i < SB_WORKS; i++) {
		for (j = 0; j < i && by_start[j]->task != by_start[i]->task; j++)
			;
		if (j == i)
			tasks++;
		if (i && by_start[i]->task != by_start[i - 1]->task)
			handoffs++;
	}
	snprintf(wl, sizeof(wl), "%s_total", name);
	bench_report(wl, ops->name, round, div_u64(total, NSEC_PER_USEC), "us");
	snprintf(wl, sizeof(wl), "%s_handoffs", name);
	bench_report(wl, ops->name, round, handoffs, "handoffs");
	snprintf(wl, sizeof(wl), "%s_workers_used", name);
	bench_report(wl, ops->name, round, tasks, "tasks");
	if (ops == alt) {
		bench_profile(name, "kick_wakeups", round, after.nr_kick_wakeups - before.nr_kick_wakeups);
		bench_profile(name, "stall_windows", round, after.nr_stall_windows - before.nr_stall_windows);
		bench_profile(name, "stall_wakeups", round, after.nr_stall_wakeups - before.nr_stall_wakeups);
	}
out:
	if (wq)
		ops->destroy(wq);
	kfree(by_start);
	kfree(w);
	return err;
}

static int wq_short_block_mix(const struct wq_ops *ops, unsigned int round)
{
	return short_block_mix(ops, round, "wq_short_block_mix", 0);
}

static int wq_short_block_mix_window(const struct wq_ops *ops, unsigned int round)
{
	return short_block_mix(ops, round, "wq_short_block_mix_window", wq_stall_window_us);
}

/*
 * queue_work onto an idle per-CPU pool, so that each queueing wakes a
 * worker, then flush_work: LOCK_SAMPLES times. The row is the median
 * queue+flush time; altwq's counters give the pool lock's mean hold time
 * per queue_work with the wakeup after the unlock (now) and, in a second
 * pass, inside it (before).
 */
static int queue_wake_pass(const struct wq_ops *ops, void *wq, struct cm_work *w, u64 *samples)
{
	int cpu = cpumask_last(cpu_online_mask);
	unsigned int i;

	for (i = 0; i < LOCK_SAMPLES; i++) {
		u64 t0 = ktime_get_ns();

		if (!ops->queue_on(cpu, wq, &w->op))
			return -EIO;
		ops->flush_work(&w->op);
		if (samples)
			samples[i] = ktime_get_ns() - t0;
		usleep_range(200, 300); /* the worker goes back to sleep */
	}
	return 0;
}

static void lock_profile(unsigned int round, const char *counter)
{
	long ns, holds;

	altwq_wq_queue_lock_time(&ns, &holds);
	bench_profile("wq_queue_wake", counter, round, holds ? ns / holds : 0);
}

static int wq_queue_wake(const struct wq_ops *ops, unsigned int round)
{
	u64 *samples = kcalloc(LOCK_SAMPLES, sizeof(*samples), GFP_KERNEL);
	struct cm_work *w = kzalloc(sizeof(*w), GFP_KERNEL); /* INIT_WORK: not on the stack */
	void *wq = ops->alloc("bench-wake", 0, 0);
	int err = 0;

	if (!samples || !w || !wq) {
		err = -ENOMEM;
		goto out;
	}
	ops->init_work(&w->op, cm_body, NULL);
	if (ops == alt)
		altwq_wq_time_queue_lock(true);
	err = queue_wake_pass(ops, wq, w, samples);
	if (ops == alt) {
		altwq_wq_time_queue_lock(false);
		lock_profile(round, "lock_hold_ns_wake_after_unlock");
	}
	if (!err && ops == alt) {
		altwq_wq_set_wake_under_lock(true);
		altwq_wq_time_queue_lock(true);
		err = queue_wake_pass(ops, wq, w, NULL);
		altwq_wq_time_queue_lock(false);
		altwq_wq_set_wake_under_lock(false);
		lock_profile(round, "lock_hold_ns_wake_under_lock");
	}
	if (err)
		goto out;
	bench_report("wq_queue_wake_flush", ops->name, round, bench_percentile(samples, LOCK_SAMPLES, 50), "ns");
out:
	if (wq)
		ops->destroy(wq);
	kfree(w);
	kfree(samples);
	return err;
}

static int (*const cm_workloads[])(const struct wq_ops *, unsigned int) = {
	wq_hog_mix, wq_short_block_mix, wq_short_block_mix_window, wq_queue_wake,
};

int wq_cm_bench_run(unsigned int rounds)
{
	if (!wq_hog_ms) {
		pr_err("ALTWQ-BENCH-FAILED wq_hog_ms must be positive\n");
		return -EINVAL;
	}
	return wq_bench_ab(cm_workloads, ARRAY_SIZE(cm_workloads), rounds, "cm");
}
