// SPDX-License-Identifier: GPL-2.0
// kxx Timer: member callbacks, arm/modify/del return values, del_sync waits.
#include "kxx/completion.hpp"
#include "kxx/timer.hpp"
#include "kxx_test.hpp"
#include "threads.hpp"

using namespace kxx;

namespace {
struct Alarm {
	Timer timer{Timer::callback<&Alarm::timer, &Alarm::expired>(), KXX_LOCK_CLASS("test.alarm.timer")};
	Completion fired;
	Atomic<int> runs{0};
	Atomic<int> in_softirq{0};
	Atomic<int> cpu{-1};
	Atomic<int> started{0};
	Atomic<int> finished{0};
	int busy_ms = 0;
	int rearm_until = 0;
	Atomic<int> *outside_count = nullptr; // survives the Alarm
	void expired()
	{
		if (outside_count)
			outside_count->fetch_add(1, Full);
		started.store(1, Release);
		in_softirq.store(in_serving_softirq() ? 1 : 0, Relaxed);
		cpu.store(this_cpu_hint(), Relaxed);
		if (busy_ms)
			mdelay(busy_ms);
		int n = runs.add_return(1, Full);
		if (n < rearm_until)
			timer.arm(1);
		finished.store(1, Release);
		fired.complete();
	}
};
} // namespace

KXX_TEST(kxx_timer, fires_into_member_in_softirq)
{
	auto a = KT_ASSERT_OK(test, make_box<Alarm>(GfpKernel));
	KT_EXPECT(test, !a->timer.arm(1));
	KT_EXPECT(test, a->fired.wait_for(Hz));
	KT_EXPECT_EQ(test, a->runs.load(Acquire), 1);
	KT_EXPECT_EQ(test, a->in_softirq.load(Relaxed), 1);
	KT_EXPECT(test, !a->timer.pending());
}

KXX_TEST(kxx_timer, arm_modify_del_report_pending)
{
	auto a = KT_ASSERT_OK(test, make_box<Alarm>(GfpKernel));
	KT_EXPECT(test, !a->timer.pending());
	KT_EXPECT(test, !a->timer.arm(10 * Hz));
	KT_EXPECT(test, a->timer.pending());
	KT_EXPECT(test, a->timer.arm(20 * Hz));
	unsigned long at = jiffies() + 30 * Hz;
	KT_EXPECT(test, a->timer.modify(at));
	KT_EXPECT_EQ(test, a->timer.expires(), at);
	KT_EXPECT(test, a->timer.del());
	KT_EXPECT(test, !a->timer.del());
	KT_EXPECT(test, !a->timer.pending());
	KT_EXPECT_EQ(test, a->runs.load(Acquire), 0);
}

KXX_TEST(kxx_timer, del_prevents_firing)
{
	auto a = KT_ASSERT_OK(test, make_box<Alarm>(GfpKernel));
	a->timer.arm(3);
	KT_EXPECT(test, a->timer.del());
	msleep(50);
	KT_EXPECT_EQ(test, a->runs.load(Acquire), 0);
}

// The point of delete-and-wait: once it returns the callback is not running.
// The callback fires on one CPU while the caller waits on another (on the
// same CPU the softirq would simply finish before the caller looked).
KXX_TEST(kxx_timer, del_sync_waits_for_running_callback)
{
	auto a = KT_ASSERT_OK(test, make_box<Alarm>(GfpKernel));
	a->busy_ms = 50;
	const int timer_cpu = test::nth_online_cpu(1), caller_cpu = test::nth_online_cpu(0);
	KT_ASSERT(test, timer_cpu != caller_cpu);
	bool was_pending = true;
	int finished_at_return = -1;
	int err = test::run_on_threads_on_cpu(1, caller_cpu, [&](int) {
		KT_EXPECT(test, a->timer.arm_on(timer_cpu, 1));
		while (!a->started.load(Acquire))
			cpu_relax();
		was_pending = a->timer.del_sync();
		finished_at_return = a->finished.load(Acquire);
	});
	KT_EXPECT_EQ(test, err, 0);
	KT_EXPECT(test, !was_pending); // it was running, not pending
	KT_EXPECT_EQ(test, finished_at_return, 1);
}

KXX_TEST(kxx_timer, self_rearming_timer_stops_on_del_sync)
{
	auto a = KT_ASSERT_OK(test, make_box<Alarm>(GfpKernel));
	a->rearm_until = 1000000;
	a->timer.arm(1);
	while (a->runs.load(Acquire) < 3)
		msleep(1);
	// The callback re-arms itself; one del_sync still leaves it dead.
	(void)a->timer.del_sync();
	KT_EXPECT(test, !a->timer.pending());
	int runs = a->runs.load(Acquire);
	msleep(30);
	KT_EXPECT_EQ(test, a->runs.load(Acquire), runs);
}

KXX_TEST(kxx_timer, arm_on_runs_on_that_cpu)
{
	for (int cpu : online_cpus()) {
		auto a = KT_ASSERT_OK(test, make_box<Alarm>(GfpKernel));
		KT_EXPECT(test, a->timer.arm_on(cpu, 1));
		KT_EXPECT(test, a->fired.wait_for(Hz));
		KT_EXPECT_EQ(test, a->cpu.load(Relaxed), cpu);
		// Pending: a second arm_on is refused and changes nothing.
		KT_EXPECT(test, !a->timer.arm(60 * Hz));
		const unsigned long expires = a->timer.expires();
		KT_EXPECT(test, !a->timer.arm_on(cpu, 1));
		KT_EXPECT_EQ(test, a->timer.expires(), expires);
		KT_EXPECT(test, a->timer.del());
	}
}

// Destroying a timer whose callback keeps re-arming it: nothing fires after
// the destructor returned (the memory is gone; KASAN would report it).
KXX_TEST(kxx_timer, destructor_stops_a_self_rearming_timer)
{
	Atomic<int> fired{0};
	auto a = KT_ASSERT_OK(test, make_box<Alarm>(GfpKernel));
	a->rearm_until = 1000000;
	a->outside_count = &fired;
	a->timer.arm(1);
	while (fired.load(Acquire) < 3)
		msleep(1);
	a.reset();
	const int at_destruction = fired.load(Acquire);
	msleep(30);
	KT_EXPECT_EQ(test, fired.load(Acquire), at_destruction);
}
