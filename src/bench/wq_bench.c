// SPDX-License-Identifier: GPL-2.0
/*
 * The workqueue workloads of altwq_bench.ko: the same code on the in-tree
 * workqueue and on altwq through one ops table, A B A B over the rounds.
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/ktime.h>
#include <linux/delay.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/mm.h>
#include <linux/vmstat.h>
#include <linux/workqueue.h>
#include "bench.h"
#include "ops/wq_work.h"
#include "wq/test_hooks.h"

unsigned int wq_works = 20000;
module_param(wq_works, uint, 0444);
MODULE_PARM_DESC(wq_works, "no-op works per round (throughput workloads)");
unsigned int wq_samples = 200;
module_param(wq_samples, uint, 0444);
MODULE_PARM_DESC(wq_samples, "samples per round (latency and cost workloads)");
unsigned int wq_mix_works = 64;
module_param(wq_mix_works, uint, 0444);
MODULE_PARM_DESC(wq_mix_works, "works per round in the blocking mix (half sleep 1-10 ms, half compute)");
unsigned int wq_mem_queues = 128;
module_param(wq_mem_queues, uint, 0444);
MODULE_PARM_DESC(wq_mem_queues, "idle queues allocated to measure memory per queue");

enum { MAX_MIX_TASKS = 512 };

struct wb_work {
	struct wq_ops_work op;
	struct completion *started;
	u64 queued_ns, start_latency_ns;
	unsigned int sleep_ms, spin_us;
	struct wb_tasks *tasks;		/* records the task running it */
};

/* Distinct tasks seen running the works: the workers one implementation used. */
struct wb_tasks {
	spinlock_t lock;
	unsigned int n;
	void *seen[MAX_MIX_TASKS];
};

static void wb_body(struct wq_ops_work *op, void *ctx)
{
	struct wb_work *w = container_of(op, struct wb_work, op);

	if (w->queued_ns)
		w->start_latency_ns = ktime_get_ns() - w->queued_ns;
	if (w->started)
		complete(w->started);
	if (w->tasks) {
		struct wb_tasks *t = w->tasks;
		unsigned int i;

		spin_lock(&t->lock);
		for (i = 0; i < t->n && t->seen[i] != current; i++)
			;
		if (i == t->n && t->n < MAX_MIX_TASKS)
			t->seen[t->n++] = current;
		spin_unlock(&t->lock);
	}
	if (w->sleep_ms)
		msleep(w->sleep_ms);
	if (w->spin_us)
		udelay(w->spin_us);
}

enum { WB_PERCPU, WB_UNBOUND, WB_ORDERED };

static void *wb_alloc(const struct wq_ops *ops, unsigned int kind)
{
	if (kind == WB_ORDERED)
		return ops->alloc_ordered("bench-ordered");
	return ops->alloc("bench", kind == WB_UNBOUND ? TWQ_UNBOUND : 0, 0);
}

static void wb_init(const struct wq_ops *ops, struct wb_work *w) { ops->init_work(&w->op, wb_body, NULL); }

static const struct wq_ops *const wq_impls[] = { &altwq_wq_ops_intree, &altwq_wq_ops_altwq };
static const struct wq_ops *const alt_ops = &altwq_wq_ops_altwq;

/* ---- workloads; each returns 0 or -errno ---- */

/* wq_works no-op works queued from queuers[] CPUs (or this one), then flush. */
struct wb_queuer {
	const struct wq_ops *ops;
	void *wq;
	struct wb_work *works;
	unsigned int first, n;
	int cpu;		/* queue on this CPU; -1: any */
	atomic_t *failed;
	struct completion done;
};

static int wb_queuer_fn(void *data)
{
	struct wb_queuer *q = data;
	unsigned int i;

	for (i = q->first; i < q->first + q->n; i++)
		if (!q->ops->queue_on(q->cpu, q->wq, &q->works[i].op))
			atomic_inc(q->failed);
	complete(&q->done);
	return 0;
}

unsigned int bench_start_per_cpu(int (*fn)(void *slot), void (*init)(void *slot, int cpu, unsigned int i, void *ctx),
				 void *ctx, void *slots, unsigned long stride, const char *name, int *err)
{
	unsigned int started = 0;
	int cpu;

	*err = 0;
	for_each_online_cpu(cpu) {
		void *slot = (char *)slots + started * stride;
		struct task_struct *t;

		init(slot, cpu, started, ctx);
		t = kthread_create_on_cpu(fn, slot, cpu, name);
		if (IS_ERR(t)) {
			*err = PTR_ERR(t);
			break;
		}
		wake_up_process(t);
		started++;
	}
	return started;
}

struct wb_queuers_setup {
	const struct wq_ops *ops;
	void *wq;
	struct wb_work *works;
	unsigned int per, kind;
	atomic_t *failed;
};

static void wb_queuer_init(void *slot, int cpu, unsigned int i, void *ctx)
{
	const struct wb_queuers_setup *s = ctx;
	struct wb_queuer *q = slot;

	*q = (struct wb_queuer){ .ops = s->ops, .wq = s->wq, .works = s->works, .first = i * s->per, .n = s->per,
				 .cpu = s->kind == WB_PERCPU ? cpu : -1, .failed = s->failed };
	init_completion(&q->done);
}

static int throughput(const struct wq_ops *ops, unsigned int round, const char *name, unsigned int kind,
		      bool all_cpus)
{
	struct wb_work *works = kvcalloc(wq_works, sizeof(*works), GFP_KERNEL);
	struct wb_queuer *qs = kcalloc(nr_cpu_ids, sizeof(*qs), GFP_KERNEL);
	void *wq = wb_alloc(ops, kind);
	unsigned int i, nq = 0, per;
	atomic_t failed = ATOMIC_INIT(0);
	u64 start, queued = 0, elapsed;
	unsigned long switches = 0;
	int err = 0;

	if (!works || !qs || !wq) {
		err = -ENOMEM;
		goto out;
	}
	for (i = 0; i < wq_works; i++)
		wb_init(ops, &works[i]);
	per = all_cpus ? wq_works / num_online_cpus() : wq_works;
	start = ktime_get_ns();
	if (all_cpus) {
		struct wb_queuers_setup setup = { .ops = ops, .wq = wq, .works = works, .per = per, .kind = kind,
						  .failed = &failed };

		nq = bench_start_per_cpu(wb_queuer_fn, wb_queuer_init, &setup, qs, sizeof(*qs), "bench-queuer/%u", &err);
		for (i = 0; i < nq; i++)
			wait_for_completion(&qs[i].done);
	} else {
		int here = get_cpu();

		put_cpu();
		switches = current->nvcsw + current->nivcsw;
		for (i = 0; i < per; i++)
			if (!ops->queue_on(kind == WB_PERCPU ? here : -1, wq, &works[i].op))
				atomic_inc(&failed);
		queued = ktime_get_ns();
		switches = current->nvcsw + current->nivcsw - switches;
	}
	ops->flush_wq(wq);
	elapsed = ktime_get_ns() - start;
	if (!err && atomic_read(&failed))
		err = -EIO;
	if (!err) {
		u64 total = all_cpus ? (u64)nq * per : per;

		bench_report(name, ops->name, round, div64_u64(total * NSEC_PER_SEC, elapsed ?: 1), "works/s");
		/* From one queuer, what splits the time: the queueing calls alone
		 * (with the worker's runs on the same CPU in between), and how
		 * often the queuer was switched out meanwhile. */
		if (queued) {
			char split[64];

			snprintf(split, sizeof(split), "%s_queue_call", name);
			bench_report(split, ops->name, round, div64_u64(queued - start, per), "ns");
			snprintf(split, sizeof(split), "%s_queuer_switches", name);
			bench_report(split, ops->name, round, switches, "switches");
		}
	}
out:
	if (wq)
		ops->destroy(wq);
	kfree(qs);
	kvfree(works);
	return err;
}

static int wq_throughput_one_cpu(const struct wq_ops *ops, unsigned int round)
{
	return throughput(ops, round, "wq_percpu_throughput_one_queuer", WB_PERCPU, false);
}
static int wq_throughput_all_cpus(const struct wq_ops *ops, unsigned int round)
{
	return throughput(ops, round, "wq_percpu_throughput_all_cpus", WB_PERCPU, true);
}
static int wq_unbound_throughput(const struct wq_ops *ops, unsigned int round)
{
	return throughput(ops, round, "wq_unbound_throughput", WB_UNBOUND, false);
}
static int wq_ordered_throughput(const struct wq_ops *ops, unsigned int round)
{
	return throughput(ops, round, "wq_ordered_throughput", WB_ORDERED, false);
}

/* One queue, one work, wq_samples sample slots. */
struct wb_sampled {
	void *wq;
	struct wb_work *w;
	u64 *samples;
};

static int sampled_begin(struct wb_sampled *r, const struct wq_ops *ops)
{
	r->samples = kcalloc(wq_samples, sizeof(u64), GFP_KERNEL);
	r->w = kzalloc(sizeof(*r->w), GFP_KERNEL);
	r->wq = wb_alloc(ops, WB_PERCPU);
	if (!r->samples || !r->w || !r->wq)
		return -ENOMEM;
	wb_init(ops, r->w);
	return 0;
}

/* The work must be idle by now. */
static void sampled_end(struct wb_sampled *r, const struct wq_ops *ops)
{
	if (r->wq)
		ops->destroy(r->wq);
	kfree(r->w);
	kfree(r->samples);
}

/* altwq's worker creations and kicks summed over the normal pools of the online CPUs. */
static void alt_pool_totals(struct altwq_wq_pool_stats *sum)
{
	struct altwq_wq_pool_stats one;
	int cpu;

	memset(sum, 0, sizeof(*sum));
	for_each_online_cpu(cpu) {
		if (altwq_wq_get_pool_stats(cpu, false, &one))
			continue;
		sum->nr_created += one.nr_created;
		sum->nr_kicks += one.nr_kicks;
	}
}

/*
 * queue->start on an idle per-CPU pool (same CPU): p50 and p99. Beside them,
 * the distinct worker tasks that started the samples, and for altwq whether
 * its pools created workers or kicked through irq_work meanwhile: a tail
 * that none of these explain lies in the wakeup itself.
 */
static int wq_start_latency(const struct wq_ops *ops, unsigned int round)
{
	DECLARE_COMPLETION_ONSTACK(started);
	struct wb_tasks *tasks = kzalloc(sizeof(*tasks), GFP_KERNEL);
	struct altwq_wq_pool_stats before = {}, after = {};
	struct wb_sampled r = {};
	unsigned int i;
	int err = sampled_begin(&r, ops);

	if (!err && !tasks)
		err = -ENOMEM;
	if (!err) {
		spin_lock_init(&tasks->lock);
		r.w->started = &started;
		r.w->tasks = tasks;
	}
	if (ops == alt_ops)
		alt_pool_totals(&before);
	for (i = 0; !err && i < wq_samples; i++) {
		usleep_range(200, 300); /* the pool goes idle */
		reinit_completion(&started);
		r.w->queued_ns = ktime_get_ns();
		if (!ops->queue_on(-1, r.wq, &r.w->op) || !wait_for_completion_timeout(&started, 10 * HZ))
			err = -EIO;
		ops->flush_work(&r.w->op);
		r.samples[i] = r.w->start_latency_ns;
	}
	if (ops == alt_ops)
		alt_pool_totals(&after);
	if (!err) {
		bench_report("wq_queue_start_latency_p50", ops->name, round, bench_percentile(r.samples, wq_samples, 50), "ns");
		bench_report("wq_queue_start_latency_p99", ops->name, round, bench_percentile(r.samples, wq_samples, 99), "ns");
		bench_report("wq_queue_start_latency_workers_used", ops->name, round, tasks->n, "tasks");
	}
	if (!err && ops == alt_ops) {
		bench_profile("wq_queue_start_latency", "workers_created", round, after.nr_created - before.nr_created);
		bench_profile("wq_queue_start_latency", "irq_work_kicks", round, after.nr_kicks - before.nr_kicks);
	}
	sampled_end(&r, ops);
	kfree(tasks);
	return err;
}

enum wb_cost { COST_FLUSH, COST_CANCEL_IDLE, COST_CANCEL_DELAYED_ARMED };

/*
 * One call's cost. The cancels take about a microsecond, near the step of
 * the guest's clock under TCG (a single call read as 690, 1370 or 2790 ns),
 * so each of their samples times BENCH_BATCH calls in a row (the armed
 * ones on BENCH_BATCH works armed beforehand, untimed) and reports the
 * mean call. A flush waits for a wakeup, far above that step: one per
 * sample.
 */
static int cost(const struct wq_ops *ops, unsigned int round, enum wb_cost what, const char *name)
{
	const unsigned int batch = what == COST_FLUSH ? 1 : BENCH_BATCH;
	struct wb_work *works = kcalloc(batch, sizeof(*works), GFP_KERNEL);
	struct wb_sampled r = {};
	unsigned int i, j;
	int err = sampled_begin(&r, ops);

	if (!err && !works)
		err = -ENOMEM;
	for (j = 0; !err && j < batch; j++)
		wb_init(ops, &works[j]);
	for (i = 0; !err && i < wq_samples; i++) {
		u64 t0;

		for (j = 0; j < batch; j++) {
			if (what == COST_FLUSH && !ops->queue_on(-1, r.wq, &works[j].op))
				err = -EIO;
			if (what == COST_CANCEL_DELAYED_ARMED &&
			    !ops->queue_delayed_on(-1, r.wq, &works[j].op, 60 * HZ))
				err = -EIO;
		}
		t0 = ktime_get_ns();
		for (j = 0; j < batch; j++) {
			if (what == COST_FLUSH)
				ops->flush_work(&works[j].op);
			else if (what == COST_CANCEL_IDLE)
				ops->cancel_sync(&works[j].op);
			else if (!ops->cancel_delayed_sync(&works[j].op))
				err = -EIO;
		}
		r.samples[i] = div_u64(ktime_get_ns() - t0, batch);
	}
	if (!err)
		bench_report(name, ops->name, round, bench_percentile(r.samples, wq_samples, 50), "ns");
	for (j = 0; works && j < batch; j++)
		(void)ops->cancel_delayed_sync(&works[j].op); /* after a failure */
	kfree(works);
	sampled_end(&r, ops);
	return err;
}

static int wq_flush_work_cost(const struct wq_ops *ops, unsigned int round)
{
	return cost(ops, round, COST_FLUSH, "wq_flush_work");
}
static int wq_cancel_sync_idle(const struct wq_ops *ops, unsigned int round)
{
	return cost(ops, round, COST_CANCEL_IDLE, "wq_cancel_work_sync_idle");
}
static int wq_cancel_delayed_armed(const struct wq_ops *ops, unsigned int round)
{
	return cost(ops, round, COST_CANCEL_DELAYED_ARMED, "wq_cancel_delayed_work_sync_armed");
}

/* Half the works sleep 1-10 ms, half compute 200 us, all on one CPU. */
static int wq_blocking_mix(const struct wq_ops *ops, unsigned int round)
{
	struct wb_work *works = kcalloc(wq_mix_works, sizeof(*works), GFP_KERNEL);
	struct wb_tasks *tasks = kzalloc(sizeof(*tasks), GFP_KERNEL);
	struct altwq_wq_pool_stats before = {}, after = {};
	void *wq = wb_alloc(ops, WB_PERCPU);
	int cpu = cpumask_last(cpu_online_mask);
	unsigned int i;
	u64 start;
	int err = 0;

	if (!works || !tasks || !wq) {
		err = -ENOMEM;
		goto out;
	}
	spin_lock_init(&tasks->lock);
	for (i = 0; i < wq_mix_works; i++) {
		wb_init(ops, &works[i]);
		works[i].tasks = tasks;
		if (i % 2)
			works[i].sleep_ms = 1 + (i / 2) % 10;
		else
			works[i].spin_us = 200;
	}
	if (ops == alt_ops)
		altwq_wq_get_pool_stats(cpu, false, &before);
	start = ktime_get_ns();
	for (i = 0; i < wq_mix_works; i++)
		if (!ops->queue_on(cpu, wq, &works[i].op))
			err = -EIO;
	ops->flush_wq(wq);
	if (!err && ops == alt_ops) {
		/* altwq's own counters: how it got there (none exist for in-tree). */
		altwq_wq_get_pool_stats(cpu, false, &after);
		bench_profile("wq_blocking_mix", "irq_work_kicks", round, after.nr_kicks - before.nr_kicks);
		bench_profile("wq_blocking_mix", "kick_wakeups", round, after.nr_kick_wakeups - before.nr_kick_wakeups);
		bench_profile("wq_blocking_mix", "workers_created", round, after.nr_created - before.nr_created);
	}
	if (!err) {
		bench_report("wq_blocking_mix_total", ops->name, round, div64_u64(ktime_get_ns() - start, NSEC_PER_USEC),
			     "us");
		bench_report("wq_blocking_mix_workers_used", ops->name, round, tasks->n, "tasks");
	}
out:
	if (wq)
		ops->destroy(wq);
	kfree(tasks);
	kfree(works);
	return err;
}

int wq_bench_slab_per_queue(const struct wq_ops *ops, unsigned int n, unsigned int flags, void (*all_made)(void *),
			    void *ctx, unsigned long *per_queue)
{
	void **wqs = kvcalloc(n, sizeof(void *), GFP_KERNEL);
	unsigned long before, after;
	unsigned int i, made = 0;
	int err = 0;

	if (!wqs)
		return -ENOMEM;
	before = global_node_page_state_pages(NR_SLAB_UNRECLAIMABLE_B);
	for (; made < n; made++) {
		wqs[made] = ops->alloc("bench", flags, 0);
		if (!wqs[made]) {
			err = -ENOMEM;
			break;
		}
	}
	after = global_node_page_state_pages(NR_SLAB_UNRECLAIMABLE_B);
	if (!err && all_made)
		all_made(ctx);
	for (i = 0; i < made; i++)
		ops->destroy(wqs[i]);
	*per_queue = after > before ? (after - before) * PAGE_SIZE / n : 0;
	kvfree(wqs);
	return err;
}

/* Unreclaimable slab grown by wq_mem_queues idle per-CPU queues, per queue.
 * (Memory from the per-CPU allocator is not in this count.) */
static int wq_memory_per_idle_queue(const struct wq_ops *ops, unsigned int round)
{
	unsigned long per_queue;
	int err = wq_bench_slab_per_queue(ops, wq_mem_queues, 0, NULL, NULL, &per_queue);

	if (!err)
		bench_report("wq_memory_per_idle_queue", ops->name, round, per_queue, "bytes");
	return err;
}

static int (*const wq_workloads[])(const struct wq_ops *, unsigned int) = {
	wq_throughput_one_cpu, wq_throughput_all_cpus, wq_start_latency, wq_blocking_mix,
	wq_unbound_throughput, wq_ordered_throughput, wq_flush_work_cost, wq_cancel_sync_idle,
	wq_cancel_delayed_armed, wq_memory_per_idle_queue,
};

int wq_bench_ab(int (*const *workloads)(const struct wq_ops *, unsigned int), unsigned int n, unsigned int rounds,
		const char *what)
{
	unsigned int wl, round, i;
	int err;

	for (wl = 0; wl < n; wl++) {
		for (round = 0; round < rounds; round++) {
			for (i = 0; i < ARRAY_SIZE(wq_impls); i++) {
				const struct wq_ops *ops = wq_impls[(i + round) % ARRAY_SIZE(wq_impls)];

				err = workloads[wl](ops, round);
				if (err) {
					pr_err("ALTWQ-BENCH-FAILED %s workload %u on %s: %d\n", what, wl, ops->name, err);
					return err;
				}
				cond_resched();
			}
		}
	}
	return 0;
}

int wq_bench_run(unsigned int rounds)
{
	if (!wq_works || !wq_samples || wq_samples > 1000000 || !wq_mix_works || !wq_mem_queues) {
		pr_err("ALTWQ-BENCH-FAILED wq_works, wq_samples, wq_mix_works and wq_mem_queues must be positive\n");
		return -EINVAL;
	}
	return wq_bench_ab(wq_workloads, ARRAY_SIZE(wq_workloads), rounds, "wq");
}
