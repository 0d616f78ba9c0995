// SPDX-License-Identifier: GPL-2.0
// Stealing PENDING (cancel, disable, mod), flush_work through barrier
// works, and the questions about a work: busy, current. As in 6.10+, each
// work has a disable count in its off-queue data word: queueing a disabled
// work is refused. disable_* raise it, enable_* drop it, and a
// cancel_*_sync that must wait for a running instance holds one meanwhile,
// so the work is not pending and cannot be queued until the cancel is done.
#include "kxx/sched.hpp"
#include "kxx/task.hpp"
#include "wq/wq.hpp"

using namespace kxx;
using namespace altwq::wq;

namespace {

altwq_delayed_work *to_dwork(altwq_work *work) { return owner_of<&altwq_delayed_work::work>(work); }

// IRQs off, dwork's timer just deleted by us (so PENDING is ours): takes it
// off its queue's armed list and returns that queue.
altwq_workqueue *unarm_stolen_timer(altwq_delayed_work *dwork)
{
	// dwork->wq is stable: only the timer's owner changes it. The queue
	// stays: destroy waits for an armed entry whose timer it cannot delete
	// to leave the list.
	altwq_workqueue *wq = dwork->wq;
	wq->armed.lock<NoIrq>()->remove(*dwork);
	dwork->wq = nullptr;
	return wq;
}

// IRQs off. Disarms dwork's timer if armed: returns the queue it was armed
// for (PENDING is now ours), or nullptr. A timer that has fired may still
// be on its way to queueing the work.
altwq_workqueue *steal_armed_timer(altwq_delayed_work *dwork)
{
	if (dwork->timer.del())
		return unarm_stolen_timer(dwork);
	// Not pending: not armed, or its callback runs (and holds D until it
	// has queued the work). The queue is freed after an RCU grace period,
	// and only once no timer is armed for it: under RCU, a queue still
	// named by dwork->wq can be locked.
	RcuReadGuard rcu;
	for (;;) {
		altwq_workqueue *wq = __atomic_load_n(&dwork->wq, __ATOMIC_RELAXED);
		if (!wq)
			return nullptr;
		auto a = wq->armed.lock<NoIrq>();
		if (dwork->wq != wq)
			continue; // fired, or armed elsewhere, meanwhile
		if (dwork->timer.del()) {
			a->remove(*dwork);
			dwork->wq = nullptr;
			return wq;
		}
		// Armed but not pending: its callback runs and waits for this lock.
		a.call_unlocked([] { cpu_relax(); });
	}
}


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
	// As 6.12, BH and thread barriers are classes apart: one runs in
	// softirq, the other with softirqs on.
	if (pwq.wq->flags & ALTWQ_BH)
		b.work.lockdep_map.init("(work_completion)bh_barrier", KXX_LOCK_CLASS("bh_barrier").key());
	debugobj::work_activate(&b.work);
}

// Queues b behind the last instance of work: its queue if it did (wait for
// b), nullptr if the work is idle, or if the caller is running it (refused
// with a warning). from_cancel: a cancel waits for the running instance.
// *behind_caller: work waits behind the caller's own work on a pwq that
// runs one at a time, so the wait would never end: no barrier, and the
// queue is returned for lockdep to be told.
altwq_workqueue *barrier_behind(altwq_work *work, Barrier &b, bool from_cancel, bool *behind_caller,
				const RcuReadGuard &rcu)
{
	const unsigned long data = work->data.load(Acquire);
	Pwq *pwq = data_pwq(data);
	Pool *pool = pwq ? pwq->pool : pool_by_id(offq_of(data).pool_id);
	// Off queue and nobody busy on its pool: not running (no lock needed).
	if (!pwq && !may_be_running(pool))
		return nullptr;
	auto s = pool->lock();
	pwq = data_pwq(work->data.load(Relaxed));
	Worker *running = nullptr;
	if (pwq) {
		if (pwq->pool != pool)
			return nullptr; // moved meanwhile: the instance we saw is gone
	} else {
		running = find_worker_executing(s, work);
		if (!running)
			return nullptr;
		pwq = running->current_pwq;
	}
	// The caller running work would wait for itself forever.
	Worker *me = current_worker();
	if (KXX_WARN_ONCE(me && me->current_work.load(Relaxed) == work, "work %ps flushes or cancel-syncs itself",
			  work->func))
		return nullptr;
	check_flush_dependency(pwq->wq, work, from_cancel, me);
	// Waiting for a slot on a one-at-a-time pwq the caller's work holds.
	if (!running && (work->data.load(Relaxed) & WorkInactive) && me && me->current_pwq == pwq &&
	    pwq->wq->max_active_seen.load(Relaxed) == 1) {
		KXX_WARN_ONCE(true, "work %ps flushes %ps, queued behind it on %s (one at a time): refused",
			      me->current_func, work->func, pwq->wq->name);
		*behind_caller = true;
		return pwq->wq;
	}
	insert_barrier(*pwq, s, b, work, running);
	(void)rcu;
	return pwq->wq;
}

// True if b was queued behind work's last instance (wait for b).
bool start_flush(altwq_work *work, Barrier &b, bool from_cancel)
{
	RcuReadGuard rcu; // the queue stays while it is read
	bool behind_caller = false;
	altwq_workqueue *wq = barrier_behind(work, b, from_cancel, &behind_caller, rcu);
	if (!wq)
		return false;
	touch_work_lockdep_map(work, wq);
	// As 6.12: behind the caller on a queue that runs one work at a time,
	// or with a rescuer that stalls, the flush waits for itself: lockdep is
	// told it waits for the queue. Not for a cancel, whose target runs.
	if (!from_cancel && (wq->max_active_seen.load(Relaxed) == 1 || wq->rescuer))
		touch_wq_lockdep_map(wq);
	return !behind_caller;
}

// May sleep. Waits for the running instance, if any. Out of line: its
// barrier is on its own stack frame, not on the cancel's fast path.
[[gnu::noinline]] void wait_for_running(altwq_work *work)
{
	Barrier b;
	if (start_flush(work, b, true))
		b.done.wait();
}

// PENDING owned, off queue: one more disable. False (with a warning) if
// the count is full, and then nothing changed.
bool raise_disable(altwq_work *work, Offq &offq)
{
	if (KXX_WARN_ONCE(offq.disable == OffqDisableMax, "work %ps: disable count overflow", work->func))
		return false;
	offq.disable++;
	return true;
}

// Steals PENDING from whoever holds it (a queue, an armed timer; a
// momentary owner is spun out with IRQs on), then calls f(ret) with IRQs
// off and the work off queue, ret as try_to_grab_pending's (1: it was
// pending).
template <typename F> auto with_pending_grabbed(altwq_work *work, bool is_dwork, F &&f)
{
	for (;;) {
		{
			IrqOffGuard irq;
			int ret = try_to_grab_pending(work, is_dwork);
			if (ret >= 0)
				return f(ret);
		}
		cpu_relax();
	}
}

// Any context. Drops one disable count (stealing the work first if it was
// somehow queued or armed, with a warning when it was not disabled): true
// if the count is now 0 and the work may be queued again.
[[gnu::noinline]] bool enable(altwq_work *work, bool is_dwork)
{
	return with_pending_grabbed(work, is_dwork, [&](int) {
		Offq offq = offq_of(work->data.load(Relaxed));
		if (!KXX_WARN_ONCE(offq.disable == 0, "work %ps: enabled more often than disabled", work->func))
			offq.disable--;
		set_offq_and_clear_pending(work, offq);
		return offq.disable == 0;
	});
}

enum class Disable : bool { Keep, Raise };

// May sleep. cancel_*_sync (Keep) or disable_*_sync (Raise): takes the
// work off its queue or timer and waits for a running instance, the work
// disabled meanwhile, so that nothing queues it again. Keep gives the
// disable back afterwards.
bool cancel_sync(altwq_work *work, bool is_dwork, Disable disable)
{
	if (KXX_WARN_ON_ONCE(!work) || KXX_WARN_ON_ONCE(!work->func))
		return false;
	KXX_MIGHT_SLEEP();
	bool raised = false;
	bool running = false;
	const int ret = with_pending_grabbed(work, is_dwork, [&](int grabbed) {
		Offq offq = offq_of(work->data.load(Relaxed));
		// PENDING is ours: nobody can queue it. Not running and nothing to
		// keep: done, no count touched.
		running = may_be_running(pool_by_id(offq.pool_id));
		if (running || disable == Disable::Raise)
			raised = raise_disable(work, offq);
		set_offq_and_clear_pending(work, offq);
		return grabbed;
	});
	if (running)
		wait_for_running(work);
	if (raised && disable == Disable::Keep)
		(void)enable(work, false);
	return ret == 1;
}

// Any context. cancel_* (Keep) or disable_* (Raise).
bool cancel(altwq_work *work, bool is_dwork, Disable disable)
{
	if (KXX_WARN_ON_ONCE(!work) || KXX_WARN_ON_ONCE(!work->func))
		return false;
	return with_pending_grabbed(work, is_dwork, [&](int ret) {
		Offq offq = offq_of(work->data.load(Relaxed));
		if (disable == Disable::Raise)
			(void)raise_disable(work, offq);
		set_offq_and_clear_pending(work, offq);
		return ret == 1;
	});
}

} // namespace

namespace altwq::wq {

Barrier::Barrier() { init_work(work, barrier_fn, KXX_LOCK_CLASS("(work_completion)barrier"), true); }

int try_to_grab_pending(altwq_work *work, bool is_dwork)
{
	if (is_dwork && steal_armed_timer(to_dwork(work)))
		return 1; // off queue already: its data is as it was
	unsigned long old;
	if (!test_and_set_pending(work, &old))
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
			debugobj::work_deactivate(work);
			pwq_dec_nr_in_flight(*pwq, s, data);
			set_offq_and_keep_pending(work, offq_left(static_cast<unsigned long>(pool->id)));
			kick(*pool, s);
			return 1;
		}
	}
	// Between owners: a queuer, a firing timer or a refused queuer holds it.
	return err::Again;
}

} // namespace altwq::wq

extern "C" bool altwq_flush_work(altwq_work *work)
{
	if (KXX_WARN_ON_ONCE(!work) || KXX_WARN_ON_ONCE(!work->func))
		return false;
	KXX_MIGHT_SLEEP();
	Barrier b;
	if (!start_flush(work, b, false))
		return false;
	b.done.wait();
	return true;
}

extern "C" bool altwq_flush_delayed_work(altwq_delayed_work *dwork)
{
	// Never initialised: its timer must not be touched either.
	if (KXX_WARN_ON_ONCE(!dwork) || KXX_WARN_ON_ONCE(!dwork->work.func))
		return false;
	{
		IrqOffGuard irq;
		// Deletes an armed timer, and waits for one that has fired to have
		// queued the work (an IRQ-safe timer: it spins), as 6.12 does.
		if (dwork->timer.del_sync()) {
			RcuReadGuard rcu;
			(void)queue_owned_work(dwork->cpu, unarm_stolen_timer(dwork), &dwork->work, rcu);
		}
	}
	return altwq_flush_work(&dwork->work);
}

static altwq_work *work_of(altwq_delayed_work *dwork) { return dwork ? &dwork->work : nullptr; }

extern "C" bool altwq_flush_rcu_work(altwq_rcu_work *rwork)
{
	if (KXX_WARN_ON_ONCE(!rwork))
		return false;
	KXX_MIGHT_SLEEP();
	// Pending: perhaps still waiting for its grace period, whose callback
	// queues it; once every such callback has run, flush the queued work.
	if (rwork->work.data.load(Acquire) & WorkPending) {
		rcu::barrier();
		(void)altwq_flush_work(&rwork->work);
		return true;
	}
	return altwq_flush_work(&rwork->work);
}

extern "C" bool altwq_cancel_work(altwq_work *work) { return cancel(work, false, Disable::Keep); }
extern "C" bool altwq_cancel_work_sync(altwq_work *work) { return cancel_sync(work, false, Disable::Keep); }
extern "C" bool altwq_cancel_delayed_work(altwq_delayed_work *dwork)
{
	return cancel(work_of(dwork), true, Disable::Keep);
}
extern "C" bool altwq_cancel_delayed_work_sync(altwq_delayed_work *dwork)
{
	return cancel_sync(work_of(dwork), true, Disable::Keep);
}

extern "C" bool altwq_disable_work(altwq_work *work) { return cancel(work, false, Disable::Raise); }
extern "C" bool altwq_disable_work_sync(altwq_work *work) { return cancel_sync(work, false, Disable::Raise); }
extern "C" bool altwq_disable_delayed_work(altwq_delayed_work *dwork)
{
	return cancel(work_of(dwork), true, Disable::Raise);
}
extern "C" bool altwq_disable_delayed_work_sync(altwq_delayed_work *dwork)
{
	return cancel_sync(work_of(dwork), true, Disable::Raise);
}
extern "C" bool altwq_enable_work(altwq_work *work)
{
	if (KXX_WARN_ON_ONCE(!work) || KXX_WARN_ON_ONCE(!work->func))
		return false;
	return enable(work, false);
}
extern "C" bool altwq_enable_delayed_work(altwq_delayed_work *dwork)
{
	if (KXX_WARN_ON_ONCE(!dwork) || KXX_WARN_ON_ONCE(!dwork->work.func))
		return false;
	// As a delayed work: a timer armed by mistake is stolen, not spun on.
	return enable(&dwork->work, true);
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

// May sleep (a misuse is fixed up by cancelling the work).
extern "C" void altwq_destroy_work_on_stack(altwq_work *work)
{
	if (KXX_WARN_ON_ONCE(!work))
		return;
	// With debugobjects, ODEBUG reports a pending one and cancels it;
	// without, we do.
	if constexpr (debugobj::works_tracked)
		debugobj::work_free(work);
	else if (KXX_WARN_ONCE(altwq_work_busy(work) != 0, "on-stack work %ps destroyed while pending or running",
			       work->func))
		(void)altwq_cancel_work_sync(work);
}
