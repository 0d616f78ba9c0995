// SPDX-License-Identifier: GPL-2.0
// kxx Kthread: create, create on a CPU, bind, wake, stop, should_stop.
#include "kxx/kthread.hpp"
#include "kxx_test.hpp"
#include "threads.hpp"

using namespace kxx;

namespace {
struct Job {
	Atomic<int> ran{0};
	Atomic<int> cpu{-1};
	Atomic<int> loops{0};
	int run_once()
	{
		PreemptGuard pinned;
		cpu.store(pinned.cpu(), Relaxed);
		ran.store(1, Release);
		return 42;
	}
	int run_until_stopped()
	{
		ran.store(1, Release);
		while (!Kthread::should_stop()) {
			loops.fetch_add(1, Relaxed);
			msleep(1);
		}
		return 7;
	}
};
} // namespace

KXX_TEST(kxx_kthread, runs_and_returns_its_result)
{
	auto job = KT_ASSERT_OK(test, make_box<Job>(GfpKernel));
	auto t = KT_ASSERT_OK(test, Kthread::create<&Job::run_once>(job.get(), "kxx-once"));
	t.wake();
	while (!job->ran.load(Acquire))
		msleep(1);
	// The thread has already returned: stop() still collects its result.
	msleep(5);
	KT_EXPECT_EQ(test, t.stop(), 42);
	KT_EXPECT(test, !t.running());
}

KXX_TEST(kxx_kthread, created_on_cpu_runs_there)
{
	for (int cpu : online_cpus()) {
		auto job = KT_ASSERT_OK(test, make_box<Job>(GfpKernel));
		auto t = KT_ASSERT_OK(test, Kthread::create<&Job::run_once>(job.get(), "kxx-on-cpu", cpu));
		t.wake();
		// Stopping before the function started would skip it (-EINTR).
		while (!job->ran.load(Acquire))
			msleep(1);
		KT_EXPECT_EQ(test, t.stop(), 42);
		KT_EXPECT_EQ(test, job->cpu.load(Relaxed), cpu);
	}
}

KXX_TEST(kxx_kthread, bind_before_wake_moves_it)
{
	int last = -1;
	for (int cpu : online_cpus())
		last = cpu;
	auto job = KT_ASSERT_OK(test, make_box<Job>(GfpKernel));
	auto t = KT_ASSERT_OK(test, Kthread::create<&Job::run_once>(job.get(), "kxx-bind"));
	t.bind(last);
	t.wake();
	while (!job->ran.load(Acquire))
		msleep(1);
	KT_EXPECT_EQ(test, t.stop(), 42);
	KT_EXPECT_EQ(test, job->cpu.load(Relaxed), last);
}

KXX_TEST(kxx_kthread, stop_ends_a_should_stop_loop)
{
	auto job = KT_ASSERT_OK(test, make_box<Job>(GfpKernel));
	auto t = KT_ASSERT_OK(test, Kthread::create<&Job::run_until_stopped>(job.get(), "kxx-loop"));
	t.wake();
	while (job->loops.load(Relaxed) < 3)
		msleep(1);
	KT_EXPECT_EQ(test, t.stop(), 7);
	int loops = job->loops.load(Relaxed);
	msleep(10);
	KT_EXPECT_EQ(test, job->loops.load(Relaxed), loops);
}

KXX_TEST(kxx_kthread, stop_before_wake_never_runs_it)
{
	auto job = KT_ASSERT_OK(test, make_box<Job>(GfpKernel));
	auto t = KT_ASSERT_OK(test, Kthread::create<&Job::run_once>(job.get(), "kxx-never"));
	KT_EXPECT_EQ(test, t.stop(), err::Intr);
	KT_EXPECT_EQ(test, job->ran.load(Acquire), 0);
}

KXX_TEST(kxx_kthread, handle_destructor_stops_the_thread)
{
	auto job = KT_ASSERT_OK(test, make_box<Job>(GfpKernel));
	{
		auto t = KT_ASSERT_OK(test, Kthread::create<&Job::run_until_stopped>(job.get(), "kxx-raii"));
		t.wake();
		while (!job->ran.load(Acquire))
			msleep(1);
	}
	int loops = job->loops.load(Relaxed);
	msleep(10);
	KT_EXPECT_EQ(test, job->loops.load(Relaxed), loops);
}
