// SPDX-License-Identifier: GPL-2.0
/*
 * altwq_report_demo.ko: one mistake per load, for a boot that must show the
 * report that catches it. Lockdep reports once per boot, so
 * scripts/lockdep-demo boots once per scenario:
 *
 *   scenario=flush_own_queue      a work flushes its own queue
 *   scenario=flush_under_lock     flush_work while holding a mutex the work takes
 *   scenario=ordered_flush_later  an ordered queue's work flushes a later work
 *   scenario=reclaim_flushes_plain a WQ_MEM_RECLAIM work flushes a queue without it
 *   scenario=destroy_own_queue    a work drains and destroys its own queue
 *   scenario=debugobjects         re-initialising a queued work, destroying a
 *                                 queued on-stack work, queueing a destroyed
 *                                 one (CONFIG_DEBUG_OBJECTS_WORK): ODEBUG
 *                                 reports each, and the queue goes on
 *   scenario=watchdog             a per-CPU pool whose workers all block while
 *                                 worker creation fails (altwq.watchdog_thresh
 *                                 short): the watchdog reports it, then the
 *                                 blocks end and the pool runs what waited
 *
 * 6.12 would report the first three and then hang; altwq reports them and
 * refuses the flush with a warning, so the boot goes on to its verdict.
 * Loading fails with -EINVAL for an unknown scenario.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <altwq/workqueue.h>
#include "kabi/export.h"
#include "wq/test_hooks.h"

static char *scenario = "";
module_param(scenario, charp, 0444);
MODULE_PARM_DESC(scenario, "which deadlock-prone flush to perform");

static struct altwq_workqueue *demo_wq, *demo_plain_wq;
static struct altwq_work demo_work, demo_later_work;
static DECLARE_COMPLETION(demo_started);
static DECLARE_COMPLETION(demo_later_queued);
static DEFINE_MUTEX(demo_mutex);

static void flush_own_queue_fn(struct altwq_work *work)
{
	altwq_flush_workqueue(demo_wq);
}

static void takes_the_mutex_fn(struct altwq_work *work)
{
	mutex_lock(&demo_mutex);
	mutex_unlock(&demo_mutex);
	complete(&demo_started);
	msleep(100); /* still running when the flush comes */
}

static void flushes_the_later_fn(struct altwq_work *work)
{
	wait_for_completion(&demo_later_queued);
	altwq_flush_work(&demo_later_work);
}

static void later_fn(struct altwq_work *work)
{
}

static void destroys_own_queue_fn(struct altwq_work *work)
{
	altwq_drain_workqueue(demo_wq);
	altwq_destroy_workqueue(demo_wq);
}

static void flushes_plain_fn(struct altwq_work *work)
{
	altwq_flush_workqueue(demo_plain_wq);
}

/* watchdog: works that block until released, on CPU 1. */
enum { DEMO_STALL_CPU = 1, DEMO_MAX_BLOCKERS = 64 };
static struct altwq_work demo_blockers[DEMO_MAX_BLOCKERS];
static atomic_t demo_blockers_started = ATOMIC_INIT(0);
static DECLARE_COMPLETION(demo_release);

static void demo_stalled_fn(struct altwq_work *work)
{
	atomic_inc(&demo_blockers_started);
	wait_for_completion(&demo_release);
}

static int run_watchdog(void)
{
	int n;

	if (num_online_cpus() <= DEMO_STALL_CPU)
		return -ENODEV;
	demo_wq = altwq_alloc_workqueue("altwq_demo_stall", 0, 0);
	if (!demo_wq)
		return -ENOMEM;
	/* A worker for the pool first (pools make theirs on demand). */
	ALTWQ_INIT_WORK(&demo_later_work, later_fn);
	altwq_queue_work_on(DEMO_STALL_CPU, demo_wq, &demo_later_work);
	altwq_flush_work(&demo_later_work);
	altwq_wq_fail_worker_creations(INT_MAX);
	/* Block every idle worker of the pool, one work each, until one work
	 * stays pending: no worker is left and none can be made. */
	for (n = 0; n < DEMO_MAX_BLOCKERS; n++) {
		ALTWQ_INIT_WORK(&demo_blockers[n], demo_stalled_fn);
		altwq_queue_work_on(DEMO_STALL_CPU, demo_wq, &demo_blockers[n]);
		msleep(200);
		if (atomic_read(&demo_blockers_started) == n)
			break;
	}
	if (n == 0 || n == DEMO_MAX_BLOCKERS) {
		pr_err("altwq_report_demo: watchdog: %d works started before one waited\n", n);
		altwq_wq_fail_worker_creations(0);
		complete_all(&demo_release);
		return -EIO;
	}
	pr_info("altwq_report_demo: watchdog: pool of CPU %d stalled with %d works blocked, 1 pending\n",
		DEMO_STALL_CPU, n);
	/* The report comes within two periods of the threshold. */
	msleep(3 * 1000 * 3);
	altwq_wq_fail_worker_creations(0);
	complete_all(&demo_release);
	altwq_flush_workqueue(demo_wq);
	if (atomic_read(&demo_blockers_started) == n + 1)
		pr_info("altwq_report_demo: watchdog: the pool recovered: all %d works ran\n", n + 1);
	else
		pr_err("altwq_report_demo: watchdog: %d of %d works ran\n", atomic_read(&demo_blockers_started), n + 1);
	return 0;
}

/* debugobjects: works held behind a blocker on an ordered queue. */
static DECLARE_COMPLETION(demo_blocker_go);
static atomic_t demo_runs = ATOMIC_INIT(0);

static void demo_blocker_fn(struct altwq_work *work)
{
	wait_for_completion(&demo_blocker_go);
}

static void demo_counted_fn(struct altwq_work *work)
{
	atomic_inc(&demo_runs);
}

static int run_debugobjects(void)
{
	struct altwq_work on_stack, destroyed;

	demo_wq = altwq_alloc_ordered_workqueue("altwq_demo_odebug", 0);
	if (!demo_wq)
		return -ENOMEM;
	ALTWQ_INIT_WORK(&demo_work, demo_blocker_fn);
	altwq_queue_work(demo_wq, &demo_work);
	/* 1. A queued work initialised again: reported, cancelled first. */
	ALTWQ_INIT_WORK(&demo_later_work, demo_counted_fn);
	altwq_queue_work(demo_wq, &demo_later_work);
	ALTWQ_INIT_WORK(&demo_later_work, demo_counted_fn);
	/* 2. A queued on-stack work destroyed: reported, cancelled. */
	ALTWQ_INIT_WORK_ONSTACK(&on_stack, demo_counted_fn);
	altwq_queue_work(demo_wq, &on_stack);
	altwq_destroy_work_on_stack(&on_stack);
	complete(&demo_blocker_go);
	altwq_flush_workqueue(demo_wq);
	/* 3. A destroyed on-stack work queued: reported (it still runs). */
	ALTWQ_INIT_WORK_ONSTACK(&destroyed, demo_counted_fn);
	altwq_destroy_work_on_stack(&destroyed);
	altwq_queue_work(demo_wq, &destroyed);
	altwq_flush_work(&destroyed);
	/* Only the last one ran: the first two were cancelled by the fixups. */
	pr_info("altwq_report_demo: debugobjects: the queue went on, %d of 3 works ran\n", atomic_read(&demo_runs));
	return 0;
}

static int run_scenario(void)
{
	if (!strcmp(scenario, "flush_own_queue")) {
		demo_wq = altwq_alloc_workqueue("altwq_demo_own", 0, 0);
		if (!demo_wq)
			return -ENOMEM;
		ALTWQ_INIT_WORK(&demo_work, flush_own_queue_fn);
		altwq_queue_work(demo_wq, &demo_work);
		altwq_flush_work(&demo_work);
	} else if (!strcmp(scenario, "flush_under_lock")) {
		demo_wq = altwq_alloc_workqueue("altwq_demo_lock", 0, 0);
		if (!demo_wq)
			return -ENOMEM;
		ALTWQ_INIT_WORK(&demo_work, takes_the_mutex_fn);
		altwq_queue_work(demo_wq, &demo_work);
		wait_for_completion(&demo_started);
		mutex_lock(&demo_mutex);
		altwq_flush_work(&demo_work);
		mutex_unlock(&demo_mutex);
	} else if (!strcmp(scenario, "ordered_flush_later")) {
		demo_wq = altwq_alloc_ordered_workqueue("altwq_demo_ordered", 0);
		if (!demo_wq)
			return -ENOMEM;
		ALTWQ_INIT_WORK(&demo_work, flushes_the_later_fn);
		ALTWQ_INIT_WORK(&demo_later_work, later_fn);
		altwq_queue_work(demo_wq, &demo_work);
		altwq_queue_work(demo_wq, &demo_later_work);
		complete(&demo_later_queued);
		altwq_flush_workqueue(demo_wq);
	} else if (!strcmp(scenario, "destroy_own_queue")) {
		/* Both refused: the queue lives on, and is destroyed below. */
		demo_wq = altwq_alloc_workqueue("altwq_demo_self", 0, 0);
		if (!demo_wq)
			return -ENOMEM;
		ALTWQ_INIT_WORK(&demo_work, destroys_own_queue_fn);
		altwq_queue_work(demo_wq, &demo_work);
		altwq_flush_work(&demo_work);
		ALTWQ_INIT_WORK(&demo_later_work, later_fn);
		if (altwq_queue_work(demo_wq, &demo_later_work) && altwq_flush_work(&demo_later_work))
			pr_info("altwq_report_demo: destroy_own_queue: the queue still works\n");
	} else if (!strcmp(scenario, "reclaim_flushes_plain")) {
		demo_wq = altwq_alloc_workqueue("altwq_demo_reclaim", ALTWQ_MEM_RECLAIM, 0);
		demo_plain_wq = altwq_alloc_workqueue("altwq_demo_plain", 0, 0);
		if (!demo_wq || !demo_plain_wq)
			return -ENOMEM;
		ALTWQ_INIT_WORK(&demo_work, flushes_plain_fn);
		altwq_queue_work(demo_wq, &demo_work);
		altwq_flush_work(&demo_work);
	} else if (!strcmp(scenario, "debugobjects")) {
		return run_debugobjects();
	} else if (!strcmp(scenario, "watchdog")) {
		return run_watchdog();
	} else {
		pr_err("altwq_report_demo: unknown scenario '%s'\n", scenario);
		return -EINVAL;
	}
	return 0;
}

static void destroy_queues(void)
{
	if (demo_wq)
		altwq_destroy_workqueue(demo_wq);
	if (demo_plain_wq)
		altwq_destroy_workqueue(demo_plain_wq);
	demo_wq = demo_plain_wq = NULL;
}

static int __init altwq_report_demo_init(void)
{
	int ret = run_scenario();

	destroy_queues();
	if (!ret)
		pr_info("altwq_report_demo: %s done\n", scenario);
	return ret;
}
module_init(altwq_report_demo_init);

static void __exit altwq_report_demo_exit(void)
{
}
module_exit(altwq_report_demo_exit);

MODULE_DESCRIPTION("altwq: mistakes for lockdep, the flush check and the watchdog to report");
MODULE_LICENSE("GPL");
KABI_IMPORT_INTERNAL();
