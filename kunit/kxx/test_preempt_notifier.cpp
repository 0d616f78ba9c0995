// SPDX-License-Identifier: GPL-2.0
// kxx PreemptNotifier: a watched kthread's sleeps are seen as blocking
// switches, its preemptions as preemptions, and every switch-out is paired
// with a switch-in.
#include "kxx/preempt_notifier.hpp"
#include "kxx_test.hpp"
#include "threads.hpp"

using namespace kxx;

namespace {
struct Watched {
	PreemptNotifier pn{PreemptNotifier::callbacks<&Watched::pn, &Watched::switched_in, &Watched::switched_out>()};
	// Only the watched task touches these (from its own switches).
	long sched_in = 0;
	long blocked = 0;
	long preempted = 0;
	void switched_in(int) { sched_in++; }
	void switched_out(bool blocking) { (blocking ? blocked : preempted)++; }
};
} // namespace

KXX_TEST(kxx_preempt_notifier, sleeps_are_blocking_switches)
{
	auto w = KT_ASSERT_OK(test, make_box<Watched>(GfpKernel));
	constexpr int Sleeps = 50;
	int err = test::run_on_threads(1, [&](int) {
		w->pn.register_current();
		for (int i = 0; i < Sleeps; i++)
			msleep(1);
		w->pn.unregister_current();
	});
	KT_EXPECT_EQ(test, err, 0);
	// A sleep whose timer fires before schedule() is reached (a vCPU held
	// up by the host, under TCG) returns without switching out at all: most
	// sleeps, not all, are switches.
	KT_EXPECT_GE(test, w->blocked, long(Sleeps - Sleeps / 10));
	// A rare preemption is possible, a misclassified sleep is not.
	KT_EXPECT_LT(test, w->preempted, long(Sleeps / 5));
	KT_EXPECT_EQ(test, w->sched_in, w->blocked + w->preempted);
}

// Two spinners bound to one CPU can only progress by preempting each other:
// they are switched out without ever blocking.
KXX_TEST(kxx_preempt_notifier, preemption_is_not_blocking)
{
	auto a = KT_ASSERT_OK(test, make_box<Watched>(GfpKernel));
	auto b = KT_ASSERT_OK(test, make_box<Watched>(GfpKernel));
	Watched *watched[2] = {a.get(), b.get()};
	const int cpu = test::nth_online_cpu(1);
	struct Body {
		Watched **watched;
		Atomic<int> registered{0};
		int cpu;
		void operator()(int i)
		{
			Watched *w = watched[i];
			w->pn.register_current();
			registered.fetch_add(1, Full);
			const uint64_t until = ktime_ns() + 300ULL * 1000 * 1000;
			while (ktime_ns() < until || registered.load(Acquire) < 2)
				cpu_relax();
			w->pn.unregister_current();
		}
	} body{watched, {}, cpu};
	int err = test::run_on_threads_on_cpu(2, cpu, body);
	KT_EXPECT_EQ(test, err, 0);
	for (Watched *w : watched) {
		KT_EXPECT_EQ(test, w->blocked, 0L);
		KT_EXPECT_GE(test, w->preempted, 1L);
		KT_EXPECT_EQ(test, w->sched_in, w->preempted);
	}
}
