// SPDX-License-Identifier: GPL-2.0
// Stealing PENDING (cancel, mod), flush_work through barrier works, and the
// questions about a work: busy, current. A cancel that must wait marks the
// work CANCELING, so queueing it is refused and a second canceller waits
// for the first instead of spinning against it.
#include "kxx/sched.hpp"
#include "wq/wq.hpp"

using namespace kxx;
using namespace altwq::wq;

namespace {

altwq_delayed_work *to_dwork(altwq_work *work) { return owner_of<&altwq_delayed_work::work>(work); }

void barrier_fn(altwq_work *work) { owner_of<&Barrier::work>(work)->done.complete(); }

// L held. Puts barrier b right behind target: at the head of the scheduled
// list of the worker running it, or linked after it where it is queued.
// The barrier takes the target's colour, so flush_workqueue waits for it
// too, and is not counted in nr_active.
void insert_barrier(Pwq &pwq, PoolLocked &s, Barrier &b, altwq_work *target, Worker *running)
{
	int color;
	unsigned long flags = WorkInactive;
	if (running) {
		color = running->current_color;
		set_work_pwq(&b.work, pwq, s, flags | color_bits(color));
		running->scheduled.get(s).push_front(b.work);
	} else {
		unsigned long td = target->data.load(Relaxed);
		color = data_color(td);
		flags |= td & WorkLinked;
		target->data.fetch_or(WorkLinked, Relaxed);
		set_work_pwq(&b.work, pwq, s, flags | color_bits(color));
		WorkList::link_after(*target, b.work);
	}
	if (color != NoColor)
		pwq.c.get(s).nr_in_flight[color]++;
}

// Queues a barrier behind the last instance of work; false if it is idle.
bool start_flush(altwq_work *work, Barrier &b)
{
	RcuReadGuard rcu;
	Pool *pool = pool_of(work, rcu);
	if (!pool)
		return false;
	auto s = pool->lock();
	Pwq *pwq = data_pwq(work->data.load(Relaxed));
	Worker *running = nullptr;
	if (pwq) {
		if (pwq->pool != pool)
			return false;
	} else {
		running = find_worker_executing(s, work);
		if (!running)
			return false;
		pwq = running->current_pwq;
	}
	insert_barrier(*pwq, s, b, work, running);
	return true;
}

// Whether the current task is the worker running work (waiting for it
// would wait forever).
bool flushing_itself(altwq_work *work)
{
	Worker *w = current_worker();
	return w && w->current_work.load(Relaxed) == work;
}

// May sleep. Waits until no cancel of work by another task is in progress.
void wait_for_other_cancel(altwq_work *work)
{
	CancelWaiter waiter;
	waiter.work = work;
	// Fully ordered: pairs with the smp_mb() after the canceller clears the
	// work (set_pool_and_clear_pending): it sees us, or we see it done.
	g->nr_cancel_waiters.fetch_add(1, Full);
	g->cancel_waiters.lock<IrqSave>()->push_back(waiter);
	// The lock orders this read after a finishing canceller's clear, or
	// puts us on the list before it walks it.
	if (is_canceling(work->data.load(Relaxed)))
		waiter.done.wait();
	{
		auto l = g->cancel_waiters.lock<IrqSave>();
		if (waiter.node.linked())
			l->remove(waiter);
	}
	g->nr_cancel_waiters.fetch_sub(1, Relaxed);
}

// After set_pool_and_clear_pending() (its smp_mb() orders the clear before
// the count is read).
void wake_other_cancels(altwq_work *work)
{
	if (g->nr_cancel_waiters.load(Relaxed) == 0)
		return;
	auto l = g->cancel_waiters.lock<IrqSave>();
	for (CancelWaiter &w : *l) {
		if (w.work == work) {
			l->remove(w);
			w.done.complete();
		}
	}
}

// May sleep.
bool cancel_sync(altwq_work *work, bool is_dwork)
{
	if (KXX_WARN_ON_ONCE(!work) || KXX_WARN_ON_ONCE(!work->func) || KXX_WARN_ON_ONCE(flushing_itself(work)))
		return false;
	KXX_MIGHT_SLEEP();
	int ret;
	for (;;) {
		{
			IrqOffGuard irq;
			ret = try_to_grab_pending(work, is_dwork);
			if (ret >= 0) {
				// Ours now: queueing it is refused until we are done.
				set_pool_and_keep_pending(work, work->data.load(Relaxed) >> OffqPoolShift, OffqCanceling);
				break;
			}
		}
		if (ret == err::NoEnt)
			wait_for_other_cancel(work);
		else
			cpu_relax();
	}
	Barrier b;
	if (start_flush(work, b))
		b.done.wait();
	set_pool_and_clear_pending(work, work->data.load(Relaxed) >> OffqPoolShift);
	wake_other_cancels(work);
	return ret == 1;
}

// Any context.
bool cancel(altwq_work *work, bool is_dwork)
{
	if (KXX_WARN_ON_ONCE(!work) || KXX_WARN_ON_ONCE(!work->func))
		return false;
	for (;;) {
		{
			IrqOffGuard irq;
			int ret = try_to_grab_pending(work, is_dwork);
			if (ret >= 0) {
				set_pool_and_clear_pending(work, work->data.load(Relaxed) >> OffqPoolShift);
				return ret == 1;
			}
			if (ret == err::NoEnt)
				return false;
		}
		cpu_relax();
	}
}

} // namespace

namespace altwq::wq {

Barrier::Barrier()
{
	work.data.store(WorkDataInit, Relaxed);
	work.func = barrier_fn;
}

int try_to_grab_pending(altwq_work *work, bool is_dwork)
{
	if (is_dwork && steal_armed_timer(to_dwork(work)))
		return 1; // set_pool_and_keep_pending() is not needed: off queue already
	if (!test_and_set_pending(work))
		return 0;
	RcuReadGuard rcu;
	if (Pool *pool = pool_of(work, rcu)) {
		auto s = pool->lock();
		const unsigned long data = work->data.load(Relaxed);
		Pwq *pwq = data_pwq(data);
		if (pwq && pwq->pool == pool) {
			// Queued: take it off. An inactive work's barriers go to the
			// worklist, where nothing else waits behind them.
			if (data & WorkInactive)
				move_linked_works(work, s->worklist);
			WorkList::unlink(*work);
			pwq_dec_nr_in_flight(*pwq, s, data);
			set_pool_and_keep_pending(work, static_cast<unsigned long>(pool->id));
			kick(*pool, s);
			return 1;
		}
	}
	// Between owners: a queuer, a firing timer or a canceller holds it.
	if (is_canceling(work->data.load(Relaxed)))
		return err::NoEnt;
	return err::Again;
}

} // namespace altwq::wq

extern "C" bool altwq_flush_work(altwq_work *work)
{
	if (KXX_WARN_ON_ONCE(!work) || KXX_WARN_ON_ONCE(!work->func) || KXX_WARN_ON_ONCE(flushing_itself(work)))
		return false;
	KXX_MIGHT_SLEEP();
	Barrier b;
	if (!start_flush(work, b))
		return false;
	b.done.wait();
	return true;
}

extern "C" bool altwq_flush_delayed_work(altwq_delayed_work *dwork)
{
	if (KXX_WARN_ON_ONCE(!dwork))
		return false;
	{
		IrqOffGuard irq;
		if (altwq_workqueue *wq = steal_armed_timer(dwork))
			(void)queue_owned_work(dwork->cpu, wq, &dwork->work);
	}
	return altwq_flush_work(&dwork->work);
}

extern "C" bool altwq_cancel_work(altwq_work *work) { return cancel(work, false); }
extern "C" bool altwq_cancel_work_sync(altwq_work *work) { return cancel_sync(work, false); }
extern "C" bool altwq_cancel_delayed_work(altwq_delayed_work *dwork)
{
	return cancel(dwork ? &dwork->work : nullptr, true);
}
extern "C" bool altwq_cancel_delayed_work_sync(altwq_delayed_work *dwork)
{
	return cancel_sync(dwork ? &dwork->work : nullptr, true);
}

extern "C" unsigned int altwq_work_busy(altwq_work *work)
{
	if (KXX_WARN_ON_ONCE(!work))
		return 0;
	unsigned int ret = 0;
	if (work->data.load(Relaxed) & WorkPending)
		ret |= ALTWQ_WORK_BUSY_PENDING;
	RcuReadGuard rcu;
	if (Pool *pool = pool_of(work, rcu)) {
		auto s = pool->lock();
		if (find_worker_executing(s, work))
			ret |= ALTWQ_WORK_BUSY_RUNNING;
	}
	return ret;
}

extern "C" altwq_work *altwq_current_work(void)
{
	Worker *w = current_worker();
	return w ? w->current_work.load(Relaxed) : nullptr;
}

extern "C" void altwq_destroy_work_on_stack(altwq_work *work)
{
	if (KXX_WARN_ON_ONCE(!work))
		return;
	const bool on_stack_work_still_busy = altwq_work_busy(work) != 0;
	KXX_WARN_ON_ONCE(on_stack_work_still_busy);
}
