// SPDX-License-Identifier: GPL-2.0
// The rest of 6.12's workqueue API, against altwq and the kernel's own:
// disable counts, rcu, deferrable and static works, execute_in_process_context,
// queue_work_node, work_on_cpu and workqueue_congested.
#include "kxx/irq_work.hpp"
#include "wq/wq_test.hpp"

using namespace altwq::wqtest;

namespace {

long cpu_plus_1000(void *arg)
{
	static_cast<Atomic<int> *>(arg)->fetch_add(1, Full);
	return this_cpu_hint() + 1000;
}

} // namespace

// A disabled work is refused; the count nests, and each enable says
// whether it reached 0.
WQ_TEST(disable_refuses_queueing_and_counts_nest)
{
	WQ_REQUIRE(TWQ_LACKS_DISABLE, "disable_work (6.10)");
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	KT_EXPECT(test, !ops->disable(w.get())); // was not pending
	KT_EXPECT(test, !ops->queue_on(ops->cpu_unbound, wq.get(), w.get()));
	KT_EXPECT(test, !ops->queue_delayed_on(ops->cpu_unbound, wq.get(), w.get(), 1));
	KT_EXPECT(test, !ops->pending(w.get()));
	KT_EXPECT(test, !ops->disable_sync(w.get())); // twice now
	KT_EXPECT(test, !ops->enable(w.get()));	    // once left
	KT_EXPECT(test, !ops->queue_on(ops->cpu_unbound, wq.get(), w.get()));
	KT_EXPECT(test, ops->enable(w.get()));
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, wq.get(), w.get()));
	(void)ops->flush_work(w.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
}

// disable_delayed_work of an armed work cancels it (true: it was pending);
// the timer never delivers it; mod_delayed_work does not queue it either.
WQ_TEST(disable_of_an_armed_work_cancels_it_until_enabled)
{
	WQ_REQUIRE(TWQ_LACKS_DISABLE, "disable_work (6.10)");
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	KT_EXPECT(test, ops->queue_delayed_on(ops->cpu_unbound, wq.get(), w.get(), 1000));
	KT_EXPECT(test, ops->disable_delayed(w.get()));
	KT_EXPECT(test, !ops->pending(w.get()));
	KT_EXPECT(test, !ops->mod_delayed_on(ops->cpu_unbound, wq.get(), w.get(), 1));
	KT_EXPECT(test, !ops->pending(w.get()));
	msleep(50);
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 0);
	KT_EXPECT(test, ops->enable_delayed(w.get()));
	KT_EXPECT(test, ops->queue_delayed_on(ops->cpu_unbound, wq.get(), w.get(), 1000));
	KT_EXPECT(test, ops->disable_delayed_sync(w.get()));
	KT_EXPECT(test, ops->enable_delayed(w.get()));
	// Not pending (false), and queued now.
	KT_EXPECT(test, !ops->mod_delayed_on(ops->cpu_unbound, wq.get(), w.get(), 0));
	(void)ops->flush_delayed(w.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
}

// disable_work_sync waits for the running instance and leaves the work
// disabled; disable_work does not wait.
WQ_TEST(disable_sync_waits_for_the_running_instance_and_keeps_it_disabled)
{
	WQ_REQUIRE(TWQ_LACKS_DISABLE, "disable_work (6.10)");
	Completion gate;
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	KT_EXPECT(test, start_blocked(ops, one, gate, ops->cpu_unbound));
	KT_EXPECT(test, !ops->disable(w.get())); // running, not pending: no wait
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 0);
	Atomic<int> returned{0};
	int runs_when_returned = -1;
	int returned_before_gate = -1;
	int err = test::run_on_threads(2, [&](int i) {
		if (i == 0) {
			(void)ops->disable_sync(w.get());
			runs_when_returned = body.runs.load(Acquire);
			returned.store(1, Release);
			return;
		}
		msleep(50);
		returned_before_gate = returned.load(Acquire);
		gate.complete_all();
	});
	gate.complete_all();
	KT_EXPECT_EQ(test, err, 0);
	KT_EXPECT_EQ(test, returned_before_gate, 0);
	KT_EXPECT_EQ(test, runs_when_returned, 1);
	KT_EXPECT(test, !ops->queue_on(ops->cpu_unbound, wq.get(), w.get()));
	KT_EXPECT(test, !ops->enable(w.get())); // disable + disable_sync: two
	KT_EXPECT(test, ops->enable(w.get()));
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, wq.get(), w.get()));
	(void)ops->flush_work(w.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 2);
}

// enable_and_queue_work queues only the enable that reaches 0.
WQ_TEST(enable_and_queue_queues_once_the_count_reaches_zero)
{
	WQ_REQUIRE(TWQ_LACKS_DISABLE, "enable_and_queue_work (6.10)");
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	(void)ops->disable(w.get());
	(void)ops->disable(w.get());
	KT_EXPECT(test, !ops->enable_and_queue(wq.get(), w.get()));
	KT_EXPECT(test, !ops->pending(w.get()));
	KT_EXPECT(test, ops->enable_and_queue(wq.get(), w.get()));
	(void)ops->flush_work(w.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
}

// queue_rcu_work: pending through a grace period, then queued; flush_rcu_work
// returns once it ran.
WQ_TEST(rcu_work_runs_after_a_grace_period_and_flush_waits_for_it)
{
	TestWq wq(ops, 0, 0);
	Body body;
	TestWork w(ops, TestWork::OtherKind);
	KT_ASSERT(test, wq && w);
	ops->init_rcu_work(w.get(), body_fn, &body);
	KT_EXPECT(test, ops->queue_rcu(wq.get(), w.get()));
	KT_EXPECT(test, !ops->queue_rcu(wq.get(), w.get())); // pending
	KT_EXPECT(test, ops->pending(w.get()));
	KT_EXPECT(test, ops->flush_rcu(w.get()));
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	KT_EXPECT(test, !ops->pending(w.get()));
	KT_EXPECT(test, !ops->flush_rcu(w.get())); // idle: nothing to wait for
}

// INIT_DEFERRABLE_WORK and the static initialisers make working works.
WQ_TEST(deferrable_and_statically_initialised_works_run)
{
	TestWq wq(ops, 0, 0);
	Body body;
	TestWork w(ops, TestWork::OtherKind);
	KT_ASSERT(test, wq && w);
	ops->init_deferrable_work(w.get(), body_fn, &body);
	KT_EXPECT(test, ops->queue_delayed_on(ops->cpu_unbound, wq.get(), w.get(), 1));
	KT_EXPECT(test, wait_until([&] { return body.runs.load(Acquire) == 1; }, 2000));
	(void)ops->cancel_delayed_sync(w.get());
	KT_EXPECT_EQ(test, ops->static_works_run(wq.get()), 3);
}

namespace {

struct FromIrq {
	const wq_ops *ops;
	wq_ops_work *work;
	Body *body;
	int ret = -1;
	IrqWork irq_work{IrqWork::callback<&FromIrq::irq_work, &FromIrq::fire>()};
	void fire() { ret = ops->execute_in_process_context(work, body_fn, body); }
};

} // namespace

// alloc_workqueue_lockdep_map (6.12): queues made with one map (bound and
// unbound) run their works with it held, as lockdep sees it; a plain
// queue's works run under a map of its own.
WQ_TEST(queues_made_with_one_lockdep_map_run_their_works_under_it)
{
	WQ_REQUIRE(TWQ_LACKS_LOCKDEP_MAP, "alloc_workqueue_lockdep_map (6.12)");
	KT_EXPECT_EQ(test, ops->shared_lockdep_map_held(), 1 | 2);
}

// In a task it runs at once (0); from an interrupt it goes to the system
// queue (1) and runs soon after.
WQ_TEST(execute_in_process_context_runs_now_in_a_task_and_later_from_an_irq)
{
	Body body;
	TestWork w(ops, TestWork::OtherKind);
	KT_ASSERT(test, w);
	KT_EXPECT_EQ(test, ops->execute_in_process_context(w.get(), body_fn, &body), 0);
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	FromIrq irq{ops, w.get(), &body};
	KT_EXPECT(test, irq.irq_work.queue());
	irq.irq_work.sync();
	KT_EXPECT_EQ(test, irq.ret, 1);
	KT_EXPECT(test, wait_until([&] { return body.runs.load(Acquire) == 2; }, 2000));
	(void)ops->flush_work(w.get());
}

// queue_work_node on an unbound queue, for a node and for "no node".
WQ_TEST(queue_work_node_runs_the_work)
{
	TestWq wq(ops, TWQ_UNBOUND, 0);
	Body body;
	TestWork w(ops, body);
	KT_ASSERT(test, wq && w);
	KT_EXPECT(test, ops->queue_node(0, wq.get(), w.get()));
	(void)ops->flush_work(w.get());
	KT_EXPECT(test, ops->queue_node(-1, wq.get(), w.get()));
	(void)ops->flush_work(w.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 2);
}

// work_on_cpu runs fn on that CPU and returns its result; so does the
// _safe variant for an online CPU.
WQ_TEST(work_on_cpu_runs_fn_there_and_returns_its_result)
{
	Atomic<int> calls{0};
	int n = 0;
	for (int cpu : online_cpus()) {
		KT_EXPECT_EQ(test, ops->work_on_cpu(cpu, cpu_plus_1000, &calls), (long)cpu + 1000);
		KT_EXPECT_EQ(test, ops->work_on_cpu_safe(cpu, cpu_plus_1000, &calls), (long)cpu + 1000);
		n += 2;
	}
	KT_EXPECT_EQ(test, calls.load(Acquire), n);
}

// Congested while a work waits for max_active on that CPU.
WQ_TEST(congested_while_works_wait_for_max_active)
{
	enum { N = 2 };
	TestWq wq(ops, 0, 1);
	WorkSet set(ops, N);
	Completion gate;
	KT_ASSERT(test, wq && set.ok());
	int cpu = last_online_cpu();
	KT_EXPECT(test, !ops->congested(cpu, wq.get()));
	KT_EXPECT_EQ(test, set.queue_all_on(wq.get(), cpu, [&](Body &b, int) { b.gate = &gate; }), (int)N);
	KT_EXPECT(test, wait_until([&] { return set.total(&Body::started) == 1; }, 5000));
	KT_EXPECT(test, ops->congested(cpu, wq.get()));
	gate.complete_all();
	ops->flush_wq(wq.get());
	KT_EXPECT(test, !ops->congested(cpu, wq.get()));
	KT_EXPECT_EQ(test, set.total(&Body::runs), (int)N);
}

// BH queues (6.9+): the work runs in softirq context, on the CPU it was
// queued from, or on the CPU asked; flush waits for that run.
WQ_TEST(bh_works_run_in_softirq_on_the_queueing_cpu)
{
	WQ_REQUIRE(TWQ_LACKS_BH, "WQ_BH (6.9)");
	TestWq bh(ops, TWQ_BH, 0), bh_hi(ops, TWQ_BH | TWQ_HIGHPRI, 0);
	Body body;
	TestWork w(ops, body, TestWork::Bh);
	KT_ASSERT(test, bh && bh_hi && w);
	void *const queues[] = {bh.get(), bh_hi.get(), ops->system(TWQ_SYSTEM_BH), ops->system(TWQ_SYSTEM_BH_HIGHPRI)};
	const int cpu = last_online_cpu();
	int expected = 0;
	for (void *q : queues) {
		bool queued = false;
		int err = test::run_on_threads_on_cpu(1, cpu, [&](int) { queued = ops->queue_on(ops->cpu_unbound, q, w.get()); });
		KT_EXPECT_EQ(test, err, 0);
		KT_EXPECT(test, queued);
		(void)ops->flush_work(w.get());
		KT_EXPECT_EQ(test, body.runs.load(Acquire), ++expected);
		KT_EXPECT_EQ(test, body.in_softirq.load(Acquire), 1);
		KT_EXPECT_EQ(test, body.start_cpu.load(Acquire), cpu);
		// Asked for another CPU (from this one): it runs there.
		for (int other : online_cpus()) {
			KT_EXPECT(test, ops->queue_on(other, q, w.get()));
			(void)ops->flush_work(w.get());
			KT_EXPECT_EQ(test, body.runs.load(Acquire), ++expected);
			KT_EXPECT_EQ(test, body.start_cpu.load(Acquire), other);
			KT_EXPECT_EQ(test, body.in_softirq.load(Acquire), 1);
		}
	}
}

// A BH work running in softirq is waited for by cancel_work_sync and
// disable_work_sync from a task; an armed BH delayed work is cancelled.
WQ_TEST(bh_work_is_cancelled_and_disabled_from_task_context)
{
	WQ_REQUIRE(TWQ_LACKS_BH, "WQ_BH (6.9)");
	TestWq bh(ops, TWQ_BH, 0);
	Body body;
	TestWork w(ops, body, TestWork::Bh);
	KT_ASSERT(test, bh && w);
	body.spin_us = 20000;
	const int cpu = last_online_cpu();
	KT_EXPECT(test, ops->queue_on(cpu, bh.get(), w.get()));
	KT_EXPECT(test, wait_until([&] { return body.started.load(Acquire) == 1; }, 5000));
	KT_EXPECT(test, !ops->cancel_sync(w.get())); // running, not pending
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	KT_EXPECT(test, ops->queue_on(cpu, bh.get(), w.get()));
	KT_EXPECT(test, wait_until([&] { return body.started.load(Acquire) == 2; }, 5000));
	(void)ops->disable_sync(w.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 2);
	KT_EXPECT(test, !ops->queue_on(cpu, bh.get(), w.get()));
	KT_EXPECT(test, ops->enable(w.get()));
	body.spin_us = 0;
	KT_EXPECT(test, ops->queue_delayed_on(cpu, bh.get(), w.get(), 1000));
	KT_EXPECT(test, ops->cancel_delayed_sync(w.get()));
	KT_EXPECT(test, ops->queue_on(cpu, bh.get(), w.get()));
	(void)ops->flush_work(w.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 3);
	KT_EXPECT_EQ(test, body.in_softirq.load(Acquire), 1);
}
