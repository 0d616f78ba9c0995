// SPDX-License-Identifier: GPL-2.0
// Queueing: the PENDING bit decides who owns a work; its owner picks the
// pwq (the one already running the work, if any, so it never runs beside
// itself), and puts it on the pool's worklist or, past max_active, on the
// pwq's inactive list. Delayed works own PENDING through their timer. A
// disabled work (a cancel_*_sync waits for it) is refused.
#include "kxx/cpu.hpp"
#include "kxx/sched.hpp"
#include "kxx/hrtimer.hpp"
#include "wq/wq.hpp"

using namespace kxx;
using namespace altwq::wq;

namespace {

// Whether the current task is a worker running a work of wq (a work that
// queues more of its queue's works, allowed while the queue drains).
// Never from an interrupt that came in on top of such a worker.
bool is_chained_work(altwq_workqueue *wq)
{
	Worker *w = current_worker();
	return w && w->current_pwq && w->current_pwq->wq == wq;
}

bool valid_target(int cpu, altwq_workqueue *wq, altwq_work *work)
{
	if (KXX_WARN_ON_ONCE(!wq) || KXX_WARN_ON_ONCE(!work) || KXX_WARN_ON_ONCE(!work->func))
		return false;
	return !KXX_WARN_ONCE(cpu != ALTWQ_WORK_CPU_UNBOUND && !cpu_possible(cpu), "CPU %d does not exist", cpu);
}

// IRQs off, PENDING owned (of an off-queue work): gives it up without queueing.
bool refuse(altwq_work *work)
{
	set_offq_and_clear_pending(work, offq_of(work->data.load(Relaxed)));
	return false;
}

// Whether wq takes new works from this caller; warns if not.
bool accepts(altwq_workqueue *wq)
{
	unsigned int st = wq->state.load(Relaxed);
	if (KXX_LIKELY(!st))
		return true;
	// Draining or being destroyed: the queue's own works may still queue
	// (drain runs them); once drained for good, nothing may.
	return !KXX_WARN_ONCE((st & WqDestroying) || !is_chained_work(wq),
			      "queueing on workqueue %s while it is drained or destroyed", wq->name);
}

// IRQs off, PENDING owned, delay > 0.
void arm_delayed(int cpu, altwq_workqueue *wq, altwq_delayed_work *dwork, unsigned long delay)
{
	auto a = wq->armed.lock<NoIrq>();
	dwork->wq = wq;
	dwork->cpu = cpu;
	a->push_back(*dwork);
	if (cpu == ALTWQ_WORK_CPU_UNBOUND)
		dwork->timer.arm(delay);
	else if (KXX_WARN_ON_ONCE(!dwork->timer.arm_on(cpu, delay)))
		dwork->timer.arm(delay);
}

// IRQs off, PENDING owned, under rcu.
bool queue_delayed_owned(int cpu, altwq_workqueue *wq, altwq_delayed_work *dwork, unsigned long delay,
			 const RcuReadGuard &rcu)
{
	// A queue being destroyed runs a chained delayed work now: a timer
	// armed now would outlive it (and a self-rearming work never end).
	if (!delay || (wq->state.load(Relaxed) & WqTearingDown))
		return queue_owned_work(cpu, wq, &dwork->work, rcu);
	if (!accepts(wq))
		return refuse(&dwork->work);
	arm_delayed(cpu, wq, dwork, delay);
	return true;
}

} // namespace

namespace altwq::wq {

bool is_live_wq(const altwq_workqueue *wq, const RcuReadGuard &rcu)
{
	return !KXX_WARN_ONCE(!g->registry.contains(wq, rcu), "workqueue %p was destroyed or never made", wq);
}

bool queue_owned_work(int cpu, altwq_workqueue *wq, altwq_work *work, const RcuReadGuard &rcu)
{
	if (!accepts(wq))
		return refuse(work);
	insert_owned_work(cpu, wq, work, rcu);
	return true;
}

void insert_owned_work(int cpu, altwq_workqueue *wq, altwq_work *work, const RcuReadGuard &rcu)
{
	const int req_cpu = cpu;
	if (cpu == ALTWQ_WORK_CPU_UNBOUND)
		cpu = this_cpu_hint(); // stable: IRQs are off
	for (;;) {
		// Acquire: pairs with the release that installs an unbound pwq.
		Pwq *pwq = wq->cpu_pwqs[cpu].load(Acquire);
		// Still running on another pool of this queue: queue it there,
		// where the worker running it will get it.
		Pool *last = pool_of(work, rcu);
		if (last && last != pwq->pool) {
			auto s = last->lock();
			Worker *w = find_worker_executing(s, work);
			if (w && w->current_pwq->wq == wq)
				pwq = w->current_pwq;
		}
		Pool &pool = *pwq->pool;
		WakeLater later; // after the guard: the worker is woken once L is dropped
		const bool timed = g->time_queue_lock.load(Relaxed);
		uint64_t locked_at = 0;
		auto s = pool.lock();
		if (KXX_UNLIKELY(timed))
			locked_at = local_clock_ns();
		PwqCounts &c = pwq->c.get(s);
		// An unbound pwq replaced (apply_workqueue_attrs, hotplug) and
		// drained since we read the table: its release is on its way.
		// The table has its successor by now (installed before the put).
		if (KXX_UNLIKELY(c.refcnt == 0)) {
			s.call_unlocked([] { cpu_relax(); });
			continue;
		}
		const int color = c.work_color;
		c.nr_in_flight[color]++;
		// Before its data word changes: a static work is known by it.
		debugobj::work_activate(work);
		trace::queue_work(work, work->func, wq->name, req_cpu, pool.cpu);
		// Behind inactive works (an unbound pwq then already waits for a
		// slot: no node lock), or as the first to find no slot.
		if (c.inactive.empty() && take_active_slot(*pwq, s)) {
			c.nr_active++;
			set_work_pwq(work, *pwq, s, color_bits(color));
			note_activation(s, work);
			s->worklist.push_back(*work);
			kick(pool, s, later);
		} else {
			set_work_pwq(work, *pwq, s, color_bits(color) | WorkInactive);
			c.inactive.push_back(*work);
		}
		if (KXX_UNLIKELY(timed)) {
			g->queue_lock_ns.fetch_add(static_cast<long>(local_clock_ns() - locked_at), Relaxed);
			g->queue_lock_holds.fetch_add(1, Relaxed);
		}
		return;
	}
}

} // namespace altwq::wq

namespace {

// The queueing entry points' common part: a valid target, IRQs off, a live
// queue (under RCU for the call), and PENDING taken from an idle, enabled
// work; then queue(rcu) decides.
template <typename F> bool with_pending_taken(int cpu, altwq_workqueue *wq, altwq_work *work, F &&queue)
{
	if (!valid_target(cpu, wq, work))
		return false;
	IrqOffGuard irq;
	RcuReadGuard rcu;
	if (!is_live_wq(wq, rcu))
		return false;
	unsigned long old;
	if (test_and_set_pending(work, &old) || refused_if_disabled(work, old))
		return false;
	return queue(rcu);
}

} // namespace

extern "C" bool altwq_queue_work_on(int cpu, altwq_workqueue *wq, altwq_work *work)
{
	return with_pending_taken(cpu, wq, work,
				  [&](const RcuReadGuard &rcu) { return queue_owned_work(cpu, wq, work, rcu); });
}

extern "C" bool altwq_queue_delayed_work_on(int cpu, altwq_workqueue *wq, altwq_delayed_work *dwork,
					    unsigned long delay)
{
	return with_pending_taken(cpu, wq, dwork ? &dwork->work : nullptr,
				  [&](const RcuReadGuard &rcu) { return queue_delayed_owned(cpu, wq, dwork, delay, rcu); });
}

// Softirq, IRQs off (an IRQ-safe timer): the timer owns PENDING.
extern "C" void altwq_delayed_work_timer_fn(timer_list *timer)
{
	if (KXX_WARN_ON_ONCE(!timer))
		return;
	altwq_delayed_work *dwork = owner_of<&altwq_delayed_work::timer>(reinterpret_cast<Timer *>(timer));
	altwq_workqueue *wq = dwork->wq;
	// Held across the queueing, so destroy never sees the list empty while
	// a fired timer is on its way into the queue.
	auto a = wq->armed.lock<NoIrq>();
	a->remove(*dwork);
	// Cleared before the work is queued: once queued it may run and be
	// freed. So a reader of a cleared wq may still find the work on its way
	// (flush_delayed_work waits for the callback instead).
	dwork->wq = nullptr;
	// A timer armed for a queue that drains or is being destroyed still
	// delivers (no softirq is a chained work): the drain or destroy waits
	// for it. Only a queue drained for good refuses it.
	if (KXX_WARN_ONCE(wq->state.load(Relaxed) & WqDestroying, "delayed work %ps fired into destroyed workqueue %s",
			  dwork->work.func, wq->name))
		refuse(&dwork->work);
	else
		insert_owned_work(dwork->cpu, wq, &dwork->work, RcuReadGuard());
}

extern "C" bool altwq_mod_delayed_work_on(int cpu, altwq_workqueue *wq, altwq_delayed_work *dwork,
					  unsigned long delay)
{
	if (!valid_target(cpu, wq, dwork ? &dwork->work : nullptr))
		return false;
	for (;;) {
		{
			IrqOffGuard irq;
			RcuReadGuard rcu;
			if (!is_live_wq(wq, rcu))
				return false;
			int ret = try_to_grab_pending(&dwork->work, true);
			if (ret >= 0) {
				// A disabled work (a cancel_*_sync waits on it) is not
				// queued again, and was not pending.
				if (!refused_if_disabled(&dwork->work, dwork->work.data.load(Relaxed)))
					(void)queue_delayed_owned(cpu, wq, dwork, delay, rcu);
				return ret == 1;
			}
		}
		cpu_relax();
	}
}

namespace {

// A CPU of node for queue_work_node(): this one if it is there, else any
// online one; "any CPU" for NoNode or a node without online CPUs.
int cpu_of_node(int node)
{
	if (node == NoNode || !node_online(node))
		return ALTWQ_WORK_CPU_UNBOUND;
	const int here = this_cpu_hint();
	if (cpu_to_node(here) == node)
		return here;
	const int cpu = node_any_online_cpu(node);
	return cpu >= 0 ? cpu : ALTWQ_WORK_CPU_UNBOUND;
}

} // namespace

extern "C" bool altwq_queue_work_node(int node, altwq_workqueue *wq, altwq_work *work)
{
	if (KXX_WARN_ONCE(node != NoNode && !node_possible(node), "NUMA node %d does not exist", node))
		return false;
	return with_pending_taken(ALTWQ_WORK_CPU_UNBOUND, wq, work, [&](const RcuReadGuard &rcu) {
		// As 6.12: meant for unbound queues; a bound one still queues.
		KXX_WARN_ON_ONCE(!(wq->flags & ALTWQ_UNBOUND));
		return queue_owned_work(cpu_of_node(node), wq, work, rcu);
	});
}

// Softirq: the RCU callback owns PENDING. destroy_workqueue waits for it
// (rcu_works_in_flight), so the queue is alive; like a timer, it delivers
// into a queue that drains or is being torn down.
void altwq_rcu_work::grace_period_passed()
{
	altwq_workqueue *target = wq;
	{
		IrqOffGuard irq;
		if (KXX_WARN_ONCE(target->state.load(Relaxed) & WqDestroying,
				  "rcu work %ps queued into destroyed workqueue %s", work.func, target->name))
			refuse(&work);
		else
			insert_owned_work(ALTWQ_WORK_CPU_UNBOUND, target, &work, RcuReadGuard());
	}
	// Last: destroy may go on and free the queue once this drops.
	target->rcu_works_in_flight.fetch_sub(1, Release);
}

extern "C" bool altwq_queue_rcu_work(altwq_workqueue *wq, altwq_rcu_work *rwork)
{
	return with_pending_taken(ALTWQ_WORK_CPU_UNBOUND, wq, rwork ? &rwork->work : nullptr,
				  [&](const RcuReadGuard &) {
					  // As any queueing: refused once the queue drains or
					  // is torn down (destroy waits only for those in flight).
					  if (!accepts(wq))
						  return refuse(&rwork->work);
					  rwork->wq = wq;
					  wq->rcu_works_in_flight.fetch_add(1, Relaxed);
					  rwork->rcu.call<&altwq_rcu_work::rcu, &altwq_rcu_work::grace_period_passed>();
					  return true;
				  });
}
