// SPDX-License-Identifier: GPL-2.0
// Queueing: queue, queue_delayed, mod_delayed and the delayed-work timer.
// All any context (IRQs included).
#include "kxx/trace.hpp"
#include "kthread_worker/worker.hpp"

using namespace kxx;
using namespace altwq::kw;

namespace altwq::kw {

bool tie(altwq_kthread_worker *worker, altwq_kthread_work *work)
{
	altwq_kthread_worker *tied = work->worker.load(Relaxed);
	if (tied == worker) // the common case: tied long ago
		return true;
	// Two first queueings on two workers race here, each under its own L:
	// only one can tie the work. Release pairs with the acquire in
	// WorkerRef::of_work(), which then finds this worker's L.
	if (!tied && work->worker.compare_exchange(tied, worker, Release))
		return true;
	return !KXX_WARN_ON_ONCE(tied != worker);
}

void insert_work(altwq_kthread_worker *worker, Queues &q, altwq_kthread_work *work, altwq_kthread_work *before)
{
	trace::kthread_work_queue(worker, work, work->func);
	if (before)
		q.work_list.insert_before(*before, *work);
	else
		q.work_list.push_back(*work);
	// An idle worker sleeps; a busy one finds the work when it loops; an
	// embedded one not yet running finds it when it starts. The task stays
	// until no one can insert (see destroy and worker_fn).
	if (!q.current_work && worker->task)
		TaskRef::of(worker->task).wake();
}

// L held. Takes each flush waiting on the delayed work off delayed_flushers
// and hands it to fn.
template <typename F> static void take_delayed_flushers(Queues &q, altwq_kthread_work *work, F &&fn)
{
	if (!q.nr_delayed_flushers)
		return;
	for (altwq_kthread_work &w : q.delayed_flushers) {
		FlushWork *f = owner_of<&FlushWork::work>(&w);
		if (f->target == work) {
			q.delayed_flushers.remove(w);
			q.nr_delayed_flushers--;
			fn(f);
		}
	}
}

void move_delayed_flushers(Queues &q, altwq_kthread_work *work)
{
	take_delayed_flushers(q, work, [&](FlushWork *f) { q.work_list.insert_after(*work, f->work); });
}

// L held. Flushes of a delayed work that was cancelled have nothing left to
// wait for.
static void release_delayed_flushers(Queues &q, altwq_kthread_work *work)
{
	take_delayed_flushers(q, work, [](FlushWork *f) { f->done.complete(); });
}

bool dequeue(Queues &q, QueuesGuard &g, altwq_kthread_work *work, bool keep_flushers)
{
	if (!work->node.linked())
		return false;
	unsigned int &delayed = work->delayed.get(g);
	q.work_list.remove(*work); // unlinks from whichever list holds it
	if (delayed && !keep_flushers)
		release_delayed_flushers(q, work);
	delayed = 0;
	return true;
}

void stop_timer(QueuesGuard &g, altwq_kthread_delayed_work *dwork)
{
	// The timer is armed only while the work is marked delayed, and its
	// callback unmarks it under L before it is done with the work: not
	// marked, there is no timer to stop and no callback to wait for.
	if (!dwork->work.delayed.get(g))
		return;
	int &canceling = dwork->work.canceling.get(g);
	canceling++;
	// The callback takes L: wait for it with L dropped.
	g.call_unlocked([&] { (void)dwork->timer.del_sync(); });
	canceling--;
}

} // namespace altwq::kw

namespace {

// L held. Queueing is refused while the work is queued or being cancelled,
// and (with a warning) on a dying worker or onto a second worker.
bool queuing_blocked(altwq_kthread_worker *worker, Queues &q, const QueuesGuard &g, altwq_kthread_work *work)
{
	if (KXX_WARN_ON_ONCE(q.dying) || !tie(worker, work))
		return true;
	return work->node.linked() || work->canceling.get(g) > 0;
}

// L held; the work is tied to worker and on no list.
void queue_delayed(altwq_kthread_worker *worker, Queues &q, QueuesGuard &g, altwq_kthread_delayed_work *dwork,
		   unsigned long delay)
{
	altwq_kthread_work *work = &dwork->work;
	// No delay means now: a timer could only fire at the next tick.
	if (!delay) {
		insert_work(worker, q, work, nullptr);
		move_delayed_flushers(q, work);
		return;
	}
	q.delayed_list.push_front(*work);
	work->delayed.get(g) = 1;
	dwork->timer.arm(delay);
}

} // namespace

namespace {

// The queueing entry points' common part: a live worker (looked up under
// RCU, held for the whole call), a valid work, and the worker's lock.
template <typename F> bool queue_locked(altwq_kthread_worker *worker, altwq_kthread_work *work, F &&fn)
{
	if (!valid_work(work))
		return false;
	RcuReadGuard rcu;
	if (KXX_WARN_ON_ONCE(!is_live(worker, rcu)))
		return false;
	auto q = worker->queues.lock<IrqSave>();
	return fn(*q, q);
}

altwq_kthread_work *work_of(altwq_kthread_delayed_work *dwork)
{
	return dwork ? &dwork->work : nullptr;
}

} // namespace

extern "C" bool altwq_kthread_queue_work(altwq_kthread_worker *worker, altwq_kthread_work *work)
{
	return queue_locked(worker, work, [&](Queues &q, QueuesGuard &g) {
		if (queuing_blocked(worker, q, g, work))
			return false;
		insert_work(worker, q, work, nullptr);
		return true;
	});
}

extern "C" bool altwq_kthread_queue_delayed_work(altwq_kthread_worker *worker, altwq_kthread_delayed_work *dwork,
						 unsigned long delay)
{
	return queue_locked(worker, work_of(dwork), [&](Queues &q, QueuesGuard &g) {
		if (queuing_blocked(worker, q, g, &dwork->work))
			return false;
		queue_delayed(worker, q, g, dwork, delay);
		return true;
	});
}

// Returns true if the work was pending (queued or delayed) and is now
// re-queued with the new delay; false if it was idle and is now queued.
// Flushes waiting on the delayed work keep waiting for it.
extern "C" bool altwq_kthread_mod_delayed_work(altwq_kthread_worker *worker, altwq_kthread_delayed_work *dwork,
					       unsigned long delay)
{
	return queue_locked(worker, work_of(dwork), [&](Queues &q, QueuesGuard &g) {
		altwq_kthread_work *work = &dwork->work;
		if (KXX_WARN_ON_ONCE(q.dying) || !tie(worker, work))
			return false;
		// The timer is IRQ-safe: stopping it only spins, fine under RCU.
		stop_timer(g, dwork);
		// L was dropped: destroy may have begun meanwhile (it then found
		// nothing armed, and must not find a timer armed behind it).
		if (KXX_WARN_ON_ONCE(q.dying))
			return false;
		// Another cancel or mod holds the work: it decides; the number of
		// queued instances does not change.
		if (work->canceling.get(g) > 0)
			return true;
		const bool was_pending = dequeue(q, g, work, /*keep_flushers=*/true);
		queue_delayed(worker, q, g, dwork, delay);
		return was_pending;
	});
}

// The timer of a delayed work: moves it to the work list. Softirq, IRQs off
// (IRQ-safe timer).
extern "C" void altwq_kthread_delayed_work_timer_fn(struct timer_list *t)
{
	if (KXX_WARN_ON_ONCE(!t))
		return;
	auto *dwork = owner_of<&altwq_kthread_delayed_work::timer>(reinterpret_cast<Timer *>(t));
	altwq_kthread_work *work = &dwork->work;
	altwq_kthread_worker *worker = work->worker.load(Relaxed);
	if (KXX_WARN_ON_ONCE(!worker)) // re-initialised while armed
		return;
	auto q = worker->queues.lock<IrqSave>();
	// Under a cancel or mod the work stays on delayed_list: that caller
	// takes it off and so sees it was pending.
	if (work->canceling.get(q) > 0)
		return;
	if (KXX_WARN_ON_ONCE(!work->delayed.get(q)))
		return;
	q->delayed_list.remove(*work);
	work->delayed.get(q) = 0;
	insert_work(worker, *q, work, nullptr);
	move_delayed_flushers(*q, work);
}
