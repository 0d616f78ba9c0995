/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One table of workqueue operations with two backends, altwq's and the
 * kernel's own, so the same C++ behavioural cases run against both. Valid C
 * and C++. Contexts as in <altwq/workqueue_api.h>.
 */
#ifndef ALTWQ_KUNIT_WQ_OPS_H
#define ALTWQ_KUNIT_WQ_OPS_H
#include "kabi/types.h"
KABI_BEGIN

/* A delayed work of either implementation (usable as a plain work too)
 * that calls fn(work, ctx). */
struct wq_test_work;
typedef void (*wq_test_fn)(struct wq_test_work *work, void *ctx);

/* Queue flags, translated by each backend. */
enum {
	TWQ_UNBOUND = 1 << 0,
	TWQ_HIGHPRI = 1 << 1,
	TWQ_CPU_INTENSIVE = 1 << 2,
	TWQ_MEM_RECLAIM = 1 << 3,
};
/* work_busy() bits, translated. */
enum { TWQ_BUSY_PENDING = 1 << 0, TWQ_BUSY_RUNNING = 1 << 1 };
/* System queues. */
enum { TWQ_SYSTEM, TWQ_SYSTEM_HIGHPRI, TWQ_SYSTEM_LONG, TWQ_SYSTEM_UNBOUND };

struct wq_ops {
	const char *name;
	int cpu_unbound;	/* the "any CPU" value of the *_on() calls */
	/*
	 * Whether works queued on a CPU going down (after the scheduler's
	 * deactivation, before the workqueue's own hotplug callback) all run
	 * there, even across a sleep. 6.12: yes (its kworkers are per-CPU
	 * kthreads). altwq: a worker is woken there, but once preempted or
	 * asleep the scheduler moves it (README, "CPU hotplug").
	 */
	bool runs_a_going_down_cpus_works_there;
	void *(*alloc)(unsigned int flags, int max_active);	/* NULL on failure */
	void *(*alloc_ordered)(void);
	void (*destroy)(void *wq);
	void *(*system)(int which);
	struct wq_test_work *(*new_work)(wq_test_fn fn, void *ctx); /* NULL on failure */
	void (*free_work)(struct wq_test_work *work);	/* idle, timer not armed */
	bool (*queue_on)(int cpu, void *wq, struct wq_test_work *work);
	bool (*queue_delayed_on)(int cpu, void *wq, struct wq_test_work *work, unsigned long delay);
	bool (*mod_delayed_on)(int cpu, void *wq, struct wq_test_work *work, unsigned long delay);
	bool (*flush_work)(struct wq_test_work *work);
	bool (*flush_delayed)(struct wq_test_work *work);
	bool (*cancel)(struct wq_test_work *work);
	bool (*cancel_sync)(struct wq_test_work *work);
	bool (*cancel_delayed)(struct wq_test_work *work);
	bool (*cancel_delayed_sync)(struct wq_test_work *work);
	void (*flush_wq)(void *wq);
	void (*drain)(void *wq);
	void (*set_max_active)(void *wq, int max_active);
	unsigned int (*busy)(struct wq_test_work *work);
	bool (*pending)(struct wq_test_work *work);
	bool (*is_current)(struct wq_test_work *work);	/* current_work() is it */
	/* Waits until destroyed queues are freed (RCU callbacks, releases). May sleep. */
	void (*quiesce)(void);
};

extern const struct wq_ops altwq_wq_ops_altwq;
extern const struct wq_ops altwq_wq_ops_intree;

/* For altwq-only cases: the public structs behind a test work. */
struct altwq_work *wq_altwq_work(struct wq_test_work *work);
struct altwq_delayed_work *wq_altwq_dwork(struct wq_test_work *work);

/* Queues and flushes an on-stack work on an altwq queue: 1 if it ran, 0
 * if not, -1 if the queueing was refused. May sleep. */
int wq_altwq_onstack_roundtrip(void *wq);

KABI_END
#endif
