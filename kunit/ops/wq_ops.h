/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One table of workqueue operations, with a backend for altwq and one for
 * the kernel's own workqueue, both generated from wq_backend.h: the same
 * KUnit cases (altwq_test.ko) and benchmark workloads (altwq_bench.ko) run
 * against both. Valid C and C++, no kernel header. Contexts as in
 * <altwq/workqueue_api.h>.
 */
#ifndef ALTWQ_OPS_WQ_OPS_H
#define ALTWQ_OPS_WQ_OPS_H
#ifdef __cplusplus
extern "C" {
#endif

/* A delayed work of either implementation (usable as a plain work too)
 * that calls fn(work, ctx); its layout is in wq_work.h (C only). */
struct wq_ops_work;
typedef void (*wq_ops_fn)(struct wq_ops_work *work, void *ctx);

/* Queue flags, translated by each backend. */
enum {
	TWQ_UNBOUND = 1 << 0,
	TWQ_HIGHPRI = 1 << 1,
	TWQ_CPU_INTENSIVE = 1 << 2,
	TWQ_MEM_RECLAIM = 1 << 3,
	TWQ_POWER_EFFICIENT = 1 << 4,
	TWQ_PERCPU = 1 << 5,
	TWQ_BH = 1 << 6,
	TWQ_FREEZABLE = 1 << 7,
	TWQ_SYSFS = 1 << 8,
};
/* work_busy() bits, translated. */
enum { TWQ_BUSY_PENDING = 1 << 0, TWQ_BUSY_RUNNING = 1 << 1 };
/* System queues. */
enum {
	TWQ_SYSTEM, TWQ_SYSTEM_HIGHPRI, TWQ_SYSTEM_LONG, TWQ_SYSTEM_UNBOUND, TWQ_SYSTEM_PERCPU, TWQ_SYSTEM_DFL,
	TWQ_SYSTEM_POWER_EFFICIENT, TWQ_SYSTEM_BH, TWQ_SYSTEM_BH_HIGHPRI,
	TWQ_SYSTEM_FREEZABLE, TWQ_SYSTEM_FREEZABLE_POWER_EFFICIENT, TWQ_NR_SYSTEM
};

/* What an implementation lacks on the kernel it was built for (the in-tree
 * one on kernels older than the feature; altwq lacks nothing). */
enum {
	TWQ_LACKS_BH = 1 << 0,		/* WQ_BH and the BH system queues (6.9) */
	TWQ_LACKS_DISABLE = 1 << 1,	/* disable_work and friends (6.10) */
	TWQ_LACKS_PERCPU = 1 << 2,	/* WQ_PERCPU, system_percpu_wq, system_dfl_wq */
	TWQ_LACKS_LOCKDEP_MAP = 1 << 3,	/* alloc_workqueue_lockdep_map (6.12) */
	TWQ_LACKS_AFFINITY_SCOPES = 1 << 4, /* affinity scopes, their sysfs files (6.5) */
	TWQ_LACKS_CPU_INTENSIVE_DETECTION = 1 << 5, /* wq_cpu_intensive_thresh_us (6.5) */
	TWQ_LACKS_ACTIVATE_FUNCTION = 1 << 6, /* function= in activate_work's trace (6.9) */
	/* Before disable_work (6.10) a cancel_*_sync waiting for a run holds the
	 * work's PENDING bit: see TWQ_LACKS_DISABLE's case in test_behaviour. */
};

struct wq_ops {
	const char *name;
	unsigned int lacks;	/* TWQ_LACKS_*: its ops for those refuse (NULL, false) */
	int cpu_unbound;	/* the "any CPU" value of the *_on() calls: -1 */
	/*
	 * Whether a work queued on a CPU going down (after the scheduler's
	 * deactivation, before the workqueue's own hotplug callback), which
	 * starts there, is still there after it slept. 6.12: yes (its kworkers
	 * are per-CPU kthreads). altwq: no, the wakeup moves it (README, "CPU
	 * hotplug").
	 */
	bool keeps_a_going_down_cpus_work_there_across_a_sleep;
	/* Its WQ_SYSFS queues are in /sys/bus/<sysfs_bus>/devices/<name>/. */
	const char *sysfs_bus;
	/* Its trace events: tracefs system and event name prefix. */
	const char *trace_system;
	const char *trace_prefix;
	/* The addresses its trace events show for a work: the work struct
	 * itself and its function (the ops trampoline). */
	const void *(*raw_work)(struct wq_ops_work *work);
	const void *(*raw_func)(struct wq_ops_work *work);
	void *(*alloc)(const char *name, unsigned int flags, int max_active);	/* NULL on failure */
	void *(*alloc_ordered)(const char *name);
	void *(*alloc_ordered_flags)(const char *name, unsigned int flags); /* TWQ_* */
	void (*destroy)(void *wq);
	void *(*system)(int which);
	/* Sets up a work the caller embeds (struct wq_ops_work, wq_work.h). */
	void (*init_work)(struct wq_ops_work *work, wq_ops_fn fn, void *ctx);
	/* Or one on the heap, zeroed and set up; NULL on failure. May sleep. */
	struct wq_ops_work *(*new_work)(wq_ops_fn fn, void *ctx);
	/* The same for BH queues: set up at a site of its own, so lockdep's
	 * class for it is one only ever taken in softirq context. */
	struct wq_ops_work *(*new_bh_work)(wq_ops_fn fn, void *ctx);
	void (*free_work)(struct wq_ops_work *work);	/* idle, timer not armed */
	bool (*queue_on)(int cpu, void *wq, struct wq_ops_work *work);
	bool (*queue_delayed_on)(int cpu, void *wq, struct wq_ops_work *work, unsigned long delay);
	bool (*mod_delayed_on)(int cpu, void *wq, struct wq_ops_work *work, unsigned long delay);
	bool (*flush_work)(struct wq_ops_work *work);
	bool (*flush_delayed)(struct wq_ops_work *work);
	bool (*cancel)(struct wq_ops_work *work);
	bool (*cancel_sync)(struct wq_ops_work *work);
	bool (*cancel_delayed)(struct wq_ops_work *work);
	bool (*cancel_delayed_sync)(struct wq_ops_work *work);
	void (*flush_wq)(void *wq);
	void (*drain)(void *wq);
	void (*set_max_active)(void *wq, int max_active);
	unsigned int (*busy)(struct wq_ops_work *work);
	bool (*pending)(struct wq_ops_work *work);
	bool (*is_current)(struct wq_ops_work *work);	/* current_work() is it */
	/* Disable counts (6.10+). */
	bool (*disable)(struct wq_ops_work *work);
	bool (*disable_sync)(struct wq_ops_work *work);
	bool (*enable)(struct wq_ops_work *work);
	bool (*disable_delayed)(struct wq_ops_work *work);
	bool (*disable_delayed_sync)(struct wq_ops_work *work);
	bool (*enable_delayed)(struct wq_ops_work *work);
	bool (*enable_and_queue)(void *wq, struct wq_ops_work *work);
	/* Other kinds of work, set up in the caller's struct wq_ops_work. */
	void (*init_deferrable_work)(struct wq_ops_work *work, wq_ops_fn fn, void *ctx);
	void (*init_rcu_work)(struct wq_ops_work *work, wq_ops_fn fn, void *ctx);
	bool (*queue_rcu)(void *wq, struct wq_ops_work *work);	/* an rcu work */
	bool (*flush_rcu)(struct wq_ops_work *work);
	/* fn(work, ctx) now (0) or from the system queue (1), per the context. */
	int (*execute_in_process_context)(struct wq_ops_work *work, wq_ops_fn fn, void *ctx);
	bool (*queue_node)(int node, void *wq, struct wq_ops_work *work);
	long (*work_on_cpu)(int cpu, long (*fn)(void *), void *arg);
	long (*work_on_cpu_safe)(int cpu, long (*fn)(void *), void *arg);
	/* Queues the module's DECLARE_WORK, _DELAYED_WORK (delay 1) and
	 * _DEFERRABLE_WORK (delay 1) statics on wq, flushes them: how many ran. */
	int (*static_works_run)(void *wq);
	bool (*congested)(int cpu, void *wq);
	/* Two queues made with alloc_workqueue_lockdep_map and one map, and a
	 * plain queue: a bit for each whose work ran with that map held (1, 2;
	 * 4: the plain one's). -ENOMEM, or -EOPNOTSUPP without lockdep. */
	int (*shared_lockdep_map_held)(void);
	/* Waits until destroyed queues are freed (RCU callbacks, releases). May sleep. */
	void (*quiesce)(void);
};

extern const struct wq_ops altwq_wq_ops_altwq;
extern const struct wq_ops altwq_wq_ops_intree;

#ifdef __cplusplus
}
#endif
#endif
