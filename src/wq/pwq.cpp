// SPDX-License-Identifier: GPL-2.0
// pool_workqueues: the references that keep one alive, max_active and the
// inactive list, the flush colours, and the release that happens on a
// kthread_worker (a pwq's last reference may drop in any context, with the
// pool's lock held; freeing it needs an RCU grace period and the
// workqueue's mutex, so it is handed to a thread).
#include "kxx/rcu.hpp"
#include "wq/wq.hpp"

using namespace kxx;

namespace altwq::wq {

namespace {

// May sleep. Frees a queue that nothing can reach any more: its last user
// is gone, and the grace period since then has ended for readers of a
// work's data word (which may have found one of its pwqs).
void free_workqueue(altwq_workqueue *wq)
{
	altwq_workqueue_attrs *attrs;
	{
		auto m = wq->shared.lock<MaySleep>();
		attrs = exchange(m->attrs, nullptr);
	}
	free_attrs(attrs);
	wq->handoff_irq_work.sync();
	delete[] wq->cpu_pwqs;
	delete[] wq->node_active;
	wq_lockdep_fini(wq);
	delete wq;
	g->nr_live_wqs.fetch_sub(1, Relaxed);
	g->nr_destroyed_unfreed.fetch_sub(1, Relaxed);
}

// May sleep, R not held. The queue's last user is gone: the next reap
// frees it.
void release_workqueue(altwq_workqueue *wq)
{
	g->released.lock<MaySleep>()->wqs.push_back(*wq);
	(void)altwq_kthread_queue_work(g->release_worker, &g->reap_work);
}

// On the release kthread_worker. May sleep. Frees every pwq and queue
// released since the last reap once a reader of a work's data word (RCU)
// that found one is done: one grace period for the lot. The pwqs go
// first; a queue outlives its pwqs.
void reap_released(altwq_kthread_work *)
{
	Released gone;
	{
		auto r = g->released.lock<MaySleep>();
		gone.pwqs.splice_back(r->pwqs);
		gone.wqs.splice_back(r->wqs);
	}
	rcu::synchronize();
	while (Pwq *pwq = gone.pwqs.pop_front()) {
		delete pwq;
		g->nr_live_pwqs.fetch_sub(1, Relaxed);
	}
	while (altwq_workqueue *wq = gone.wqs.pop_front())
		free_workqueue(wq);
}

// On the release kthread_worker. May sleep.
void pwq_release(altwq_kthread_work *kw)
{
	Pwq *pwq = owner_of<&Pwq::release_work>(kw);
	altwq_workqueue *wq = pwq->wq;
	{
		auto m = wq->shared.lock<MaySleep>();
		m->pwqs.remove(*pwq);
		if (wq->flags & ALTWQ_UNBOUND) {
			auto n = pwq->active->lock<IrqSave>();
			if (pwq->pending_node.linked()) // nothing inactive is left: a stale wait
				n->pending.remove(*pwq);
		}
		// An ordered queue's next pwq starts once every older one is gone.
		if (Pwq *oldest = m->pwqs.front(); oldest && oldest->plugged.load(Relaxed)) {
			auto s = oldest->pool->lock();
			oldest->plugged.store(false, Relaxed);
			fill_active(*oldest, s);
		}
	}
	if (wq->flags & ALTWQ_UNBOUND)
		unbound_put_pool_of(*pwq);
	g->released.lock<MaySleep>()->pwqs.push_back(*pwq);
	(void)altwq_kthread_queue_work(g->release_worker, &g->reap_work); // runs after us
	// After our unlock: whoever drops the last user has the mutex freed too.
	workqueue_put_user(wq);
}

} // namespace

Pwq::Pwq(Pool *pool_, altwq_workqueue *wq_, int max_active, PwqStats *stats)
	: pool(pool_), wq(wq_), c(max_active), stats_(stats)
{
	init_work(mayday_cursor, mayday_cursor_fn, KXX_LOCK_CLASS("(work_completion)mayday_cursor"));
	// Looks like a queued, inactive work of this pwq to anything that reads
	// the worklist's data words; is_cursor() tells it apart.
	mayday_cursor.data.store(reinterpret_cast<unsigned long>(this) | WorkPwq | WorkPending | WorkInactive, Relaxed);
	release_work.func = pwq_release;
	release_work.magic = ALTWQ_KW_WORK_MAGIC;
}

Pwq::~Pwq() { delete stats_; }

void mayday_cursor_fn(altwq_work *) { KXX_WARN_ON_ONCE(true); }

void init_reap_work()
{
	g->reap_work.func = reap_released;
	g->reap_work.magic = ALTWQ_KW_WORK_MAGIC;
}

void flush_releases()
{
	// A release queues its reap behind the first flush's barrier.
	altwq_kthread_flush_worker(g->release_worker);
	altwq_kthread_flush_worker(g->release_worker);
}

void workqueue_put_user(altwq_workqueue *wq)
{
	if (wq->users.sub_return(1, Full) == 0)
		release_workqueue(wq);
}

namespace {

// release_via_system_wq: what seed 003 replaced, kept to show lockdep
// catching it. Queueing takes a pool's lock (the class held here).
struct SystemWqRelease {
	altwq_work work;
	Pwq *pwq;
};

void system_wq_release_fn(altwq_work *work)
{
	SystemWqRelease *r = owner_of<&SystemWqRelease::work>(work);
	Pwq *pwq = r->pwq;
	delete r;
	pwq_release(&pwq->release_work);
}

// L held. True if the release went to system_wq. Unbound pwqs only (the
// ones apply_workqueue_attrs and hotplug replace): lockdep sees the class
// taken twice; a per-CPU pwq's put would take its own pool's lock again
// and really hang.
bool release_on_system_wq(Pwq &pwq)
{
	if (KXX_LIKELY(!params::release_via_system_wq()) || !altwq_system_wq || pwq.pool->cpu >= 0)
		return false;
	auto *r = new (GfpAtomic) SystemWqRelease();
	if (!r)
		return false;
	init_work(r->work, system_wq_release_fn, KXX_LOCK_CLASS("(work_completion)pwq_release"));
	r->pwq = &pwq;
	if (altwq_queue_work_on(ALTWQ_WORK_CPU_UNBOUND, altwq_system_wq, &r->work))
		return true;
	delete r;
	return false;
}

} // namespace

void put_pwq(Pwq &pwq, PoolLocked &s)
{
	if (--pwq.c.get(s).refcnt == 0 && !release_on_system_wq(pwq))
		(void)altwq_kthread_queue_work(g->release_worker, &pwq.release_work);
}

bool take_active_slot(Pwq &pwq, PoolLocked &s)
{
	PwqCounts &c = pwq.c.get(s);
	const bool plugged = pwq.plugged.load(Relaxed);
	if (!(pwq.wq->flags & ALTWQ_UNBOUND))
		return !plugged && c.nr_active < c.max_active;
	auto n = pwq.active->lock<NoIrq>(); // IRQs are off under L
	if (!plugged && n->nr < n->max) {
		n->nr++;
		return true;
	}
	// From here on, while it has inactive works, the pwq waits on N's
	// list; a live pwq joins and leaves that list only under L.
	if (!pwq.pending_node.linked())
		n->pending.push_back(pwq);
	return false;
}

void fill_active(Pwq &pwq, PoolLocked &s)
{
	PwqCounts &c = pwq.c.get(s);
	while (!c.inactive.empty() && take_active_slot(pwq, s))
		activate_work(pwq, s, c.inactive.front());
	if (c.inactive.empty() && (pwq.wq->flags & ALTWQ_UNBOUND)) {
		auto n = pwq.active->lock<NoIrq>();
		if (pwq.pending_node.linked())
			n->pending.remove(pwq);
	}
}

namespace {

// The first pwq waiting for a slot that may take one (an ordered queue's
// plugged pwq waits for the older ones).
Pwq *first_unplugged(NodeActive &n)
{
	for (Pwq &p : n.pending)
		if (!p.plugged.load(Relaxed))
			return &p;
	return nullptr;
}

// L of next's pool and N held: next, first to wait, takes a slot and
// activates its oldest inactive work, then waits again at the tail (round
// robin) if it has more. False if it had none left (cancelled).
bool give_slot(Pwq &next, PoolLocked &s, NodeActive &n)
{
	PwqCounts &nc = next.c.get(s);
	n.pending.remove(next);
	if (nc.inactive.empty())
		return false;
	activate_work(next, s, nc.inactive.front());
	if (!nc.inactive.empty())
		n.pending.push_back(next);
	return true;
}

// L of pwq's pool held: an active work of unbound pwq left; its slot goes
// to a waiting pwq (here if that one is on this pool, else through the
// queue's irq_work), or back to the count.
void release_active_slot(Pwq &pwq, PoolLocked &s)
{
	altwq_workqueue *wq = pwq.wq;
	auto n = pwq.active->lock<NoIrq>();
	while (n->nr <= n->max) {
		Pwq *next = first_unplugged(*n);
		if (!next)
			break;
		if (next->pool != pwq.pool) {
			n->handoffs++;
			wq->handoff_irq_work.queue();
			return;
		}
		if (give_slot(*next, s, *n))
			return;
	}
	n->nr--;
}

} // namespace

void activate_work(Pwq &pwq, PoolLocked &s, altwq_work *work)
{
	note_activation(s, work);
	move_linked_works(work, s->worklist);
	work->data.fetch_and(~static_cast<unsigned long>(WorkInactive), Relaxed);
	pwq.c.get(s).nr_active++;
	kick(*pwq.pool, s);
}

void pwq_dec_nr_in_flight(Pwq &pwq, PoolLocked &s, unsigned long data)
{
	PwqCounts &c = pwq.c.get(s);
	const bool unbound = pwq.wq->flags & ALTWQ_UNBOUND;
	if (!(data & WorkInactive)) {
		c.nr_active--;
		if (unbound)
			release_active_slot(pwq, s);
		else if (altwq_work *next = c.inactive.front(); next && take_active_slot(pwq, s))
			activate_work(pwq, s, next);
	} else if (unbound && c.inactive.empty()) {
		auto n = pwq.active->lock<NoIrq>(); // its last waiting work was cancelled
		if (pwq.pending_node.linked())
			n->pending.remove(pwq);
	}
	int color = data_color(data);
	if (color != NoColor) {
		c.nr_in_flight[color]--;
		if (color == c.flush_color && c.nr_in_flight[color] == 0) {
			c.flush_color = -1;
			// The last pwq of a flush wakes the flusher.
			if (pwq.wq->nr_pwqs_to_flush.sub_return(1, Full) == 0)
				pwq.wq->flush_done->complete();
		}
	}
	put_pwq(pwq, s);
}

} // namespace altwq::wq

// Hardirq. Each freed slot goes to the first waiting pwq of its node that
// may take one: that pwq's pool's lock, then N again (L -> N), and a fresh
// look.
void altwq_workqueue::hand_over_slots()
{
	using namespace altwq::wq;
	for (int slot = 0; slot <= nr_node_ids(); slot++) {
		auto &active = node_active[slot].active;
		for (;;) {
			Pool *pool;
			{
				auto n = active.lock<NoIrq>();
				if (!n->handoffs)
					break;
				Pwq *next = first_unplugged(*n);
				// None waits, or the share shrank meanwhile (a
				// freeze, set_max_active): the slot goes back.
				if (!next || n->nr > n->max) {
					n->handoffs--;
					n->nr--;
					continue;
				}
				// Still in this hardirq's RCU section once N drops: a
				// released pwq and its pool are freed after a grace period.
				pool = next->pool;
			}
			auto s = pool->lock();
			auto n = active.lock<NoIrq>();
			Pwq *next = first_unplugged(*n);
			if (!n->handoffs || !next || next->pool != pool)
				continue;
			if (give_slot(*next, s, *n))
				n->handoffs--;
		}
	}
}
