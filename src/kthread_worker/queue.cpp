// SPDX-License-Identifier: GPL-2.0
// Queueing: queue, queue_delayed, mod_delayed and the delayed-work timer.
// All any context (IRQs included).
#include "kthread_worker/worker.hpp"

using namespace kxx;
using namespace altwq::kw;

namespace altwq::kw {

void insert_work(altwq_kthread_worker *worker, Queues &q, altwq_kthread_work *work, altwq_kthread_work *before)
{
	if (before)
		q.work_list.insert_before(*before, *work);
	else
		q.work_list.push_back(*work);
	work->worker.store(worker, Relaxed);
	// An idle worker sleeps; a busy one finds the work when it loops.
	if (!q.current_work && worker->thread.running())
		worker->thread.wake();
}

bool on_delayed_list(Queues &q, const altwq_kthread_work *work)
{
	for (altwq_kthread_work &w : q.delayed_list)
		if (&w == work)
			return true;
	return false;
}

// L held. Flushers of a delayed work that was cancelled have nothing left
// to wait for.
static void release_delayed_flushers(Queues &q, altwq_kthread_work *work)
{
	for (altwq_kthread_work &w : q.delayed_flushers) {
		FlushWork *f = owner_of<&FlushWork::work>(&w);
		if (f->target == work) {
			q.delayed_flushers.remove(w);
			f->done.complete();
		}
	}
}

void move_delayed_flushers(Queues &q, altwq_kthread_work *work)
{
	for (altwq_kthread_work &w : q.delayed_flushers) {
		FlushWork *f = owner_of<&FlushWork::work>(&w);
		if (f->target == work) {
			q.delayed_flushers.remove(w);
			q.work_list.insert_after(*work, w);
		}
	}
}

void stop_timer(QueuesGuard &g, altwq_kthread_delayed_work *dwork)
{
	int &canceling = dwork->work.canceling.get(g);
	canceling++;
	// The callback takes L: wait for it with L dropped.
	g.call_unlocked([&] { (void)dwork->timer.del_sync(); });
	canceling--;
}

bool dequeue(Queues &q, altwq_kthread_work *work)
{
	if (!work->node.linked())
		return false;
	const bool delayed = on_delayed_list(q, work);
	q.work_list.remove(*work); // unlinks from whichever list holds it
	if (delayed)
		release_delayed_flushers(q, work);
	return true;
}

} // namespace altwq::kw

namespace {

// L held. Queueing is refused while the work is queued or being cancelled,
// on a dying worker, and (with a warning) onto a second worker.
bool queuing_blocked(altwq_kthread_worker *worker, Queues &q, const QueuesGuard &g, altwq_kthread_work *work)
{
	altwq_kthread_worker *tied = work->worker.load(Relaxed);
	if (KXX_WARN_ON_ONCE(tied && tied != worker))
		return true;
	if (KXX_WARN_ON_ONCE(q.dying))
		return true;
	return work->node.linked() || work->canceling.get(g) > 0;
}

// L held.
void queue_delayed(altwq_kthread_worker *worker, Queues &q, altwq_kthread_delayed_work *dwork, unsigned long delay)
{
	altwq_kthread_work *work = &dwork->work;
	// No delay means now: a timer could only fire at the next tick.
	if (!delay) {
		insert_work(worker, q, work, nullptr);
		return;
	}
	q.delayed_list.push_front(*work);
	work->worker.store(worker, Relaxed);
	dwork->timer.arm(delay);
}

} // namespace

extern "C" bool altwq_kthread_queue_work(altwq_kthread_worker *worker, altwq_kthread_work *work)
{
	RcuReadGuard rcu;
	if (KXX_WARN_ON_ONCE(!is_live(worker, rcu)) || !valid_work(work))
		return false;
	auto q = worker->queues.lock<IrqSave>();
	if (queuing_blocked(worker, *q, q, work))
		return false;
	insert_work(worker, *q, work, nullptr);
	return true;
}

extern "C" bool altwq_kthread_queue_delayed_work(altwq_kthread_worker *worker, altwq_kthread_delayed_work *dwork,
						 unsigned long delay)
{
	RcuReadGuard rcu;
	if (KXX_WARN_ON_ONCE(!is_live(worker, rcu)) || !valid_work(dwork ? &dwork->work : nullptr))
		return false;
	auto q = worker->queues.lock<IrqSave>();
	if (queuing_blocked(worker, *q, q, &dwork->work))
		return false;
	queue_delayed(worker, *q, dwork, delay);
	return true;
}

// Returns true if the work was pending (queued or delayed) and is now
// re-queued with the new delay; false if it was idle and is now queued.
extern "C" bool altwq_kthread_mod_delayed_work(altwq_kthread_worker *worker, altwq_kthread_delayed_work *dwork,
					       unsigned long delay)
{
	RcuReadGuard rcu;
	if (KXX_WARN_ON_ONCE(!is_live(worker, rcu)) || !valid_work(dwork ? &dwork->work : nullptr))
		return false;
	altwq_kthread_work *work = &dwork->work;
	auto q = worker->queues.lock<IrqSave>();
	bool was_pending = false;
	altwq_kthread_worker *tied = work->worker.load(Relaxed);
	if (tied) {
		if (KXX_WARN_ON_ONCE(tied != worker))
			return false;
		stop_timer(q, dwork);
		// Another cancel or mod holds the work: it decides; the number of
		// queued instances does not change.
		if (work->canceling.get(q) > 0)
			return true;
		was_pending = dequeue(*q, work);
	}
	if (KXX_WARN_ON_ONCE(q->dying))
		return was_pending;
	queue_delayed(worker, *q, dwork, delay);
	return was_pending;
}

// The timer of a delayed work: moves it to the work list. Softirq, IRQs off
// (IRQ-safe timer).
extern "C" void altwq_kthread_delayed_work_timer_fn(struct timer_list *t)
{
	auto *dwork = owner_of<&altwq_kthread_delayed_work::timer>(reinterpret_cast<Timer *>(t));
	altwq_kthread_work *work = &dwork->work;
	altwq_kthread_worker *worker = work->worker.load(Relaxed);
	if (KXX_WARN_ON_ONCE(!worker)) // re-initialised while armed
		return;
	auto q = worker->queues.lock<IrqSave>();
	KXX_WARN_ON_ONCE(work->worker.load(Relaxed) != worker);
	// Under a cancel or mod the work stays on delayed_list: that caller
	// takes it off and so sees it was pending.
	if (work->canceling.get(q) > 0)
		return;
	if (KXX_WARN_ON_ONCE(!work->node.linked()))
		return;
	q->delayed_list.remove(*work);
	insert_work(worker, *q, work, nullptr);
	move_delayed_flushers(*q, work);
}
