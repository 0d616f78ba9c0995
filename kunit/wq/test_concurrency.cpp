// SPDX-License-Identifier: GPL-2.0
// Concurrency management beyond counting sleeps: a CPU hog is noticed and
// stops holding up the works behind it (against both implementations),
// the rescuer takes one work at a time and shares itself between pools,
// and the stall window keeps a short block from waking a worker.
#include <altwq/workqueue_api.h>
#include "kxx/task.hpp"
#include "wq/altwq_knobs.hpp"
#include "wq/test_hooks.h"
#include "wq/wq_test.hpp"

using namespace altwq::wqtest;

namespace {

const wq_ops *const altwq_ops = &altwq_wq_ops_altwq;

constexpr uint64_t NsPerMs = 1000000;
// The threshold the cases use: altwq's is set here, the in-tree one on the
// test kernel's command line (scripts/qemu-test), both to 6.12's default.
constexpr unsigned long ThreshUs = 10000;

altwq_wq_pool_stats stats_of(int cpu)
{
	altwq_wq_pool_stats st = {};
	(void)altwq_wq_get_pool_stats(cpu, false, &st);
	return st;
}

// A work that records when it started and which task ran it, then either
// busy-waits spin_ms (preemptible, never sleeping), or busy-waits in 2 ms
// steps with a sleep after each, for sleepy_ms in all.
struct Stamp {
	Atomic<uint64_t> started_ns{0};
	Atomic<uint64_t> ended_ns{0};
	Atomic<void *> task{nullptr};
	unsigned int spin_ms = 0;
	unsigned int sleepy_ms = 0;
	unsigned int block_us = 0;	// first, sleep this long
	// Queued by the work itself just before it blocks (then_work set).
	const wq_ops *then_ops = nullptr;
	void *then_wq = nullptr;
	wq_ops_work *then_work = nullptr;
	int then_cpu = -1;
};
void stamp_fn(wq_ops_work *, void *ctx)
{
	Stamp *st = static_cast<Stamp *>(ctx);
	st->task.store(TaskRef::current().raw(), Relaxed);
	const uint64_t start = ktime_ns();
	st->started_ns.store(start, Release);
	if (st->then_work)
		(void)st->then_ops->queue_on(st->then_cpu, st->then_wq, st->then_work);
	if (st->block_us)
		usleep_range(st->block_us, st->block_us + 100);
	while (ktime_ns() - start < st->spin_ms * NsPerMs) {
		udelay(100);
		cond_resched(); // a preemption point where preemption is voluntary
	}
	while (ktime_ns() - start < st->sleepy_ms * NsPerMs) {
		mdelay(2);
		msleep(1); // a real sleep: a very short one may end before schedule()
	}
	st->ended_ns.store(ktime_ns(), Release);
}

// Takes every worker of cpu's pool into a work asleep on gate, until a
// blocker finds none (creation must be failing): the pool is starved.
// How many it queued; 0 if it could not starve the pool.
int starve(const wq_ops *ops, void *plain, WorkSet &blockers, Completion &gate, int cpu)
{
	for (int queued = 0; queued < MaxWorks; queued++) {
		blockers.body(queued).gate = &gate;
		if (!ops->queue_on(cpu, plain, blockers.work(queued)))
			return 0;
		// A worker would start it within this; none can be made to.
		if (!wait_until([&] { return blockers.total(&Body::started) == queued + 1; }, 300))
			return queued + 1;
	}
	return 0;
}

} // namespace

// 6.12's wq_cpu_intensive_thresh_us: the hog's worker stops counting for
// concurrency once it ran the threshold without sleeping, and the works
// queued behind it on its CPU start then, not when it ends.
WQ_TEST(works_behind_a_cpu_hog_start_once_it_passes_the_threshold)
{
	enum { Shorts = 4, HogMs = 150 };
	TestWq wq(ops, 0, 0);
	Stamp hog, shorts[Shorts];
	hog.spin_ms = HogMs;
	wq_ops_work *hog_work = ops->new_work(stamp_fn, &hog);
	wq_ops_work *short_works[Shorts] = {};
	bool made = hog_work;
	for (int i = 0; i < Shorts; i++) {
		short_works[i] = ops->new_work(stamp_fn, &shorts[i]);
		made = made && short_works[i];
	}
	KT_ASSERT(test, wq && made);
	CpuIntensiveThresh thresh(ThreshUs); // after the asserts: an abort runs no destructor
	int cpu = last_online_cpu();
	altwq_wq_pool_stats before = stats_of(cpu);
	const unsigned long marks_before =
		ops == altwq_ops ? altwq_wq_cpu_intensive_count(wq_altwq_work_func(hog_work)) : 0;
	KT_EXPECT(test, ops->queue_on(cpu, wq.get(), hog_work));
	KT_EXPECT(test, wait_until([&] { return hog.started_ns.load(Acquire) != 0; }, 5000));
	const uint64_t queued = ktime_ns();
	for (int i = 0; i < Shorts; i++)
		KT_EXPECT(test, ops->queue_on(cpu, wq.get(), short_works[i]));
	ops->flush_wq(wq.get());
	uint64_t worst = 0;
	// 6.1's in-tree workqueue has no hog detection (6.5): there the short
	// works wait for the hog's end, as concurrency management alone has it.
	const bool detects = wq_has(test, ops, TWQ_LACKS_CPU_INTENSIVE_DETECTION, "CPU-hog detection (6.5)");
	for (int i = 0; i < Shorts; i++) {
		uint64_t started = shorts[i].started_ns.load(Acquire);
		KT_EXPECT_GT(test, started, queued);
		if (started - queued > worst)
			worst = started - queued;
		if (!detects) {
			KT_EXPECT_GE(test, started, hog.ended_ns.load(Acquire));
			continue;
		}
		// Behind the hog, not after it.
		KT_EXPECT_LT(test, started, hog.ended_ns.load(Acquire));
	}
	// The threshold, a tick, and TCG's slack; far below the hog's 150 ms.
	if (detects)
		KT_EXPECT_LT(test, worst, (ThreshUs / 1000 + 1000 / Hz + 30) * NsPerMs);
	if (ops == altwq_ops) {
		// One mark, of the hog; the short works never reached it.
		KT_EXPECT_EQ(test, stats_of(cpu).nr_cpu_intensive - before.nr_cpu_intensive, 1L);
		KT_EXPECT_EQ(test, altwq_wq_cpu_intensive_count(wq_altwq_work_func(hog_work)) - marks_before, 1UL);
	}
	altwq_kunit_log(test, "%s: works behind a %d ms hog started after at most %llu us%s", ops->name, (int)HogMs,
			(unsigned long long)(worst / 1000), detects ? "" : ", once it ended");
	ops->free_work(hog_work);
	for (int i = 0; i < Shorts; i++)
		ops->free_work(short_works[i]);
}

// CPU time without a sleep is what counts: a work that runs long but
// sleeps every 2 ms is never marked.
KXX_TEST(workqueue_cm, a_work_that_sleeps_often_is_never_marked)
{
	TestWq wq(altwq_ops, 0, 0);
	Stamp sleepy;
	sleepy.sleepy_ms = 60;
	wq_ops_work *w = altwq_ops->new_work(stamp_fn, &sleepy);
	KT_ASSERT(test, wq && w);
	CpuIntensiveThresh thresh(ThreshUs);
	int cpu = last_online_cpu();
	altwq_wq_pool_stats before = stats_of(cpu);
	KT_EXPECT(test, altwq_ops->queue_on(cpu, wq.get(), w));
	altwq_ops->flush_wq(wq.get());
	KT_EXPECT_GE(test, sleepy.ended_ns.load(Acquire) - sleepy.started_ns.load(Acquire), 60 * NsPerMs);
	KT_EXPECT_EQ(test, stats_of(cpu).nr_cpu_intensive, before.nr_cpu_intensive);
	altwq_ops->free_work(w);
}

// With the threshold at 0 the watch is off: a hog holds up the works
// behind it until it ends, as with 6.12's cpu_intensive_thresh_us=0.
KXX_TEST(workqueue_cm, a_zero_threshold_turns_the_watch_off)
{
	TestWq wq(altwq_ops, 0, 0);
	Stamp hog, behind;
	hog.spin_ms = 40;
	wq_ops_work *h = altwq_ops->new_work(stamp_fn, &hog), *b = altwq_ops->new_work(stamp_fn, &behind);
	KT_ASSERT(test, wq && h && b);
	CpuIntensiveThresh thresh(0);
	int cpu = last_online_cpu();
	altwq_wq_pool_stats before = stats_of(cpu);
	KT_EXPECT(test, altwq_ops->queue_on(cpu, wq.get(), h));
	KT_EXPECT(test, wait_until([&] { return hog.started_ns.load(Acquire) != 0; }, 5000));
	KT_EXPECT(test, altwq_ops->queue_on(cpu, wq.get(), b));
	altwq_ops->flush_wq(wq.get());
	KT_EXPECT_GE(test, behind.started_ns.load(Acquire), hog.ended_ns.load(Acquire));
	KT_EXPECT_EQ(test, stats_of(cpu).nr_cpu_intensive, before.nr_cpu_intensive);
	altwq_ops->free_work(h);
	altwq_ops->free_work(b);
}

namespace {

// The head-of-line case: Blocked works wait for the work at index Key.
enum { Rescued = 200, Blocked = 3, Key = 100 };
struct HeadOfLine {
	Completion key_ran;
	Atomic<int> runs{0};
	Atomic<int> timeouts{0};
	Atomic<int> by_rescuer{0};
	Atomic<int> blocked_in_rescuer{0};
};
struct HolWork {
	HeadOfLine *hol;
	int index;
};
void hol_fn(wq_ops_work *, void *ctx)
{
	HolWork *hw = static_cast<HolWork *>(ctx);
	HeadOfLine *hol = hw->hol;
	const bool rescuer = altwq_current_is_workqueue_rescuer();
	if (rescuer)
		hol->by_rescuer.fetch_add(1, Relaxed);
	if (hw->index < Blocked) {
		if (rescuer)
			hol->blocked_in_rescuer.fetch_add(1, Release);
		if (!hol->key_ran.wait_for(msecs_to_jiffies(15000)))
			hol->timeouts.fetch_add(1, Relaxed);
	}
	if (hw->index == Key)
		hol->key_ran.complete_all();
	hol->runs.fetch_add(1, Release);
}

} // namespace

// 7.0's rescuer: it takes a reclaim queue's works one at a time and leaves
// the rest on the pool's list, so once workers can be made again they run
// them, and a work that waits for a later one in the rescuer wedges
// nothing. (The rescuer before took every work of the queue at once:
// here, works 1..199 waited behind the blocked rescuer for good.)
KXX_TEST(workqueue_cm, a_blocked_rescued_work_does_not_wedge_the_works_behind_it)
{
	const wq_ops *ops = altwq_ops;
	TestWq plain(ops, 0, 0), reclaim(ops, TWQ_MEM_RECLAIM, 0);
	WorkSet blockers(ops, MaxWorks);
	Completion gate;
	HeadOfLine hol;
	HolWork *ctx = new (GfpKernel | GfpZero) HolWork[Rescued];
	wq_ops_work **works = new (GfpKernel | GfpZero) wq_ops_work *[Rescued];
	KT_ASSERT(test, plain && reclaim && blockers.ok() && ctx && works);
	bool made = true;
	for (int i = 0; i < Rescued; i++) {
		ctx[i] = {&hol, i};
		works[i] = ops->new_work(hol_fn, &ctx[i]);
		made = made && works[i];
	}
	KT_ASSERT(test, made);
	int cpu = last_online_cpu();
	{
		NoNewWorkers none;
		KT_EXPECT_GT(test, starve(ops, plain.get(), blockers, gate, cpu), 0);
		for (int i = 0; i < Rescued; i++)
			KT_EXPECT(test, ops->queue_on(cpu, reclaim.get(), works[i]));
		// The rescuer is stuck in work 0 (it waits for work 100).
		KT_EXPECT(test, wait_until([&] { return hol.blocked_in_rescuer.load(Acquire) > 0; }, 10000));
		none.allow();
		KT_EXPECT(test, wait_until([&] { return hol.runs.load(Acquire) == Rescued; }, 30000));
	}
	KT_EXPECT_EQ(test, hol.timeouts.load(Relaxed), 0);
	KT_EXPECT_GE(test, hol.by_rescuer.load(Relaxed), 1);
	gate.complete_all();
	ops->flush_wq(plain.get());
	ops->flush_wq(reclaim.get());
	altwq_kunit_log(test, "%d works, %d of them by the rescuer, %d waits timed out", hol.runs.load(Relaxed),
			hol.by_rescuer.load(Relaxed), hol.timeouts.load(Relaxed));
	for (int i = 0; i < Rescued; i++)
		ops->free_work(works[i]);
	delete[] works;
	delete[] ctx;
}

namespace {

struct Counted {
	Atomic<int> *runs;
	unsigned int spin_us;
};
void counted_fn(wq_ops_work *, void *ctx)
{
	Counted *c = static_cast<Counted *>(ctx);
	udelay(c->spin_us);
	c->runs->fetch_add(1, Release);
}

} // namespace

// A rescuer serving one pool for long lets the queue's other starved pools
// have a turn after a batch of works: a work on a second starved CPU runs
// while most of the first CPU's 200 are still waiting.
KXX_TEST(workqueue_cm, the_rescuer_takes_turns_between_starved_pools)
{
	const wq_ops *ops = altwq_ops;
	enum { Many = 200 };
	int cpu_a = last_online_cpu(), cpu_b = -1;
	for (int cpu : online_cpus())
		if (cpu != cpu_a)
			cpu_b = cpu;
	KT_ASSERT(test, cpu_b >= 0);
	TestWq plain(ops, 0, 0), reclaim(ops, TWQ_MEM_RECLAIM, 0);
	WorkSet blockers_a(ops, MaxWorks), blockers_b(ops, MaxWorks);
	Completion gate;
	Atomic<int> runs_a{0}, runs_b{0}, a_when_b_ran{-1};
	Counted ca{&runs_a, 3000}; // 600 ms in all: well past the mayday timer's 100 ms interval
	struct Second {
		Atomic<int> *runs_a, *runs_b, *a_when_b_ran;
	} second{&runs_a, &runs_b, &a_when_b_ran};
	wq_ops_work **many = new (GfpKernel | GfpZero) wq_ops_work *[Many];
	wq_ops_work *b = ops->new_work(
		[](wq_ops_work *, void *ctx) {
			Second *s = static_cast<Second *>(ctx);
			s->a_when_b_ran->store(s->runs_a->load(Acquire), Relaxed);
			s->runs_b->fetch_add(1, Release);
		},
		&second);
	KT_ASSERT(test, plain && reclaim && blockers_a.ok() && blockers_b.ok() && many && b);
	bool made = true;
	for (int i = 0; i < Many; i++) {
		many[i] = ops->new_work(counted_fn, &ca);
		made = made && many[i];
	}
	KT_ASSERT(test, made);
	{
		NoNewWorkers none;
		KT_EXPECT_GT(test, starve(ops, plain.get(), blockers_a, gate, cpu_a), 0);
		KT_EXPECT_GT(test, starve(ops, plain.get(), blockers_b, gate, cpu_b), 0);
		for (int i = 0; i < Many; i++)
			KT_EXPECT(test, ops->queue_on(cpu_a, reclaim.get(), many[i]));
		KT_EXPECT(test, wait_until([&] { return runs_a.load(Acquire) > 0; }, 10000));
		KT_EXPECT(test, ops->queue_on(cpu_b, reclaim.get(), b));
		KT_EXPECT(test, wait_until([&] { return runs_b.load(Acquire) == 1; }, 20000));
		KT_EXPECT(test, wait_until([&] { return runs_a.load(Acquire) == Many; }, 30000));
	}
	// Its turn came after a batch or two, not after all 200.
	KT_EXPECT_GE(test, a_when_b_ran.load(Relaxed), 0);
	KT_EXPECT_LT(test, a_when_b_ran.load(Relaxed), Many / 2);
	gate.complete_all();
	ops->flush_wq(plain.get());
	ops->flush_wq(reclaim.get());
	altwq_kunit_log(test, "the second pool's work ran after %d of the first's %d", a_when_b_ran.load(Relaxed),
			(int)Many);
	for (int i = 0; i < Many; i++)
		ops->free_work(many[i]);
	delete[] many;
	ops->free_work(b);
}

// stall_window_us: a worker that blocked less than the window ago still
// counts as busy. One that comes back within it runs the work queued
// behind it itself (no worker is woken); for one that blocks longer, a
// worker is woken at the window's end, not at its own return.
KXX_TEST(workqueue_cm, a_short_block_inside_the_stall_window_wakes_no_worker)
{
	const wq_ops *ops = altwq_ops;
	// Wide, so that a vCPU stall under TCG (tens of ms) inside the short
	// block does not end the window before the worker is back.
	enum : unsigned int { WindowUs = 150000 };
	TestWq wq(ops, 0, 0);
	Stamp short_block, long_block, behind_short, behind_long;
	short_block.block_us = 1000;
	long_block.block_us = 1000000;
	wq_ops_work *sb = ops->new_work(stamp_fn, &short_block), *lb = ops->new_work(stamp_fn, &long_block);
	wq_ops_work *bs = ops->new_work(stamp_fn, &behind_short), *bl = ops->new_work(stamp_fn, &behind_long);
	KT_ASSERT(test, wq && sb && lb && bs && bl);
	StallWindow window(WindowUs);
	int cpu = last_online_cpu();
	// The short block queues the work behind it itself, right before it
	// blocks: the work waits while it is blocked, whatever the test
	// thread's timing.
	short_block.then_ops = ops;
	short_block.then_wq = wq.get();
	short_block.then_work = bs;
	short_block.then_cpu = cpu;

	// Two idle workers, all asleep: the one woken for a block need not make
	// a worker first, and no worker awake anyway takes the work behind it.
	Stamp warm;
	wq_ops_work *warm_work = ops->new_work(stamp_fn, &warm);
	KT_ASSERT(test, warm_work);
	auto quiet_with_a_spare = [&] {
		for (int i = 0; i < 3; i++) {
			settle_pool(cpu);
			if (stats_of(cpu).nr_idle >= 2)
				return;
			(void)ops->queue_on(cpu, wq.get(), warm_work); // its worker makes a spare
			(void)ops->flush_work(warm_work);
		}
	};
	// A 1 ms sleep whose timer has expired by the time the worker gets to
	// schedule() (the vCPU stalled in between, under TCG) does not block,
	// and opens no window: such a round is run again, up to three times.
	altwq_wq_pool_stats before, mid;
	for (int round = 0; round < 3; round++) {
		quiet_with_a_spare();
		before = stats_of(cpu);
		KT_EXPECT(test, ops->queue_on(cpu, wq.get(), sb));
		ops->flush_wq(wq.get());
		mid = stats_of(cpu);
		if (mid.nr_stall_windows != before.nr_stall_windows)
			break;
	}
	KT_EXPECT_GE(test, mid.nr_stall_windows - before.nr_stall_windows, 1L);
	KT_EXPECT_EQ(test, mid.nr_stall_wakeups - before.nr_stall_wakeups, 0L);
	KT_EXPECT_EQ(test, mid.nr_kick_wakeups - before.nr_kick_wakeups, 0L);
	// (Run by the blocked worker when it came back, or by one of the pool's
	// workers that was awake anyway: nobody was woken for it.)
	KT_EXPECT_GE(test, behind_short.started_ns.load(Acquire), short_block.started_ns.load(Acquire));

	// Likewise queued by the long block itself, just before it blocks.
	long_block.then_ops = ops;
	long_block.then_wq = wq.get();
	long_block.then_work = bl;
	long_block.then_cpu = cpu;
	quiet_with_a_spare();
	mid = stats_of(cpu);
	KT_EXPECT(test, ops->queue_on(cpu, wq.get(), lb));
	ops->flush_wq(wq.get());
	const uint64_t waited = behind_long.started_ns.load(Acquire) - long_block.started_ns.load(Acquire);
	altwq_wq_pool_stats after = stats_of(cpu);
	KT_EXPECT_GE(test, after.nr_stall_wakeups - mid.nr_stall_wakeups, 1L);
	// Within the window (and TCG's slack), well before the 1 s block ends.
	KT_EXPECT_LT(test, waited, (WindowUs / 1000 + 300) * NsPerMs);
	KT_EXPECT(test, behind_long.task.load(Relaxed) != long_block.task.load(Relaxed));
	altwq_kunit_log(test, "a work behind a 1 s block started after %llu us (window %u us)",
			(unsigned long long)(waited / 1000), WindowUs);
	ops->free_work(sb);
	ops->free_work(lb);
	ops->free_work(bs);
	ops->free_work(bl);
	ops->free_work(warm_work);
}
