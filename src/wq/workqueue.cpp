// SPDX-License-Identifier: GPL-2.0
// Workqueues: alloc and destroy, flush_workqueue with flush colours, drain,
// max_active, the system queues, and the engine's load and unload.
#include "kxx/alloc.hpp"
#include "kxx/cpu.hpp"
#include "kxx/log.hpp"
#include "kxx/sched.hpp"
#include "wq/wq.hpp"

using namespace kxx;
using namespace altwq::wq;

constinit altwq_workqueue *altwq_system_wq = nullptr;
constinit altwq_workqueue *altwq_system_highpri_wq = nullptr;
constinit altwq_workqueue *altwq_system_long_wq = nullptr;
constinit altwq_workqueue *altwq_system_unbound_wq = nullptr;
constinit altwq_workqueue *altwq_system_percpu_wq = nullptr;
constinit altwq_workqueue *altwq_system_dfl_wq = nullptr;
constinit altwq_workqueue *altwq_system_power_efficient_wq = nullptr;
constinit altwq_workqueue *altwq_system_freezable_wq = nullptr;
constinit altwq_workqueue *altwq_system_freezable_power_efficient_wq = nullptr;
constinit altwq_workqueue *altwq_system_bh_wq = nullptr;
constinit altwq_workqueue *altwq_system_bh_highpri_wq = nullptr;

altwq_workqueue::altwq_workqueue(unsigned int flags_)
	: flags(flags_), shared(KXX_LOCK_CLASS("altwq_workqueue.mutex")),
	  flush_mutex(KXX_LOCK_CLASS("altwq_workqueue.flush_mutex")),
	  handoff_irq_work(IrqWork::callback<&altwq_workqueue::handoff_irq_work, &altwq_workqueue::hand_over_slots>()),
	  armed(KXX_LOCK_CLASS("altwq_workqueue.armed"))
{
}

namespace {

constexpr unsigned int KnownFlags = ALTWQ_BH | ALTWQ_UNBOUND | ALTWQ_FREEZABLE | ALTWQ_HIGHPRI | ALTWQ_CPU_INTENSIVE |
				    ALTWQ_MEM_RECLAIM | ALTWQ_POWER_EFFICIENT | ALTWQ_PERCPU | ALTWQ_SYSFS | __ALTWQ_ORDERED |
				    __ALTWQ_LEGACY;

// As 6.12: out of [1, ALTWQ_MAX_ACTIVE] is clamped into it, with a message
// (0 means the default only to alloc_workqueue, which maps it first).
int clamp_max_active(int max_active, const char *name)
{
	if (max_active < 1 || max_active > ALTWQ_MAX_ACTIVE) {
		log::warning("max_active %d requested for %s is out of range, clamping between 1 and %d", max_active,
			     name, ALTWQ_MAX_ACTIVE);
		return max_active < 1 ? 1 : ALTWQ_MAX_ACTIVE;
	}
	return max_active;
}

// May sleep. One pwq per pool the queue uses, on the queue's list.
Status make_pwqs(altwq_workqueue *wq, int max_active)
{
	const bool hp = wq->flags & ALTWQ_HIGHPRI;
	wq->cpu_pwqs = new (GfpKernel | GfpZero) Atomic<Pwq *>[nr_cpu_ids()];
	if (!wq->cpu_pwqs)
		return Error{err::NoMem};
	if (wq->flags & ALTWQ_UNBOUND)
		return unbound_make_pwqs(wq, max_active);
	auto m = wq->shared.lock<MaySleep>();
	m->saved_max_active = max_active;
	for (int cpu : possible_cpus()) {
		const int id = (wq->flags & ALTWQ_BH) ? bh_pool_id(cpu, hp) : pool_id_of(cpu, hp);
		Pwq *pwq = new_pwq(wq, pool_at(id), max_active);
		if (!pwq)
			return Error{err::NoMem};
		pwq->installed = true;
		m->pwqs.push_back(*pwq);
		wq->cpu_pwqs[cpu].store(pwq, Relaxed);
	}
	return {};
}

// May sleep. Undoes a half-built queue nobody has seen (not on the unbound
// queues' list: make_pwqs() failed before it got there).
void free_unpublished(altwq_workqueue *wq)
{
	PwqList pwqs;
	{
		auto m = wq->shared.lock<MaySleep>();
		pwqs.splice_back(m->pwqs);
		free_attrs(exchange(m->attrs, nullptr));
	}
	// Outside M: putting an unbound pool takes P, which comes first.
	while (Pwq *pwq = pwqs.pop_front()) {
		if (wq->flags & ALTWQ_UNBOUND)
			unbound_put_pool_of(*pwq);
		delete pwq;
		g->nr_live_pwqs.fetch_sub(1, Relaxed);
	}
	if (wq->flags & ALTWQ_UNBOUND)
		unbound_forget_queue(wq);
	if (wq->rescuer) {
		(void)wq->rescuer->thread.stop();
		delete wq->rescuer;
	}
	delete[] wq->cpu_pwqs;
	delete[] wq->node_active;
	wq_lockdep_fini(wq);
	delete wq;
}

// May sleep.
Status make_rescuer(altwq_workqueue *wq)
{
	Worker *r = new (GfpKernel) Worker(nullptr, wq);
	if (!r)
		return Error{err::NoMem};
	format(r->name, sizeof(r->name), "altwq-R-%s", wq->name); // as 6.12's kworker/R-<queue>
	auto thread = Kthread::create(&rescuer_thread, r, r->name, Kthread::AnyCpu);
	if (!thread.ok()) {
		delete r;
		return Error{thread.error()};
	}
	r->thread = thread.take();
	wq->rescuer = r;
	r->thread.wake();
	return {};
}

// given_map: the lockdep map its works run under (alloc_workqueue_lockdep_map), or nullptr for its own.
altwq_workqueue *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, kxx::LockdepMap *given_map,
				 __builtin_va_list args)
{
	KXX_MIGHT_SLEEP();
	if (KXX_WARN_ON_ONCE(!fmt) || KXX_WARN_ON_ONCE(flags & ~KnownFlags))
		return nullptr;
	// As 6.12: power-efficient queues are per-CPU unless the parameter
	// says otherwise.
	if ((flags & ALTWQ_POWER_EFFICIENT) && params::power_efficient())
		flags |= ALTWQ_UNBOUND;
	// Ordered means one unbound pwq running one work at a time.
	if (KXX_WARN_ON_ONCE((flags & __ALTWQ_ORDERED) && (!(flags & ALTWQ_UNBOUND) || max_active != 1)))
		return nullptr;
	if (KXX_WARN_ONCE((flags & ALTWQ_PERCPU) && (flags & ALTWQ_UNBOUND), "workqueue %s: PERCPU and UNBOUND", fmt))
		return nullptr;
	// As 6.12: a BH queue is per-CPU, maybe high-priority, and nothing
	// else; its max_active is the default.
	if ((flags & ALTWQ_BH) &&
	    KXX_WARN_ONCE((flags & ~(ALTWQ_BH | ALTWQ_HIGHPRI | ALTWQ_PERCPU)) || max_active,
			  "workqueue %s: BH takes only HIGHPRI, and no max_active", fmt))
		return nullptr;
	altwq_workqueue *wq = new (GfpKernel) altwq_workqueue(flags);
	if (!wq)
		return nullptr;
	vformat(wq->name, sizeof(wq->name), fmt, args);
	max_active = clamp_max_active(max_active ? max_active : ALTWQ_DFL_ACTIVE, wq->name);
	wq->max_active_seen.store(max_active, Relaxed);
	wq_lockdep_init(wq, given_map);
	// The rescuer first: once an unbound queue has pwqs it is on the
	// unbound queues' list, where hotplug and attrs writers may replace
	// them, and nothing after may fail back to free_unpublished().
	Status st = (flags & ALTWQ_MEM_RECLAIM) ? make_rescuer(wq) : Status();
	if (st.ok())
		st = make_pwqs(wq, max_active);
	if (!st.ok()) {
		free_unpublished(wq);
		return nullptr;
	}
	g->nr_live_wqs.fetch_add(1, Relaxed);
	if (flags & ALTWQ_FREEZABLE)
		freezer_add(wq); // before anyone can queue: frozen now if the system is
	stats_add_queue(wq);
	g->registry.insert(*wq);
	// Last, as 6.12: its files work from the moment they appear.
	if ((flags & ALTWQ_SYSFS) && !sysfs_add_queue(wq).ok()) {
		altwq_destroy_workqueue(wq);
		return nullptr;
	}
	return wq;
}

} // namespace

Pwq *altwq::wq::new_pwq(altwq_workqueue *wq, Pool *pool, int max_active)
{
	PwqStats *stats = new (GfpKernel | GfpZero) PwqStats();
	Pwq *pwq = stats ? new (GfpKernel) Pwq(pool, wq, max_active, stats) : nullptr;
	if (!pwq) {
		delete stats;
		return nullptr;
	}
	if (wq->flags & ALTWQ_UNBOUND)
		pwq->active = &wq->node_active[pool->node >= 0 ? pool->node : nr_node_ids()].active;
	wq->users.fetch_add(1, Relaxed);
	g->nr_live_pwqs.fetch_add(1, Relaxed);
	return pwq;
}

void altwq::wq::apply_max_active(altwq_workqueue *wq, WqShared &m, int off_cpu)
{
	const int max_active = m.frozen ? 0 : m.saved_max_active;
	if (wq->flags & ALTWQ_UNBOUND)
		update_node_max_active(wq, m, off_cpu);
	for (Pwq &pwq : m.pwqs) {
		auto s = pwq.pool->lock();
		pwq.c.get(s).max_active = max_active;
		fill_active(pwq, s);
	}
}

namespace {

// L held for each pwq in turn, under M. True if no work of wq is queued,
// inactive or running.
bool is_drained(altwq_workqueue *wq)
{
	auto m = wq->shared.lock<MaySleep>();
	for (Pwq &pwq : m->pwqs) {
		auto s = pwq.pool->lock();
		PwqCounts &c = pwq.c.get(s);
		if (c.nr_active || !c.inactive.empty())
			return false;
		for (int color = 0; color < NrColors; color++)
			if (c.nr_in_flight[color])
				return false;
	}
	return true;
}

} // namespace

extern "C" altwq_workqueue *altwq_alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...)
{
	__builtin_va_list args;
	__builtin_va_start(args, max_active);
	altwq_workqueue *wq = alloc_workqueue(fmt, flags, max_active, nullptr, args);
	__builtin_va_end(args);
	return wq;
}

// 6.12's alloc_workqueue_lockdep_map(): the queue's works run under the
// caller's map, so that queues made from one site share a lockdep class.
extern "C" altwq_workqueue *altwq_alloc_workqueue_lockdep_map(const char *fmt, unsigned int flags, int max_active,
							      altwq_lockdep_map *map, ...)
{
	if (KXX_WARN_ON_ONCE(!map))
		return nullptr;
	__builtin_va_list args;
	__builtin_va_start(args, map);
	altwq_workqueue *wq = alloc_workqueue(fmt, flags, max_active, reinterpret_cast<kxx::LockdepMap *>(map), args);
	__builtin_va_end(args);
	return wq;
}

namespace {

// A work of wq waiting for all of wq's works waits for itself, forever
// (6.12 hangs there): lockdep is told, and the call refused with a warning.
// True if refused.
bool waits_for_itself(altwq_workqueue *wq, Worker *me, const char *what)
{
	if (!me || !me->current_pwq || me->current_pwq->wq != wq)
		return false;
	touch_wq_lockdep_map(wq);
	// Each refusal is logged; the backtrace comes once.
	log::err("work %ps calls %s on its own workqueue %s: refused", me->current_func, what, wq->name);
	KXX_WARN_ON_ONCE(true);
	return true;
}

// May sleep. F, then M and L in turn: waits for every work queued before.
void flush_workqueue(altwq_workqueue *wq)
{
	Worker *me = current_worker();
	touch_wq_lockdep_map(wq);
	check_flush_dependency(wq, nullptr, false, me);
	if (waits_for_itself(wq, me, "flush_workqueue"))
		return;
	Guard<FlushMutex, MaySleep> f(wq->flush_mutex);
	Completion done;
	const int color = wq->work_color, next = (color + 1) % NrColors;
	wq->flush_done = &done;
	// The bias of 1 keeps the pwqs from completing `done` before all are set.
	wq->nr_pwqs_to_flush.store(1, Relaxed);
	{
		auto m = wq->shared.lock<MaySleep>();
		for (Pwq &pwq : m->pwqs) {
			auto s = pwq.pool->lock();
			PwqCounts &c = pwq.c.get(s);
			KXX_WARN_ON_ONCE(c.flush_color != -1);
			if (c.nr_in_flight[color]) {
				c.flush_color = color;
				wq->nr_pwqs_to_flush.fetch_add(1, Relaxed);
			}
			c.work_color = next; // works queued from now on are not waited for
		}
	}
	wq->work_color = next;
	if (wq->nr_pwqs_to_flush.sub_return(1, Full) != 0)
		done.wait();
	wq->flush_done = nullptr;
}

// May sleep.
void drain_workqueue(altwq_workqueue *wq)
{
	if (waits_for_itself(wq, current_worker(), "drain_workqueue"))
		return;
	{
		auto m = wq->shared.lock<MaySleep>();
		if (m->nr_drainers++ == 0)
			wq->state.fetch_or(WqDraining, Full);
	}
	// Works the queue's own works queue meanwhile (chained) are let in.
	for (unsigned int tries = 1;; tries++) {
		flush_workqueue(wq);
		if (is_drained(wq))
			break;
		if (tries == 10 || (tries % 100 == 0 && tries <= 1000))
			log::warning("workqueue %s is not drained after %u flushes", wq->name, tries);
	}
	auto m = wq->shared.lock<MaySleep>();
	if (--m->nr_drainers == 0)
		wq->state.fetch_and(~static_cast<unsigned int>(WqDraining), Full);
}

} // namespace

namespace altwq::wq {

WqRef WqRef::of(altwq_workqueue *wq)
{
	RcuReadGuard rcu;
	if (!is_live_wq(wq, rcu))
		return WqRef(nullptr);
	// Not from zero: a queue whose last user is gone is being freed (after
	// the grace period this read section holds off).
	for (int users = wq->users.load(Relaxed); users > 0;)
		if (wq->users.compare_exchange(users, users + 1, Full))
			return WqRef(wq);
	KXX_WARN_ONCE(true, "workqueue %s is being freed", wq->name);
	return WqRef(nullptr);
}

WqRef::~WqRef()
{
	if (wq_)
		workqueue_put_user(wq_);
}

void fire_armed_timers(altwq_workqueue *wq)
{
	for (;;) {
		IrqOffGuard irq;
		auto a = wq->armed.lock<NoIrq>();
		altwq_delayed_work *dwork = a->front();
		if (!dwork)
			return;
		// Disarmed and unlisted in one go: the work cannot run (and be
		// freed, or armed elsewhere) in between.
		if (!dwork->timer.del()) {
			a.call_unlocked([] { cpu_relax(); }); // its callback runs and waits for the lock
			continue;
		}
		a->remove(*dwork);
		dwork->wq = nullptr;
		KXX_WARN_ONCE(true, "destroying workqueue %s with delayed work %ps armed: running it now", wq->name,
			      dwork->work.func);
		insert_owned_work(dwork->cpu, wq, &dwork->work, RcuReadGuard());
	}
}

} // namespace altwq::wq

extern "C" void altwq_flush_workqueue(altwq_workqueue *wq)
{
	KXX_MIGHT_SLEEP();
	if (WqRef ref = WqRef::of(wq))
		flush_workqueue(wq);
}

extern "C" void altwq_drain_workqueue(altwq_workqueue *wq)
{
	KXX_MIGHT_SLEEP();
	if (WqRef ref = WqRef::of(wq))
		drain_workqueue(wq);
}

extern "C" void altwq_workqueue_set_max_active(altwq_workqueue *wq, int max_active)
{
	KXX_MIGHT_SLEEP();
	WqRef ref = WqRef::of(wq);
	if (!ref || KXX_WARN_ONCE(wq->flags & (__ALTWQ_ORDERED | ALTWQ_BH),
				  "max_active of ordered or BH workqueue %s is fixed", wq->name))
		return;
	max_active = clamp_max_active(max_active, wq->name);
	auto m = wq->shared.lock<MaySleep>();
	m->saved_max_active = max_active; // a frozen queue takes it at thaw
	wq->max_active_seen.store(max_active, Relaxed);
	if (wq->flags & ALTWQ_UNBOUND)
		m->saved_min_active = min(m->saved_min_active, max_active);
	apply_max_active(wq, *m);
}

// As 6.12: for unbound queues that are not ordered, each node's share is
// at least min_active (0..max_active), so that many interdependent works
// can run on one node; a queue that needs none can say 0.
extern "C" void altwq_workqueue_set_min_active(altwq_workqueue *wq, int min_active)
{
	KXX_MIGHT_SLEEP();
	WqRef ref = WqRef::of(wq);
	if (!ref || KXX_WARN_ONCE((wq->flags & (ALTWQ_BH | ALTWQ_UNBOUND | __ALTWQ_ORDERED)) != ALTWQ_UNBOUND,
				  "min_active of workqueue %s: only unbound, unordered queues have one", wq->name))
		return;
	auto m = wq->shared.lock<MaySleep>();
	m->saved_min_active = clamp(min_active, 0, m->saved_max_active);
	apply_max_active(wq, *m);
}

namespace altwq::wq {
namespace {

// Destroyed queues the release worker may hold before a destroy waits.
constexpr long MaxDestroyedUnfreed = 64;

// May sleep; nothing held. A queue is freed on the release worker, and
// with lockdep each costs a grace period there (lockdep_unregister_key
// waits for one; 6.12 pays it the same way). Queues destroyed faster than
// that would pile up without bound, memory and all, and module exit
// would wait for the lot: past the bound, a destroy waits for the backlog
// (6.12's destroy never waits for it).
void throttle_destroys()
{
	if (g->nr_destroyed_unfreed.fetch_add(1, Relaxed) >= MaxDestroyedUnfreed)
		flush_releases();
}

} // namespace
} // namespace altwq::wq

extern "C" void altwq_destroy_workqueue(altwq_workqueue *wq)
{
	KXX_MIGHT_SLEEP();
	WqRef ref = WqRef::of(wq);
	if (!ref)
		return;
	// Its drain would wait for the caller; the queue stays (a leak, not a hang).
	if (waits_for_itself(wq, current_worker(), "destroy_workqueue"))
		return;
	// From here only the queue's own works may queue, and without delay.
	{
		auto m = wq->shared.lock<MaySleep>();
		if (KXX_WARN_ONCE(wq->state.load(Relaxed) & WqTearingDown, "destroy_workqueue(%s) called twice",
				  wq->name))
			return;
		wq->state.fetch_or(WqTearingDown, Full);
	}
	wq->sysfs_dev.remove(); // as 6.12, first: no store after this, and the name is free
	wq->stats_file.reset(); // no reader after this: the queue may go
	// Armed delayed works are run now rather than left to fire into a freed
	// queue. A timer callback holds the armed lock until its work is queued,
	// so once the list is seen empty, what fired is in the queue for the
	// drain check to see.
	// Works queued with queue_rcu_work() are waited for the same way.
	for (;;) {
		if (wq->rcu_works_in_flight.load(Acquire))
			rcu::barrier();
		fire_armed_timers(wq);
		drain_workqueue(wq);
		bool none_armed = wq->armed.lock<IrqSave>()->empty(); // the guard ends here
		// Acquire: pairs with the release in altwq_rcu_work::grace_period_passed().
		if (none_armed && !wq->rcu_works_in_flight.load(Acquire) && is_drained(wq))
			break;
	}
	if (Worker *r = wq->rescuer) {
		// Drained, and nothing more can be queued: no pool asks for it any
		// more. It finishes what it holds.
		{
			Guard<MaydayLock, IrqSave> y(g->mayday);
			wq->rescuer = nullptr;
		}
		(void)r->thread.stop();
		while (Pwq *pwq = pop_mayday(wq)) {
			auto s = pwq->pool->lock();
			if (WorkList::on_a_list(pwq->mayday_cursor)) // none expected: the rescuer ran its maydays
				WorkList::unlink(pwq->mayday_cursor);
			put_pwq(*pwq, s);
		}
		delete r;
	}
	// Before the queue's references go: an apply or a hotplug update (both
	// under P) either finished installing, or sees the queue gone.
	if (wq->flags & ALTWQ_UNBOUND)
		unbound_forget_queue(wq);
	// Out of the freezer's and the registry's reach before the puts: a
	// released pwq is freed one grace period after its release, and
	// walkers of those lists (the freezer, show_all_workqueues under RCU)
	// must not find the queue then. Callers that found it a moment ago
	// see WqDestroying, and the memory stays until their RCU sections end.
	if (wq->flags & ALTWQ_FREEZABLE)
		freezer_remove(wq);
	g->registry.remove(*wq);
	{
		auto m = wq->shared.lock<MaySleep>();
		wq->state.fetch_or(WqDestroying, Full);
		m->dfl_pwq = nullptr; // about to be put
		for (Pwq &pwq : m->pwqs) {
			if (!pwq.installed) // replaced: its reference went then
				continue;
			pwq.installed = false;
			auto s = pwq.pool->lock();
			PwqCounts &c = pwq.c.get(s);
			// A pwq still in use keeps its references (and the queue) alive.
			KXX_WARN_ON_ONCE(c.nr_active || !c.inactive.empty());
			put_pwq(pwq, s);
		}
	}
	workqueue_put_user(wq); // destroy's own; the WqRef's goes last
	throttle_destroys();
}

namespace {
constinit altwq_workqueue **const system_wqs[] = {&altwq_system_wq,	  &altwq_system_highpri_wq, &altwq_system_long_wq,
					 &altwq_system_unbound_wq, &altwq_system_percpu_wq,  &altwq_system_dfl_wq,
					 &altwq_system_power_efficient_wq, &altwq_system_freezable_wq,
					 &altwq_system_freezable_power_efficient_wq, &altwq_system_bh_wq,
					 &altwq_system_bh_highpri_wq};
} // namespace

namespace altwq::wq {

Status system_wqs_init()
{
	altwq_system_wq = altwq_alloc_workqueue("altwq_events", 0, 0);
	altwq_system_highpri_wq = altwq_alloc_workqueue("altwq_events_highpri", ALTWQ_HIGHPRI, 0);
	altwq_system_long_wq = altwq_alloc_workqueue("altwq_events_long", 0, 0);
	altwq_system_unbound_wq = altwq_alloc_workqueue("altwq_events_unbound", ALTWQ_UNBOUND, ALTWQ_MAX_ACTIVE);
	altwq_system_percpu_wq = altwq_alloc_workqueue("altwq_events", ALTWQ_PERCPU, 0);
	altwq_system_dfl_wq = altwq_alloc_workqueue("altwq_events_unbound", ALTWQ_UNBOUND, ALTWQ_MAX_ACTIVE);
	altwq_system_power_efficient_wq = altwq_alloc_workqueue("altwq_events_power_efficient",
								ALTWQ_POWER_EFFICIENT, 0);
	altwq_system_freezable_wq = altwq_alloc_workqueue("altwq_events_freezable", ALTWQ_FREEZABLE, 0);
	altwq_system_freezable_power_efficient_wq = altwq_alloc_workqueue(
		"altwq_events_freezable_pwr_efficient", ALTWQ_FREEZABLE | ALTWQ_POWER_EFFICIENT, 0);
	altwq_system_bh_wq = altwq_alloc_workqueue("altwq_events_bh", ALTWQ_BH, 0);
	altwq_system_bh_highpri_wq = altwq_alloc_workqueue("altwq_events_bh_highpri", ALTWQ_BH | ALTWQ_HIGHPRI, 0);
	for (altwq_workqueue **wq : system_wqs)
		if (!*wq)
			return Error{err::NoMem};
	return {};
}

void system_wqs_exit()
{
	for (altwq_workqueue **wq : system_wqs) {
		if (*wq)
			altwq_destroy_workqueue(exchange(*wq, nullptr));
	}
}

} // namespace altwq::wq

// May sleep.
extern "C" void altwq_wq_exit(void)
{
	if (!g)
		return;
	system_wqs_exit();
	sysfs_exit();
	freezer_exit();
	watchdog_exit(); // after the freezer: a thaw resets its timestamps
	stats_exit();
	// Runs the pending releases: every destroyed queue is freed after this.
	if (g->release_worker) {
		flush_releases(); // and their reaps, which the destroy's own flush may not see
		altwq_kthread_destroy_worker(g->release_worker);
		g->release_worker = nullptr;
	}
	if (long n = g->nr_live_wqs.load(Relaxed))
		log::err("%ld workqueues were never destroyed", n);
	pools_exit();
	delete g;
	g = nullptr;
}

// May sleep.
extern "C" int altwq_wq_init(void)
{
	g = new (GfpKernel) Globals();
	if (!g)
		return err::NoMem;
	altwq_kthread_worker *rw = altwq_kthread_create_worker(0, "altwq_pwq_release");
	if (is_err(rw)) {
		int e = ptr_err(rw);
		delete g;
		g = nullptr;
		return e;
	}
	g->release_worker = rw;
	init_reap_work();
	cpu_intensive_init();
	Status st = pools_init();
	if (st.ok())
		stats_init();
	if (st.ok())
		st = freezer_init();
	if (st.ok())
		st = sysfs_init();
	if (st.ok())
		st = system_wqs_init();
	if (st.ok())
		st = watchdog_init();
	if (!st.ok()) {
		altwq_wq_exit();
		return st.error();
	}
	return 0;
}
