/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One table of kthread_worker operations with two backends, altwq's and the
 * kernel's own, so the same C++ behavioural cases run against both. Valid C
 * and C++. Contexts as in <altwq/kthread_worker_api.h>.
 */
#ifndef ALTWQ_KUNIT_KW_OPS_H
#define ALTWQ_KUNIT_KW_OPS_H
#include "kabi/types.h"
KABI_BEGIN

/* A delayed work of either implementation (usable as a plain work too)
 * that calls fn(work, ctx). */
struct kw_test_work;
typedef void (*kw_test_fn)(struct kw_test_work *work, void *ctx);

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
	void *(*create_worker)(int cpu);	/* cpu < 0: any CPU; NULL on failure */
	void (*destroy_worker)(void *worker);
	struct kw_test_work *(*new_work)(kw_test_fn fn, void *ctx); /* NULL on failure */
	void (*free_work)(struct kw_test_work *work);	/* idle, timer not armed */
	bool (*queue)(void *worker, struct kw_test_work *work);
	bool (*queue_delayed)(void *worker, struct kw_test_work *work, unsigned long delay);
	bool (*mod_delayed)(void *worker, struct kw_test_work *work, unsigned long delay);
	void (*flush_work)(struct kw_test_work *work);
	void (*flush_worker)(void *worker);
	bool (*cancel_sync)(struct kw_test_work *work);
	bool (*cancel_delayed_sync)(struct kw_test_work *work);
};

extern const struct kw_ops altwq_kw_ops_altwq;
extern const struct kw_ops altwq_kw_ops_intree;

/* For misuse cases (altwq only): the public structs behind a test work, and
 * a zeroed, never-initialised altwq work (free with kw_free_raw). */
struct altwq_kthread_work *kw_altwq_work(struct kw_test_work *work);
struct altwq_kthread_delayed_work *kw_altwq_dwork(struct kw_test_work *work);
struct altwq_kthread_work *kw_altwq_uninitialised_work(void);
void kw_free_raw(void *p);

KABI_END
#endif
