// SPDX-License-Identifier: GPL-2.0
// ALTWQ_FREEZABLE: while the system freezes for suspend or hibernation,
// freezable queues start no new work, and the freeze waits for their works
// already running or on a worklist; at thaw their held works start.
//
// A module cannot join the kernel's own freeze_workqueues_begin() and
// freeze_workqueues_busy(), so a sentinel takes their place: a freezable
// kthread that sleeps interruptibly. The freezer wakes it when it starts on
// kernel threads; it gives every freezable pwq max_active 0 (new works go to
// the inactive lists), and does not enter the refrigerator until no freezable
// pwq has an active work. The freezer counts it as not yet frozen meanwhile,
// so the freeze completes only after those works, as with the in-tree
// freezable queues. Back from the refrigerator, it gives the queues their
// max_active again. A freeze called off (a task that refuses to freeze) ends
// freezing() while it waits: it thaws at once.
#include "kxx/completion.hpp"
#include "kxx/sched.hpp"
#include "kxx/task.hpp"
#include "wq/wq.hpp"

using namespace kxx;

namespace altwq::wq {

namespace {

enum : unsigned int { DrainPollMs = 5 }; // as the freezer's own polling, a few ms

// May sleep. Every freezable queue stops activating works.
void freeze_queues()
{
	auto z = g->freeze.lock<MaySleep>();
	z->frozen = true;
	for (altwq_workqueue &wq : z->queues) {
		auto m = wq.shared.lock<MaySleep>();
		m->frozen = true;
		apply_max_active(&wq, *m);
	}
}

// May sleep. Whether a freezable queue still has a work on a worklist or
// running.
bool freezable_works_active()
{
	auto z = g->freeze.lock<MaySleep>();
	for (altwq_workqueue &wq : z->queues) {
		auto m = wq.shared.lock<MaySleep>();
		for (Pwq &pwq : m->pwqs) {
			auto s = pwq.pool->lock();
			if (pwq.c.get(s).nr_active)
				return true;
		}
	}
	return false;
}

// May sleep. The held works start.
void thaw_queues()
{
	auto z = g->freeze.lock<MaySleep>();
	if (!z->frozen)
		return;
	z->frozen = false;
	g->thawed_ns.store(ktime_ns(), Relaxed); // before any held work starts
	watchdog_reset_touched(); // the time asleep was no stall
	for (altwq_workqueue &wq : z->queues) {
		auto m = wq.shared.lock<MaySleep>();
		m->frozen = false;
		apply_max_active(&wq, *m);
	}
}

// The sentinel's thread. May sleep.
int freezer_thread(void *arg)
{
	// set_freezable() may itself freeze us (a freeze already on): made
	// freezable before freezer_init() returns, so no freeze that starts
	// after it misses the queues.
	current::set_freezable();
	static_cast<Completion *>(arg)->complete();
	for (;;) {
		// A full barrier: pairs with the wakeups of freeze_task() and of
		// kthread_stop(), so neither is lost before schedule().
		current::set_interruptible();
		if (Kthread::should_stop()) {
			current::set_running();
			return 0;
		}
		if (!current::freezing()) {
			current::schedule();
			continue;
		}
		current::set_running();
		g->nr_freezes.fetch_add(1, Relaxed);
		freeze_queues();
		// Into the refrigerator only right after seeing the queues
		// drained (they stay frozen, so nothing becomes active again):
		// a freeze called off meanwhile and started again at once must
		// not find us frozen with works still running.
		while (current::freezing()) {
			if (!freezable_works_active()) {
				g->frozen_ns.store(ktime_ns(), Relaxed);
				current::try_to_freeze(); // returns at thaw
				break;
			}
			msleep(DrainPollMs);
		}
		thaw_queues();
	}
}

} // namespace

Status freezer_init()
{
	Completion freezable;
	auto thread = Kthread::create(&freezer_thread, &freezable, "altwq_freezer");
	if (!thread.ok())
		return Error{thread.error()};
	g->freezer = thread.take();
	g->freezer.wake();
	freezable.wait(); // insmod, waiting here, cannot be frozen meanwhile
	return {};
}

void freezer_exit()
{
	if (g->freezer.task().raw())
		(void)g->freezer.stop();
	thaw_queues(); // stopped while frozen (cannot happen from rmmod, a frozen task)
}

void freezer_add(altwq_workqueue *wq)
{
	auto z = g->freeze.lock<MaySleep>();
	z->queues.push_back(*wq);
	if (z->frozen) {
		auto m = wq->shared.lock<MaySleep>();
		m->frozen = true;
		apply_max_active(wq, *m);
	}
}

void freezer_remove(altwq_workqueue *wq)
{
	auto z = g->freeze.lock<MaySleep>();
	z->queues.remove(*wq);
}

} // namespace altwq::wq
