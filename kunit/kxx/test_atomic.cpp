// SPDX-License-Identifier: GPL-2.0
// kxx atomics and barriers, including two litmus tests of the orders.
#include "kxx/atomic.hpp"
#include "kxx_test.hpp"
#include "threads.hpp"

using namespace kxx;

KXX_TEST(kxx_atomic, fetch_add_is_atomic_across_cpus)
{
	Atomic<long> counter{0};
	const int n = test::online_thread_count();
	int err = test::run_on_threads(n, [&](int) {
		for (int i = 0; i < 20000; i++)
			counter.fetch_add(1, Relaxed);
	});
	KT_EXPECT_EQ(test, err, 0);
	KT_EXPECT_EQ(test, counter.load(Relaxed), long(n) * 20000);
}

KXX_TEST(kxx_atomic, rmw_return_values)
{
	Atomic<int> v{5};
	int expected = 4;
	KT_EXPECT(test, !v.compare_exchange(expected, 9, Full));
	KT_EXPECT_EQ(test, expected, 5); // updated to the current value
	KT_EXPECT(test, v.compare_exchange(expected, 9, Acquire));
	KT_EXPECT_EQ(test, v.load(Relaxed), 9);
	KT_EXPECT_EQ(test, v.cmpxchg(1, 2, Full), 9);
	KT_EXPECT_EQ(test, v.cmpxchg(9, 2, Release), 9);
	KT_EXPECT_EQ(test, v.exchange(3, Full), 2);
	KT_EXPECT_EQ(test, v.fetch_sub(1, Full), 3);
	KT_EXPECT_EQ(test, v.add_return(10, Full), 12);
	KT_EXPECT_EQ(test, v.sub_return(2, Relaxed), 10);
	KT_EXPECT_EQ(test, v.fetch_or(0x10, Full), 10);
	KT_EXPECT_EQ(test, v.fetch_and(0x10, Full), 0x1a);
	KT_EXPECT_EQ(test, v.load(Acquire), 0x10);
	Atomic<void *> p{nullptr};
	KT_EXPECT(test, p.exchange(&v, Full) == nullptr);
	KT_EXPECT(test, p.load(Acquire) == &v);
}

// Message passing: a release store publishes the data written before it to
// an acquire load that sees it.
KXX_TEST(kxx_atomic, release_acquire_message_passing)
{
	Atomic<int> data{0};
	Atomic<int> flag{0};
	Atomic<int> violations{0};
	constexpr int Rounds = 20000;
	int err = test::run_on_threads(2, [&](int i) {
		if (i == 0) {
			for (int r = 1; r <= Rounds; r++) {
				data.store(r, Relaxed);
				flag.store(r, Release);
			}
		} else {
			int seen = 0;
			while (seen < Rounds) {
				int f = flag.load(Acquire);
				if (data.load(Relaxed) < f)
					violations.fetch_add(1, Relaxed);
				seen = f;
			}
		}
	});
	KT_EXPECT_EQ(test, err, 0);
	KT_EXPECT_EQ(test, violations.load(Relaxed), 0);
}

// Store buffering: with smp_mb() between each thread's store and load, at
// least one thread must see the other's store. (x86 does reorder a store
// with a later load without it.)
KXX_TEST(kxx_atomic, smp_mb_forbids_store_buffering)
{
	struct Shared {
		Atomic<int> x{0}, y{0};
		Atomic<int> r0{0}, r1{0};
		Atomic<int> round{0};
		Atomic<int> arrived{0};
	};
	auto s = KT_ASSERT_OK(test, make_box<Shared>(GfpKernel));
	constexpr int Rounds = 3000;
	int both_zero = 0;
	int err = test::run_on_threads(2, [&](int i) {
		for (int r = 1; r <= Rounds; r++) {
			// Thread 0 resets and opens round r; thread 1 waits for it.
			if (i == 0) {
				s->x.store(0, Relaxed);
				s->y.store(0, Relaxed);
				s->round.store(r, Release);
			} else {
				while (s->round.load(Acquire) != r)
					cpu_relax();
			}
			if (i == 0) {
				s->x.store(1, Relaxed);
				smp_mb();
				s->r0.store(s->y.load(Relaxed), Relaxed);
			} else {
				s->y.store(1, Relaxed);
				smp_mb();
				s->r1.store(s->x.load(Relaxed), Relaxed);
			}
			// A barrier that never resets: both have finished round r once
			// 2r arrivals are counted. Thread 1 then waits for round r + 1,
			// which thread 0 opens only after reading the results.
			s->arrived.fetch_add(1, Full);
			while (s->arrived.load(Acquire) < 2 * r)
				cpu_relax();
			if (i == 0 && s->r0.load(Relaxed) == 0 && s->r1.load(Relaxed) == 0)
				both_zero++;
		}
	});
	KT_EXPECT_EQ(test, err, 0);
	KT_EXPECT_EQ(test, both_zero, 0);
}
