// SPDX-License-Identifier: GPL-2.0
// Torture: threads on every CPU randomly queue, delay, modify, flush and
// cancel a few works for two seconds. Afterwards every work ran exactly as
// often as it was accepted (queue true, or mod of an idle work) minus what
// cancels removed, and nothing runs after the last cancel returned.
#include "kw_test.hpp"

using namespace altwq::kwtest;

namespace {
constexpr int Works = 4;
constexpr uint64_t RunNs = 2000ULL * 1000 * 1000;

struct Tally {
	Atomic<long> accepted{0};
	Atomic<long> cancelled{0};
};

struct Op {
	static void random_op(const kw_ops *ops, void *worker, kw_ops_work *work, Tally &t)
	{
		const unsigned int delay = random_u32() % 3;
		switch (random_u32() % 6) {
		case 0:
			if (ops->queue(worker, work))
				t.accepted.fetch_add(1, Relaxed);
			break;
		case 1:
			if (ops->queue_delayed(worker, work, delay))
				t.accepted.fetch_add(1, Relaxed);
			break;
		case 2:
			// false: it was idle and is now queued; true: still one instance.
			if (!ops->mod_delayed(worker, work, delay))
				t.accepted.fetch_add(1, Relaxed);
			break;
		case 3:
			if (ops->flush_waits_for_armed_timer)
				ops->flush_work(work);
			else
				ops->flush_worker(worker);
			break;
		default:
			if (ops->cancel_delayed_sync(work))
				t.cancelled.fetch_add(1, Relaxed);
			break;
		}
	}
};
} // namespace

KW_TEST(torture_random_ops_keep_the_books)
{
	TestWorker worker(ops);
	KT_ASSERT(test, bool(worker));
	Body bodies[Works];
	Tally tallies[Works];
	TestWork *works[Works];
	alignas(TestWork) unsigned char storage[Works][sizeof(TestWork)];
	for (int i = 0; i < Works; i++) {
		works[i] = new (storage[i]) TestWork(ops, bodies[i]);
		KT_ASSERT(test, bool(*works[i]));
	}
	Atomic<long> op_count{0};
	int err = test::run_on_threads(test::online_thread_count(), [&](int) {
		const uint64_t until = ktime_ns() + RunNs;
		long n = 0;
		while (ktime_ns() < until) {
			const int i = random_u32() % Works;
			Op::random_op(ops, worker.get(), works[i]->get(), tallies[i]);
			if (++n % 64 == 0)
				cond_resched();
		}
		op_count.fetch_add(n, Relaxed);
	});
	KT_EXPECT_EQ(test, err, 0);
	for (int i = 0; i < Works; i++)
		if (ops->cancel_delayed_sync(works[i]->get()))
			tallies[i].cancelled.fetch_add(1, Relaxed);
	ops->flush_worker(worker.get());
	long runs_after_cancel[Works];
	for (int i = 0; i < Works; i++)
		runs_after_cancel[i] = bodies[i].runs.load(Acquire);
	msleep(30);
	for (int i = 0; i < Works; i++) {
		const long runs = bodies[i].runs.load(Acquire);
		const long expected = tallies[i].accepted.load(Relaxed) - tallies[i].cancelled.load(Relaxed);
		KT_EXPECT_EQ(test, runs, runs_after_cancel[i]);
		KT_EXPECT_EQ(test, bodies[i].overlapped.load(Relaxed), 0);
		if (ops->cancel_counts_fired_timer)
			KT_EXPECT_EQ(test, runs, expected);
		else
			KT_EXPECT_LE(test, runs, expected);
		altwq_kunit_log(test, "%s work %d: accepted %ld, cancelled %ld, ran %ld", ops->name, i,
				tallies[i].accepted.load(Relaxed), tallies[i].cancelled.load(Relaxed), runs);
		works[i]->~TestWork();
	}
	altwq_kunit_log(test, "%s: %ld operations", ops->name, op_count.load(Relaxed));
}
