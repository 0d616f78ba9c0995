// SPDX-License-Identifier: GPL-2.0
// WQ_FREEZABLE under a real system freeze, for altwq and the in-tree
// workqueue in the same one. The suite's init (in insmod's task, the one
// that suspends) queues a freezable work that is still running when the
// freeze starts, and suspends to idle at pm_test's "freezer" level: tasks
// are frozen, held for a second, and thawed. A helper thread (not
// freezable) waits for the freeze to begin, queues works on freezable
// queues of both implementations (per-CPU, unbound, ordered, the system
// one, a delayed one, one made during the freeze) and on plain ones, and
// looks at what ran. The running work holds the freeze open until the
// helper is done (the freeze waits for it), so the look is inside the
// freeze whatever TCG does to pm_test's mdelay(), which was seen to last
// 41 ms instead of 3 s. The cases check the record.
#include "kxx/kthread.hpp"
#include "pm_glue.h"
#include "wq/test_hooks.h"
#include "wq/wq_test.hpp"

using namespace altwq::wqtest;

namespace {

enum : unsigned int { FreezeDelayS = 1, HelperLookMs = 300, InflightMs = 50, HoldMaxMs = 10000 };
enum { NrHeld = 6, NrOrdered = 3 };

struct Stamp {
	Atomic<int> runs{0};
	Atomic<uint64_t> start_ns{0};
	Atomic<uint64_t> end_ns{0};
	unsigned int sleep_ms = 0;
	// Before its sleep, wait (up to 20 s) for altwq's freeze to begin, and
	// say whether it saw it: so the freeze finds it running.
	const altwq_wq_freeze_stats *until_freeze_after = nullptr;
	Atomic<bool> saw_freeze_begin{false};
	Completion *hold_until = nullptr; // then wait (up to 10 s) for this
	Atomic<bool> held_long_enough{false};
	int index = -1;			  // ordered works: the place it must run in
	Atomic<int> *next_index = nullptr; // and the next place due
	Atomic<int> *violations = nullptr;
};
void stamp_fn(wq_ops_work *, void *ctx)
{
	Stamp *st = static_cast<Stamp *>(ctx);
	st->start_ns.store(ktime_ns(), Release);
	if (st->next_index && st->next_index->fetch_add(1, Full) != st->index)
		st->violations->fetch_add(1, Relaxed);
	if (const altwq_wq_freeze_stats *before = st->until_freeze_after) {
		st->saw_freeze_begin.store(wait_until([&] {
			altwq_wq_freeze_stats now;
			altwq_wq_get_freeze_stats(&now);
			return now.nr_freezes > before->nr_freezes;
		}, 20000), Release);
	}
	if (st->hold_until)
		st->held_long_enough.store(st->hold_until->wait_for(msecs_to_jiffies(HoldMaxMs)), Release);
	if (st->sleep_ms)
		msleep(st->sleep_ms);
	st->end_ns.store(ktime_ns(), Release);
	st->runs.fetch_add(1, Full);
}

// A work and its record.
struct Stamped {
	Stamp st;
	wq_ops_work *work = nullptr;
};

// What the helper does with one implementation during the freeze.
struct Backend {
	const wq_ops *ops = nullptr;
	void *freezable = nullptr, *freezable_unbound = nullptr, *ordered = nullptr, *plain = nullptr;
	void *made_while_frozen = nullptr;
	// Freezable: per-CPU, unbound, the system queue, a delayed work, one
	// queued on the queue made during the freeze.
	Stamped held[NrHeld];
	Stamped in_order[NrOrdered];
	Atomic<int> next_index{0}, order_violations{0};
	Stamped plain_work;
	bool made_ok = false;
	int held_ran_while_frozen = -1;	 // counted by the helper
	int ordered_ran_while_frozen = -1;
	bool plain_ran_while_frozen = false;
};

struct Scenario {
	Backend b[2];
	Stamped inflight; // altwq, freezable, running when the freeze starts
	bool inflight_started = false;
	int suspend_err = 0;
	altwq_wq_freeze_stats before = {}, after = {};
	bool helper_saw_freeze = false;
	bool helper_done_while_frozen = false;
	uint64_t helper_done_ns = 0; // the helper's last look: nothing held had run
	Completion helper_done;	     // the running work waits for it
	uint64_t frozen_ns_seen = 0;	 // altwq's "drained" moment of this freeze
};
constinit Scenario *sc = nullptr;

enum Held { OnCpu, Unbound, System, Delayed, MadeWhileFrozen, AfterMaxActive };

// altwq's freezable queues are frozen, and were drained in this freeze.
bool frozen_now(const altwq_wq_freeze_stats &before)
{
	altwq_wq_freeze_stats st;
	altwq_wq_get_freeze_stats(&st);
	return st.frozen && st.nr_freezes == before.nr_freezes + 1;
}

// May sleep. The helper's part for one implementation, while frozen.
void queue_while_frozen(Backend &be)
{
	const wq_ops *ops = be.ops;
	const int cpu = last_online_cpu();
	(void)ops->queue_on(cpu, be.freezable, be.held[OnCpu].work);
	(void)ops->queue_on(ops->cpu_unbound, be.freezable_unbound, be.held[Unbound].work);
	(void)ops->queue_on(ops->cpu_unbound, ops->system(TWQ_SYSTEM_FREEZABLE), be.held[System].work);
	(void)ops->queue_delayed_on(cpu, be.freezable, be.held[Delayed].work, 2);
	be.made_while_frozen = ops->alloc("twq-frozen", TWQ_FREEZABLE, 0);
	be.made_ok = be.made_while_frozen != nullptr;
	if (be.made_ok)
		(void)ops->queue_on(cpu, be.made_while_frozen, be.held[MadeWhileFrozen].work);
	// A new max_active is kept for the thaw, not applied now.
	ops->set_max_active(be.freezable, 16);
	(void)ops->queue_on(cpu, be.freezable, be.held[AfterMaxActive].work);
	for (Stamped &s : be.in_order)
		(void)ops->queue_on(ops->cpu_unbound, be.ordered, s.work);
	(void)ops->queue_on(cpu, be.plain, be.plain_work.work);
}

void look_while_frozen(Backend &be)
{
	be.held_ran_while_frozen = 0;
	for (Stamped &s : be.held)
		be.held_ran_while_frozen += s.st.runs.load(Acquire);
	be.ordered_ran_while_frozen = 0;
	for (Stamped &s : be.in_order)
		be.ordered_ran_while_frozen += s.st.runs.load(Acquire);
	be.plain_ran_while_frozen = be.plain_work.st.runs.load(Acquire) == 1;
}

// Not freezable (kthreads are not, unless they ask).
int helper_thread(void *)
{
	const altwq_wq_freeze_stats &before = sc->before;
	while (!Kthread::should_stop() && !frozen_now(before))
		msleep(1);
	if (!frozen_now(before))
		return 0;
	sc->helper_saw_freeze = true;
	for (Backend &be : sc->b)
		queue_while_frozen(be);
	// The plain queues' works run meanwhile; the held ones must not.
	(void)wait_until([] { return sc->b[0].plain_work.st.runs.load(Acquire) && sc->b[1].plain_work.st.runs.load(Acquire); },
			 HelperLookMs);
	msleep(HelperLookMs);
	for (Backend &be : sc->b)
		look_while_frozen(be);
	sc->helper_done_ns = ktime_ns();
	sc->helper_done_while_frozen = frozen_now(before);
	sc->helper_done.complete();
	while (!Kthread::should_stop())
		msleep(1);
	return 0;
}

bool make_works(Backend &be)
{
	bool ok = true;
	auto make = [&](Stamped &s) {
		s.work = be.ops->new_work(stamp_fn, &s.st);
		ok = ok && s.work;
	};
	for (Stamped &s : be.held)
		make(s);
	for (int i = 0; i < NrOrdered; i++) {
		make(be.in_order[i]);
		be.in_order[i].st.index = i;
		be.in_order[i].st.next_index = &be.next_index;
		be.in_order[i].st.violations = &be.order_violations;
	}
	make(be.plain_work);
	return ok;
}

bool make_backend(Backend &be, const wq_ops *ops)
{
	be.ops = ops;
	be.freezable = ops->alloc("twq-freezable", TWQ_FREEZABLE, 0);
	be.freezable_unbound = ops->alloc("twq-freezable-unbound", TWQ_FREEZABLE | TWQ_UNBOUND, 0);
	be.ordered = ops->alloc_ordered_flags("twq-freezable-ordered", TWQ_FREEZABLE);
	be.plain = ops->alloc("twq-plain", 0, 0);
	return be.freezable && be.freezable_unbound && be.ordered && be.plain && make_works(be);
}

// May sleep. Everything queued has run; then the queues and works go.
void free_backend(Backend &be)
{
	const wq_ops *ops = be.ops;
	if (!ops)
		return;
	void *queues[] = {be.freezable, be.freezable_unbound, be.ordered, be.plain, be.made_while_frozen};
	auto free = [&](Stamped &s) {
		if (s.work) {
			(void)ops->cancel_delayed_sync(s.work);
			ops->free_work(s.work);
		}
	};
	for (Stamped &s : be.held)
		free(s);
	for (Stamped &s : be.in_order)
		free(s);
	free(be.plain_work);
	for (void *wq : queues)
		if (wq)
			ops->destroy(wq);
}

// May sleep. Waits for what the helper queued (thawed by now).
void flush_backend(Backend &be)
{
	const wq_ops *ops = be.ops;
	(void)ops->flush_delayed(be.held[Delayed].work);
	void *queues[] = {be.freezable, be.freezable_unbound, be.ordered, be.plain, be.made_while_frozen,
			  ops->system(TWQ_SYSTEM_FREEZABLE)};
	for (void *wq : queues)
		if (wq)
			ops->flush_wq(wq);
}

} // namespace

extern "C" int altwq_suite_init_workqueue_freezer(struct kunit_suite *suite)
{
	sc = new (GfpKernel) Scenario();
	if (!sc)
		return err::NoMem;
	// KUnit skips the suite's exit when its init fails: undo here.
	auto fail = [&](int e) {
		altwq_suite_exit_workqueue_freezer(suite);
		return e;
	};
	if (!make_backend(sc->b[0], &altwq_wq_ops_altwq) || !make_backend(sc->b[1], &altwq_wq_ops_intree))
		return fail(err::NoMem);
	const wq_ops *ops = &altwq_wq_ops_altwq;
	sc->inflight.st.sleep_ms = InflightMs;
	sc->inflight.st.until_freeze_after = &sc->before;
	sc->inflight.st.hold_until = &sc->helper_done;
	sc->inflight.work = ops->new_work(stamp_fn, &sc->inflight.st);
	if (!sc->inflight.work)
		return fail(err::NoMem);
	altwq_wq_get_freeze_stats(&sc->before);
	auto helper = Kthread::create(&helper_thread, nullptr, "altwq_freeze_helper");
	if (!helper.ok())
		return fail(helper.error());
	(void)ops->queue_on(last_online_cpu(), sc->b[0].freezable, sc->inflight.work);
	sc->inflight_started = wait_until([] { return sc->inflight.st.start_ns.load(Acquire) != 0; }, 5000);
	Kthread thread = helper.take();
	thread.wake();
	sc->suspend_err = altwq_test_freeze_system(FreezeDelayS);
	(void)thread.stop();
	altwq_wq_get_freeze_stats(&sc->after);
	sc->frozen_ns_seen = sc->after.frozen_ns;
	(void)ops->flush_work(sc->inflight.work);
	for (Backend &be : sc->b)
		flush_backend(be);
	return 0;
}

extern "C" void altwq_suite_exit_workqueue_freezer(struct kunit_suite *)
{
	if (!sc)
		return;
	for (Backend &be : sc->b)
		free_backend(be);
	if (sc->inflight.work) {
		(void)altwq_wq_ops_altwq.cancel_delayed_sync(sc->inflight.work);
		altwq_wq_ops_altwq.free_work(sc->inflight.work);
	}
	delete exchange(sc, nullptr);
}

// The freeze completes only once the freezable works already running are
// done; the sentinel saw this freeze and thawed after it.
KXX_TEST(workqueue_freezer, the_freeze_waits_for_running_freezable_works)
{
	KT_ASSERT(test, sc);
	KT_EXPECT_EQ(test, sc->suspend_err, 0);
	KT_EXPECT(test, sc->inflight_started);
	KT_EXPECT_EQ(test, sc->after.nr_freezes - sc->before.nr_freezes, 1L);
	KT_EXPECT(test, !sc->after.frozen);
	KT_EXPECT_EQ(test, sc->inflight.st.runs.load(Acquire), 1);
	// It was running when altwq's freeze began (then slept 300 ms more),
	// and the queues were reported drained only after it ended.
	KT_EXPECT(test, sc->inflight.st.saw_freeze_begin.load(Acquire));
	KT_EXPECT(test, sc->inflight.st.held_long_enough.load(Acquire));
	KT_EXPECT_GT(test, sc->frozen_ns_seen, 0ULL);
	KT_EXPECT_LE(test, sc->inflight.st.end_ns.load(Acquire), sc->frozen_ns_seen);
	KT_EXPECT_GT(test, sc->after.thawed_ns, sc->frozen_ns_seen);
	altwq_kunit_log(test, "the running work ended %llu us before the freezable queues were drained",
			(unsigned long long)((sc->frozen_ns_seen - sc->inflight.st.end_ns.load(Acquire)) / 1000));
}

// Queued (directly, through a timer, on a queue made meanwhile, after a
// new max_active) while frozen: none starts before the thaw, none is lost.
KXX_TEST(workqueue_freezer, works_queued_while_frozen_start_only_after_thaw)
{
	KT_ASSERT(test, sc);
	KT_ASSERT(test, sc->helper_saw_freeze);
	// The helper's look is valid only if the freeze lasted past it.
	KT_EXPECT(test, sc->helper_done_while_frozen);
	for (Backend &be : sc->b) {
		KT_EXPECT_EQ(test, be.held_ran_while_frozen, 0);
		for (int i = 0; i < NrHeld; i++) {
			if (i == MadeWhileFrozen && !be.made_ok)
				continue;
			const Stamp &st = be.held[i].st;
			KT_EXPECT_EQ(test, st.runs.load(Acquire), 1);
			KT_EXPECT_GT(test, st.start_ns.load(Acquire), sc->helper_done_ns);
			if (be.ops == &altwq_wq_ops_altwq)
				KT_EXPECT_GE(test, st.start_ns.load(Acquire), sc->after.thawed_ns);
		}
		altwq_kunit_log(test, "%s: %d held works ran after the thaw", be.ops->name, (int)NrHeld);
	}
}

// Queues that are not freezable go on working while the system is frozen.
KXX_TEST(workqueue_freezer, a_plain_queue_keeps_running_while_frozen)
{
	KT_ASSERT(test, sc);
	KT_ASSERT(test, sc->helper_saw_freeze);
	KT_EXPECT(test, sc->helper_done_while_frozen);
	for (Backend &be : sc->b) {
		KT_EXPECT(test, be.plain_ran_while_frozen);
		KT_EXPECT_LT(test, be.plain_work.st.start_ns.load(Acquire), sc->helper_done_ns);
	}
}

// An ordered freezable queue holds its works and runs them in order after.
KXX_TEST(workqueue_freezer, an_ordered_freezable_queue_keeps_its_order_across_the_freeze)
{
	KT_ASSERT(test, sc);
	KT_ASSERT(test, sc->helper_saw_freeze);
	for (Backend &be : sc->b) {
		KT_EXPECT_EQ(test, be.ordered_ran_while_frozen, 0);
		KT_EXPECT_EQ(test, be.order_violations.load(Acquire), 0);
		KT_EXPECT_EQ(test, be.next_index.load(Acquire), (int)NrOrdered);
		for (Stamped &s : be.in_order)
			KT_EXPECT_GT(test, s.st.start_ns.load(Acquire), sc->helper_done_ns);
	}
}

// alloc_workqueue(WQ_FREEZABLE) during the freeze gives a frozen queue.
KXX_TEST(workqueue_freezer, a_queue_made_while_frozen_is_frozen_too)
{
	KT_ASSERT(test, sc);
	KT_ASSERT(test, sc->helper_saw_freeze);
	for (Backend &be : sc->b) {
		KT_EXPECT(test, be.made_ok);
		const Stamp &st = be.held[MadeWhileFrozen].st;
		KT_EXPECT_EQ(test, st.runs.load(Acquire), 1);
		KT_EXPECT_GT(test, st.start_ns.load(Acquire), sc->helper_done_ns);
	}
}
