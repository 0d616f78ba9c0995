// SPDX-License-Identifier: GPL-2.0
/*
 * Unbound queues by affinity scope. One WQ_SYSFS unbound queue per
 * implementation, its scope set through its own sysfs file
 * (/sys/bus/<bus>/devices/<name>/affinity_scope: the same file and value
 * for both). One thread per online CPU queues a no-op work from its CPU
 * and waits for it, wq_scope_works times in all. Reported: works/s, the
 * queueing call's p50/p90/p95, and (as a profile counter per
 * implementation) the share of works that ran on a CPU sharing the
 * queuer's last-level cache.
 *
 * 6.12 has no cache_shard scope: that row runs 7.1's cache_shard on altwq
 * against 6.12's default, cache, in-tree (one default against the other).
 * A kernel before 6.5 (Debian's 6.1) has no affinity scopes at all: every
 * row then runs the in-tree queue as it comes (its pwqs per NUMA node).
 *
 * Then: wq_scope_queues unbound queues with equal attrs, and the slab they
 * grew per queue (altwq's pools made for them, as a profile counter).
 */
#include <linux/module.h>
#include <linux/completion.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/topology.h>
#include "kabi/cpu.h"
#include "bench.h"
#include "ops/wq_work.h"
#include "wq/test_hooks.h"

unsigned int wq_scope_works = 4000;
module_param(wq_scope_works, uint, 0444);
MODULE_PARM_DESC(wq_scope_works, "works per round in each affinity scope workload (queued and waited for)");
unsigned int wq_scope_queues = 64;
module_param(wq_scope_queues, uint, 0444);
MODULE_PARM_DESC(wq_scope_queues, "unbound queues with equal attrs (pools and slab per queue)");

struct ws_work {
	struct wq_ops_work op;
	int queued_cpu;
	atomic_t *near;
	struct completion done;
};

/* altwq's answer, which 6.12's cache pods agree with (same LLC ids). */
static bool ws_share_llc(int a, int b)
{
	return kabi_cpus_share_llc(a, b);
}

static void ws_body(struct wq_ops_work *op, void *ctx)
{
	struct ws_work *w = container_of(op, struct ws_work, op);

	if (ws_share_llc(w->queued_cpu, raw_smp_processor_id()))
		atomic_inc(w->near);
	complete(&w->done);
}

struct ws_queuer {
	const struct wq_ops *ops;
	void *wq;
	struct ws_work work;
	u64 *samples;		/* the queueing call, ns: n of them */
	unsigned int n;
	int cpu;
	atomic_t *failed;
	struct completion finished;
};

static int ws_queuer_fn(void *data)
{
	struct ws_queuer *q = data;
	unsigned int i;

	for (i = 0; i < q->n; i++) {
		u64 t0;

		reinit_completion(&q->work.done);
		t0 = ktime_get_ns();
		if (!q->ops->queue_on(q->cpu, q->wq, &q->work.op)) {
			atomic_inc(q->failed);
			break;
		}
		q->samples[i] = ktime_get_ns() - t0;
		wait_for_completion(&q->work.done);
	}
	complete(&q->finished);
	return 0;
}

static int ws_set_scope(const struct wq_ops *ops, const char *wq_name, const char *scope)
{
	char path[96];
	struct file *f;
	loff_t pos = 0;
	ssize_t n;

	snprintf(path, sizeof(path), "/sys/bus/%s/devices/%s/affinity_scope", ops->sysfs_bus, wq_name);
	f = filp_open(path, O_WRONLY, 0);
	if (PTR_ERR_OR_ZERO(f) == -ENOENT && strcmp(ops->sysfs_bus, "altwq") != 0) {
		pr_info_once("ALTWQ-BENCH-NOTE the in-tree workqueue has no affinity scopes: its unbound queue runs as it comes\n");
		return 0;
	}
	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, scope, strlen(scope), &pos);
	filp_close(f, NULL);
	return n < 0 ? (int)n : 0;
}

struct ws_setup {
	const struct wq_ops *ops;
	void *wq;
	u64 *samples;
	unsigned int per;
	atomic_t *failed, *near;
};

static void ws_queuer_init(void *slot, int cpu, unsigned int i, void *ctx)
{
	const struct ws_setup *s = ctx;
	struct ws_queuer *q = slot;

	*q = (struct ws_queuer){ .ops = s->ops, .wq = s->wq, .samples = s->samples + (size_t)i * s->per, .n = s->per,
				 .cpu = cpu, .failed = s->failed };
	s->ops->init_work(&q->work.op, ws_body, NULL);
	q->work.queued_cpu = cpu;
	q->work.near = s->near;
	init_completion(&q->work.done);
	init_completion(&q->finished);
}

static int ws_run(const struct wq_ops *ops, unsigned int round, const char *name, const char *scope)
{
	const unsigned int nr = num_online_cpus();
	const unsigned int per = wq_scope_works / nr;
	struct ws_queuer *qs = kcalloc(nr_cpu_ids, sizeof(*qs), GFP_KERNEL);
	u64 *samples = kvcalloc((size_t)per * nr, sizeof(*samples), GFP_KERNEL);
	void *wq = ops->alloc("bench_scope", TWQ_UNBOUND | TWQ_SYSFS, 0);
	atomic_t failed = ATOMIC_INIT(0), near = ATOMIC_INIT(0);
	unsigned int i, nq = 0;
	u64 start, elapsed;
	int err;

	if (!qs || !samples || !wq) {
		err = -ENOMEM;
		goto out;
	}
	err = ws_set_scope(ops, "bench_scope", scope);
	if (err)
		goto out;
	start = ktime_get_ns();
	{
		struct ws_setup setup = { .ops = ops, .wq = wq, .samples = samples, .per = per, .failed = &failed,
					  .near = &near };

		nq = bench_start_per_cpu(ws_queuer_fn, ws_queuer_init, &setup, qs, sizeof(*qs), "bench-scope/%u", &err);
	}
	for (i = 0; i < nq; i++)
		wait_for_completion(&qs[i].finished);
	elapsed = ktime_get_ns() - start;
	ops->flush_wq(wq);
	if (!err && atomic_read(&failed))
		err = -EIO;
	if (!err && nq) {
		const unsigned int total = nq * per;
		static const unsigned int pcts[] = { 50, 90, 95 };
		char row[72];

		bench_report(name, ops->name, round, div64_u64((u64)total * NSEC_PER_SEC, elapsed ?: 1), "works/s");
		for (i = 0; i < ARRAY_SIZE(pcts); i++) {
			snprintf(row, sizeof(row), "%s_queue_p%u", name, pcts[i]);
			bench_report(row, ops->name, round, bench_percentile(samples, total, pcts[i]), "ns");
		}
		snprintf(row, sizeof(row), "near_llc_pct_%s", ops->name);
		bench_profile(name, row, round, atomic_read(&near) * 100LL / total);
	}
out:
	if (wq)
		ops->destroy(wq);
	kvfree(samples);
	kfree(qs);
	return err;
}

static void ws_count_pools(void *ctx) { *(int *)ctx = altwq_wq_nr_unbound_pools(); }

/* wq_scope_queues unbound queues with the default attrs: slab per queue,
 * and (altwq) the pools made for them: none past the first queue's. */
static int wq_equal_attrs_queues(const struct wq_ops *ops, unsigned int round)
{
	const bool altwq = strcmp(ops->sysfs_bus, "altwq") == 0;
	int pools_before = altwq ? altwq_wq_nr_unbound_pools() : 0, pools_after = pools_before;
	unsigned long per_queue;
	int err = wq_bench_slab_per_queue(ops, wq_scope_queues, TWQ_UNBOUND, altwq ? ws_count_pools : NULL,
					  &pools_after, &per_queue);

	if (err)
		return err;
	bench_report("wq_unbound_equal_attrs_slab_per_queue", ops->name, round, per_queue, "bytes");
	if (altwq)
		bench_profile("wq_unbound_equal_attrs_slab_per_queue", "pools_made", round, pools_after - pools_before);
	return 0;
}

#define WS_SCOPE(s)                                                               \
	static int wq_scope_##s(const struct wq_ops *ops, unsigned int round)      \
	{                                                                         \
		return ws_run(ops, round, "wq_unbound_scope_" #s, #s);           \
	}
WS_SCOPE(cpu)
WS_SCOPE(smt)
WS_SCOPE(cache)
WS_SCOPE(numa)
WS_SCOPE(system)

static int wq_scope_cache_shard(const struct wq_ops *ops, unsigned int round)
{
	bool altwq = strcmp(ops->sysfs_bus, "altwq") == 0;

	return ws_run(ops, round, "wq_unbound_scope_cache_shard_vs_6_12_cache", altwq ? "cache_shard" : "cache");
}

static int (*const wq_scope_workloads[])(const struct wq_ops *, unsigned int) = {
	wq_scope_cpu, wq_scope_smt, wq_scope_cache, wq_scope_cache_shard, wq_scope_numa, wq_scope_system,
	wq_equal_attrs_queues,
};

int wq_scope_bench_run(unsigned int rounds)
{
	if (wq_scope_works < num_online_cpus() || !wq_scope_queues) {
		pr_err("ALTWQ-BENCH-FAILED wq_scope_works must be at least the number of CPUs, wq_scope_queues positive\n");
		return -EINVAL;
	}
	return wq_bench_ab(wq_scope_workloads, ARRAY_SIZE(wq_scope_workloads), rounds, "wq_scope");
}
