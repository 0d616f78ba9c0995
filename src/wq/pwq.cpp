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

// May sleep. Frees the workqueue and its released pwqs once nothing can
// reach them: queued works hold pwq references, and readers of a work's
// data word hold RCU.
void free_workqueue(altwq_workqueue *wq)
{
	rcu::synchronize();
	PwqList dead;
	{
		auto m = wq->shared.lock<MaySleep>();
		dead.splice_back(m->dead);
	}
	while (Pwq *pwq = dead.pop_front()) {
		delete pwq;
		g->nr_live_pwqs.fetch_sub(1, Relaxed);
	}
	delete[] wq->cpu_pwqs;
	delete wq;
	g->nr_live_wqs.fetch_sub(1, Relaxed);
}

// On the release kthread_worker. May sleep.
void pwq_release(altwq_kthread_work *kw)
{
	Pwq *pwq = owner_of<&Pwq::release_work>(kw);
	altwq_workqueue *wq = pwq->wq;
	{
		auto m = wq->shared.lock<MaySleep>();
		m->pwqs.remove(*pwq);
		m->dead.push_back(*pwq);
	}
	// After our unlock: whoever drops the last user frees the mutex too.
	if (wq->users.sub_return(1, Full) == 0)
		free_workqueue(wq);
}

} // namespace

Pwq::Pwq(Pool *pool_, altwq_workqueue *wq_, int max_active, PwqStats *stats)
	: pool(pool_), wq(wq_), c(max_active), stats_(stats)
{
	init_work(mayday_cursor, mayday_cursor_fn);
	// Looks like a queued, inactive work of this pwq to anything that reads
	// the worklist's data words; is_cursor() tells it apart.
	mayday_cursor.data.store(reinterpret_cast<unsigned long>(this) | WorkPwq | WorkPending | WorkInactive, Relaxed);
	release_work.func = pwq_release;
	release_work.magic = ALTWQ_KW_WORK_MAGIC;
}

Pwq::~Pwq() { delete stats_; }

void mayday_cursor_fn(altwq_work *) { KXX_WARN_ON_ONCE(true); }

void workqueue_put_user(altwq_workqueue *wq)
{
	if (wq->users.sub_return(1, Full) == 0)
		free_workqueue(wq);
}

void put_pwq(Pwq &pwq, PoolLocked &s)
{
	if (--pwq.c.get(s).refcnt == 0)
		(void)altwq_kthread_queue_work(g->release_worker, &pwq.release_work);
}

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
	if (!(data & WorkInactive)) {
		c.nr_active--;
		altwq_work *next = c.inactive.front();
		if (next && c.nr_active < c.max_active)
			activate_work(pwq, s, next);
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
