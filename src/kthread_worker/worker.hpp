// SPDX-License-Identifier: GPL-2.0
// The altwq kthread_worker engine: the C++ definitions of the public structs
// (their C layout in <altwq/kthread_worker.h> is checked against these at
// build time) and of the opaque worker.
//
// A work's states, all under its worker's lock (L):
//
//            queue / mod(0)                     the worker pops it
//   idle ----------------------> queued ---------------------------> running
//    |  \  queue_delayed              ^                              (current_work)
//    |   \                            | timer fires (not canceling)      |
//    |    `------------------> delayed (timer armed, on delayed_list)    |
//    |                                                                   |
//    `<-------------------- func returns (may re-queue itself) ---------'
//
//   canceling > 0 (a cancel or mod in progress): queueing is refused, and a
//   timer that fires leaves the work on delayed_list for the canceller.
//
// Locking: the worker's raw spinlock guards its lists, current_work and
// each tied work's node and canceling (L). work->worker is written under L
// and read without it to find L, then re-checked under it.
#pragma once
#include <altwq/kthread_worker_api.h>
#include "kabi_sizes.h"
#include "kxx/atomic.hpp"
#include "kxx/completion.hpp"
#include "kxx/kthread.hpp"
#include "kxx/list.hpp"
#include "kxx/lock.hpp"
#include "kxx/rcu_set.hpp"
#include "kxx/timer.hpp"

struct altwq_kthread_work {
	kxx::ListNode node;					// L: on work_list or delayed_list
	void (*func)(altwq_kthread_work *work);			// set by init
	kxx::Atomic<altwq_kthread_worker *> worker;		// L to write; see above
	kxx::LockedBy<int, kxx::RawSpinLock> canceling;	// L
	unsigned int magic;					// ALTWQ_KW_WORK_MAGIC once initialised
};

struct altwq_kthread_delayed_work {
	altwq_kthread_work work;
	kxx::Timer timer; // set up by the C init macro, IRQ-safe
};

static_assert(sizeof(altwq_kthread_work) == ALTWQ_KW_SIZEOF_WORK);
static_assert(offsetof(altwq_kthread_work, node) == ALTWQ_KW_WORK_NODE);
static_assert(offsetof(altwq_kthread_work, func) == ALTWQ_KW_WORK_FUNC);
static_assert(offsetof(altwq_kthread_work, worker) == ALTWQ_KW_WORK_WORKER);
static_assert(offsetof(altwq_kthread_work, canceling) == ALTWQ_KW_WORK_CANCELING);
static_assert(offsetof(altwq_kthread_work, magic) == ALTWQ_KW_WORK_MAGIC_OFFSET);
static_assert(sizeof(altwq_kthread_delayed_work) == ALTWQ_KW_SIZEOF_DWORK);
static_assert(offsetof(altwq_kthread_delayed_work, timer) == ALTWQ_KW_DWORK_TIMER);

namespace altwq::kw {

using WorkList = kxx::List<&altwq_kthread_work::node>;

// A work that completes `done` when the worker reaches it (flush barrier).
// On the flusher's stack; for a delayed target it waits on delayed_flushers
// until the target's timer moves it to work_list or the target is cancelled.
struct FlushWork {
	explicit FlushWork(altwq_kthread_work *target);
	altwq_kthread_work work;
	kxx::Completion done;
	altwq_kthread_work *target;
};

struct Queues {
	WorkList work_list;				// queued, in order
	WorkList delayed_list;				// timer armed (or firing under a cancel)
	WorkList delayed_flushers;			// FlushWork.work of flushes of delayed works
	altwq_kthread_work *current_work = nullptr;	// running now
	bool dying = false;				// destroy has begun: no new work
};

using QueuesGuard = kxx::Guard<kxx::RawSpinLock, kxx::IrqSave>;

} // namespace altwq::kw

struct altwq_kthread_worker {
	altwq_kthread_worker(unsigned int flags, int cpu);
	int run(); // the thread

	kxx::Guarded<altwq::kw::Queues, kxx::RawSpinLock> queues;
	kxx::Kthread thread;
	unsigned int flags;
	int cpu; // bound CPU, or Kthread::AnyCpu
	kxx::RcuSetLink registry_link;
};

namespace altwq::kw {

using Registry = kxx::RcuSet<&altwq_kthread_worker::registry_link>;

// Live workers. Any context, under the caller's RcuReadGuard.
bool is_live(const altwq_kthread_worker *worker, const kxx::RcuReadGuard &rcu);
// Refuses (with a warning) NULL and never-initialised works.
bool valid_work(const altwq_kthread_work *work);
// Refuses (with a warning) a worker that is not live. Any context.
bool valid_worker(const altwq_kthread_worker *worker);

// L held. Appends/inserts work (not on a list) before pos and ties it to worker.
void insert_work(altwq_kthread_worker *worker, Queues &q, altwq_kthread_work *work, altwq_kthread_work *before);
// L held. Whether the work is on delayed_list.
bool on_delayed_list(Queues &q, const altwq_kthread_work *work);
// L held. Takes the work off whichever list it is on; true if it was on one.
bool dequeue(Queues &q, altwq_kthread_work *work);
// L held, released and retaken (may sleep unless in IRQ-safe context): the
// timer is stopped and its callback not running; canceling > 0 meanwhile
// keeps anyone from queueing the work.
void stop_timer(QueuesGuard &g, altwq_kthread_delayed_work *dwork);
// L held. Flushes waiting on a delayed work follow it onto work_list.
void move_delayed_flushers(Queues &q, altwq_kthread_work *work);

} // namespace altwq::kw

extern "C" {
int altwq_kthread_worker_init(void);
void altwq_kthread_worker_exit(void);
}
