/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The altwq kthread_worker functions, with the structs only declared: valid
 * C and C++, no kernel header. C callers include <altwq/kthread_worker.h>;
 * the C++ engine includes this file so its definitions are checked against
 * these prototypes.
 *
 * Contexts: queue, queue_delayed, mod_delayed: any context (IRQs included).
 * create, flush, cancel_*_sync, destroy: may sleep.
 */
#ifndef ALTWQ_KTHREAD_WORKER_API_H
#define ALTWQ_KTHREAD_WORKER_API_H

#ifdef __cplusplus
extern "C" {
#endif

struct altwq_kthread_worker;
struct altwq_kthread_work;
struct altwq_kthread_delayed_work;
struct timer_list;

/* Worker flags (mirrors KTW_FREEZABLE). */
#define ALTWQ_KTW_FREEZABLE (1U << 0)

/* Return a worker or an ERR_PTR (-EINVAL, -ENOMEM, ...); may sleep. */
struct altwq_kthread_worker *altwq_kthread_create_worker(unsigned int flags, const char namefmt[], ...)
	__attribute__((format(printf, 2, 3)));
struct altwq_kthread_worker *altwq_kthread_create_worker_on_cpu(int cpu, unsigned int flags,
								 const char namefmt[], ...)
	__attribute__((format(printf, 3, 4)));
/* The thread's memory on NUMA node `node` (-1: any; -EINVAL for a node that
 * does not exist). */
struct altwq_kthread_worker *altwq_kthread_create_worker_on_node(unsigned int flags, int node,
								  const char namefmt[], ...)
	__attribute__((format(printf, 3, 4)));

bool altwq_kthread_queue_work(struct altwq_kthread_worker *worker, struct altwq_kthread_work *work);
bool altwq_kthread_queue_delayed_work(struct altwq_kthread_worker *worker,
				      struct altwq_kthread_delayed_work *dwork, unsigned long delay);
bool altwq_kthread_mod_delayed_work(struct altwq_kthread_worker *worker,
				    struct altwq_kthread_delayed_work *dwork, unsigned long delay);
void altwq_kthread_flush_work(struct altwq_kthread_work *work);
void altwq_kthread_flush_worker(struct altwq_kthread_worker *worker);
bool altwq_kthread_cancel_work_sync(struct altwq_kthread_work *work);
bool altwq_kthread_cancel_delayed_work_sync(struct altwq_kthread_delayed_work *dwork);
void altwq_kthread_destroy_worker(struct altwq_kthread_worker *worker);

/*
 * A worker in the caller's memory: init (may sleep), then run it in a
 * kthread of the caller's with altwq_kthread_worker_fn(worker) as the
 * thread function (kthread_run(altwq_kthread_worker_fn, worker, ...)). It
 * returns when the thread is told to stop; from then on the worker refuses
 * calls and its memory is the caller's again. An embedded worker is not
 * destroyed with altwq_kthread_destroy_worker(). Memory freed without the
 * thread having run leaves nothing behind that could be corrupted, but a
 * call on it then is not refused.
 */
void altwq_kthread_init_worker(struct altwq_kthread_worker *worker);
int altwq_kthread_worker_fn(void *worker_ptr);

/* The delayed work's timer callback; set by ALTWQ_KTHREAD_INIT_DELAYED_WORK. */
void altwq_kthread_delayed_work_timer_fn(struct timer_list *timer);

#ifdef __cplusplus
}
#endif
#endif
