// SPDX-License-Identifier: GPL-2.0
// The newer API where the kernel does not export it to modules
// (schedule_on_each_cpu, current_is_workqueue_rescuer, the dumps), and
// what altwq promises beyond 6.12: refusals, destroy waiting for rcu works.
#include <altwq/workqueue_api.h>
#include "kxx/log.hpp"
#include "kxx/task.hpp"
#include "kxx/warn.hpp"
#include "wq/test_hooks.h"
#include "wq/wq_test.hpp"

using namespace altwq::wqtest;

namespace {

const wq_ops *const ops = &altwq_wq_ops_altwq;

enum { MaxCpus = 64 };
constinit Atomic<int> each_cpu_hits[MaxCpus];
constinit Atomic<int> each_cpu_bad{0};

void each_cpu_fn(altwq_work *)
{
	int cpu = this_cpu_hint();
	if (cpu < MaxCpus)
		each_cpu_hits[cpu].fetch_add(1, Full);
	else
		each_cpu_bad.fetch_add(1, Full);
}

// What a worker says about itself while it runs a work.
struct Self {
	bool rescuer = true;
	bool read_desc = false;
	char desc[32] = "unset";
	const char *set_to = nullptr;	// set_worker_desc("%s", set_to) first
};

void self_fn(wq_ops_work *, void *ctx)
{
	Self *s = static_cast<Self *>(ctx);
	if (s->set_to)
		altwq_set_worker_desc("%s", s->set_to);
	s->rescuer = altwq_current_is_workqueue_rescuer();
	s->read_desc = altwq_wq_current_desc(s->desc, sizeof(s->desc));
	altwq_print_worker_info(log::Info, reinterpret_cast<task_struct *>(TaskRef::current().raw()));
}

bool same_string(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

} // namespace

KXX_TEST(workqueue_altwq_only, schedule_on_each_cpu_runs_once_on_every_online_cpu)
{
	for (auto &h : each_cpu_hits)
		h.store(0, Relaxed);
	KT_EXPECT_EQ(test, altwq_schedule_on_each_cpu(each_cpu_fn), 0);
	KT_EXPECT_EQ(test, each_cpu_bad.load(Acquire), 0);
	for (int cpu = 0; cpu < MaxCpus; cpu++)
		KT_EXPECT_EQ(test, each_cpu_hits[cpu].load(Acquire), cpu_online(cpu) ? 1 : 0);
}

// set_worker_desc names one work: the next work on that worker starts
// without it. A worker is not a rescuer; a test thread is neither.
KXX_TEST(workqueue_altwq_only, worker_desc_lasts_one_work_and_workers_are_not_rescuers)
{
	TestWq wq(ops, TWQ_UNBOUND, 1);
	KT_ASSERT(test, wq);
	Self first, second;
	first.set_to = "unit 7";
	Self *const selves[] = {&first, &second};
	for (Self *s : selves) {
		wq_ops_work *w = ops->new_work(self_fn, s);
		KT_ASSERT(test, w);
		KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, wq.get(), w));
		(void)ops->flush_work(w);
		ops->free_work(w);
	}
	KT_EXPECT(test, first.read_desc && second.read_desc);
	KT_EXPECT(test, same_string(first.desc, "unit 7"));
	KT_EXPECT(test, same_string(second.desc, ""));
	KT_EXPECT(test, !first.rescuer && !second.rescuer);
	KT_EXPECT(test, !altwq_current_is_workqueue_rescuer());
	char buf[8];
	KT_EXPECT(test, !altwq_wq_current_desc(buf, sizeof(buf)));
	// Not a worker: prints nothing, touches nothing.
	altwq_print_worker_info(log::Info, reinterpret_cast<task_struct *>(TaskRef::current().raw()));
}

// The dump prints the busy pwqs only: one here, with a work running and
// one waiting for max_active.
KXX_TEST(workqueue_altwq_only, show_one_workqueue_prints_the_busy_pwqs)
{
	enum { N = 2 };
	TestWq wq(ops, 0, 1);
	WorkSet set(ops, N);
	Completion gate;
	KT_ASSERT(test, wq && set.ok());
	KT_EXPECT_EQ(test, altwq_wq_show_one_counted(wq.get()), 0);
	int cpu = last_online_cpu();
	KT_EXPECT_EQ(test, set.queue_all_on(wq.get(), cpu, [&](Body &b, int) { b.gate = &gate; }), (int)N);
	KT_EXPECT(test, wait_until([&] { return set.total(&Body::started) == 1; }, 5000));
	KT_EXPECT_EQ(test, altwq_wq_show_one_counted(wq.get()), 1);
	altwq_show_all_workqueues();
	gate.complete_all();
	ops->flush_wq(wq.get());
	KT_EXPECT_EQ(test, altwq_wq_show_one_counted(wq.get()), 0);
	// A BH work running in softirq on another CPU: its worker has no thread.
	TestWq bh(ops, TWQ_BH, 0);
	Body spin;
	TestWork w(ops, spin, TestWork::Bh);
	KT_ASSERT(test, bh && w);
	spin.spin_us = 200000;
	int shown = -1;
	bool queued = false;
	// Queued from the dumping thread itself: its start-up (slow under TCG)
	// is not spent out of the work's 200 ms.
	int err = test::run_on_threads_on_cpu(1, test::nth_online_cpu(0), [&](int) {
		queued = ops->queue_on(cpu, bh.get(), w.get());
		if (queued && wait_until([&] { return spin.started.load(Acquire) == 1; }, 5000))
			shown = altwq_wq_show_one_counted(bh.get());
	});
	KT_EXPECT_EQ(test, err, 0);
	KT_EXPECT(test, queued);
	(void)ops->flush_work(w.get());
	KT_EXPECT_EQ(test, shown, 1);
	KT_EXPECT_EQ(test, spin.runs.load(Acquire), 1);
}

// 6.12 frees the queue under a pending rcu work's callback; altwq's destroy
// waits for the callback and runs the work.
KXX_TEST(workqueue_altwq_only, destroy_waits_for_rcu_works_and_runs_them)
{
	TestWq wq(ops, 0, 0);
	Body body;
	wq_ops_work *w = ops->new_work(body_fn, &body);
	KT_ASSERT(test, wq && w);
	ops->init_rcu_work(w, body_fn, &body);
	KT_EXPECT(test, ops->queue_rcu(wq.get(), w));
	wq.destroy();
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	KT_EXPECT(test, !ops->pending(w));
	ops->free_work(w);
}

// power_efficient=1 makes ALTWQ_POWER_EFFICIENT queues unbound, as
// workqueue.power_efficient does; by default they are per-CPU.
KXX_TEST(workqueue_altwq_only, power_efficient_queues_are_unbound_only_when_asked)
{
	void *pcpu = ops->alloc("twq-pe", TWQ_POWER_EFFICIENT, 0);
	altwq_wq_set_power_efficient(true);
	void *unbound = ops->alloc("twq-pe-unbound", TWQ_POWER_EFFICIENT, 0);
	altwq_wq_set_power_efficient(false);
	KT_ASSERT(test, pcpu && unbound);
	KT_EXPECT(test, !(altwq_wq_flags(pcpu) & ALTWQ_UNBOUND));
	KT_EXPECT(test, altwq_wq_flags(unbound) & ALTWQ_UNBOUND);
	ops->destroy(pcpu);
	ops->destroy(unbound);
}

// flush_scheduled_work flushes the system queue (and says it should not).
KXX_TEST(workqueue_altwq_only, flush_scheduled_work_flushes_the_system_queue)
{
	KT_EXPECT_EQ(test, wq_altwq_flush_scheduled_roundtrip(), 1);
}

KXX_TEST(workqueue_altwq_only, new_api_bad_input_is_refused)
{
	OneWork one(ops);
	auto &[wq, body, w] = one;
	KT_ASSERT(test, one.ok());
	altwq_work *work = wq_altwq_work(w.get());
	auto *queue = static_cast<altwq_workqueue *>(wq.get());
	ExpectWarnings warnings;
	KT_EXPECT(test, !altwq_disable_work(nullptr));
	KT_EXPECT(test, !altwq_disable_work_sync(nullptr));
	KT_EXPECT(test, !altwq_enable_work(nullptr));
	KT_EXPECT(test, !altwq_disable_delayed_work(nullptr));
	KT_EXPECT(test, !altwq_enable_delayed_work(nullptr));
	KT_EXPECT(test, altwq_enable_work(work)); // not disabled: a warning, and it stays enabled
	KT_EXPECT(test, !altwq_queue_work_node(-5, queue, work));
	KT_EXPECT(test, !altwq_queue_work_node(1 << 20, queue, work));
	KT_EXPECT(test, !altwq_queue_rcu_work(queue, nullptr));
	KT_EXPECT(test, !altwq_flush_rcu_work(nullptr));
	KT_EXPECT_EQ(test, altwq_work_on_cpu(100000, [](void *) -> long { return 0; }, nullptr), (long)err::Inval);
	KT_EXPECT_EQ(test, altwq_work_on_cpu_safe(-3, [](void *) -> long { return 0; }, nullptr), (long)err::Inval);
	KT_EXPECT_EQ(test, altwq_work_on_cpu(0, nullptr, nullptr), (long)err::Inval);
	KT_EXPECT_EQ(test, altwq_schedule_on_each_cpu(nullptr), err::Inval);
	KT_EXPECT_EQ(test, altwq_execute_in_process_context(nullptr, nullptr), err::Inval);
	KT_EXPECT(test, !altwq_workqueue_congested(100000, queue));
	KT_EXPECT(test, !altwq_workqueue_congested(0, nullptr));
	altwq_show_one_workqueue(nullptr);
	altwq_print_worker_info(log::Info, nullptr);
	KT_EXPECT(test, !altwq_alloc_workqueue("bad-percpu", ALTWQ_PERCPU | ALTWQ_UNBOUND, 0));
	// "Any CPU" is NR_CPUS, as in 6.12; -1 is no CPU at all.
	KT_EXPECT(test, !altwq_queue_work_on(-1, queue, work));
	// BH queues are per-CPU, HIGHPRI at most, with the default max_active.
	KT_EXPECT(test, !altwq_alloc_workqueue("bad-bh", ALTWQ_BH | ALTWQ_UNBOUND, 0));
	KT_EXPECT(test, !altwq_alloc_workqueue("bad-bh", ALTWQ_BH | ALTWQ_MEM_RECLAIM, 0));
	KT_EXPECT(test, !altwq_alloc_workqueue("bad-bh", ALTWQ_BH, 4));
	altwq_workqueue_set_max_active(altwq_system_bh_wq, 4);
	KT_EXPECT_EQ(test, warnings.finish(), 25);
	KT_EXPECT_GE(test, ALTWQ_WORK_CPU_UNBOUND, (int)nr_cpu_ids());
	// Nothing was lost: the work still queues and runs.
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, wq.get(), w.get()));
	(void)ops->flush_work(w.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
}
