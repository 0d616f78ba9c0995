/* SPDX-License-Identifier: GPL-2.0 */
/*
 * altwq workqueue: a concurrency-managed workqueue with the kernel's API.
 * Names mirror <linux/workqueue.h> (6.12) one to one, so a driver ports by
 * prefix: queue_work() -> altwq_queue_work(), INIT_WORK -> ALTWQ_INIT_WORK.
 *
 *	struct foo { struct altwq_delayed_work dwork; };
 *	static void foo_fn(struct altwq_work *work)
 *	{
 *		struct foo *foo = container_of(altwq_to_delayed_work(work), struct foo, dwork);
 *		...
 *	}
 *	ALTWQ_INIT_DELAYED_WORK(&foo->dwork, foo_fn);
 *	wq = altwq_alloc_workqueue("foo", ALTWQ_MEM_RECLAIM, 0);
 *	altwq_queue_delayed_work(wq, &foo->dwork, HZ);
 *	...
 *	altwq_cancel_delayed_work_sync(&foo->dwork);
 *	altwq_destroy_workqueue(wq);
 *
 * The states of a work item. PENDING is one bit in work->data; whoever sets
 * it owns the work until it is on a list (queued) or the bit is cleared:
 *
 *                 queue (sets PENDING)                 a worker takes it
 *   IDLE --------------------------------> PENDING --------------------> RUNNING
 *    ^  \ queue_delayed                 (on a worklist     (PENDING cleared
 *    |   `-----> PENDING, timer armed    or inactive list)  before func runs;
 *    |           | timer fires: queued -----^               it may be queued
 *    |           |                                          again meanwhile and
 *    |           v cancel* steal PENDING                    then runs again
 *    |             (del timer / unlink), then clear it      after, never beside)
 *    |                                                                 |
 *    |   cancel_*_sync of a RUNNING instance: DISABLED while it waits  |
 *    |   (not pending; queueing and mod_delayed_work refused, as 6.10+)|
 *    `------------------------------------------------- func returns --'
 *
 * A work runs on one worker at a time across all CPUs of its queue: queued
 * while running, it goes to the worker already running it.
 */
#ifndef ALTWQ_WORKQUEUE_H
#define ALTWQ_WORKQUEUE_H

#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/rcupdate.h>
#include <linux/timer.h>
#include <linux/types.h>
#include <altwq/workqueue_api.h>

struct altwq_work {
	atomic_long_t data;	/* PENDING and the other flag bits, then its pool_workqueue or last pool */
	struct list_head entry;	/* on a worklist, inactive list or worker's scheduled list */
	altwq_work_func_t func;
#ifdef CONFIG_LOCKDEP
	/*
	 * Held while the work runs, touched by whoever flushes or cancel-syncs
	 * it: lockdep then reports a flush that can deadlock (as 6.12's).
	 */
	struct lockdep_map lockdep_map;
#endif
};

struct altwq_delayed_work {
	struct altwq_work work;
	struct timer_list timer;
	struct altwq_workqueue *wq;	/* where the timer queues it */
	int cpu;
	struct list_head armed_entry;	/* on wq's list of armed timers */
};

/* A work queued after an RCU grace period (altwq_queue_rcu_work). */
struct altwq_rcu_work {
	struct altwq_work work;
	struct rcu_head rcu;
	struct altwq_workqueue *wq;	/* where the RCU callback queues it */
};

/*
 * What an unbound queue's works run with (6.12's struct workqueue_attrs):
 * made by altwq_alloc_workqueue_attrs() (nice 0, every possible CPU, the
 * default scope), filled in, given to altwq_apply_workqueue_attrs().
 */
struct altwq_workqueue_attrs {
	int nice;				/* of the workers, -20..19 */
	cpumask_var_t cpumask;			/* where the works may run */
	cpumask_var_t __pod_cpumask;		/* internal: a pool's pod */
	bool affn_strict;			/* workers stay inside the pod */
	enum altwq_affn_scope affn_scope;	/* how the CPUs are cut into pods */
	bool ordered;				/* internal: one work at a time, in order */
};

/* For altwq_execute_in_process_context(). */
struct altwq_execute_work {
	struct altwq_work work;
};

/* work->data of a work that never ran: no pool, not disabled, nothing pending. */
#define ALTWQ_WORK_DATA_INIT	(~0UL << 24)

#ifdef CONFIG_DEBUG_OBJECTS_WORK
/* In a static work's data until it is first queued: debugobjects then
 * knows it was never initialised at run time on purpose. */
#define __ALTWQ_WORK_STATIC	(1UL << 4)
#define __altwq_init_work_debug(w, onstack) __altwq_init_work((w), (onstack))
#else
#define __ALTWQ_WORK_STATIC	0UL
#define __altwq_init_work_debug(w, onstack) do { } while (0)
#endif

#ifdef CONFIG_LOCKDEP
/* A static work's lockdep class is keyed by the work itself. */
#define __ALTWQ_WORK_INIT_LOCKDEP_MAP(n) \
	.lockdep_map = STATIC_LOCKDEP_MAP_INIT("(work_completion)" #n, &(n)),
/* One lockdep class per init site, named after the work. */
#define __ALTWQ_INIT_WORK_LOCKDEP(w, name)					\
	do {									\
		static struct lock_class_key __altwq_key;			\
		lockdep_init_map(&(w)->lockdep_map, "(work_completion)" name,	\
				 &__altwq_key, 0);				\
	} while (0)
#else
#define __ALTWQ_WORK_INIT_LOCKDEP_MAP(n)
#define __ALTWQ_INIT_WORK_LOCKDEP(w, name) do { } while (0)
#endif

/* Static initialisers (DECLARE_WORK and friends); n is the object's name. */
#define __ALTWQ_WORK_INITIALIZER(n, f) {					\
		.data = ATOMIC_LONG_INIT(ALTWQ_WORK_DATA_INIT | __ALTWQ_WORK_STATIC), \
		.entry = LIST_HEAD_INIT((n).entry),				\
		.func = (f),							\
		__ALTWQ_WORK_INIT_LOCKDEP_MAP(n)				\
	}
#define __ALTWQ_DELAYED_WORK_INITIALIZER(n, f, tflags) {			\
		.work = __ALTWQ_WORK_INITIALIZER((n).work, (f)),		\
		.timer = __TIMER_INITIALIZER(altwq_delayed_work_timer_fn,	\
					     (tflags) | TIMER_IRQSAFE),		\
		.wq = NULL,							\
		.cpu = ALTWQ_WORK_CPU_UNBOUND,					\
		.armed_entry = LIST_HEAD_INIT((n).armed_entry),			\
	}
#define ALTWQ_DECLARE_WORK(n, f) struct altwq_work n = __ALTWQ_WORK_INITIALIZER(n, f)
#define ALTWQ_DECLARE_DELAYED_WORK(n, f) \
	struct altwq_delayed_work n = __ALTWQ_DELAYED_WORK_INITIALIZER(n, f, 0)
#define ALTWQ_DECLARE_DEFERRABLE_WORK(n, f) \
	struct altwq_delayed_work n = __ALTWQ_DELAYED_WORK_INITIALIZER(n, f, TIMER_DEFERRABLE)

/* debugobjects first: it cancels a work still queued (and reports it).
 * name: the lockdep class's, what the caller wrote. */
#define __ALTWQ_INIT_WORK_NAMED(work_ptr, fn, onstack, name)			\
	do {									\
		struct altwq_work *__altwq_w = (work_ptr);			\
		__altwq_init_work_debug(__altwq_w, (onstack));			\
		atomic_long_set(&__altwq_w->data, ALTWQ_WORK_DATA_INIT);	\
		INIT_LIST_HEAD(&__altwq_w->entry);				\
		__altwq_w->func = (fn);					\
		__ALTWQ_INIT_WORK_LOCKDEP(__altwq_w, name);			\
	} while (0)
#define __ALTWQ_INIT_WORK(work_ptr, fn, onstack) __ALTWQ_INIT_WORK_NAMED(work_ptr, fn, onstack, #work_ptr)
#define ALTWQ_INIT_WORK(work_ptr, fn) __ALTWQ_INIT_WORK(work_ptr, fn, 0)
/* Give it back with altwq_destroy_work_on_stack() before the frame goes. */
#define ALTWQ_INIT_WORK_ONSTACK(work_ptr, fn) __ALTWQ_INIT_WORK(work_ptr, fn, 1)

#define __ALTWQ_INIT_DELAYED_WORK(dwork_ptr, fn, setup, tflags, onstack)	\
	do {									\
		struct altwq_delayed_work *__altwq_dw = (dwork_ptr);		\
		__ALTWQ_INIT_WORK_NAMED(&__altwq_dw->work, (fn), (onstack), "&(" #dwork_ptr ")->work"); \
		setup(&__altwq_dw->timer, altwq_delayed_work_timer_fn, (tflags) | TIMER_IRQSAFE); \
		__altwq_dw->wq = NULL;						\
		__altwq_dw->cpu = ALTWQ_WORK_CPU_UNBOUND;			\
		INIT_LIST_HEAD(&__altwq_dw->armed_entry);			\
	} while (0)
/* timer_setup() here gives each init site its own lockdep class. */
#define ALTWQ_INIT_DELAYED_WORK(dwork_ptr, fn) __ALTWQ_INIT_DELAYED_WORK(dwork_ptr, fn, timer_setup, 0, 0)
#define ALTWQ_INIT_DELAYED_WORK_ONSTACK(dwork_ptr, fn) \
	__ALTWQ_INIT_DELAYED_WORK(dwork_ptr, fn, timer_setup_on_stack, 0, 1)
/* A deferrable timer: an idle CPU is not woken for it (see TIMER_DEFERRABLE). */
#define ALTWQ_INIT_DEFERRABLE_WORK(dwork_ptr, fn) \
	__ALTWQ_INIT_DELAYED_WORK(dwork_ptr, fn, timer_setup, TIMER_DEFERRABLE, 0)
#define ALTWQ_INIT_DEFERRABLE_WORK_ONSTACK(dwork_ptr, fn) \
	__ALTWQ_INIT_DELAYED_WORK(dwork_ptr, fn, timer_setup_on_stack, TIMER_DEFERRABLE, 1)
#define ALTWQ_INIT_RCU_WORK(rwork_ptr, fn) ALTWQ_INIT_WORK(&(rwork_ptr)->work, (fn))
#define ALTWQ_INIT_RCU_WORK_ONSTACK(rwork_ptr, fn) ALTWQ_INIT_WORK_ONSTACK(&(rwork_ptr)->work, (fn))

static inline void altwq_destroy_delayed_work_on_stack(struct altwq_delayed_work *dwork)
{
	destroy_timer_on_stack(&dwork->timer);
	altwq_destroy_work_on_stack(&dwork->work);
}

static inline struct altwq_delayed_work *altwq_to_delayed_work(struct altwq_work *work)
{
	return container_of(work, struct altwq_delayed_work, work);
}
static inline struct altwq_rcu_work *altwq_to_rcu_work(struct altwq_work *work)
{
	return container_of(work, struct altwq_rcu_work, work);
}
/* The struct that embeds callback_work as work_fieldname, typed as *var. */
#define altwq_from_work(var, callback_work, work_fieldname) \
	container_of(callback_work, typeof(*var), work_fieldname)

/* Whether the work is pending (queued, or its timer armed). Any context. */
#define altwq_work_pending(work) (atomic_long_read(&(work)->data) & 1UL)
#define altwq_delayed_work_pending(dwork) altwq_work_pending(&(dwork)->work)

#define altwq_alloc_ordered_workqueue(fmt, flags, args...) \
	altwq_alloc_workqueue(fmt, ALTWQ_UNBOUND | __ALTWQ_ORDERED | (flags), 1, ##args)
#define altwq_alloc_ordered_workqueue_lockdep_map(fmt, flags, lockdep_map, args...) \
	altwq_alloc_workqueue_lockdep_map(fmt, ALTWQ_UNBOUND | __ALTWQ_ORDERED | (flags), 1, lockdep_map, ##args)
/* The legacy constructors: one work at a time per CPU, with a rescuer. */
#define altwq_create_workqueue(name) \
	altwq_alloc_workqueue("%s", __ALTWQ_LEGACY | ALTWQ_MEM_RECLAIM, 1, (name))
#define altwq_create_freezable_workqueue(name) \
	altwq_alloc_workqueue("%s", __ALTWQ_LEGACY | ALTWQ_FREEZABLE | ALTWQ_UNBOUND | ALTWQ_MEM_RECLAIM, 1, (name))
#define altwq_create_singlethread_workqueue(name) \
	altwq_alloc_ordered_workqueue("%s", __ALTWQ_LEGACY | ALTWQ_MEM_RECLAIM, name)

static inline bool altwq_queue_work(struct altwq_workqueue *wq, struct altwq_work *work)
{
	return altwq_queue_work_on(ALTWQ_WORK_CPU_UNBOUND, wq, work);
}
static inline bool altwq_queue_delayed_work(struct altwq_workqueue *wq, struct altwq_delayed_work *dwork,
					    unsigned long delay)
{
	return altwq_queue_delayed_work_on(ALTWQ_WORK_CPU_UNBOUND, wq, dwork, delay);
}
static inline bool altwq_mod_delayed_work(struct altwq_workqueue *wq, struct altwq_delayed_work *dwork,
					  unsigned long delay)
{
	return altwq_mod_delayed_work_on(ALTWQ_WORK_CPU_UNBOUND, wq, dwork, delay);
}
static inline bool altwq_schedule_work(struct altwq_work *work)
{
	return altwq_queue_work(altwq_system_wq, work);
}
static inline bool altwq_schedule_work_on(int cpu, struct altwq_work *work)
{
	return altwq_queue_work_on(cpu, altwq_system_wq, work);
}
static inline bool altwq_schedule_delayed_work(struct altwq_delayed_work *dwork, unsigned long delay)
{
	return altwq_queue_delayed_work(altwq_system_wq, dwork, delay);
}
static inline bool altwq_schedule_delayed_work_on(int cpu, struct altwq_delayed_work *dwork, unsigned long delay)
{
	return altwq_queue_delayed_work_on(cpu, altwq_system_wq, dwork, delay);
}

/*
 * Enables the work and, if that brought its disable count to 0, queues it
 * (true); false if it stays disabled. It queues whether or not something
 * happened while the work was disabled.
 */
static inline bool altwq_enable_and_queue_work(struct altwq_workqueue *wq, struct altwq_work *work)
{
	if (!altwq_enable_work(work))
		return false;
	altwq_queue_work(wq, work);
	return true;
}

/* Flushes altwq_system_wq, with a warning at compile time and at run time. */
#define altwq_flush_scheduled_work()					\
	({								\
		__altwq_warn_flushing_systemwide_wq();			\
		altwq_flush_workqueue(altwq_system_wq);			\
	})

#endif
