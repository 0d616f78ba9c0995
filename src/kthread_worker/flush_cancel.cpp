// SPDX-License-Identifier: GPL-2.0
// Flushing and cancelling. All may sleep.
#include "kthread_worker/worker.hpp"

using namespace kxx;
using namespace altwq::kw;

namespace {

void flush_work_fn(altwq_kthread_work *work)
{
	owner_of<&FlushWork::work>(work)->done.complete();
}

// The worker a work is tied to, if it is live (a work tied to a destroyed
// worker is refused with a warning).
altwq_kthread_worker *tied_worker(altwq_kthread_work *work)
{
	altwq_kthread_worker *worker = work->worker.load(Acquire);
	if (!worker)
		return nullptr;
	RcuReadGuard rcu;
	if (KXX_WARN_ON_ONCE(!is_live(worker, rcu)))
		return nullptr;
	return worker;
}

} // namespace

altwq::kw::FlushWork::FlushWork(altwq_kthread_work *target_) : target(target_)
{
	work.func = flush_work_fn;
	work.worker.store(nullptr, Relaxed);
	work.magic = ALTWQ_KW_WORK_MAGIC;
}

// Waits for the last queued instance of work to finish: a queued work runs
// first; a delayed one first waits for its timer (or for a cancel); a
// running one finishes. Returns at once if the work is idle.
extern "C" void altwq_kthread_flush_work(altwq_kthread_work *work)
{
	KXX_MIGHT_SLEEP();
	if (!valid_work(work))
		return;
	altwq_kthread_worker *worker = tied_worker(work);
	if (!worker)
		return;
	FlushWork flush(work);
	{
		auto q = worker->queues.lock<Irq>();
		if (KXX_WARN_ON_ONCE(work->worker.load(Relaxed) != worker))
			return;
		if (work->node.linked() && on_delayed_list(*q, work)) {
			q->delayed_flushers.push_back(flush.work);
			flush.work.worker.store(worker, Relaxed);
		} else if (work->node.linked()) {
			insert_work(worker, *q, &flush.work, q->work_list.next(*work));
		} else if (q->current_work == work) {
			insert_work(worker, *q, &flush.work, q->work_list.front());
		} else {
			return;
		}
	}
	flush.done.wait();
}

// Waits for every work queued before the call to finish.
extern "C" void altwq_kthread_flush_worker(altwq_kthread_worker *worker)
{
	KXX_MIGHT_SLEEP();
	if (!valid_worker(worker))
		return;
	FlushWork flush(nullptr);
	{
		auto q = worker->queues.lock<Irq>();
		insert_work(worker, *q, &flush.work, nullptr);
	}
	flush.done.wait();
}

namespace {

bool cancel_sync(altwq_kthread_work *work, altwq_kthread_delayed_work *dwork)
{
	KXX_MIGHT_SLEEP();
	altwq_kthread_worker *worker = tied_worker(work);
	if (!worker)
		return false;
	auto q = worker->queues.lock<IrqSave>();
	if (KXX_WARN_ON_ONCE(work->worker.load(Relaxed) != worker))
		return false;
	if (dwork)
		stop_timer(q, dwork);
	const bool was_pending = dequeue(*q, work);
	if (q->current_work == work) {
		int &canceling = work->canceling.get(q);
		// Wait for the running instance with L dropped; it cannot
		// re-queue itself meanwhile.
		canceling++;
		q.call_unlocked([&] { altwq_kthread_flush_work(work); });
		canceling--;
	}
	return was_pending;
}

} // namespace

// On return the work is neither pending nor running, even if it re-queues
// itself. Returns whether it was pending.
extern "C" bool altwq_kthread_cancel_work_sync(altwq_kthread_work *work)
{
	if (!valid_work(work))
		return false;
	return cancel_sync(work, nullptr);
}

extern "C" bool altwq_kthread_cancel_delayed_work_sync(altwq_kthread_delayed_work *dwork)
{
	if (!valid_work(dwork ? &dwork->work : nullptr))
		return false;
	return cancel_sync(&dwork->work, dwork);
}
