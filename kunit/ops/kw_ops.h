/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One table of kthread_worker operations, with a backend for altwq and one
 * for the kernel's own, both generated from kw_backend.h: the same KUnit
 * cases (altwq_test.ko) and benchmark workloads (altwq_bench.ko) run
 * against both. Valid C and C++, no kernel header. Contexts as in
 * <altwq/kthread_worker_api.h>.
 */
#ifndef ALTWQ_OPS_KW_OPS_H
#define ALTWQ_OPS_KW_OPS_H
#ifdef __cplusplus
extern "C" {
#endif

/* A delayed work of either implementation (usable as a plain work too)
 * that calls fn(work, ctx); its layout is in kw_work.h (C only). */
struct kw_ops_work;
typedef void (*kw_ops_fn)(struct kw_ops_work *work, void *ctx);

struct kw_ops {
	const char *name;
	/*
	 * Whether cancel_delayed_sync() returns true for an instance whose timer
	 * fired during the cancel (so it never ran). altwq: yes. 6.12's own: no,
	 * its timer callback drops such a work and the cancel then finds nothing.
	 */
	bool cancel_counts_fired_timer;
	/*
	 * Whether flush_work() of a delayed work whose timer is armed waits for
	 * it to run. altwq: yes. 6.12's own: no, it never returns (the flush
	 * item is put on the delayed list, which only timers drain).
	 */
	bool flush_waits_for_armed_timer;
	/* Its trace events: tracefs system, and the queue, execute_start and
	 * execute_end events' names. */
	const char *trace_system;
	const char *trace_events[3];
	/* The addresses those show for a work: the kthread_work itself and
	 * its function (the ops trampoline). */
	const void *(*raw_work)(struct kw_ops_work *work);
	const void *(*raw_func)(struct kw_ops_work *work);
	void *(*create_worker)(const char *name, int cpu); /* cpu < 0: any CPU; NULL on failure */
	void (*destroy_worker)(void *worker);
	/* Sets up a work the caller embeds (struct kw_ops_work, kw_work.h). */
	void (*init_work)(struct kw_ops_work *work, kw_ops_fn fn, void *ctx);
	/* Or one on the heap, zeroed and set up; NULL on failure. May sleep. */
	struct kw_ops_work *(*new_work)(kw_ops_fn fn, void *ctx);
	void (*free_work)(struct kw_ops_work *work);	/* idle, timer not armed */
	bool (*queue)(void *worker, struct kw_ops_work *work);
	bool (*queue_delayed)(void *worker, struct kw_ops_work *work, unsigned long delay);
	bool (*mod_delayed)(void *worker, struct kw_ops_work *work, unsigned long delay);
	void (*flush_work)(struct kw_ops_work *work);
	void (*flush_worker)(void *worker);
	bool (*cancel_sync)(struct kw_ops_work *work);
	bool (*cancel_delayed_sync)(struct kw_ops_work *work);
	/* Queues the module's DEFINE_KTHREAD_WORK and DEFINE_KTHREAD_DELAYED_WORK
	 * (armed, then moved to now) statics on worker and flushes them: how
	 * many ran. Once per module load (the works are tied to that worker).
	 * May sleep. */
	int (*static_works_run)(void *worker);
	/* worker->task: the thread that runs its works. */
	void *(*task_of)(void *worker);
	/* A worker in memory of the backend's (kthread_init_worker), run by a
	 * kthread of its own (kthread_run(kthread_worker_fn)); NULL on
	 * failure. stop flushes it, stops the thread and frees it. May sleep. */
	void *(*start_embedded_worker)(const char *name);
	void (*stop_embedded_worker)(void *worker);
};

extern const struct kw_ops altwq_kw_ops_altwq;
extern const struct kw_ops altwq_kw_ops_intree;

#ifdef __cplusplus
}
#endif
#endif
