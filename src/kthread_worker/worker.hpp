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
// each tied work's node, canceling and delayed (L). work->worker is set once,
// by compare-exchange under L, and read without L to find L. Every caller
// that drops L (to stop a timer, to wait) looks at `dying` again once it
// has it back.
//
// Worker lifetime:
//
//   created --(registry insert)--> live --(destroy: dying = true)--> dying
//     dying: every entry point refuses; what was queued runs (flush_all);
//     the worker leaves the registry; destroy waits for RCU readers (the
//     entry points that do not sleep look the worker up and use it inside
//     one RCU read section) and for WorkerRefs (taken by the entry points
//     that sleep, and by a cancel only once it must wait) to drain; armed
//     timers are looked for once more and stopped; then the thread stops
//     and the worker is freed.
#pragma once
#include <altwq/kthread_worker_api.h>
#include "kxx/sizes.hpp"
#include "kxx/atomic.hpp"
#include "kxx/completion.hpp"
#include "kxx/kthread.hpp"
#include "kxx/list.hpp"
#include "kxx/lock.hpp"
#include "kxx/rcu_set.hpp"
#include "kxx/timer.hpp"
#include "kxx/warn.hpp"

namespace altwq::kw {
struct WorkerLockRole; // L: a worker's lock
using WorkerLock = kxx::RawSpinLock<WorkerLockRole>;
// The lock of the worker a work is tied to (nullptr if none), for
// LockedBy's owner check; given the address of the field. Defined below.
inline const WorkerLock *canceling_lock(const void *field);
inline const WorkerLock *delayed_lock(const void *field);
} // namespace altwq::kw

struct altwq_kthread_work {
	kxx::ListNode node;					// L: on work_list or delayed_list
	void (*func)(altwq_kthread_work *work);			// set by init
	kxx::Atomic<altwq_kthread_worker *> worker;		// L to write; see above
	kxx::LockedBy<int, altwq::kw::WorkerLock, &altwq::kw::canceling_lock> canceling; // L
	kxx::LockedBy<unsigned int, altwq::kw::WorkerLock, &altwq::kw::delayed_lock> delayed; // L: on delayed_list
	unsigned int magic;					// ALTWQ_KW_[D]WORK_MAGIC once initialised
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
static_assert(offsetof(altwq_kthread_work, delayed) == ALTWQ_KW_WORK_DELAYED);
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
	unsigned int nr_delayed_flushers = 0;
	altwq_kthread_work *current_work = nullptr;	// running now
	bool dying = false;				// destroy has begun: every entry point refuses
};

using QueuesGuard = kxx::Guard<WorkerLock, kxx::IrqSave>;

} // namespace altwq::kw

struct altwq_kthread_worker {
	altwq_kthread_worker(unsigned int flags, int cpu);
	int run(); // the thread

	task_struct *task = nullptr;	// public (<altwq/kthread_worker.h>), first. Made: I; embedded: L
	bool embedded = false;		// I: in the caller's memory (kthread_init_worker)

	kxx::Guarded<altwq::kw::Queues, altwq::kw::WorkerLock> queues;
	kxx::Kthread thread;
	unsigned int flags;
	int cpu; // bound CPU, or Kthread::AnyCpu
	kxx::RcuSetLink registry_link;
	kxx::Atomic<long> users{1};	// 1 for being live, plus one per WorkerRef
	kxx::Completion released;	// users dropped to 0
};
static_assert(offsetof(altwq_kthread_worker, task) == ALTWQ_KW_WORKER_TASK);
// An embedded worker is built in the caller's struct altwq_kthread_worker.
static_assert(sizeof(altwq_kthread_worker) <= ALTWQ_KW_SIZEOF_WORKER &&
	      alignof(altwq_kthread_worker) <= ALTWQ_KW_ALIGNOF_WORKER);

namespace altwq::kw {

using Registry = kxx::RcuSet<&altwq_kthread_worker::registry_link>;
using EmbeddedSet = kxx::RcuAddressSet<>;

// Live workers; set at module load. Inline, like the checks below: every
// queueing runs them.
extern constinit Registry *registry;
// Embedded workers, from init until their worker_fn returns.
extern constinit EmbeddedSet *embedded;

// Any context, under the caller's RcuReadGuard.
inline bool is_live(const altwq_kthread_worker *worker, const kxx::RcuReadGuard &rcu)
{
	return registry->contains(worker, rcu) || KXX_UNLIKELY(embedded->contains(worker, rcu));
}

// Refuses (with a warning) NULL and never-initialised works.
inline bool valid_work(const altwq_kthread_work *work)
{
	return !KXX_WARN_ON_ONCE(!work || (work->magic != ALTWQ_KW_WORK_MAGIC && work->magic != ALTWQ_KW_DWORK_MAGIC) ||
				 !work->func);
}
// Whether work is the work of an altwq_kthread_delayed_work (its init says so).
inline bool is_delayed_work(const altwq_kthread_work *work) { return work->magic == ALTWQ_KW_DWORK_MAGIC; }

// A counted reference on a live worker, for entry points that sleep; empty
// (with a warning) if the worker is not live. Any context.
class WorkerRef : kxx::Pinned {
public:
	static WorkerRef of(altwq_kthread_worker *worker);
	// The worker the work is tied to: empty without a warning if none.
	static WorkerRef of_work(altwq_kthread_work *work);
	// A worker the caller found live in this RCU read section.
	static WorkerRef taken_under(altwq_kthread_worker *worker, const kxx::RcuReadGuard &);
	WorkerRef() : w_(nullptr) {}
	WorkerRef(WorkerRef &&o) : w_(kxx::exchange(o.w_, nullptr)) {}
	~WorkerRef();
	explicit operator bool() const { return w_ != nullptr; }
	altwq_kthread_worker *get() const { return w_; }

private:
	explicit WorkerRef(altwq_kthread_worker *w) : w_(w) {}
	altwq_kthread_worker *w_;
};

// L held. Ties work to worker for good, unless it is tied to another
// (refused, with a warning).
bool tie(altwq_kthread_worker *worker, altwq_kthread_work *work);
// L held. Appends/inserts work (not on a list) before `before` (nullptr:
// at the tail) and wakes an idle worker.
void insert_work(altwq_kthread_worker *worker, Queues &q, altwq_kthread_work *work, altwq_kthread_work *before);
// L held. Takes the work off whichever list it is on; true if it was on one.
// Flushes waiting on it as a delayed work are released unless keep_flushers.
bool dequeue(Queues &q, QueuesGuard &g, altwq_kthread_work *work, bool keep_flushers = false);
// L not held. Waits for work's last instance if it is pending or running;
// true if there was one. Refuses (with a warning) a dying worker only if
// asked: cancel, which checked before, waits on one. May sleep.
enum class OnDying { Refuse, Wait };
bool wait_for_last_instance(altwq_kthread_worker *worker, altwq_kthread_work *work, OnDying on_dying);
// L held, and released and retaken if the timer may be armed or firing (an
// IRQ-safe timer: the wait spins, so any context but the timer's own): on
// return the timer is stopped and its callback not running; canceling > 0
// meanwhile keeps anyone from queueing the work. The caller looks at
// `dying` again.
void stop_timer(QueuesGuard &g, altwq_kthread_delayed_work *dwork);
// L held. Flushes waiting on a delayed work follow it onto work_list.
void move_delayed_flushers(Queues &q, altwq_kthread_work *work);
// Waits for every work queued so far. Does not look at dying. May sleep.
void flush_all(altwq_kthread_worker *worker);

} // namespace altwq::kw

namespace altwq::kw {

// Inline: every access to a work's L fields checks its owner.
inline const WorkerLock *tied_worker_lock(const void *field, size_t offset)
{
	auto *work = reinterpret_cast<const altwq_kthread_work *>(static_cast<const char *>(field) - offset);
	altwq_kthread_worker *worker = work->worker.load(kxx::Relaxed);
	return worker ? &worker->queues.raw_lock() : nullptr;
}
inline const WorkerLock *canceling_lock(const void *field)
{
	return tied_worker_lock(field, offsetof(altwq_kthread_work, canceling));
}
inline const WorkerLock *delayed_lock(const void *field)
{
	return tied_worker_lock(field, offsetof(altwq_kthread_work, delayed));
}

} // namespace altwq::kw

extern "C" {
int altwq_kthread_worker_init(void);
void altwq_kthread_worker_exit(void);
}
