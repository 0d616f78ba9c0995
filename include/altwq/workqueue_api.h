/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The altwq workqueue functions, with the structs only declared: valid C and
 * C++, no kernel header. C callers include <altwq/workqueue.h>; the C++
 * engine includes this file so its definitions are checked against these
 * prototypes. Names mirror <linux/workqueue.h> (6.12) one to one.
 *
 * Contexts:
 *   any context (IRQs included): queue_*, mod_delayed_*, cancel_work,
 *     cancel_delayed_work, work_busy, work_pending, current_work.
 *   may sleep: alloc_*, destroy_workqueue, flush_*, drain_workqueue,
 *     cancel_*_sync, workqueue_set_max_active.
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
struct timer_list;

/* Queue flags (values are altwq's own). */
#define ALTWQ_UNBOUND		(1U << 1)  /* not bound to a CPU; no concurrency management */
#define ALTWQ_HIGHPRI		(1U << 4)  /* served by the high-priority pools */
#define ALTWQ_CPU_INTENSIVE	(1U << 5)  /* its works do not count for concurrency */
#define ALTWQ_MEM_RECLAIM	(1U << 3)  /* has a rescuer: progress without new workers */
#define __ALTWQ_ORDERED		(1U << 17) /* one work at a time, in queueing order */

#define ALTWQ_MAX_ACTIVE	512
#define ALTWQ_DFL_ACTIVE	(ALTWQ_MAX_ACTIVE / 2)

/* altwq_work_busy() bits. */
#define ALTWQ_WORK_BUSY_PENDING	(1U << 0)
#define ALTWQ_WORK_BUSY_RUNNING	(1U << 1)

/* "No particular CPU" for the *_on() calls (the local CPU for bound queues). */
#define ALTWQ_WORK_CPU_UNBOUND	(-1)

/* NULL on failure (bad arguments warn). May sleep. */
struct altwq_workqueue *altwq_alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...)
	__attribute__((format(printf, 1, 4)));
void altwq_destroy_workqueue(struct altwq_workqueue *wq);

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

void altwq_flush_workqueue(struct altwq_workqueue *wq);
void altwq_drain_workqueue(struct altwq_workqueue *wq);
void altwq_workqueue_set_max_active(struct altwq_workqueue *wq, int max_active);
unsigned int altwq_work_busy(struct altwq_work *work);
struct altwq_work *altwq_current_work(void);
/* Warns if the on-stack work is still pending or running. */
void altwq_destroy_work_on_stack(struct altwq_work *work);

/* The delayed-work timer callback (set up by ALTWQ_INIT_DELAYED_WORK). */
void altwq_delayed_work_timer_fn(struct timer_list *timer);

extern struct altwq_workqueue *altwq_system_wq;
extern struct altwq_workqueue *altwq_system_highpri_wq;
extern struct altwq_workqueue *altwq_system_long_wq;
extern struct altwq_workqueue *altwq_system_unbound_wq;

#ifdef __cplusplus
}
#endif
#endif
