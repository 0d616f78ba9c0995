/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The altwq workqueue functions, with the structs only declared: valid C and
 * C++, no kernel header. C callers include <altwq/workqueue.h>; the C++
 * engine includes this file so its definitions are checked against these
 * prototypes. Names mirror <linux/workqueue.h> (6.12) one to one.
 *
 * Contexts:
 *   Works of ALTWQ_BH queues run in softirq context and must not sleep.
 *   any context (IRQs included): queue_*, mod_delayed_*, cancel_work,
 *     cancel_delayed_work, disable_work, disable_delayed_work, enable_*,
 *     work_busy, work_pending, current_work, workqueue_congested,
 *     current_is_workqueue_rescuer, set_worker_desc, print_worker_info,
 *     show_*_workqueue(s), execute_in_process_context.
 *   may sleep: alloc_*, destroy_workqueue, flush_*, drain_workqueue,
 *     cancel_*_sync, disable_*_sync, workqueue_set_max_active,
 *     schedule_on_each_cpu, work_on_cpu*.
 * Bad input (NULL, a CPU that does not exist, a queue being destroyed) is
 * refused with a warning and a false/NULL result, never a crash.
 */
#ifndef ALTWQ_WORKQUEUE_API_H
#define ALTWQ_WORKQUEUE_API_H

#ifdef __cplusplus
extern "C" {
#endif

struct altwq_workqueue;
struct altwq_work;
struct altwq_delayed_work;
struct altwq_rcu_work;
struct altwq_execute_work;
struct timer_list;
struct task_struct;

struct altwq_workqueue_attrs;

typedef void (*altwq_work_func_t)(struct altwq_work *work);

/*
 * Affinity scopes of unbound queues: how the CPUs are cut into pods, each
 * with a pool of its own, so that a work runs near the CPU that queued it.
 * 6.12's enum wq_affn_scope with 7.1's cache_shard (an LLC cut into shards
 * of at most altwq.cache_shard_size cores). DFL: the module parameter
 * altwq.default_affinity_scope.
 */
enum altwq_affn_scope {
	ALTWQ_AFFN_DFL,
	ALTWQ_AFFN_CPU,
	ALTWQ_AFFN_SMT,
	ALTWQ_AFFN_CACHE,
	ALTWQ_AFFN_CACHE_SHARD,
	ALTWQ_AFFN_NUMA,
	ALTWQ_AFFN_SYSTEM,
	ALTWQ_AFFN_NR_TYPES,
};

/* Queue flags (values are altwq's own). */
#define ALTWQ_BH		(1U << 0)  /* runs in softirq context on the queueing CPU (BH|HIGHPRI only) */
#define ALTWQ_UNBOUND		(1U << 1)  /* not bound to a CPU; no concurrency management */
#define ALTWQ_FREEZABLE		(1U << 2)  /* starts no work while the system is frozen (suspend) */
#define ALTWQ_HIGHPRI		(1U << 4)  /* served by the high-priority pools */
#define ALTWQ_CPU_INTENSIVE	(1U << 5)  /* its works do not count for concurrency */
#define ALTWQ_SYSFS		(1U << 6)  /* its knobs in /sys/bus/altwq/devices/<name>/ (not ordered) */
#define ALTWQ_MEM_RECLAIM	(1U << 3)  /* has a rescuer: progress without new workers */
#define ALTWQ_POWER_EFFICIENT	(1U << 7)  /* per-CPU, or unbound with altwq.power_efficient=1 */
#define ALTWQ_PERCPU		(1U << 8)  /* bound to a CPU (the default; says so explicitly) */
#define __ALTWQ_ORDERED		(1U << 17) /* one work at a time, in queueing order */
#define __ALTWQ_LEGACY		(1U << 18) /* made by create*_workqueue() */

#define ALTWQ_MAX_ACTIVE	512
#define ALTWQ_UNBOUND_MAX_ACTIVE ALTWQ_MAX_ACTIVE
#define ALTWQ_DFL_ACTIVE	(ALTWQ_MAX_ACTIVE / 2)

/* altwq_work_busy() bits. */
#define ALTWQ_WORK_BUSY_PENDING	(1U << 0)
#define ALTWQ_WORK_BUSY_RUNNING	(1U << 1)

/*
 * "No particular CPU" for the *_on() calls (the local CPU for bound
 * queues): NR_CPUS, as 6.12's WORK_CPU_UNBOUND, so it is never a CPU number
 * and a CPU number compared with it reads as in the kernel. -1 is refused
 * as a CPU that does not exist. The engine (C++) takes the value from its
 * generated sizes.
 */
#ifdef __cplusplus
#include "kabi_sizes.h"
#define ALTWQ_WORK_CPU_UNBOUND	KABI_NR_CPUS
#else
#include <linux/threads.h>
#define ALTWQ_WORK_CPU_UNBOUND	NR_CPUS
#endif

/* NULL on failure (bad arguments warn). May sleep. */
struct altwq_workqueue *altwq_alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...)
	__attribute__((format(printf, 1, 4)));
void altwq_destroy_workqueue(struct altwq_workqueue *wq);
/*
 * As alloc_workqueue, but its works run under the caller's lockdep map
 * (6.12's alloc_workqueue_lockdep_map): queues made at one site then share
 * one lockdep class instead of one each. map must outlive the queue.
 */
#ifdef __cplusplus
#define ALTWQ_LOCKDEP_MAP altwq_lockdep_map	/* the engine's name for it: opaque */
#else
#define ALTWQ_LOCKDEP_MAP lockdep_map
#endif
struct ALTWQ_LOCKDEP_MAP;
struct altwq_workqueue *altwq_alloc_workqueue_lockdep_map(const char *fmt, unsigned int flags, int max_active,
							  struct ALTWQ_LOCKDEP_MAP *map, ...)
	__attribute__((format(printf, 1, 5)));

/*
 * Unbound queues' attributes. alloc: NULL if out of memory; apply: 0, or
 * -EINVAL (a bound queue, nice outside -20..19, an unknown scope) or
 * -ENOMEM, and nothing changed. Works queued before run where they were
 * queued; the old pools' pwqs go once their last work ends. May sleep.
 */
struct altwq_workqueue_attrs *altwq_alloc_workqueue_attrs(void);
void altwq_free_workqueue_attrs(struct altwq_workqueue_attrs *attrs);
int altwq_apply_workqueue_attrs(struct altwq_workqueue *wq, const struct altwq_workqueue_attrs *attrs);

bool altwq_queue_work_on(int cpu, struct altwq_workqueue *wq, struct altwq_work *work);
bool altwq_queue_delayed_work_on(int cpu, struct altwq_workqueue *wq, struct altwq_delayed_work *dwork,
				 unsigned long delay);
bool altwq_mod_delayed_work_on(int cpu, struct altwq_workqueue *wq, struct altwq_delayed_work *dwork,
			       unsigned long delay);

bool altwq_flush_work(struct altwq_work *work);
bool altwq_flush_delayed_work(struct altwq_delayed_work *dwork);
bool altwq_cancel_work(struct altwq_work *work);
bool altwq_cancel_work_sync(struct altwq_work *work);
bool altwq_cancel_delayed_work(struct altwq_delayed_work *dwork);
bool altwq_cancel_delayed_work_sync(struct altwq_delayed_work *dwork);

/*
 * Disable counts (6.10+): a disabled work is not queued (queue_* return
 * false); disable_* cancel it first and return whether it was pending,
 * the _sync ones also wait for a running instance. Counts nest; enable_*
 * return true once the count is back to 0.
 */
bool altwq_disable_work(struct altwq_work *work);
bool altwq_disable_work_sync(struct altwq_work *work);
bool altwq_enable_work(struct altwq_work *work);
bool altwq_disable_delayed_work(struct altwq_delayed_work *dwork);
bool altwq_disable_delayed_work_sync(struct altwq_delayed_work *dwork);
bool altwq_enable_delayed_work(struct altwq_delayed_work *dwork);

/* On a CPU of NUMA node `node` (this one if it is there; an unbound queue). */
bool altwq_queue_work_node(int node, struct altwq_workqueue *wq, struct altwq_work *work);
/* Queued on wq once an RCU grace period has passed. */
bool altwq_queue_rcu_work(struct altwq_workqueue *wq, struct altwq_rcu_work *rwork);
bool altwq_flush_rcu_work(struct altwq_rcu_work *rwork);
/* Runs func on every online CPU (system queue) and waits: 0 or -ENOMEM. */
int altwq_schedule_on_each_cpu(altwq_work_func_t func);
/* fn(&ew->work) now if in process context (0), else from the system queue (1). */
int altwq_execute_in_process_context(altwq_work_func_t fn, struct altwq_execute_work *ew);
/* fn(arg) in a work on cpu's pool, waited for: its result, or -EINVAL for a
 * CPU that does not exist; _safe: -ENODEV for an offline one. */
long altwq_work_on_cpu(int cpu, long (*fn)(void *), void *arg);
long altwq_work_on_cpu_safe(int cpu, long (*fn)(void *), void *arg);

/* Whether the current task is a workqueue's rescuer. */
bool altwq_current_is_workqueue_rescuer(void);
/* Whether works of wq wait for max_active on cpu (-1: this CPU). A hint. */
bool altwq_workqueue_congested(int cpu, struct altwq_workqueue *wq);
/* Names what the current worker does, for print_worker_info and dumps. */
void altwq_set_worker_desc(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints, at log_lvl, which queue and work an altwq worker task runs. */
void altwq_print_worker_info(const char *log_lvl, struct task_struct *task);
/* Dump busy queues and pools (in-flight, pending and inactive works) to the log. */
void altwq_show_all_workqueues(void);
/*
 * The lockup watchdog (module parameters watchdog_thresh, panic_on_stall):
 * the caller holds cpu's pools up on purpose; they count as progressing
 * (6.12's wq_watchdog_touch). Any context.
 */
void altwq_watchdog_touch(int cpu);
void altwq_show_one_workqueue(struct altwq_workqueue *wq);
/* Called by the flush_scheduled_work() macro; warns at compile time. */
void __altwq_warn_flushing_systemwide_wq(void)
	__attribute__((warning("Please avoid flushing system-wide workqueues.")));

void altwq_flush_workqueue(struct altwq_workqueue *wq);
void altwq_drain_workqueue(struct altwq_workqueue *wq);
void altwq_workqueue_set_max_active(struct altwq_workqueue *wq, int max_active);
/* Unbound, not ordered: each NUMA node's share of max_active is at least
 * min_active (clamped to 0..max_active; default min(max_active, 8)). */
void altwq_workqueue_set_min_active(struct altwq_workqueue *wq, int min_active);
unsigned int altwq_work_busy(struct altwq_work *work);
struct altwq_work *altwq_current_work(void);
/* Warns if the on-stack work is still pending or running. */
void altwq_destroy_work_on_stack(struct altwq_work *work);
/* For the init macros (6.12's __init_work): debugobjects' init. */
void __altwq_init_work(struct altwq_work *work, int onstack);

/* The delayed-work timer callback (set up by ALTWQ_INIT_DELAYED_WORK). */
void altwq_delayed_work_timer_fn(struct timer_list *timer);

extern struct altwq_workqueue *altwq_system_wq;
extern struct altwq_workqueue *altwq_system_highpri_wq;
extern struct altwq_workqueue *altwq_system_long_wq;
extern struct altwq_workqueue *altwq_system_unbound_wq;
extern struct altwq_workqueue *altwq_system_percpu_wq;
extern struct altwq_workqueue *altwq_system_dfl_wq;
extern struct altwq_workqueue *altwq_system_power_efficient_wq;
extern struct altwq_workqueue *altwq_system_freezable_wq;
extern struct altwq_workqueue *altwq_system_freezable_power_efficient_wq;
extern struct altwq_workqueue *altwq_system_bh_wq;
extern struct altwq_workqueue *altwq_system_bh_highpri_wq;

#ifdef __cplusplus
}
#endif
#endif
