// SPDX-License-Identifier: GPL-2.0
// kthread_worker behaviour, run against altwq and the in-tree worker alike.
#include "kw_test.hpp"

using namespace altwq::kwtest;

KW_TEST(queue_runs_each_queued_instance_once)
{
	OneWork t(ops);
	KT_ASSERT(test, t.ok());
	KT_EXPECT(test, ops->queue(t.worker.get(), t.work.get()));
	ops->flush_work(t.work.get());
	KT_EXPECT_EQ(test, t.body.runs.load(Acquire), 1);
	KT_EXPECT(test, ops->queue(t.worker.get(), t.work.get()));
	ops->flush_worker(t.worker.get());
	KT_EXPECT_EQ(test, t.body.runs.load(Acquire), 2);
	KT_EXPECT_EQ(test, t.body.overlapped.load(Relaxed), 0);
}

KW_TEST(queue_refused_while_pending)
{
	BusyWorker busy(ops);
	Body body;
	TestWork work(ops, body);
	KT_ASSERT(test, bool(work));
	KT_ASSERT(test, busy.start());
	void *worker = busy.worker.get();
	// The worker is busy: `work` stays queued, and queueing it again is refused.
	KT_EXPECT(test, ops->queue(worker, work.get()));
	KT_EXPECT(test, !ops->queue(worker, work.get()));
	KT_EXPECT(test, !ops->queue_delayed(worker, work.get(), 1));
	busy.release();
	ops->flush_worker(worker);
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	// Once it ran it can be queued again.
	KT_EXPECT(test, ops->queue(worker, work.get()));
	ops->flush_work(work.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 2);
}

KW_TEST(works_run_in_queue_order)
{
	TestWorker worker(ops);
	KT_ASSERT(test, bool(worker));
	constexpr int N = 6;
	Body bodies[N];
	TestWork *works[N];
	alignas(TestWork) unsigned char storage[N][sizeof(TestWork)];
	for (int i = 0; i < N; i++)
		works[i] = new (storage[i]) TestWork(ops, bodies[i]);
	for (int i = 0; i < N; i++)
		KT_EXPECT(test, ops->queue(worker.get(), works[i]->get()));
	ops->flush_worker(worker.get());
	for (int i = 1; i < N; i++)
		KT_EXPECT_LE(test, bodies[i - 1].last_run_ns.load(Relaxed), bodies[i].last_run_ns.load(Relaxed));
	for (int i = 0; i < N; i++) {
		KT_EXPECT_EQ(test, bodies[i].runs.load(Acquire), 1);
		works[i]->~TestWork();
	}
}

KW_TEST(delayed_work_waits_for_its_delay)
{
	OneWork t(ops);
	KT_ASSERT(test, t.ok());
	const uint64_t queued = ktime_ns();
	const unsigned long delay = msecs_to_jiffies(50);
	KT_EXPECT(test, ops->queue_delayed(t.worker.get(), t.work.get(), delay));
	KT_EXPECT(test, !ops->queue_delayed(t.worker.get(), t.work.get(), delay));
	KT_EXPECT(test, wait_until([&] { return t.body.runs.load(Acquire) == 1; }, 2000));
	KT_EXPECT_GE(test, t.body.last_run_ns.load(Relaxed) - queued, 40ULL * 1000 * 1000);
	// Delay 0 queues at once.
	KT_EXPECT(test, ops->queue_delayed(t.worker.get(), t.work.get(), 0));
	ops->flush_work(t.work.get());
	KT_EXPECT_EQ(test, t.body.runs.load(Acquire), 2);
}

KW_TEST(mod_delayed_work_moves_the_deadline)
{
	OneWork t(ops);
	KT_ASSERT(test, t.ok());
	// Idle: mod queues it and says it was not pending.
	KT_EXPECT(test, !ops->mod_delayed(t.worker.get(), t.work.get(), 60 * Hz));
	// Pending: mod re-arms it (sooner) and says it was pending.
	KT_EXPECT(test, ops->mod_delayed(t.worker.get(), t.work.get(), 1));
	KT_EXPECT(test, wait_until([&] { return t.body.runs.load(Acquire) == 1; }, 2000));
	msleep(20);
	KT_EXPECT_EQ(test, t.body.runs.load(Acquire), 1);
	// Pushed far out, then cancelled: never runs.
	KT_EXPECT(test, !ops->mod_delayed(t.worker.get(), t.work.get(), 60 * Hz));
	KT_EXPECT(test, ops->mod_delayed(t.worker.get(), t.work.get(), 120 * Hz));
	KT_EXPECT(test, ops->cancel_delayed_sync(t.work.get()));
	KT_EXPECT_EQ(test, t.body.runs.load(Acquire), 1);
}

KW_TEST(cancel_reports_whether_pending)
{
	BusyWorker busy(ops);
	Body body;
	TestWork work(ops, body);
	KT_ASSERT(test, busy.worker && busy.blocker && work);
	void *worker = busy.worker.get();
	KT_EXPECT(test, !ops->cancel_sync(work.get())); // never queued
	KT_EXPECT(test, ops->queue_delayed(worker, work.get(), 60 * Hz));
	KT_EXPECT(test, ops->cancel_delayed_sync(work.get()));
	KT_EXPECT(test, !ops->cancel_delayed_sync(work.get()));
	// Queued behind a busy work: cancelled before it ran.
	KT_ASSERT(test, busy.start());
	KT_EXPECT(test, ops->queue(worker, work.get()));
	KT_EXPECT(test, ops->cancel_sync(work.get()));
	busy.release();
	ops->flush_worker(worker);
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 0);
	KT_EXPECT_EQ(test, busy.blocker_body.runs.load(Acquire), 1);
}

KW_TEST(cancel_waits_for_the_running_instance)
{
	OneWork t(ops);
	KT_ASSERT(test, t.ok());
	t.body.busy_ms = 50;
	KT_EXPECT(test, ops->queue(t.worker.get(), t.work.get()));
	KT_EXPECT(test, wait_until([&] { return t.body.started.load(Acquire) == 1; }));
	KT_EXPECT(test, !ops->cancel_sync(t.work.get())); // running, not pending
	KT_EXPECT_EQ(test, t.body.runs.load(Acquire), 1);
	KT_EXPECT_EQ(test, t.body.inside.load(Acquire), 0);
}

// While a cancel waits for the running instance, queueing the work is
// refused (the cancel must not return with it queued again).
KW_TEST(queue_refused_while_a_cancel_waits)
{
	OneWork t(ops);
	KT_ASSERT(test, t.ok());
	Completion gate;
	t.body.gate = &gate;
	KT_EXPECT(test, ops->queue(t.worker.get(), t.work.get()));
	KT_EXPECT(test, wait_until([&] { return t.body.started.load(Acquire) == 1; }));
	Atomic<int> cancelling{0}, cancel_returned{0};
	bool queued_during_cancel = true, delayed_during_cancel = true;
	int err = test::run_on_threads(2, [&](int i) {
		if (i == 0) {
			cancelling.store(1, Release);
			(void)ops->cancel_sync(t.work.get());
			cancel_returned.store(1, Release);
			return;
		}
		while (!cancelling.load(Acquire))
			cpu_relax();
		msleep(50); // the cancel is now waiting for the running instance
		queued_during_cancel = ops->queue(t.worker.get(), t.work.get());
		delayed_during_cancel = ops->queue_delayed(t.worker.get(), t.work.get(), 1);
		// The work is still blocked on the gate, so the cancel cannot have
		// returned yet; if it has, it returned with the work running.
		const bool cancel_returned_early = cancel_returned.load(Acquire) != 0;
		gate.complete();
		if (cancel_returned_early)
			queued_during_cancel = delayed_during_cancel = true; // fail the case
	});
	KT_EXPECT_EQ(test, err, 0);
	KT_EXPECT(test, !queued_during_cancel);
	KT_EXPECT(test, !delayed_during_cancel);
	msleep(20);
	KT_EXPECT_EQ(test, t.body.runs.load(Acquire), 1);
}

KW_TEST(cancel_stops_a_self_requeueing_work)
{
	const Requeue kinds[] = {Requeue::Plain, Requeue::Delayed};
	for (Requeue how : kinds) {
		TestWorker worker(ops);
		KT_ASSERT(test, bool(worker));
		Body body;
		body.requeue = how;
		body.ops = ops;
		body.worker = worker.get();
		TestWork work(ops, body);
		KT_ASSERT(test, bool(work));
		KT_EXPECT(test, ops->queue(worker.get(), work.get()));
		KT_EXPECT(test, wait_until([&] { return body.runs.load(Acquire) >= 5; }, 3000));
		if (how == Requeue::Plain)
			(void)ops->cancel_sync(work.get());
		else
			(void)ops->cancel_delayed_sync(work.get());
		const int runs = body.runs.load(Acquire);
		KT_EXPECT_EQ(test, body.inside.load(Acquire), 0);
		msleep(30);
		KT_EXPECT_EQ(test, body.runs.load(Acquire), runs);
	}
}

// The timer may fire just before, during or after the cancel: the return
// value must match what happened (pending -> never ran; not pending -> ran),
// except that the in-tree worker may say "not pending" for an instance whose
// timer fired during the cancel and that then never ran (see kw_ops.h).
KW_TEST(cancel_delayed_races_its_timer)
{
	OneWork t(ops);
	KT_ASSERT(test, t.ok());
	int mismatches = 0, cancelled = 0, ran = 0, dropped = 0;
	for (int i = 0; i < 200; i++) {
		const int before = t.body.runs.load(Acquire);
		KT_ASSERT(test, ops->queue_delayed(t.worker.get(), t.work.get(), 1));
		udelay(random_u32() % 8000); // around the next tick (HZ >= 125)
		const bool was_pending = ops->cancel_delayed_sync(t.work.get());
		const int delta = t.body.runs.load(Acquire) - before;
		if (was_pending && delta == 0)
			cancelled++;
		else if (!was_pending && delta == 1)
			ran++;
		else if (!was_pending && delta == 0 && !ops->cancel_counts_fired_timer)
			dropped++;
		else
			mismatches++;
	}
	msleep(20);
	KT_EXPECT_EQ(test, mismatches, 0);
	KT_EXPECT_EQ(test, t.body.runs.load(Acquire), ran);
	altwq_kunit_log(test, "%s: %d cancelled before running, %d ran first, %d dropped by a timer racing the cancel",
			ops->name, cancelled, ran, dropped);
}

KW_TEST(concurrent_cancels_all_return)
{
	OneWork t(ops);
	KT_ASSERT(test, t.ok());
	t.body.busy_ms = 5;
	t.body.requeue = Requeue::Plain;
	t.body.ops = ops;
	t.body.worker = t.worker.get();
	KT_EXPECT(test, ops->queue(t.worker.get(), t.work.get()));
	KT_EXPECT(test, wait_until([&] { return t.body.runs.load(Acquire) >= 2; }));
	Atomic<int> returned{0};
	int err = test::run_on_threads(3, [&](int) {
		(void)ops->cancel_sync(t.work.get());
		returned.fetch_add(1, Full);
	});
	KT_EXPECT_EQ(test, err, 0);
	KT_EXPECT_EQ(test, returned.load(Acquire), 3);
	const int runs = t.body.runs.load(Acquire);
	msleep(30);
	KT_EXPECT_EQ(test, t.body.runs.load(Acquire), runs);
}

KW_TEST(flush_work_waits_for_last_instance_flush_worker_for_all)
{
	TestWorker worker(ops);
	KT_ASSERT(test, bool(worker));
	Body idle_body, slow_body;
	slow_body.busy_ms = 20;
	TestWork idle(ops, idle_body), slow(ops, slow_body);
	KT_ASSERT(test, idle && slow);
	ops->flush_work(idle.get()); // never queued: returns at once
	KT_EXPECT(test, ops->queue(worker.get(), slow.get()));
	ops->flush_work(slow.get());
	KT_EXPECT_EQ(test, slow_body.runs.load(Acquire), 1);
	KT_EXPECT(test, ops->queue(worker.get(), slow.get()));
	KT_EXPECT(test, ops->queue(worker.get(), idle.get()));
	ops->flush_worker(worker.get());
	KT_EXPECT_EQ(test, slow_body.runs.load(Acquire), 2);
	KT_EXPECT_EQ(test, idle_body.runs.load(Acquire), 1);
}

KW_TEST(destroy_flushes_queued_works)
{
	TestWorker worker(ops);
	KT_ASSERT(test, bool(worker));
	Body body;
	body.busy_ms = 5;
	Body other;
	TestWork work(ops, body), second(ops, other);
	KT_ASSERT(test, work && second);
	KT_EXPECT(test, ops->queue(worker.get(), work.get()));
	KT_EXPECT(test, ops->queue(worker.get(), second.get()));
	worker.destroy();
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	KT_EXPECT_EQ(test, other.runs.load(Acquire), 1);
}

KW_TEST(worker_on_cpu_runs_there)
{
	for (int cpu : online_cpus()) {
		TestWorker worker(ops, cpu);
		KT_ASSERT(test, bool(worker));
		Body body;
		TestWork work(ops, body);
		KT_ASSERT(test, bool(work));
		KT_EXPECT(test, ops->queue(worker.get(), work.get()));
		ops->flush_work(work.get());
		KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
		KT_EXPECT_EQ(test, body.last_cpu.load(Relaxed), cpu);
	}
}

// mod_delayed_work and cancel from two threads: no deadlock, and once both
// are done and a last cancel returned, nothing runs any more.
KW_TEST(mod_racing_cancel_leaves_nothing_queued)
{
	OneWork t(ops);
	KT_ASSERT(test, t.ok());
	Atomic<int> stop{0};
	int err = test::run_on_threads(2, [&](int i) {
		const uint64_t until = ktime_ns() + 300ULL * 1000 * 1000;
		while (ktime_ns() < until) {
			if (i == 0)
				(void)ops->mod_delayed(t.worker.get(), t.work.get(), random_u32() % 3);
			else
				(void)ops->cancel_delayed_sync(t.work.get());
			if (random_u32() % 4 == 0)
				usleep_range(10, 200);
		}
		stop.store(1, Release);
	});
	KT_EXPECT_EQ(test, err, 0);
	(void)ops->cancel_delayed_sync(t.work.get());
	const int runs = t.body.runs.load(Acquire);
	msleep(30);
	KT_EXPECT_EQ(test, t.body.runs.load(Acquire), runs);
	KT_EXPECT_EQ(test, t.body.overlapped.load(Relaxed), 0);
}
