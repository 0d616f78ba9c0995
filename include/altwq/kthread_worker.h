/* SPDX-License-Identifier: GPL-2.0 */
/*
 * altwq kthread_worker: one kernel thread running queued works in order,
 * with the cancel API. Names mirror <linux/kthread.h> (6.12) one to one:
 * kthread_queue_work() -> altwq_kthread_queue_work(), and so on.
 *
 *	struct foo {
 *		struct altwq_kthread_delayed_work dwork;
 *	};
 *	static void foo_fn(struct altwq_kthread_work *work)
 *	{
 *		struct foo *foo = container_of(work, struct foo, dwork.work);
 *		...
 *	}
 *	ALTWQ_KTHREAD_INIT_DELAYED_WORK(&foo->dwork, foo_fn);
 *	worker = altwq_kthread_create_worker(0, "foo");
 *	altwq_kthread_queue_delayed_work(worker, &foo->dwork, HZ);
 *	...
 *	altwq_kthread_cancel_delayed_work_sync(&foo->dwork);
 *	altwq_kthread_destroy_worker(worker);
 *
 * A work belongs to the first worker it is queued on until it is
 * re-initialised; queueing it on another is refused with a warning. Bad
 * input (NULL, a work never initialised, a destroyed worker) is refused
 * with a warning, never a crash. Of the worker only ->task is public (as
 * in 6.12, for sched_set_fifo(worker->task) and the like).
 */
#ifndef ALTWQ_KTHREAD_WORKER_H
#define ALTWQ_KTHREAD_WORKER_H

#include <linux/list.h>
#include <linux/timer.h>
#include <linux/types.h>
#include <altwq/kthread_worker_api.h>

typedef void (*altwq_kthread_work_func_t)(struct altwq_kthread_work *work);

/* Set by the init macros; a work without one is refused. A delayed work's
 * says so, so cancelling it through its work stops its timer too. */
#define ALTWQ_KTHREAD_WORK_MAGIC 0x6b777721U
#define ALTWQ_KTHREAD_DWORK_MAGIC 0x6b776421U

/*
 * Made by altwq_kthread_create_worker*(), or in the caller's memory with
 * altwq_kthread_init_worker() and run by the caller's kthread through
 * altwq_kthread_worker_fn() (as 6.12's kthread_init_worker and
 * kthread_worker_fn). Only ->task is public.
 */
#define ALTWQ_KTHREAD_WORKER_PRIVATE_WORDS 64
struct altwq_kthread_worker {
	struct task_struct *task;	/* the thread running it (NULL for one embedded and not running) */
	unsigned long __altwq_private[ALTWQ_KTHREAD_WORKER_PRIVATE_WORDS];
};

struct altwq_kthread_work {
	struct list_head node;		/* on the worker's work or delayed list */
	altwq_kthread_work_func_t func;
	struct altwq_kthread_worker *worker; /* the worker it is tied to */
	int canceling;			/* cancels in progress; queueing is blocked */
	unsigned int delayed;		/* on the delayed list (timer armed) */
	unsigned int magic;
};

struct altwq_kthread_delayed_work {
	struct altwq_kthread_work work;
	struct timer_list timer;
};

#define ALTWQ_KTHREAD_INIT_WORK(work_ptr, fn)					\
	do {									\
		struct altwq_kthread_work *__altwq_w = (work_ptr);		\
		memset(__altwq_w, 0, sizeof(*__altwq_w));			\
		INIT_LIST_HEAD(&__altwq_w->node);				\
		__altwq_w->func = (fn);					\
		__altwq_w->magic = ALTWQ_KTHREAD_WORK_MAGIC;			\
	} while (0)

/* timer_setup() here gives each init site its own lockdep class. */
#define ALTWQ_KTHREAD_INIT_DELAYED_WORK(dwork_ptr, fn)				\
	do {									\
		struct altwq_kthread_delayed_work *__altwq_dw = (dwork_ptr);	\
		ALTWQ_KTHREAD_INIT_WORK(&__altwq_dw->work, (fn));		\
		__altwq_dw->work.magic = ALTWQ_KTHREAD_DWORK_MAGIC;		\
		timer_setup(&__altwq_dw->timer,				\
			    altwq_kthread_delayed_work_timer_fn, TIMER_IRQSAFE);	\
	} while (0)

/* Static initialisers: KTHREAD_WORK_INIT, DEFINE_KTHREAD_WORK and so on. */
#define ALTWQ_KTHREAD_WORK_INIT(work, fn) {					\
		.node = LIST_HEAD_INIT((work).node),				\
		.func = (fn),							\
		.magic = ALTWQ_KTHREAD_WORK_MAGIC,				\
	}
#define ALTWQ_KTHREAD_DELAYED_WORK_INIT(dwork, fn) {				\
		.work = {							\
			.node = LIST_HEAD_INIT((dwork).work.node),		\
			.func = (fn),						\
			.magic = ALTWQ_KTHREAD_DWORK_MAGIC,			\
		},								\
		.timer = __TIMER_INITIALIZER(altwq_kthread_delayed_work_timer_fn, TIMER_IRQSAFE), \
	}
#define ALTWQ_DEFINE_KTHREAD_WORK(work, fn) struct altwq_kthread_work work = ALTWQ_KTHREAD_WORK_INIT(work, fn)
#define ALTWQ_DEFINE_KTHREAD_DELAYED_WORK(dwork, fn) \
	struct altwq_kthread_delayed_work dwork = ALTWQ_KTHREAD_DELAYED_WORK_INIT(dwork, fn)

/*
 * 6.14's names: create and wake. altwq's create_worker* already wake the
 * thread, as 6.12's do; _on_cpu's namefmt gets the CPU number (6.14).
 */
#define altwq_kthread_run_worker(flags, namefmt, ...) \
	altwq_kthread_create_worker((flags), namefmt, ##__VA_ARGS__)
#define altwq_kthread_run_worker_on_cpu(cpu, flags, namefmt) \
	altwq_kthread_create_worker_on_cpu((cpu), (flags), namefmt, (cpu))

/* 6.12's lowercase names for the same. */
#define altwq_kthread_init_work(work_ptr, fn) ALTWQ_KTHREAD_INIT_WORK(work_ptr, fn)
#define altwq_kthread_init_delayed_work(dwork_ptr, fn) ALTWQ_KTHREAD_INIT_DELAYED_WORK(dwork_ptr, fn)

static inline struct altwq_kthread_delayed_work *
altwq_to_kthread_delayed_work(struct altwq_kthread_work *work)
{
	return container_of(work, struct altwq_kthread_delayed_work, work);
}

#endif
