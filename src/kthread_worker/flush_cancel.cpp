// SPDX-License-Identifier: GPL-2.0
// Flushing and cancelling. All may sleep.
#include "kthread_worker/test_hooks.h"
#include "kthread_worker/worker.hpp"

using namespace kxx;
using namespace altwq::kw;

namespace {

void flush_work_fn(altwq_kthread_work *work)
{
	owner_of<&FlushWork::work>(work)->done.complete();
}

// L held. Queues `flush` to complete after work's last instance; false if
// the work is neither pending nor running (nothing to wait for).
bool queue_flush_behind(altwq_kthread_worker *worker, Queues &q, QueuesGuard &g, altwq_kthread_work *work,
			FlushWork &flush)
{
	if (work->delayed.get(g)) {
		q.delayed_flushers.push_back(flush.work);
		q.nr_delayed_flushers++;
	} else if (work->node.linked()) {
		insert_work(worker, q, &flush.work, q.work_list.next(*work));
	} else if (q.current_work == work) {
		insert_work(worker, q, &flush.work, q.work_list.front());
	} else {
		return false;
	}
	return true;
}

} // namespace

altwq::kw::FlushWork::FlushWork(altwq_kthread_work *target_) : target(target_)
{
	work.func = flush_work_fn;
	work.magic = ALTWQ_KW_WORK_MAGIC;
}

namespace altwq::kw {

WorkerRef WorkerRef::of(altwq_kthread_worker *worker)
{
	RcuReadGuard rcu;
	if (KXX_WARN_ON_ONCE(!is_live(worker, rcu)))
		return WorkerRef();
	return taken_under(worker, rcu);
}

WorkerRef WorkerRef::taken_under(altwq_kthread_worker *worker, const RcuReadGuard &)
{
	// Before destroy's synchronize_rcu() returns, so destroy sees it.
	worker->users.fetch_add(1, Full);
	return WorkerRef(worker);
}

WorkerRef WorkerRef::of_work(altwq_kthread_work *work)
{
	altwq_kthread_worker *worker = work->worker.load(Acquire);
	return worker ? of(worker) : WorkerRef();
}

WorkerRef::~WorkerRef()
{
	if (w_ && w_->users.sub_return(1, Full) == 0)
		w_->released.complete();
}

bool wait_for_last_instance(altwq_kthread_worker *worker, altwq_kthread_work *work, OnDying on_dying)
{
	FlushWork flush(work); // built before L is taken, as it may go unused
	{
		auto q = worker->queues.lock<IrqSave>();
		if (on_dying == OnDying::Refuse && KXX_WARN_ON_ONCE(q->dying))
			return false;
		if (!queue_flush_behind(worker, *q, q, work, flush))
			return false;
	}
	flush.done.wait();
	return true;
}

void flush_all(altwq_kthread_worker *worker)
{
	FlushWork flush(nullptr);
	{
		auto q = worker->queues.lock<IrqSave>();
		insert_work(worker, *q, &flush.work, nullptr);
	}
	flush.done.wait();
}

} // namespace altwq::kw

// Waits for the last queued instance of work to finish: a queued work runs
// first; a delayed one first waits for its timer (or for a cancel); a
// running one finishes. Returns at once if the work is idle.
extern "C" void altwq_kthread_flush_work(altwq_kthread_work *work)
{
	KXX_MIGHT_SLEEP();
	if (!valid_work(work))
		return;
	WorkerRef worker = WorkerRef::of_work(work);
	if (worker)
		(void)wait_for_last_instance(worker.get(), work, OnDying::Refuse);
}

// Waits for every work queued before the call to finish.
extern "C" void altwq_kthread_flush_worker(altwq_kthread_worker *worker)
{
	KXX_MIGHT_SLEEP();
	WorkerRef ref = WorkerRef::of(worker);
	if (!ref)
		return;
	if (KXX_WARN_ON_ONCE(worker->queues.lock<IrqSave>()->dying))
		return;
	flush_all(worker);
}

namespace {

// Statistics for the benchmark (see test_hooks.h); only slow paths count.
constinit Atomic<long> nr_cancels_found_running{0};
constinit Atomic<long> nr_cancels_waited{0};

// Takes work off its worker's lists and stops its timer (dwork). If its
// instance is running, raises canceling (so it cannot re-queue itself) and
// returns a reference on the worker for the wait; else an empty one.
// *was_pending: whether it was queued or armed. Does not sleep.
WorkerRef cancel_pending(altwq_kthread_work *work, altwq_kthread_delayed_work *dwork, bool *was_pending)
{
	*was_pending = false;
	RcuReadGuard rcu;
	altwq_kthread_worker *worker = work->worker.load(Acquire);
	if (!worker)
		return WorkerRef();
	if (KXX_WARN_ON_ONCE(!is_live(worker, rcu)))
		return WorkerRef();
	auto q = worker->queues.lock<IrqSave>();
	if (KXX_WARN_ON_ONCE(q->dying))
		return WorkerRef();
	if (dwork) {
		stop_timer(q, dwork);
		if (KXX_WARN_ON_ONCE(q->dying)) // L was dropped
			return WorkerRef();
	}
	*was_pending = dequeue(*q, q, work);
	if (q->current_work != work)
		return WorkerRef();
	nr_cancels_found_running.fetch_add(1, Relaxed);
	// The running instance cannot re-queue itself from here on.
	int &canceling = work->canceling.get(q);
	canceling++;
	// A moment without L, as the kernel's cancel has (it drops the lock to
	// stop the timer, work armed or not): a short instance can end in it,
	// and then there is nothing to wait for.
	q.call_unlocked([] { cpu_relax(); });
	if (q->current_work != work || KXX_WARN_ON_ONCE(q->dying)) {
		canceling--;
		return WorkerRef();
	}
	return WorkerRef::taken_under(worker, rcu);
}

bool cancel_sync(altwq_kthread_work *work, altwq_kthread_delayed_work *dwork)
{
	KXX_MIGHT_SLEEP();
	bool was_pending;
	WorkerRef worker = cancel_pending(work, dwork, &was_pending);
	if (!worker)
		return was_pending;
	// Built with L dropped, as the kernel does: the worker can meanwhile
	// take L for its next work and so record that a short instance has
	// ended; the flush then finds the work idle and neither queues nor
	// sleeps.
	if (wait_for_last_instance(worker.get(), work, OnDying::Wait))
		nr_cancels_waited.fetch_add(1, Relaxed);
	auto q = worker.get()->queues.lock<IrqSave>();
	work->canceling.get(q)--;
	return was_pending;
}

} // namespace

extern "C" bool altwq_kw_worker_is_live(altwq_kthread_worker *worker)
{
	RcuReadGuard rcu;
	return is_live(worker, rcu);
}

extern "C" void altwq_kw_get_cancel_counts(altwq_kw_cancel_counts *counts)
{
	counts->found_running = nr_cancels_found_running.load(Relaxed);
	counts->waited = nr_cancels_waited.load(Relaxed);
}

// On return the work is neither pending nor running, even if it re-queues
// itself. Returns whether it was pending.
// On a delayed work's work this is cancel_delayed_work_sync: its timer is
// stopped too (6.12 leaves it armed, to queue the work later).
extern "C" bool altwq_kthread_cancel_work_sync(altwq_kthread_work *work)
{
	if (!valid_work(work))
		return false;
	return cancel_sync(work, is_delayed_work(work) ? owner_of<&altwq_kthread_delayed_work::work>(work) : nullptr);
}

extern "C" bool altwq_kthread_cancel_delayed_work_sync(altwq_kthread_delayed_work *dwork)
{
	if (!valid_work(dwork ? &dwork->work : nullptr))
		return false;
	return cancel_sync(&dwork->work, dwork);
}
