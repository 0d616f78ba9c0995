// SPDX-License-Identifier: GPL-2.0
// Workqueue behaviour that altwq and the in-tree workqueue must share: each
// case runs against both through struct wq_ops (suites workqueue and
// workqueue_intree).
#include "wq/altwq_knobs.hpp"
#include "wq/wq_test.hpp"

using namespace altwq::wqtest;

WQ_TEST(queue_while_pending_is_refused)
{
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	KT_EXPECT(test, ops->queue_delayed_on(ops->cpu_unbound, wq.get(), w.get(), 60 * Hz));
	KT_EXPECT(test, !ops->queue_delayed_on(ops->cpu_unbound, wq.get(), w.get(), 1));
	KT_EXPECT(test, !ops->queue_on(ops->cpu_unbound, wq.get(), w.get()));
	KT_EXPECT(test, ops->pending(w.get()));
	KT_EXPECT_EQ(test, ops->busy(w.get()), (unsigned int)TWQ_BUSY_PENDING);
	KT_EXPECT(test, ops->cancel_delayed(w.get()));
	KT_EXPECT(test, !ops->pending(w.get()));
	KT_EXPECT(test, !ops->cancel_delayed(w.get()));
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 0);
}

WQ_TEST(queued_while_running_runs_again_after_never_beside)
{
	Completion gate; // outlives the work that waits on it
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	int a = test::nth_online_cpu(0), b = test::nth_online_cpu(1);
	KT_EXPECT(test, start_blocked(ops, one, gate, a));
	KT_EXPECT_EQ(test, ops->busy(w.get()), (unsigned int)TWQ_BUSY_RUNNING);
	// On another CPU: it must still wait for the first instance.
	KT_EXPECT(test, ops->queue_on(b, wq.get(), w.get()));
	KT_EXPECT(test, !ops->queue_on(b, wq.get(), w.get()));
	msleep(20);
	KT_EXPECT_EQ(test, body.started.load(Acquire), 1);
	gate.complete_all();
	(void)ops->flush_work(w.get()); // false if it already ran
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 2);
	KT_EXPECT_EQ(test, body.overlapped.load(Acquire), 0);
	KT_EXPECT_EQ(test, ops->busy(w.get()), 0U);
}

WQ_TEST(work_runs_on_the_cpu_asked_and_knows_itself_current)
{
	TestWq wq(ops, 0, 0);
	Body body;
	body.ops = ops;
	TestWork w(ops, body);
	KT_ASSERT(test, wq && w);
	int n = 0;
	for (int cpu : online_cpus()) {
		KT_EXPECT(test, ops->queue_on(cpu, wq.get(), w.get()));
		(void)ops->flush_work(w.get()); // false if it already ran
		KT_EXPECT_EQ(test, body.last_cpu.load(Acquire), cpu);
		n++;
	}
	KT_EXPECT_EQ(test, body.saw_itself_current.load(Acquire), n);
	KT_EXPECT(test, !ops->is_current(w.get()));
	KT_EXPECT(test, !ops->flush_work(w.get())); // idle: nothing to wait for
}

// Concurrency management: a sleeping work lets the next one start.
WQ_TEST(sleeping_works_on_one_cpu_all_run_at_once)
{
	enum { N = 6 };
	TestWq wq(ops, 0, 0);
	WorkSet set(ops, N);
	Completion gate;
	KT_ASSERT(test, wq && set.ok());
	int cpu = last_online_cpu();
	KT_EXPECT_EQ(test, set.queue_all_on(wq.get(), cpu, [&](Body &b, int i) { b.gate = &gate; }), (int)N);
	// Each waits for the gate, which opens only once all have started.
	KT_EXPECT(test, wait_until([&] { return set.total(&Body::started) == N; }, 10000));
	gate.complete_all();
	ops->flush_wq(wq.get());
	KT_EXPECT_EQ(test, set.total(&Body::runs), N);
	for (int i = 0; i < N; i++)
		KT_EXPECT_EQ(test, set.body(i).last_cpu.load(Acquire), cpu);
}

// Concurrency management: preemption is not sleeping, so CPU-bound works
// on one CPU run one after another.
WQ_TEST(cpu_bound_works_on_one_cpu_run_one_at_a_time)
{
	enum { N = 6 };
	TestWq wq(ops, 0, 0);
	WorkSet set(ops, N);
	Concurrency conc;
	KT_ASSERT(test, wq && set.ok());
	const int threads = test::online_thread_count();
	const int cpu = test::nth_online_cpu(threads - 1);
	KT_ASSERT(test, threads >= 2);
	NoHogMarks no_hogs; // what the case counts is concurrency management alone
	// A thread that keeps the works' CPU busy preempts them (it yields, so
	// they progress): preemption must not count as sleeping.
	Atomic<int> done{0};
	int err = test::run_on_threads(threads, [&](int t) {
		if (t == threads - 1) {
			const uint64_t deadline = ktime_ns() + 10000000000ULL;
			while (!done.load(Acquire) && ktime_ns() < deadline)
				cond_resched();
		} else if (t == 0) {
			KT_EXPECT_EQ(test, set.queue_all_on(wq.get(), cpu, [&](Body &b, int) {
				b.concurrency = &conc;
				b.spin_us = 1000;
			}), (int)N);
			ops->flush_wq(wq.get());
			done.store(1, Release);
		}
	});
	KT_EXPECT_EQ(test, err, 0);
	ops->flush_wq(wq.get());
	KT_EXPECT_EQ(test, set.total(&Body::runs), N);
	KT_EXPECT_EQ(test, conc.max.load(Acquire), 1);
	for (int i = 0; i < N; i++)
		KT_EXPECT_EQ(test, set.body(i).last_cpu.load(Acquire), cpu);
}

// Spins until `others` works have started too, yielding the CPU but never
// sleeping; gives up after 5 s.
struct MeetBody {
	Atomic<int> started{0};
	Atomic<int> met{0};
	int others = 1;
};
static void meet_fn(wq_ops_work *, void *ctx)
{
	MeetBody *m = static_cast<MeetBody *>(ctx);
	m->started.fetch_add(1, Full);
	uint64_t deadline = ktime_ns() + 5000000000ULL;
	while (m->started.load(Acquire) <= m->others && ktime_ns() < deadline)
		cond_resched();
	if (m->started.load(Acquire) > m->others)
		m->met.fetch_add(1, Full);
}

WQ_TEST(cpu_intensive_works_do_not_hold_back_others)
{
	TestWq wq(ops, TWQ_CPU_INTENSIVE, 0);
	MeetBody meet;
	wq_ops_work *a = ops->new_work(meet_fn, &meet), *b = ops->new_work(meet_fn, &meet);
	KT_ASSERT(test, wq && a && b);
	int cpu = last_online_cpu();
	KT_EXPECT(test, ops->queue_on(cpu, wq.get(), a));
	KT_EXPECT(test, ops->queue_on(cpu, wq.get(), b));
	ops->flush_wq(wq.get());
	KT_EXPECT_EQ(test, meet.met.load(Acquire), 2);
	ops->free_work(a);
	ops->free_work(b);
}

WQ_TEST(max_active_one_serialises_and_raising_it_lets_more_run)
{
	enum { N = 3 };
	TestWq wq(ops, 0, 1);
	WorkSet set(ops, N);
	Completion gate;
	Concurrency conc;
	KT_ASSERT(test, wq && set.ok());
	int cpu = last_online_cpu();
	KT_EXPECT_EQ(test, set.queue_all_on(wq.get(), cpu, [&](Body &b, int i) { b.gate = &gate; b.concurrency = &conc; }), (int)N);
	KT_EXPECT(test, wait_until([&] { return set.total(&Body::started) == 1; }, 5000));
	msleep(30);
	KT_EXPECT_EQ(test, set.total(&Body::started), 1);
	ops->set_max_active(wq.get(), N);
	KT_EXPECT(test, wait_until([&] { return set.total(&Body::started) == N; }, 5000));
	KT_EXPECT_EQ(test, conc.max.load(Acquire), N);
	gate.complete_all();
	ops->flush_wq(wq.get());
	KT_EXPECT_EQ(test, set.total(&Body::runs), N);
}

WQ_TEST(max_active_one_runs_sleepers_one_at_a_time)
{
	enum { N = 4 };
	TestWq wq(ops, 0, 1);
	WorkSet set(ops, N);
	Concurrency conc;
	KT_ASSERT(test, wq && set.ok());
	int cpu = last_online_cpu();
	KT_EXPECT_EQ(test, set.queue_all_on(wq.get(), cpu, [&](Body &b, int i) { b.sleep_ms = 10; b.concurrency = &conc; }), (int)N);
	ops->flush_wq(wq.get());
	KT_EXPECT_EQ(test, set.total(&Body::runs), N);
	KT_EXPECT_EQ(test, conc.max.load(Acquire), 1);
}

WQ_TEST(ordered_queue_runs_in_queueing_order_one_at_a_time)
{
	enum { N = 16 };
	TestWq wq(ops, 0, 1, true);
	WorkSet set(ops, N);
	Atomic<int> next{0}, violations{0};
	Concurrency conc;
	KT_ASSERT(test, wq && set.ok());
	for (int i = 0; i < N; i++) {
		Body &b = set.body(i);
		b.index = i;
		b.next_index = &next;
		b.order_violations = &violations;
		b.concurrency = &conc;
		b.sleep_ms = (i % 3 == 0) ? 2 : 0;
		// The CPU asked for does not matter to an ordered queue.
		KT_EXPECT(test, ops->queue_on(test::nth_online_cpu(i), wq.get(), set.work(i)));
	}
	ops->flush_wq(wq.get());
	KT_EXPECT_EQ(test, set.total(&Body::runs), N);
	KT_EXPECT_EQ(test, violations.load(Acquire), 0);
	KT_EXPECT_EQ(test, conc.max.load(Acquire), 1);
}

WQ_TEST(flush_workqueue_waits_for_everything_queued_before)
{
	enum { N = 8 };
	TestWq wq(ops, TWQ_UNBOUND, 0);
	WorkSet set(ops, N);
	KT_ASSERT(test, wq && set.ok());
	KT_EXPECT_EQ(test, set.queue_all_on(wq.get(), ops->cpu_unbound, [&](Body &b, int i) { b.sleep_ms = 5 + i; }), (int)N);
	ops->flush_wq(wq.get());
	KT_EXPECT_EQ(test, set.total(&Body::runs), N);
}

// Thread 0 waits (flush or cancel) on a running work; thread 1 opens its
// gate 50 ms later. The work must have finished when the wait returns.
static void wait_for_running(struct kunit *test, const wq_ops *ops, bool cancel)
{
	Completion gate; // outlives the work that waits on it
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	KT_EXPECT(test, start_blocked(ops, one, gate, ops->cpu_unbound));
	Atomic<int> result{-1}, runs_after{-1};
	int err = test::run_on_threads(2, [&](int i) {
		if (i == 0) {
			bool r = cancel ? ops->cancel_sync(w.get()) : ops->flush_work(w.get());
			runs_after.store(body.runs.load(Acquire), Release);
			result.store(r, Release);
		} else {
			msleep(50);
			gate.complete_all();
		}
	});
	gate.complete_all(); // also when the threads could not start
	KT_EXPECT_EQ(test, err, 0);
	KT_EXPECT_EQ(test, runs_after.load(Acquire), 1);
	// flush: it was running; cancel: it was not pending.
	KT_EXPECT_EQ(test, result.load(Acquire), cancel ? 0 : 1);
}

WQ_TEST(flush_work_waits_for_the_running_instance) { wait_for_running(test, ops, false); }
WQ_TEST(cancel_sync_waits_for_the_running_instance) { wait_for_running(test, ops, true); }

WQ_TEST(cancel_of_a_queued_work_keeps_it_from_running)
{
	TestWq wq(ops, 0, 1);
	Body blocker_body, body_a, body_b;
	Completion gate;
	blocker_body.gate = &gate;
	TestWork blocker(ops, blocker_body), a(ops, body_a), b(ops, body_b);
	KT_ASSERT(test, wq && blocker && a && b);
	int cpu = last_online_cpu();
	KT_EXPECT(test, ops->queue_on(cpu, wq.get(), blocker.get()));
	KT_EXPECT(test, wait_until([&] { return blocker_body.started.load(Acquire) == 1; }, 5000));
	KT_EXPECT(test, ops->queue_on(cpu, wq.get(), a.get()));
	KT_EXPECT(test, ops->queue_on(cpu, wq.get(), b.get()));
	KT_EXPECT(test, ops->cancel(a.get()));
	KT_EXPECT(test, ops->cancel_sync(b.get()));
	KT_EXPECT(test, !ops->cancel(a.get()));
	KT_EXPECT(test, !ops->pending(a.get()) && !ops->pending(b.get()));
	gate.complete_all();
	ops->flush_wq(wq.get());
	KT_EXPECT_EQ(test, blocker_body.runs.load(Acquire), 1);
	KT_EXPECT_EQ(test, body_a.runs.load(Acquire) + body_b.runs.load(Acquire), 0);
	// And they can be queued again.
	KT_EXPECT(test, ops->queue_on(cpu, wq.get(), a.get()));
	(void)ops->flush_work(a.get()); // false if it already ran
	KT_EXPECT_EQ(test, body_a.runs.load(Acquire), 1);
}

WQ_TEST(delayed_work_waits_and_mod_moves_it)
{
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	uint64_t t0 = ktime_ns();
	KT_EXPECT(test, ops->queue_delayed_on(ops->cpu_unbound, wq.get(), w.get(), msecs_to_jiffies(200)));
	msleep(50);
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 0);
	KT_EXPECT(test, wait_until([&] { return body.runs.load(Acquire) == 1; }, 5000));
	KT_EXPECT_GE(test, ktime_ns() - t0, 190000000ULL);
	// mod on an idle work queues it (false: it was not pending) ...
	KT_EXPECT(test, !ops->mod_delayed_on(ops->cpu_unbound, wq.get(), w.get(), 60 * Hz));
	KT_EXPECT(test, ops->pending(w.get()));
	// ... and on a pending one moves its deadline (true).
	KT_EXPECT(test, ops->mod_delayed_on(ops->cpu_unbound, wq.get(), w.get(), 0));
	KT_EXPECT(test, wait_until([&] { return body.runs.load(Acquire) == 2; }, 5000));
	KT_EXPECT(test, !ops->pending(w.get()));
}

WQ_TEST(flush_delayed_runs_it_now)
{
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	KT_EXPECT(test, ops->queue_delayed_on(ops->cpu_unbound, wq.get(), w.get(), 60 * Hz));
	(void)ops->flush_delayed(w.get()); // false if a worker beat the flush to it
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	KT_EXPECT(test, !ops->pending(w.get()));
}

// Nothing is lost: every queueing either ran or was reported cancelled.
WQ_TEST(cancel_delayed_races_its_timer)
{
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	int cancelled = 0, queued = 0;
	for (int i = 0; i < 300; i++) {
		if (ops->queue_delayed_on(ops->cpu_unbound, wq.get(), w.get(), 1 + (i & 1)))
			queued++;
		udelay(random_u32() % 12000); // around the 1-2 jiffy expiry
		bool sync = i & 2;
		if (sync ? ops->cancel_delayed_sync(w.get()) : ops->cancel_delayed(w.get()))
			cancelled++;
		if (sync)
			KT_EXPECT_EQ(test, ops->busy(w.get()), 0U);
		else
			ops->flush_work(w.get());
	}
	KT_EXPECT_EQ(test, queued, 300);
	KT_EXPECT_EQ(test, body.runs.load(Acquire) + cancelled, queued);
	KT_EXPECT_EQ(test, body.overlapped.load(Acquire), 0);
	altwq_kunit_log(test, "%s: %d of %d queueings cancelled", ops->name, cancelled, queued);
}

WQ_TEST(concurrent_cancels_all_return)
{
	Completion gate; // outlives the work that waits on it
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	KT_EXPECT(test, start_blocked(ops, one, gate, ops->cpu_unbound));
	Atomic<int> returned{0};
	int err = test::run_on_threads(4, [&](int i) {
		if (i == 3) {
			msleep(50);
			gate.complete_all();
			return;
		}
		(void)ops->cancel_sync(w.get());
		KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
		returned.fetch_add(1, Full);
	});
	gate.complete_all(); // also when the threads could not start
	KT_EXPECT_EQ(test, err, 0);
	KT_EXPECT_EQ(test, returned.load(Acquire), 3);
	KT_EXPECT(test, !ops->pending(w.get()));
}

WQ_TEST(cancel_stops_a_self_requeueing_work)
{
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	body.ops = ops;
	body.wq = wq.get();
	body.requeues.store(1 << 30, Relaxed);
	body.spin_us = 50;
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, wq.get(), w.get()));
	KT_EXPECT(test, wait_until([&] { return body.runs.load(Acquire) >= 20; }, 5000));
	(void)ops->cancel_sync(w.get());
	int runs = body.runs.load(Acquire);
	msleep(20);
	KT_EXPECT_EQ(test, body.runs.load(Acquire), runs);
	KT_EXPECT(test, !ops->pending(w.get()));
	KT_EXPECT_EQ(test, ops->busy(w.get()), 0U);
}

WQ_TEST(drain_runs_chained_works_to_the_end)
{
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	body.ops = ops;
	body.wq = wq.get();
	body.requeues.store(5, Relaxed);
	body.sleep_ms = 2;
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, wq.get(), w.get()));
	ops->drain(wq.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 6);
	// A drained queue takes works again.
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, wq.get(), w.get()));
	(void)ops->flush_work(w.get()); // false if it already ran
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 7);
}

WQ_TEST(every_kind_of_queue_runs_works)
{
	Body body;
	TestWork w(ops, body);
	KT_ASSERT(test, w);
	const unsigned int kinds[] = {0, TWQ_HIGHPRI, TWQ_UNBOUND, TWQ_UNBOUND | TWQ_HIGHPRI, TWQ_MEM_RECLAIM,
				      TWQ_CPU_INTENSIVE, TWQ_POWER_EFFICIENT, TWQ_PERCPU};
	int expected = 0;
	for (unsigned int flags : kinds) {
		if ((flags & TWQ_PERCPU) && !wq_has(test, ops, TWQ_LACKS_PERCPU, "WQ_PERCPU"))
			continue;
		TestWq wq(ops, flags, 0);
		KT_EXPECT(test, wq);
		if (!wq)
			continue;
		KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, wq.get(), w.get()));
		(void)ops->flush_work(w.get()); // false if it already ran
		KT_EXPECT_EQ(test, body.runs.load(Acquire), ++expected);
	}
	// BH queues take works of their own (bh_works_run_in_softirq_...).
	for (int which = 0; which < TWQ_SYSTEM_BH; which++) {
		if ((which == TWQ_SYSTEM_PERCPU || which == TWQ_SYSTEM_DFL) &&
		    !wq_has(test, ops, TWQ_LACKS_PERCPU, "system_percpu_wq and system_dfl_wq"))
			continue;
		KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, ops->system(which), w.get()));
		(void)ops->flush_work(w.get()); // false if it already ran
		KT_EXPECT_EQ(test, body.runs.load(Acquire), ++expected);
	}
}

WQ_TEST(destroy_after_heavy_use_runs_everything)
{
	enum { N = 16, Rounds = 20 };
	TestWq wq(ops, 0, 0);
	WorkSet set(ops, N);
	KT_ASSERT(test, wq && set.ok());
	for (int i = 0; i < N; i++)
		set.body(i).sleep_ms = i % 4 == 0 ? 1 : 0;
	Atomic<int> queued{0};
	int err = test::run_on_threads(test::online_thread_count(), [&](int t) {
		for (int r = 0; r < Rounds; r++)
			for (int i = t; i < N; i += test::online_thread_count())
				if (ops->queue_on(ops->cpu_unbound, wq.get(), set.work(i)))
					queued.fetch_add(1, Full);
	});
	KT_EXPECT_EQ(test, err, 0);
	wq.destroy();
	KT_EXPECT_GE(test, queued.load(Acquire), N);
	KT_EXPECT_EQ(test, set.total(&Body::runs), queued.load(Acquire));
	KT_EXPECT_EQ(test, set.total(&Body::overlapped), 0);
}

// A delayed work is not tied to the queue its timer last served.
WQ_TEST(delayed_work_outlives_its_first_queue)
{
	Body body;
	TestWork w(ops, body);
	KT_ASSERT(test, w);
	{
		TestWq first(ops, 0, 0);
		KT_ASSERT(test, first);
		KT_EXPECT(test, ops->queue_delayed_on(ops->cpu_unbound, first.get(), w.get(), 1));
		KT_EXPECT(test, wait_until([&] { return body.runs.load(Acquire) == 1; }, 5000));
		(void)ops->flush_work(w.get()); // false if it already ran
	}
	ops->quiesce(); // the first queue is freed now
	KT_EXPECT(test, !ops->cancel_delayed_sync(w.get()));
	KT_EXPECT(test, !ops->cancel_delayed(w.get()));
	KT_EXPECT(test, !ops->flush_delayed(w.get()));
	TestWq second(ops, TWQ_UNBOUND, 0);
	KT_ASSERT(test, second);
	KT_EXPECT(test, !ops->mod_delayed_on(ops->cpu_unbound, second.get(), w.get(), 60 * Hz));
	KT_EXPECT(test, ops->cancel_delayed_sync(w.get()));
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
}

// As 6.10+: while a cancel_*_sync waits for the running instance, the work
// is not pending, and neither queueing nor mod_delayed_work adds one.
WQ_TEST(cancel_sync_waiting_for_a_run_leaves_the_work_idle_and_refuses_queueing)
{
	Completion gate; // outlives the work that waits on it
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	KT_EXPECT(test, start_blocked(ops, one, gate, ops->cpu_unbound));
	Atomic<int> cancelled{-1};
	bool pending_during = true, mod_during = true, queue_during = true;
	unsigned int busy_during = 0;
	int err = test::run_on_threads(2, [&](int i) {
		if (i == 0) {
			cancelled.store(ops->cancel_sync(w.get()) ? 1 : 0, Release);
			return;
		}
		msleep(50); // the cancel waits for the run by now
		pending_during = ops->pending(w.get());
		busy_during = ops->busy(w.get());
		mod_during = ops->mod_delayed_on(ops->cpu_unbound, wq.get(), w.get(), 0);
		queue_during = ops->queue_on(ops->cpu_unbound, wq.get(), w.get());
		gate.complete_all();
	});
	gate.complete_all(); // also when the threads could not start
	KT_EXPECT_EQ(test, err, 0);
	if (ops->lacks & TWQ_LACKS_DISABLE) {
		// Before 6.10 (6.1) a waiting cancel holds the work's PENDING bit:
		// the work reads pending, and mod_delayed_work() returns its
		// -ENOENT as true without queueing anything.
		altwq_kunit_log(test, "%s: this kernel's cancel holds PENDING while it waits", ops->name);
		KT_EXPECT(test, pending_during);
		KT_EXPECT_EQ(test, busy_during, (unsigned int)(TWQ_BUSY_PENDING | TWQ_BUSY_RUNNING));
		KT_EXPECT(test, mod_during);
	} else {
		KT_EXPECT(test, !pending_during);
		KT_EXPECT_EQ(test, busy_during, (unsigned int)TWQ_BUSY_RUNNING);
		KT_EXPECT(test, !mod_during);
	}
	KT_EXPECT(test, !queue_during);
	KT_EXPECT_EQ(test, cancelled.load(Acquire), 0);
	msleep(20);
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	KT_EXPECT(test, !ops->pending(w.get()));
	// Enabled again once the cancel returned.
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, wq.get(), w.get()));
	(void)ops->flush_work(w.get()); // false if it already ran
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 2);
}

// 0 means "the default" only to alloc_workqueue: set_max_active clamps it
// to 1 (with a message), as 6.12 does.
WQ_TEST(set_max_active_zero_clamps_to_one)
{
	enum { N = 3 };
	TestWq wq(ops, 0, N);
	WorkSet set(ops, N);
	Completion gate;
	Concurrency conc;
	KT_ASSERT(test, wq && set.ok());
	ops->set_max_active(wq.get(), 0);
	int cpu = last_online_cpu();
	KT_EXPECT_EQ(test, set.queue_all_on(wq.get(), cpu, [&](Body &b, int) { b.gate = &gate; b.concurrency = &conc; }), (int)N);
	KT_EXPECT(test, wait_until([&] { return set.total(&Body::started) == 1; }, 5000));
	msleep(30);
	KT_EXPECT_EQ(test, set.total(&Body::started), 1);
	gate.complete_all();
	ops->flush_wq(wq.get());
	KT_EXPECT_EQ(test, set.total(&Body::runs), (int)N);
	KT_EXPECT_EQ(test, conc.max.load(Acquire), 1);
}
