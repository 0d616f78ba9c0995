// SPDX-License-Identifier: GPL-2.0
// altwq kthread_worker behaviour the in-tree worker does not share, and bad
// input: refused with a warning (counted by ExpectWarnings), never a crash.
#include <altwq/kthread_worker_api.h>
#include "kthread_worker/test_hooks.h"
#include "kthread_worker/worker.hpp"
#include "kw_test.hpp"
#include "kxx/cpu_hotplug.hpp"
#include "kxx/errno.hpp"
#include "kxx/warn.hpp"
#include "fault_glue.h"

using namespace altwq::kwtest;

namespace {
const kw_ops *const alt = &altwq_kw_ops_altwq;
} // namespace

KXX_TEST(kthread_worker_altwq_only, flush_waits_for_an_armed_timer)
{
	OneWork one(alt);
	auto &[worker, body, work] = one;
	KT_ASSERT(test, one.ok());
	const uint64_t start = ktime_ns();
	KT_EXPECT(test, alt->queue_delayed(worker.get(), work.get(), msecs_to_jiffies(30)));
	alt->flush_work(work.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	KT_EXPECT_GE(test, ktime_ns() - start, 20ULL * 1000 * 1000);
}

KXX_TEST(kthread_worker_altwq_only, flush_of_a_cancelled_delayed_work_returns)
{
	OneWork one(alt);
	auto &[worker, body, work] = one;
	KT_ASSERT(test, one.ok());
	KT_EXPECT(test, alt->queue_delayed(worker.get(), work.get(), 60 * Hz));
	Atomic<int> flushed{0};
	int err = test::run_on_threads(2, [&](int i) {
		if (i == 0) {
			alt->flush_work(work.get());
			flushed.store(1, Release);
		} else {
			msleep(20);
			(void)alt->cancel_delayed_sync(work.get());
		}
	});
	KT_EXPECT_EQ(test, err, 0);
	KT_EXPECT_EQ(test, flushed.load(Acquire), 1);
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 0);
}

KXX_TEST(kthread_worker_altwq_only, null_pointers_are_refused)
{
	TestWorker worker(alt);
	KT_ASSERT(test, bool(worker));
	ExpectWarnings warnings;
	KT_EXPECT(test, !altwq_kthread_queue_work(nullptr, nullptr));
	KT_EXPECT(test, !altwq_kthread_queue_work(static_cast<altwq_kthread_worker *>(worker.get()), nullptr));
	KT_EXPECT(test, !altwq_kthread_queue_delayed_work(nullptr, nullptr, 1));
	KT_EXPECT(test, !altwq_kthread_mod_delayed_work(nullptr, nullptr, 1));
	altwq_kthread_flush_work(nullptr);
	altwq_kthread_flush_worker(nullptr);
	KT_EXPECT(test, !altwq_kthread_cancel_work_sync(nullptr));
	KT_EXPECT(test, !altwq_kthread_cancel_delayed_work_sync(nullptr));
	altwq_kthread_destroy_worker(nullptr);
	KT_EXPECT(test, kxx::is_err(altwq_kthread_create_worker(0, nullptr)));
	KT_EXPECT_EQ(test, warnings.finish(), 10);
}

KXX_TEST(kthread_worker_altwq_only, uninitialised_work_is_refused)
{
	TestWorker worker(alt);
	KT_ASSERT(test, bool(worker));
	altwq_kthread_work *raw = kw_altwq_uninitialised_work();
	KT_ASSERT(test, raw != nullptr);
	ExpectWarnings warnings;
	KT_EXPECT(test, !altwq_kthread_queue_work(static_cast<altwq_kthread_worker *>(worker.get()), raw));
	KT_EXPECT(test, !altwq_kthread_cancel_work_sync(raw));
	altwq_kthread_flush_work(raw);
	KT_EXPECT_EQ(test, warnings.finish(), 3);
	kw_free_raw(raw);
}

KXX_TEST(kthread_worker_altwq_only, destroyed_or_bogus_worker_is_refused)
{
	Body body;
	TestWork work(alt, body);
	KT_ASSERT(test, bool(work));
	void *dead = alt->create_worker("kw-test", -1);
	KT_ASSERT(test, dead != nullptr);
	KT_EXPECT(test, alt->queue(dead, work.get()));
	alt->destroy_worker(dead);
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	ExpectWarnings warnings;
	KT_EXPECT(test, !alt->queue(dead, work.get()));
	KT_EXPECT(test, !alt->queue_delayed(dead, work.get(), 1));
	alt->flush_worker(dead);
	alt->destroy_worker(dead);
	// The work is tied to the dead worker: cancel and flush refuse too.
	KT_EXPECT(test, !alt->cancel_sync(work.get()));
	alt->flush_work(work.get());
	auto *bogus = kxx::err_ptr<altwq_kthread_worker>(kxx::err::NoMem);
	KT_EXPECT(test, !altwq_kthread_queue_work(bogus, kw_altwq_work(work.get())));
	KT_EXPECT_EQ(test, warnings.finish(), 7);
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
}

KXX_TEST(kthread_worker_altwq_only, work_is_tied_to_one_worker)
{
	TestWorker a(alt), b(alt);
	KT_ASSERT(test, a && b);
	Body body;
	TestWork work(alt, body);
	KT_ASSERT(test, bool(work));
	KT_EXPECT(test, alt->queue(a.get(), work.get()));
	alt->flush_work(work.get());
	ExpectWarnings warnings;
	KT_EXPECT(test, !alt->queue(b.get(), work.get()));
	KT_EXPECT(test, !alt->mod_delayed(b.get(), work.get(), 1));
	KT_EXPECT_EQ(test, warnings.finish(), 2);
	KT_EXPECT(test, alt->queue(a.get(), work.get()));
	alt->flush_worker(a.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 2);
}

KXX_TEST(kthread_worker_altwq_only, destroy_with_armed_delayed_work_is_refused)
{
	void *worker = alt->create_worker("kw-test", -1);
	KT_ASSERT(test, worker != nullptr);
	Body body;
	TestWork work(alt, body);
	KT_ASSERT(test, bool(work));
	KT_EXPECT(test, alt->queue_delayed(worker, work.get(), 60 * Hz));
	{
		ExpectWarnings warnings;
		alt->destroy_worker(worker); // refused: the worker lives on
		KT_EXPECT_EQ(test, warnings.finish(), 1);
	}
	// Still usable; once the timer is cancelled, destroy goes through.
	KT_EXPECT(test, alt->cancel_delayed_sync(work.get()));
	Body other;
	TestWork second(alt, other);
	KT_ASSERT(test, bool(second));
	KT_EXPECT(test, alt->queue(worker, second.get()));
	alt->destroy_worker(worker);
	KT_EXPECT_EQ(test, other.runs.load(Acquire), 1);
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 0);
}

KXX_TEST(kthread_worker_altwq_only, bad_create_arguments_are_refused)
{
	const int offline = test::last_online_cpu();
	KT_ASSERT(test, offline > 0);
	KT_ASSERT_OK(test, cpu_down(offline));
	ExpectWarnings warnings;
	altwq_kthread_worker *w = altwq_kthread_create_worker(0x80, "kw-bad-flags");
	KT_EXPECT_EQ(test, kxx::ptr_err(w), kxx::err::Inval);
	w = altwq_kthread_create_worker_on_cpu(int(nr_cpu_ids()), 0, "kw-no-cpu");
	KT_EXPECT_EQ(test, kxx::ptr_err(w), kxx::err::Inval);
	w = altwq_kthread_create_worker_on_cpu(-2, 0, "kw-negative-cpu");
	KT_EXPECT_EQ(test, kxx::ptr_err(w), kxx::err::Inval);
	w = altwq_kthread_create_worker_on_cpu(offline, 0, "kw-offline-cpu");
	KT_EXPECT_EQ(test, kxx::ptr_err(w), kxx::err::Inval);
	KT_EXPECT_EQ(test, warnings.finish(), 4);
	KT_EXPECT(test, cpu_up(offline).ok());
}

// Every allocation of kthread_create_worker() in turn fails (the kernel's
// fail-nth, this task's allocations): each call is a clean ERR_PTR(-ENOMEM)
// or a worker that runs works; destroy under the same injection still
// destroys (kmemleak checks that nothing is left).
KXX_TEST(kthread_worker_altwq_only, allocation_failures_give_a_clean_error)
{
	const kw_ops *ops = &altwq_kw_ops_altwq;
	Body body;
	TestWork w(ops, body);
	KT_ASSERT(test, w);
	int refused = 0, made = 0;
	for (unsigned int nth = 1; nth < 100; nth++) {
		KT_ASSERT_EQ(test, altwq_test_fail_nth(nth), 0);
		altwq_kthread_worker *worker = altwq_kthread_create_worker(0, "altwq_fault_kw");
		const bool fired = altwq_test_fail_nth_stop();
		if (kxx::is_err(worker)) {
			refused++;
			KT_EXPECT_EQ(test, kxx::ptr_err(worker), kxx::err::NoMem);
			KT_EXPECT(test, fired);
			continue;
		}
		made++;
		ops->init_work(w.get(), body_fn, &body); // a work serves one worker: made anew for this one
		KT_EXPECT(test, ops->queue(worker, w.get()));
		ops->flush_work(w.get());
		// Destroy allocates nothing that may fail it.
		KT_ASSERT_EQ(test, altwq_test_fail_nth(1), 0);
		altwq_kthread_destroy_worker(worker);
		(void)altwq_test_fail_nth_stop();
		KT_EXPECT(test, !altwq_kw_worker_is_live(worker));
		if (!fired)
			break;
	}
	KT_EXPECT_GT(test, refused, 0);
	KT_EXPECT_EQ(test, body.runs.load(Acquire), made);
	altwq_kunit_log(test, "%d creations refused, %d made", refused, made);
}

// As in 6.12, -1 is no CPU in particular: an unbound worker.
KXX_TEST(kthread_worker_altwq_only, create_on_cpu_minus_one_is_unbound)
{
	altwq_kthread_worker *w = altwq_kthread_create_worker_on_cpu(-1, 0, "kw-any-cpu");
	KT_ASSERT(test, !kxx::is_err(w));
	Body body;
	TestWork work(alt, body);
	KT_ASSERT(test, bool(work));
	KT_EXPECT(test, alt->queue(w, work.get()));
	alt->flush_work(work.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	altwq_kthread_destroy_worker(w);
}

KXX_TEST(kthread_worker_altwq_only, flush_of_a_delayed_work_survives_mod)
{
	OneWork one(alt);
	auto &[worker, body, work] = one;
	KT_ASSERT(test, one.ok());
	KT_EXPECT(test, alt->queue_delayed(worker.get(), work.get(), 60 * Hz));
	int runs_at_flush_return = -1;
	int err = test::run_on_threads(2, [&](int i) {
		if (i == 0) {
			alt->flush_work(work.get());
			runs_at_flush_return = body.runs.load(Acquire);
		} else {
			msleep(20);
			// Re-armed, not cancelled: the flush keeps waiting for the run.
			(void)alt->mod_delayed(worker.get(), work.get(), msecs_to_jiffies(20));
		}
	});
	KT_EXPECT_EQ(test, err, 0);
	KT_EXPECT_EQ(test, runs_at_flush_return, 1);
}

// Other threads keep using a worker while it is destroyed: their calls either
// complete or are refused with a warning; nothing crashes or leaks.
KXX_TEST(kthread_worker_altwq_only, calls_racing_destroy_complete_or_are_refused)
{
	constexpr int Works = 3;
	Body bodies[Works];
	TestWork *works[Works];
	alignas(TestWork) unsigned char storage[Works][sizeof(TestWork)];
	for (int i = 0; i < Works; i++) {
		works[i] = new (storage[i]) TestWork(alt, bodies[i]);
		KT_ASSERT(test, bool(*works[i]));
	}
	void *worker = alt->create_worker("kw-test", -1);
	KT_ASSERT(test, worker != nullptr);
	Atomic<int> destroyed{0};
	Atomic<long> calls{0};
	{
		ExpectWarnings warnings;
		int err = test::run_on_threads(test::online_thread_count(), [&](int t) {
			if (t == 0) {
				msleep(30);
				alt->destroy_worker(worker);
				destroyed.store(1, Release);
				return;
			}
			// Keep going a little after the destroy returned.
			for (int n = 0; destroyed.load(Acquire) == 0 || n < 50; n++) {
				kw_ops_work *w = works[random_u32() % Works]->get();
				switch (random_u32() % 4) {
				case 0: (void)alt->queue(worker, w); break;
				case 1: alt->flush_work(w); break;
				case 2: (void)alt->cancel_sync(w); break;
				default: alt->flush_worker(worker); break;
				}
				calls.fetch_add(1, Relaxed);
				if (destroyed.load(Acquire))
					n++;
			}
		});
		KT_EXPECT_EQ(test, err, 0);
		KT_EXPECT_GT(test, warnings.finish(), 0); // the late calls were refused
	}
	KT_EXPECT_GT(test, calls.load(Relaxed), 0L);
	for (int i = 0; i < Works; i++) {
		KT_EXPECT_EQ(test, bodies[i].inside.load(Acquire), 0);
		works[i]->~TestWork();
	}
}

// A mod_delayed_work that drops the worker's lock (to stop the timer) while
// destroy runs must not arm a timer on the worker destroy is about to free.
// Another CPU loops cancel + mod with a long delay while this one destroys
// after 0-300 us; if destroy went through, no timer may be left armed.
KXX_TEST(kthread_worker_altwq_only, mod_racing_destroy_leaves_no_timer_armed)
{
	constexpr int Rounds = 150;
	int went_through = 0, armed_after = 0;
	for (int round = 0; round < Rounds; round++) {
		void *worker = alt->create_worker("kw-test", -1);
		Body body;
		TestWork work(alt, body);
		KT_ASSERT(test, worker && work);
		Atomic<int> stop{0};
		{
			ExpectWarnings refusals; // the calls after destroy
			int err = test::run_on_threads(2, [&](int t) {
				if (t == 1) {
					while (!stop.load(Acquire)) {
						(void)alt->cancel_delayed_sync(work.get());
						(void)alt->mod_delayed(worker, work.get(), 600 * Hz);
					}
					return;
				}
				udelay(random_u32() % 300);
				alt->destroy_worker(worker); // refused if the work is armed now
				stop.store(1, Release);
			});
			KT_EXPECT_EQ(test, err, 0);
		}
		if (altwq_kw_worker_is_live(static_cast<altwq_kthread_worker *>(worker))) {
			KT_EXPECT(test, alt->cancel_delayed_sync(work.get()));
			alt->destroy_worker(worker);
			continue;
		}
		went_through++;
		kxx::Timer &timer = kw_altwq_dwork(work.get())->timer;
		if (timer.pending()) {
			armed_after++;
			(void)timer.del_sync(); // before it fires into the freed worker
		}
	}
	KT_EXPECT_EQ(test, armed_after, 0);
	KT_EXPECT_GT(test, went_through, 0);
	altwq_kunit_log(test, "%d of %d destroys went through during the race, %d left a timer armed", went_through,
			Rounds, armed_after);
}

// kthread_cancel_work_sync(&dwork->work) stops the timer too (6.12 leaves
// it armed, and destroy then frees a worker that timer will queue on).
KXX_TEST(kthread_worker_altwq_only, cancel_work_sync_of_a_delayed_work_stops_its_timer)
{
	void *worker = alt->create_worker("kw-test", -1);
	Body body;
	TestWork work(alt, body);
	KT_ASSERT(test, worker && work);
	KT_EXPECT(test, alt->queue_delayed(worker, work.get(), 60 * Hz));
	KT_EXPECT(test, alt->cancel_sync(work.get()));
	KT_EXPECT(test, !kw_altwq_dwork(work.get())->timer.pending());
	ExpectWarnings warnings;
	alt->destroy_worker(worker);
	KT_EXPECT_EQ(test, warnings.finish(), 0);
	KT_EXPECT(test, !altwq_kw_worker_is_live(static_cast<altwq_kthread_worker *>(worker)));
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 0);
}
