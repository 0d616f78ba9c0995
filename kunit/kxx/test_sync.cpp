// SPDX-License-Identifier: GPL-2.0
// kxx completion, irq_work and RCU.
#include "kxx/completion.hpp"
#include "kxx/irq_work.hpp"
#include "kxx/lock.hpp"
#include "kxx/rcu.hpp"
#include "kxx_test.hpp"
#include "threads.hpp"

using namespace kxx;

KXX_TEST(kxx_sync, completion_wait_times_out_then_succeeds)
{
	auto done = KT_ASSERT_OK(test, make_box<Completion>(GfpKernel));
	unsigned long before = jiffies();
	KT_EXPECT(test, !done->wait_for(5));
	KT_EXPECT(test, time_after(jiffies(), before + 4));
	KT_EXPECT(test, !done->done());
	done->complete();
	KT_EXPECT(test, done->done());
	KT_EXPECT(test, done->wait_for(5));
	KT_EXPECT(test, !done->done());
}

KXX_TEST(kxx_sync, completion_counts_completes)
{
	auto done = KT_ASSERT_OK(test, make_box<Completion>(GfpKernel));
	done->complete();
	done->complete();
	KT_EXPECT(test, done->try_wait());
	KT_EXPECT(test, done->try_wait());
	KT_EXPECT(test, !done->try_wait());
}

KXX_TEST(kxx_sync, completion_all_releases_every_waiter_until_reinit)
{
	auto done = KT_ASSERT_OK(test, make_box<Completion>(GfpKernel));
	Atomic<int> woken{0};
	Atomic<int> waiting{0};
	struct Poster {
		Completion *done;
		Atomic<int> *waiting;
		int run()
		{
			while (waiting->load(Acquire) < 3)
				msleep(1);
			msleep(10);
			done->complete_all();
			return 0;
		}
	} poster{done.get(), &waiting};
	auto t = KT_ASSERT_OK(test, Kthread::create<&Poster::run>(&poster, "kxx-poster"));
	t.wake();
	int err = test::run_on_threads(3, [&](int) {
		waiting.fetch_add(1, Full);
		done->wait();
		woken.fetch_add(1, Full);
	});
	KT_EXPECT_EQ(test, err, 0);
	KT_EXPECT_EQ(test, t.stop(), 0);
	KT_EXPECT_EQ(test, woken.load(Acquire), 3);
	// complete_all stays done for any number of waits...
	KT_EXPECT(test, done->try_wait());
	KT_EXPECT(test, done->try_wait());
	// ...until reinit.
	done->reinit();
	KT_EXPECT(test, !done->try_wait());
}

KXX_TEST(kxx_sync, completion_wakes_a_sleeping_waiter)
{
	struct Waiter {
		Completion done;
		Atomic<uint64_t> woke_ns{0};
		int run()
		{
			done.wait();
			woke_ns.store(ktime_ns(), Release);
			return 0;
		}
	};
	auto w = KT_ASSERT_OK(test, make_box<Waiter>(GfpKernel));
	auto t = KT_ASSERT_OK(test, Kthread::create<&Waiter::run>(w.get(), "kxx-waiter"));
	t.wake();
	msleep(20);
	KT_EXPECT_EQ(test, w->woke_ns.load(Acquire), 0ULL);
	uint64_t completed = ktime_ns();
	w->done.complete();
	KT_EXPECT_EQ(test, t.stop(), 0);
	KT_EXPECT_GE(test, w->woke_ns.load(Acquire), completed);
}

namespace {
struct IrqRecorder {
	IrqWork work{IrqWork::callback<&IrqRecorder::work, &IrqRecorder::run>()};
	Atomic<int> runs{0};
	Atomic<int> in_irq{0};
	Atomic<int> cpu{-1};
	void run()
	{
		runs.fetch_add(1, Full);
		in_irq.store(in_hardirq() ? 1 : 0, Relaxed);
		cpu.store(this_cpu_hint(), Relaxed);
	}
};
} // namespace

KXX_TEST(kxx_sync, irq_work_runs_in_hardirq_on_this_cpu)
{
	auto rec = KT_ASSERT_OK(test, make_box<IrqRecorder>(GfpKernel));
	int cpu;
	{
		PreemptGuard pinned;
		cpu = pinned.cpu();
		KT_EXPECT(test, rec->work.queue());
	}
	rec->work.sync();
	KT_EXPECT_EQ(test, rec->runs.load(Acquire), 1);
	KT_EXPECT_EQ(test, rec->in_irq.load(Relaxed), 1);
	KT_EXPECT_EQ(test, rec->cpu.load(Relaxed), cpu);
	KT_EXPECT(test, !rec->work.busy());
}

using IrqWorkTestLock = RawSpinLock<struct IrqWorkTestRole>;

KXX_TEST(kxx_sync, irq_work_queued_twice_runs_once)
{
	auto rec = KT_ASSERT_OK(test, make_box<IrqRecorder>(GfpKernel));
	auto lock = KT_ASSERT_OK(test, make_box<IrqWorkTestLock>(GfpKernel, KXX_LOCK_CLASS("test.irqwork")));
	bool first, second;
	{
		Guard<IrqWorkTestLock, Irq> irqs_off(*lock); // it cannot run before the second queue
		first = rec->work.queue();
		second = rec->work.queue();
	}
	rec->work.sync();
	KT_EXPECT(test, first);
	KT_EXPECT(test, !second);
	KT_EXPECT_EQ(test, rec->runs.load(Acquire), 1);
}

KXX_TEST(kxx_sync, rcu_synchronize_waits_for_readers)
{
	struct Reader {
		Atomic<int> inside{0};
		Atomic<int> left{0};
		int run()
		{
			{
				RcuReadGuard rcu;
				inside.store(1, Release);
				mdelay(50);
				left.store(1, Release);
			}
			return 0;
		}
	};
	auto r = KT_ASSERT_OK(test, make_box<Reader>(GfpKernel));
	auto t = KT_ASSERT_OK(test, Kthread::create<&Reader::run>(r.get(), "kxx-rcu-reader"));
	t.wake();
	while (!r->inside.load(Acquire))
		msleep(1);
	rcu::synchronize();
	KT_EXPECT_EQ(test, r->left.load(Acquire), 1);
	KT_EXPECT_EQ(test, t.stop(), 0);
}
