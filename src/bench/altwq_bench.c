// SPDX-License-Identifier: GPL-2.0
/*
 * altwq_bench.ko: the same workloads on the kernel's own implementation and
 * on altwq, in one boot, alternating A B A B over several rounds. Each
 * measurement is printed as one line
 *
 *	ALTWQ-BENCH <workload> <impl> <round> <value> <unit>
 *
 * and scripts/bench turns them into medians and ratios. Everything runs at
 * load time; unloading does nothing. The kthread_worker workloads are here,
 * the workqueue ones in wq_bench.c.
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/ktime.h>
#include <linux/delay.h>
#include <linux/sort.h>
#include <linux/completion.h>
#include <linux/string.h>
#ifdef CONFIG_TRACEPOINTS
#include <linux/tracepoint.h>
#endif
#include <linux/atomic.h>
#include "bench.h"
#include "ops/kw_work.h"
#include "kabi/export.h"
#include "kthread_worker/test_hooks.h"

static unsigned int rounds = 6;
module_param(rounds, uint, 0444);
MODULE_PARM_DESC(rounds, "A/B rounds per workload (even: each goes first equally often)");
static unsigned int kw_works = 20000;
module_param(kw_works, uint, 0444);
MODULE_PARM_DESC(kw_works, "works queued per round (queue+flush throughput), at least 2");
static unsigned int kw_samples = 200;
module_param(kw_samples, uint, 0444);
MODULE_PARM_DESC(kw_samples, "samples per round (latency workloads)");

/* ---- the kthread_worker operations, over both implementations ---- */

struct bench_work {
	struct kw_ops_work op;
	struct completion *started;	/* signalled on each run, if set */
	u64 queued_ns;			/* for queue->start latency */
	u64 start_latency_ns;
	bool requeue;			/* re-queues itself each run */
	struct worker_task *runner;	/* records the task that runs it, if set */
	const struct kw_ops *ops;
	void *worker;
};

/* The task that ran a work, its context switch count and the time then. */
struct worker_task {
	struct task_struct *task;
	unsigned long switches;
	u64 ns;
};

static unsigned long context_switches(struct task_struct *task)
{
	return READ_ONCE(task->nvcsw) + READ_ONCE(task->nivcsw);
}

static void bench_body(struct kw_ops_work *op, void *ctx)
{
	struct bench_work *w = container_of(op, struct bench_work, op);

	if (w->runner) {
		w->runner->task = current;
		w->runner->switches = context_switches(current);
		w->runner->ns = ktime_get_ns();
	}
	if (w->queued_ns)
		w->start_latency_ns = ktime_get_ns() - w->queued_ns;
	if (w->started)
		complete(w->started);
	if (w->requeue)
		w->ops->queue(w->worker, &w->op);
}

static void *bench_create(const struct kw_ops *ops) { return ops->create_worker("bench", -1); }
static void bench_init(const struct kw_ops *ops, struct bench_work *w) { ops->init_work(&w->op, bench_body, NULL); }

static const struct kw_ops *const intree_ops = &altwq_kw_ops_intree;
static const struct kw_ops *const altwq_ops = &altwq_kw_ops_altwq;
static const struct kw_ops *const impls[] = { &altwq_kw_ops_intree, &altwq_kw_ops_altwq };

void bench_report(const char *workload, const char *impl, unsigned int round, u64 value, const char *unit)
{
	pr_info("ALTWQ-BENCH %s %s %u %llu %s\n", workload, impl, round, value, unit);
}

void bench_profile(const char *workload, const char *counter, unsigned int round, s64 value)
{
	pr_info("ALTWQ-BENCH-PROFILE %s %s %u %lld\n", workload, counter, round, value);
}

static void report(const char *workload, const struct kw_ops *ops, unsigned int round,
		   u64 value, const char *unit)
{
	bench_report(workload, ops->name, round, value, unit);
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

u64 bench_percentile(u64 *samples, unsigned int n, unsigned int p)
{
	unsigned int rank = DIV_ROUND_UP(n * p, 100);

	sort(samples, n, sizeof(u64), cmp_u64, NULL);
	return samples[clamp(rank, 1U, n) - 1];
}

/* ---- workloads; each returns 0 or -errno ---- */

/*
 * Queue kw_works distinct works, then flush the worker: works per second.
 * Beside it, what splits the time: the queueing calls alone (ns per work),
 * the worker from the first work's start to the last's (ns per work), and
 * how often the scheduler switched the worker task out meanwhile.
 */
static int kw_queue_flush_throughput(const struct kw_ops *ops, unsigned int round)
{
	struct bench_work *works = kvcalloc(kw_works, sizeof(*works), GFP_KERNEL);
	struct worker_task first = {}, last = {};
	void *worker = bench_create(ops);
	u64 start, queued, elapsed;
	unsigned int i;
	int err = 0;

	if (!works || !worker) {
		err = -ENOMEM;
		goto out;
	}
	for (i = 0; i < kw_works; i++) {
		works[i].ops = ops;
		bench_init(ops, &works[i]);
	}
	works[0].runner = &first;
	works[kw_works - 1].runner = &last;
	start = ktime_get_ns();
	for (i = 0; i < kw_works; i++)
		if (!ops->queue(worker, &works[i].op))
			err = -EIO;
	queued = ktime_get_ns();
	ops->flush_worker(worker);
	elapsed = ktime_get_ns() - start;
	if (err)
		goto out;
	if (first.task != last.task) {
		err = -EIO; /* one worker task runs them all */
		goto out;
	}
	report("kw_queue_flush_throughput", ops, round, div64_u64((u64)kw_works * NSEC_PER_SEC, elapsed ?: 1),
	       "works/s");
	report("kw_queue_flush_throughput_queue_call", ops, round, div64_u64(queued - start, kw_works), "ns");
	report("kw_queue_flush_throughput_worker_per_work", ops, round,
	       div64_u64(last.ns - first.ns, kw_works - 1), "ns");
	report("kw_queue_flush_throughput_worker_switches", ops, round, last.switches - first.switches, "switches");
out:
	if (worker)
		ops->destroy_worker(worker);
	kvfree(works);
	return err;
}

/* The latency workloads' common part: one worker, one work, kw_samples slots. */
struct sampled_run {
	const struct kw_ops *ops;
	void *worker;
	struct bench_work *w;
	u64 *samples;
};

static int sampled_begin(struct sampled_run *r, const struct kw_ops *ops)
{
	r->ops = ops;
	r->samples = kcalloc(kw_samples, sizeof(u64), GFP_KERNEL);
	r->w = kzalloc(sizeof(*r->w), GFP_KERNEL);
	r->worker = bench_create(ops);
	if (!r->samples || !r->w || !r->worker)
		return -ENOMEM;
	r->w->ops = ops;
	r->w->worker = r->worker;
	bench_init(ops, r->w);
	return 0;
}

/* The work must be idle (flushed or cancelled) by now. */
static void sampled_end(struct sampled_run *r)
{
	if (r->worker)
		r->ops->destroy_worker(r->worker);
	kfree(r->w);
	kfree(r->samples);
}

/* Reports one percentile of the samples (sorting them, harmlessly again). */
static void sampled_report(struct sampled_run *r, const char *workload, unsigned int round, unsigned int p)
{
	report(workload, r->ops, round, bench_percentile(r->samples, kw_samples, p), "ns");
}

/* Queue one work on an idle worker, wait for it: queue->start p50 and p99. */
static int kw_queue_start_latency(const struct kw_ops *ops, unsigned int round)
{
	DECLARE_COMPLETION_ONSTACK(started);
	struct sampled_run r = {};
	unsigned int i;
	int err = sampled_begin(&r, ops);

	if (err)
		goto out;
	r.w->started = &started;
	for (i = 0; i < kw_samples; i++) {
		usleep_range(200, 300); /* the worker goes idle */
		reinit_completion(&started);
		r.w->queued_ns = ktime_get_ns();
		if (!ops->queue(r.worker, &r.w->op) || !wait_for_completion_timeout(&started, 10 * HZ)) {
			err = -EIO;
			break;
		}
		ops->flush_work(&r.w->op);
		r.samples[i] = r.w->start_latency_ns;
	}
	ops->flush_work(&r.w->op);
	if (!err) {
		sampled_report(&r, "kw_queue_start_latency_p50", round, 50);
		sampled_report(&r, "kw_queue_start_latency_p99", round, 99);
	}
out:
	sampled_end(&r);
	return err;
}

/* flush_work right after queueing a trivial work: mostly the worker's wakeup. */
static int kw_flush_work_cost(const struct kw_ops *ops, unsigned int round)
{
	struct sampled_run r = {};
	unsigned int i;
	int err = sampled_begin(&r, ops);

	for (i = 0; !err && i < kw_samples; i++) {
		u64 t0;

		if (!ops->queue(r.worker, &r.w->op)) {
			err = -EIO;
			break;
		}
		t0 = ktime_get_ns();
		ops->flush_work(&r.w->op);
		r.samples[i] = ktime_get_ns() - t0;
	}
	if (!err)
		sampled_report(&r, "kw_flush_work", round, 50);
	sampled_end(&r);
	return err;
}

/* cancel_delayed_work_sync of an idle work: the fixed cost of the call,
 * timed BENCH_BATCH calls at a time (one is near the clock's step under
 * TCG; see wq_bench.c). */
static int kw_cancel_idle(const struct kw_ops *ops, unsigned int round)
{
	struct sampled_run r = {};
	unsigned int i, j;
	int err = sampled_begin(&r, ops);

	if (!err && !ops->queue(r.worker, &r.w->op))	/* tie it to the worker once */
		err = -EIO;
	if (!err)
		ops->flush_work(&r.w->op);
	for (i = 0; !err && i < kw_samples; i++) {
		u64 t0 = ktime_get_ns();

		for (j = 0; j < BENCH_BATCH; j++)
			ops->cancel_delayed_sync(&r.w->op);
		r.samples[i] = div_u64(ktime_get_ns() - t0, BENCH_BATCH);
	}
	if (!err)
		sampled_report(&r, "kw_cancel_delayed_sync_idle", round, 50);
	sampled_end(&r);
	return err;
}

/*
 * One pass of kw_samples cancels of the self-requeueing work: times them into
 * r->samples (if timed) and counts the cancels that put the cancelling task
 * to sleep (its voluntary context switches, counted by the scheduler) and,
 * for the kernel's worker, those that found the work current just before.
 */
static int cancel_pass(struct sampled_run *r, bool timed, unsigned int *slept, unsigned int *current_seen)
{
	const struct kw_ops *ops = r->ops;
	unsigned int i;

	*slept = *current_seen = 0;
	for (i = 0; i < kw_samples; i++) {
		unsigned long nvcsw;
		u64 t0;

		r->w->requeue = true;
		if (!ops->queue(r->worker, &r->w->op))
			return -EIO;
		udelay(100); /* spinning on it */
		/* The kernel's worker is not opaque: sample whether the work is
		 * its current one just before the cancel (altwq counts exactly). */
		if (ops == intree_ops &&
		    READ_ONCE(((struct kthread_worker *)r->worker)->current_work) == &r->w->op.u.intree.work)
			(*current_seen)++;
		nvcsw = READ_ONCE(current->nvcsw);
		t0 = ktime_get_ns();
		ops->cancel_delayed_sync(&r->w->op);
		if (timed)
			r->samples[i] = ktime_get_ns() - t0;
		if (READ_ONCE(current->nvcsw) != nvcsw)
			(*slept)++;
		r->w->requeue = false; /* not running: the cancel returned */
	}
	return 0;
}

#ifdef CONFIG_TRACEPOINTS
/*
 * How many of the kernel's cancels queued a flush behind the running work:
 * a probe on its sched_kthread_work_execute_start tracepoint counts the works
 * other than the cancelled one that the bench's worker runs (only flushes).
 * The probe slows the kernel's worker, so it is attached only for a separate,
 * untimed pass. -ENOENT without tracepoints.
 */
struct flush_probe {
	struct tracepoint *tp;
	struct task_struct *worker_task;
	struct kthread_work *cancelled;
	atomic_t flushes;
};

static struct flush_probe flush_probe;

static void find_execute_start(struct tracepoint *tp, void *priv)
{
	if (!strcmp(tp->name, "sched_kthread_work_execute_start"))
		*(struct tracepoint **)priv = tp;
}

static void count_flush(void *data, struct kthread_work *work)
{
	struct flush_probe *p = data;

	if (current == READ_ONCE(p->worker_task) && work != READ_ONCE(p->cancelled))
		atomic_inc(&p->flushes);
}

/* The untimed pass on the kernel's worker with the flush probe attached. */
static int intree_cancels_that_waited(struct sampled_run *r, unsigned int round)
{
	struct flush_probe *p = &flush_probe;
	unsigned int slept, current_seen;
	int err;

	if (!p->tp)
		for_each_kernel_tracepoint(find_execute_start, &p->tp);
	if (!p->tp)
		return -ENOENT;
	p->worker_task = ((struct kthread_worker *)r->worker)->task;
	p->cancelled = &r->w->op.u.intree.work;
	atomic_set(&p->flushes, 0);
	err = tracepoint_probe_register(p->tp, count_flush, p);
	if (err)
		return err;
	err = cancel_pass(r, false, &slept, &current_seen);
	tracepoint_probe_unregister(p->tp, count_flush, p);
	tracepoint_synchronize_unregister();
	if (!err) {
		bench_profile("kw_cancel_self_requeueing", "intree_cancels_that_waited_probed_pass", round,
			      atomic_read(&p->flushes));
		bench_profile("kw_cancel_self_requeueing", "intree_canceller_slept_probed_pass", round, slept);
	}
	return err;
}
#else
static int intree_cancels_that_waited(struct sampled_run *r, unsigned int round)
{
	return -ENOENT;
}
#endif

/*
 * cancel_delayed_work_sync of a work that keeps re-queueing itself: the
 * time, and how many cancels slept. altwq counts its cancels that found the
 * work running and those that waited for it; for the kernel the same count
 * comes from a second, probed pass.
 */
static int kw_cancel_self_requeueing(const struct kw_ops *ops, unsigned int round)
{
	struct sampled_run r = {};
	unsigned int slept, current_seen;
	struct altwq_kw_cancel_counts before, after;
	int err = sampled_begin(&r, ops);

	altwq_kw_get_cancel_counts(&before);
	if (!err)
		err = cancel_pass(&r, true, &slept, &current_seen);
	altwq_kw_get_cancel_counts(&after);
	if (!err) {
		sampled_report(&r, "kw_cancel_delayed_sync_self_requeueing", round, 50);
		report("kw_cancel_self_requeueing_canceller_slept", ops, round, slept, "samples");
		if (ops == altwq_ops) {
			bench_profile("kw_cancel_self_requeueing", "altwq_cancels_that_found_it_running", round,
				      after.found_running - before.found_running);
			bench_profile("kw_cancel_self_requeueing", "altwq_cancels_that_waited", round,
				      after.waited - before.waited);
		} else {
			bench_profile("kw_cancel_self_requeueing", "intree_current_just_before_cancel", round,
				      current_seen);
			err = intree_cancels_that_waited(&r, round);
			if (err == -ENOENT) {
				pr_info("ALTWQ-BENCH-NOTE no sched_kthread_work_execute_start tracepoint: the kernel's waits are not counted\n");
				err = 0;
			}
		}
	}
	sampled_end(&r);
	return err;
}

static int (*const workloads[])(const struct kw_ops *, unsigned int) = {
	kw_queue_flush_throughput,
	kw_queue_start_latency,
	kw_flush_work_cost,
	kw_cancel_idle,
	kw_cancel_self_requeueing,
};

static int __init altwq_bench_init(void)
{
	unsigned int wl, round, i;
	int err;

	if (!rounds || kw_works < 2 || !kw_samples || kw_samples > 1000000) {
		pr_err("ALTWQ-BENCH-FAILED rounds and kw_samples must be positive, kw_works at least 2\n");
		return -EINVAL;
	}
	pr_info("ALTWQ-BENCH-BEGIN rounds=%u kw_works=%u kw_samples=%u wq_works=%u wq_samples=%u wq_mix_works=%u wq_mem_queues=%u wq_hog_ms=%u wq_stall_window_us=%u wq_scope_works=%u wq_scope_queues=%u\n",
		rounds, kw_works, kw_samples, wq_works, wq_samples, wq_mix_works, wq_mem_queues, wq_hog_ms,
		wq_stall_window_us, wq_scope_works, wq_scope_queues);
	for (wl = 0; wl < ARRAY_SIZE(workloads); wl++) {
		for (round = 0; round < rounds; round++) {
			/* A B A B...: alternate which one goes first. */
			for (i = 0; i < ARRAY_SIZE(impls); i++) {
				const struct kw_ops *ops = impls[(i + round) % ARRAY_SIZE(impls)];

				err = workloads[wl](ops, round);
				if (err) {
					pr_err("ALTWQ-BENCH-FAILED workload %u on %s: %d\n", wl, ops->name, err);
					return err;
				}
				cond_resched();
			}
		}
	}
	err = wq_bench_run(rounds);
	if (!err)
		err = wq_cm_bench_run(rounds);
	if (!err)
		err = wq_scope_bench_run(rounds);
	if (err) {
		pr_err("ALTWQ-BENCH-FAILED workqueue workloads: %d\n", err);
		return err;
	}
	pr_info("ALTWQ-BENCH-END\n");
	return 0;
}

static void __exit altwq_bench_exit(void)
{
}

module_init(altwq_bench_init);
module_exit(altwq_bench_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("altwq against the in-tree workqueue and kthread_worker, side by side");
KABI_IMPORT_INTERNAL(); /* altwq's own counters */
