// SPDX-License-Identifier: GPL-2.0
// What only altwq can show or promises beyond the kernel's workqueue: its
// pools' worker counts and concurrency count, the rescuer under a worker
// shortage, refusals of bad input, destroy with armed timers, CPU hotplug,
// and that nothing is left allocated.
#include <altwq/workqueue_api.h>
#include "hotplug_hook.hpp"
#include "kxx/cpu_hotplug.hpp"
#include "kxx/warn.hpp"
#include "wq/altwq_knobs.hpp"
#include "wq/test_hooks.h"
#include "wq/wq_test.hpp"

using namespace altwq::wqtest;

namespace {

const wq_ops *const ops = &altwq_wq_ops_altwq;

altwq_wq_pool_stats stats_of(int cpu, bool highpri = false)
{
	altwq_wq_pool_stats st = {};
	(void)altwq_wq_get_pool_stats(cpu, highpri, &st);
	return st;
}


} // namespace

KXX_TEST(workqueue_altwq_only, workers_grow_under_blocking_load_and_are_reaped_when_idle)
{
	enum { N = 6 };
	TestWq wq(ops, 0, 0);
	WorkSet set(ops, N);
	Completion gate;
	KT_ASSERT(test, wq && set.ok());
	IdleTimeout timeout(300);
	int cpu = last_online_cpu();
	// Start from a reaped pool: one idle transition re-arms its idle timer
	// with the short timeout.
	Body poke_body;
	TestWork poke(ops, poke_body);
	KT_EXPECT(test, poke && ops->queue_on(cpu, wq.get(), poke.get()));
	(void)ops->flush_work(poke.get());
	KT_EXPECT(test, wait_until([&] { return stats_of(cpu).nr_workers <= 2; }, 10000));
	altwq_wq_pool_stats before = stats_of(cpu);
	for (int i = 0; i < N; i++) {
		set.body(i).gate = &gate;
		KT_EXPECT(test, ops->queue_on(cpu, wq.get(), set.work(i)));
	}
	KT_EXPECT(test, wait_until([&] { return set.total(&Body::started) == N; }, 10000));
	msleep(10); // the last one to start is asleep on the gate too
	altwq_wq_pool_stats busy = stats_of(cpu);
	// N asleep in their works, and one idle worker kept for the next sleep.
	KT_EXPECT_GE(test, busy.nr_workers, N + 1);
	KT_EXPECT_GE(test, busy.nr_idle, 1);
	KT_EXPECT_EQ(test, busy.nr_running, 0);
	KT_EXPECT_GE(test, busy.nr_created - before.nr_created, (long)(N + 1 - before.nr_workers));
	gate.complete_all();
	ops->flush_wq(wq.get());
	// Surplus idle workers go after the idle timeout; two stay.
	KT_EXPECT(test, wait_until([&] { return stats_of(cpu).nr_workers <= 2; }, 10000));
	altwq_wq_pool_stats after = stats_of(cpu);
	KT_EXPECT_GE(test, after.nr_reaped - before.nr_reaped, busy.nr_workers - 2);
	KT_EXPECT_EQ(test, after.nr_idle, after.nr_workers);
	altwq_kunit_log(test, "cpu %d: %d workers under load, %d after, %ld made, %ld reaped", cpu, busy.nr_workers,
			after.nr_workers, after.nr_created - before.nr_created, after.nr_reaped - before.nr_reaped);
}

// Spins (yielding, never sleeping) until told to stop.
struct Spinner {
	Atomic<int> started{0};
	Atomic<int> stop{0};
};
static void spin_fn(wq_ops_work *, void *ctx)
{
	Spinner *s = static_cast<Spinner *>(ctx);
	s->started.store(1, Release);
	uint64_t deadline = ktime_ns() + 5000000000ULL;
	while (!s->stop.load(Acquire) && ktime_ns() < deadline)
		cond_resched();
}

KXX_TEST(workqueue_altwq_only, nr_running_counts_running_workers_not_sleeping_ones)
{
	TestWq wq(ops, 0, 0);
	Body sleeper_body;
	Completion gate;
	sleeper_body.gate = &gate;
	TestWork sleeper(ops, sleeper_body);
	Spinner spinner;
	wq_ops_work *spin = ops->new_work(spin_fn, &spinner);
	KT_ASSERT(test, wq && sleeper && spin);
	CpuIntensiveThresh no_hog_watch(0); // the spinner stays counted
	int cpu = last_online_cpu();
	KT_EXPECT(test, wait_until([&] { return stats_of(cpu).nr_running == 0; }));
	KT_EXPECT(test, ops->queue_on(cpu, wq.get(), sleeper.get()));
	KT_EXPECT(test, wait_until([&] { return sleeper_body.started.load(Acquire) == 1; }, 5000));
	msleep(10);
	KT_EXPECT_EQ(test, stats_of(cpu).nr_running, 0); // asleep on the gate
	KT_EXPECT(test, ops->queue_on(cpu, wq.get(), spin));
	KT_EXPECT(test, wait_until([&] { return spinner.started.load(Acquire) == 1; }, 5000));
	KT_EXPECT_EQ(test, stats_of(cpu).nr_running, 1);
	spinner.stop.store(1, Release);
	gate.complete_all();
	ops->flush_wq(wq.get());
	KT_EXPECT(test, wait_until([&] { return stats_of(cpu).nr_running == 0; }));
	ops->free_work(spin);
}

// No worker can be made: the pool starves, and only a queue with a rescuer
// makes progress there.
KXX_TEST(workqueue_altwq_only, rescuer_runs_works_when_no_worker_can_be_made)
{
	enum { MaxBlockers = MaxWorks };
	TestWq plain(ops, 0, 0), reclaim(ops, TWQ_MEM_RECLAIM, 0);
	WorkSet blockers(ops, MaxBlockers);
	Body rescued_body;
	TestWork rescued(ops, rescued_body);
	Completion gate;
	KT_ASSERT(test, plain && reclaim && blockers.ok() && rescued);
	int cpu = last_online_cpu();
	NoNewWorkers none;
	// Block workers until one blocker is left waiting: the pool is starved.
	int queued = 0;
	for (; queued < MaxBlockers; queued++) {
		blockers.body(queued).gate = &gate;
		KT_EXPECT(test, ops->queue_on(cpu, plain.get(), blockers.work(queued)));
		// A worker would start it within this; none can be made to.
		if (!wait_until([&] { return blockers.total(&Body::started) == queued + 1; }, 300))
			break;
	}
	KT_EXPECT_LT(test, queued, (int)MaxBlockers);
	int started = blockers.total(&Body::started);
	KT_EXPECT_EQ(test, stats_of(cpu).nr_idle, 0);
	KT_EXPECT(test, ops->queue_on(cpu, reclaim.get(), rescued.get()));
	KT_EXPECT(test, wait_until([&] { return rescued_body.runs.load(Acquire) == 1; }, 5000));
	KT_EXPECT_EQ(test, blockers.total(&Body::started), started); // the plain queue still waits
	none.allow();
	KT_EXPECT(test, wait_until([&] { return blockers.total(&Body::started) == queued + 1; }, 10000));
	gate.complete_all();
	ops->flush_wq(plain.get());
	KT_EXPECT_EQ(test, blockers.total(&Body::runs), queued + 1);
}

KXX_TEST(workqueue_altwq_only, destroy_with_an_armed_delayed_work_runs_it_and_warns)
{
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	KT_EXPECT(test, ops->queue_delayed_on(ops->cpu_unbound, wq.get(), w.get(), 600 * Hz));
	ExpectWarnings warnings;
	wq.destroy();
	KT_EXPECT_EQ(test, warnings.finish(), 1);
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	KT_EXPECT(test, !ops->pending(w.get()));
}

KXX_TEST(workqueue_altwq_only, bad_arguments_are_refused)
{
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	void *ordered = ops->alloc_ordered("twq-ordered");
	KT_ASSERT(test, ordered);
	ExpectWarnings warnings;
	KT_EXPECT(test, !altwq_queue_work_on(ALTWQ_WORK_CPU_UNBOUND, nullptr, wq_altwq_work(w.get())));
	KT_EXPECT(test, !altwq_queue_work_on(ALTWQ_WORK_CPU_UNBOUND, static_cast<altwq_workqueue *>(wq.get()), nullptr));
	KT_EXPECT(test, !ops->queue_on(100000, wq.get(), w.get()));
	KT_EXPECT(test, !ops->queue_delayed_on(-7, wq.get(), w.get(), 1));
	KT_EXPECT(test, !altwq_flush_work(nullptr));
	KT_EXPECT(test, !altwq_cancel_work_sync(nullptr));
	KT_EXPECT(test, !altwq_cancel_delayed_work(nullptr));
	KT_EXPECT(test, !altwq_alloc_workqueue("bad-flags", 1U << 30, 0));
	KT_EXPECT(test, !altwq_alloc_workqueue("bad-ordered", __ALTWQ_ORDERED, 1));
	altwq_workqueue_set_max_active(static_cast<altwq_workqueue *>(ordered), 4);
	altwq_flush_workqueue(nullptr);
	altwq_destroy_workqueue(nullptr);
	KT_EXPECT_EQ(test, warnings.finish(), 12);
	KT_EXPECT(test, !ops->pending(w.get()));
	// The refused work is still usable.
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, wq.get(), w.get()));
	(void)ops->flush_work(w.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	// An out-of-range max_active is clamped, not refused.
	void *clamped = ops->alloc("twq-clamped", 0, 100000);
	KT_EXPECT(test, clamped);
	if (clamped)
		ops->destroy(clamped);
	ops->destroy(ordered);
}

KXX_TEST(workqueue_altwq_only, works_queued_for_an_offline_cpu_still_run)
{
	int cpu = last_online_cpu();
	KT_ASSERT(test, cpu != 0);
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	KT_ASSERT_OK(test, cpu_down(cpu));
	KT_EXPECT(test, ops->queue_on(cpu, wq.get(), w.get()));
	KT_EXPECT(test, wait_until([&] { return body.runs.load(Acquire) == 1; }, 5000));
	KT_EXPECT_NE(test, body.last_cpu.load(Acquire), cpu);
	KT_ASSERT_OK(test, cpu_up(cpu));
	// Back on its CPU, its pool's workers are bound there again.
	for (int i = 0; i < 3; i++) {
		KT_EXPECT(test, ops->queue_on(cpu, wq.get(), w.get()));
		// A failure to rebind must fail the case, not hang the boot.
		KT_EXPECT(test, wait_until([&] { return body.runs.load(Acquire) == 2 + i; }, 5000));
		KT_EXPECT_EQ(test, body.last_cpu.load(Acquire), cpu);
	}
	// And its workers count for concurrency again.
	CpuIntensiveThresh no_hog_watch(0); // the spinner stays counted
	Spinner spinner;
	wq_ops_work *spin = ops->new_work(spin_fn, &spinner);
	KT_ASSERT(test, spin);
	KT_EXPECT(test, ops->queue_on(cpu, wq.get(), spin));
	KT_EXPECT(test, wait_until([&] { return spinner.started.load(Acquire) == 1; }, 5000));
	KT_EXPECT_EQ(test, stats_of(cpu).nr_running, 1);
	spinner.stop.store(1, Release);
	(void)ops->flush_work(spin);
	ops->free_work(spin);
}

KXX_TEST(workqueue_altwq_only, on_stack_work_runs_and_is_destroyed_clean)
{
	TestWq wq(ops, 0, 0);
	KT_ASSERT(test, wq);
	KT_EXPECT_EQ(test, wq_altwq_onstack_roundtrip(wq.get()), 1);
}

KXX_TEST(workqueue_altwq_only, destroyed_queues_free_every_pwq)
{
	altwq_wq_flush_releases();
	long wqs = altwq_wq_live_workqueues(), pwqs = altwq_wq_live_pwqs();
	Body body;
	TestWork w(ops, body);
	KT_ASSERT(test, w);
	const unsigned int kinds[] = {0, TWQ_HIGHPRI, TWQ_UNBOUND, TWQ_MEM_RECLAIM, TWQ_CPU_INTENSIVE};
	for (int round = 0; round < 4; round++) {
		for (unsigned int flags : kinds) {
			TestWq wq(ops, flags, 0);
			KT_EXPECT(test, wq);
			if (wq) {
				KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, wq.get(), w.get()));
				(void)ops->flush_work(w.get());
			}
		}
	}
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 20);
	altwq_wq_flush_releases();
	KT_EXPECT_EQ(test, altwq_wq_live_workqueues(), wqs);
	KT_EXPECT_EQ(test, altwq_wq_live_pwqs(), pwqs);
}

// Queues made and destroyed in a tight loop: each is freed on the release
// worker, a grace period apiece under lockdep. Past 64 waiting there, a
// destroy waits for them, so they never pile up (without the bound, 160
// left 151 behind on the test kernel).
KXX_TEST(workqueue_altwq_only, queues_destroyed_in_a_loop_wait_in_a_bounded_backlog)
{
	enum { Rounds = 160, Bound = 64 };
	altwq_wq_flush_releases();
	const long before = altwq_wq_live_workqueues();
	long most = 0;
	for (int i = 0; i < Rounds; i++) {
		{
			TestWq wq(ops, i & 1 ? TWQ_UNBOUND : 0, 0);
			KT_ASSERT(test, wq);
		}
		most = max(most, altwq_wq_live_workqueues() - before);
	}
	KT_EXPECT_LE(test, most, long(Bound));
	altwq_wq_flush_releases();
	KT_EXPECT_EQ(test, altwq_wq_live_workqueues(), before);
}

// The kernel's destroy would leave the re-armed timer to fire into a freed
// queue; altwq runs the chain to its end during destroy.
KXX_TEST(workqueue_altwq_only, destroy_ends_a_self_rearming_delayed_work)
{
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	body.ops = ops;
	body.wq = wq.get();
	body.requeue_delayed = true;
	body.requeues.store(50, Relaxed);
	KT_EXPECT(test, ops->queue_delayed_on(ops->cpu_unbound, wq.get(), w.get(), 1));
	KT_EXPECT(test, wait_until([&] { return body.runs.load(Acquire) >= 3; }, 5000));
	ExpectWarnings warnings;
	wq.destroy();
	KT_EXPECT_LE(test, warnings.finish(), 1); // the armed timer it found, if any
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 51);
	KT_EXPECT(test, !ops->pending(w.get()));
}

// The kernel's destroy_workqueue on a destroyed queue touches freed memory;
// altwq looks the queue up first (a registry of live queues) and refuses,
// as it does every call on it. The work handed in stays usable.
KXX_TEST(workqueue_altwq_only, calls_on_a_destroyed_queue_are_refused)
{
	Body body;
	TestWork w(ops, body);
	KT_ASSERT(test, w);
	void *wq = ops->alloc("twq-destroyed", 0, 0);
	KT_ASSERT(test, wq);
	ops->destroy(wq);
	ops->quiesce(); // freed now
	ExpectWarnings warnings;
	ops->destroy(wq);
	KT_EXPECT(test, !ops->queue_on(ops->cpu_unbound, wq, w.get()));
	KT_EXPECT(test, !ops->queue_delayed_on(ops->cpu_unbound, wq, w.get(), 1));
	KT_EXPECT(test, !ops->mod_delayed_on(ops->cpu_unbound, wq, w.get(), 1));
	ops->flush_wq(wq);
	ops->drain(wq);
	ops->set_max_active(wq, 2);
	KT_EXPECT_EQ(test, warnings.finish(), 7);
	KT_EXPECT(test, !ops->pending(w.get()));
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, ops->system(TWQ_SYSTEM), w.get()));
	(void)ops->flush_work(w.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
}

namespace {
struct MovedProbe {
	int cpu = -1;
	Atomic<int> woke_cpu{-1};
	Atomic<int> running_after{-1};
};
void sleep_then_look(wq_ops_work *, void *ctx)
{
	MovedProbe *p = static_cast<MovedProbe *>(ctx);
	msleep(5); // wakes while the CPU goes down: the scheduler moves us
	p->woke_cpu.store(this_cpu_hint(), Relaxed);
	p->running_after.store(stats_of(p->cpu).nr_running, Release);
}
} // namespace

// A pool worker woken on a CPU going down, before altwq's callback unbinds
// the pool, is moved by the scheduler: it stops counting for concurrency at
// once, and binds itself to the CPU again when the take-down is rolled back
// (altwq's callbacks never run then).
KXX_TEST(workqueue_altwq_only, a_worker_moved_off_its_cpu_stops_counting_and_binds_itself_again)
{
	const int cpu = last_online_cpu();
	KT_ASSERT(test, cpu > 0);
	TestWq wq(ops, 0, 0);
	MovedProbe probe;
	probe.cpu = cpu;
	wq_ops_work *sleeper = ops->new_work(sleep_then_look, &probe);
	Body body;
	TestWork later(ops, body);
	KT_ASSERT(test, wq && sleeper && later);
	const altwq_wq_pool_stats before = stats_of(cpu);
	auto fn = [&](int dying) {
		(void)ops->queue_on(dying, wq.get(), sleeper);
		(void)ops->flush_work(sleeper);
		return err::Busy;
	};
	auto hook = KT_ASSERT_OK(test, make_box<test::LateDownHook<decltype(fn)>>(GfpKernel, fn));
	KT_ASSERT_OK(test, hook->start(cpu));
	KT_EXPECT(test, !cpu_down(cpu).ok());
	hook->stop();
	KT_ASSERT(test, cpu_online(cpu));
	KT_EXPECT_NE(test, probe.woke_cpu.load(Acquire), cpu);
	KT_EXPECT_EQ(test, probe.running_after.load(Acquire), 0); // moved: not counted
	KT_EXPECT_GE(test, stats_of(cpu).nr_misplaced - before.nr_misplaced, 1L);
	for (int i = 0; i < 3; i++) {
		KT_EXPECT(test, ops->queue_on(cpu, wq.get(), later.get()));
		KT_EXPECT(test, wait_until([&] { return body.runs.load(Acquire) == i + 1; }, 5000));
		KT_EXPECT_EQ(test, body.last_cpu.load(Acquire), cpu);
	}
	KT_EXPECT_GE(test, stats_of(cpu).nr_self_rebinds - before.nr_self_rebinds, 1L);
	ops->free_work(sleeper);
}
