// SPDX-License-Identifier: GPL-2.0
// Torture: threads on every CPU randomly queue (plain or delayed, on random
// CPUs), flush and cancel a few works of one queue for two seconds.
// Afterwards every work ran exactly as often as it was accepted minus what
// cancels removed, never beside itself, and nothing runs after the last
// cancel returned. (mod_delayed_work is left out: while another task
// cancel-syncs the work, 6.12 returns false without queueing it and altwq
// returns true, so its result does not say whether an instance was added.)
#include "wq/wq_test.hpp"

using namespace altwq::wqtest;

namespace {

constexpr int Works = 4;
constexpr uint64_t RunNs = 2000ULL * 1000 * 1000;

struct Tally {
	Atomic<long> accepted{0};
	Atomic<long> cancelled{0};
};

int random_cpu_or_any(const wq_ops *ops)
{
	unsigned int r = random_u32() % (num_online_cpus() + 1);
	return r == num_online_cpus() ? ops->cpu_unbound : test::nth_online_cpu(static_cast<int>(r));
}

void random_op(const wq_ops *ops, void *wq, wq_ops_work *work, Tally &t)
{
	switch (random_u32() % 8) {
	case 0:
	case 1:
		if (ops->queue_on(random_cpu_or_any(ops), wq, work))
			t.accepted.fetch_add(1, Relaxed);
		break;
	case 2:
	case 3:
		if (ops->queue_delayed_on(random_cpu_or_any(ops), wq, work, random_u32() % 3))
			t.accepted.fetch_add(1, Relaxed);
		break;
	case 4:
		(void)ops->flush_work(work);
		break;
	case 5:
		if (ops->cancel_delayed(work))
			t.cancelled.fetch_add(1, Relaxed);
		break;
	case 6:
		if (ops->cancel_delayed_sync(work))
			t.cancelled.fetch_add(1, Relaxed);
		break;
	default:
		(void)ops->flush_delayed(work);
		break;
	}
}

} // namespace

WQ_TEST(torture_random_ops_keep_the_books)
{
	TestWq wq(ops, 0, 0);
	WorkSet set(ops, Works);
	Tally tallies[Works];
	KT_ASSERT(test, wq && set.ok());
	for (int i = 0; i < Works; i++)
		set.body(i).spin_us = random_u32() % 20;
	Atomic<long> op_count{0};
	int err = test::run_on_threads(test::online_thread_count(), [&](int) {
		const uint64_t until = ktime_ns() + RunNs;
		long n = 0;
		while (ktime_ns() < until) {
			const int i = static_cast<int>(random_u32() % Works);
			random_op(ops, wq.get(), set.work(i), tallies[i]);
			if (++n % 64 == 0)
				cond_resched();
		}
		op_count.fetch_add(n, Relaxed);
	});
	KT_EXPECT_EQ(test, err, 0);
	for (int i = 0; i < Works; i++)
		if (ops->cancel_delayed_sync(set.work(i)))
			tallies[i].cancelled.fetch_add(1, Relaxed);
	int runs_at_end = set.total(&Body::runs);
	ops->flush_wq(wq.get());
	msleep(20);
	KT_EXPECT_EQ(test, set.total(&Body::runs), runs_at_end); // nothing after the last cancel
	long accepted = 0;
	for (int i = 0; i < Works; i++) {
		long expected = tallies[i].accepted.load(Acquire) - tallies[i].cancelled.load(Acquire);
		KT_EXPECT_EQ(test, (long)set.body(i).runs.load(Acquire), expected);
		KT_EXPECT_EQ(test, set.body(i).overlapped.load(Acquire), 0);
		KT_EXPECT(test, !ops->pending(set.work(i)));
		accepted += tallies[i].accepted.load(Acquire);
	}
	altwq_kunit_log(test, "%s: %ld operations, %ld instances accepted, %d runs", ops->name,
			op_count.load(Acquire), accepted, set.total(&Body::runs));
}
