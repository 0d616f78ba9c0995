// SPDX-License-Identifier: GPL-2.0
// The bad-input catalogue: public entry points of both APIs called with
// NULL, destroyed and never-initialised objects and with CPUs and nodes out
// of range. Each row must give its refusal value and count at least one
// warning, and the objects used stay usable afterwards. Each row is logged
// as "refusal: <call> -> <result>", the list README's refusals follow.
#include <altwq/kthread_worker_api.h>
#include <altwq/workqueue_api.h>
#include "kthread_worker/test_hooks.h"
#include "kxx/warn.hpp"
#include "wq/test_hooks.h"
#include "wq/wq_test.hpp"

using namespace altwq::wqtest;

namespace {

const wq_ops *const ops = &altwq_wq_ops_altwq;

// One row: run it with warnings counted; its result must be `expected`.
template <typename F> void row(struct kunit *test, const char *what, long expected, F &&call)
{
	ExpectWarnings warnings;
	const long got = static_cast<long>(call());
	const int warned = warnings.finish();
	KT_EXPECT_EQ(test, got, expected);
	KT_EXPECT_GE(test, warned, 1);
	altwq_kunit_log(test, "refusal: %s -> %ld (%d warning%s)", what, got, warned, warned == 1 ? "" : "s");
}

long nothing(void *) { return 0; }

// A queue and a work (OneWork), seen as altwq's own types.
struct AltwqOneWork : OneWork {
	AltwqOneWork() : OneWork(ops) {}
	altwq_workqueue *queue() { return static_cast<altwq_workqueue *>(wq.get()); }
	altwq_work *raw_work() { return wq_altwq_work(work.get()); }
};

} // namespace

// NULL for every pointer an entry point takes.
KXX_TEST(bad_input, null_objects_are_refused)
{
	AltwqOneWork one;
	KT_ASSERT(test, one.ok());
	auto &[wq, body, w] = static_cast<OneWork &>(one);
	altwq_workqueue *queue = one.queue();
	altwq_work *work = one.raw_work();
	row(test, "queue_work_on(cpu, NULL, work)", 0, [&] { return altwq_queue_work_on(0, nullptr, work); });
	row(test, "queue_work_on(cpu, wq, NULL)", 0, [&] { return altwq_queue_work_on(0, queue, nullptr); });
	row(test, "queue_delayed_work_on(cpu, wq, NULL, 1)", 0,
	    [&] { return altwq_queue_delayed_work_on(0, queue, nullptr, 1); });
	row(test, "mod_delayed_work_on(cpu, wq, NULL, 1)", 0, [&] { return altwq_mod_delayed_work_on(0, queue, nullptr, 1); });
	row(test, "flush_work(NULL)", 0, [] { return altwq_flush_work(nullptr); });
	row(test, "flush_delayed_work(NULL)", 0, [] { return altwq_flush_delayed_work(nullptr); });
	row(test, "cancel_work(NULL)", 0, [] { return altwq_cancel_work(nullptr); });
	row(test, "cancel_work_sync(NULL)", 0, [] { return altwq_cancel_work_sync(nullptr); });
	row(test, "cancel_delayed_work(NULL)", 0, [] { return altwq_cancel_delayed_work(nullptr); });
	row(test, "cancel_delayed_work_sync(NULL)", 0, [] { return altwq_cancel_delayed_work_sync(nullptr); });
	row(test, "disable_work_sync(NULL)", 0, [] { return altwq_disable_work_sync(nullptr); });
	row(test, "enable_delayed_work(NULL)", 0, [] { return altwq_enable_delayed_work(nullptr); });
	row(test, "queue_rcu_work(wq, NULL)", 0, [&] { return altwq_queue_rcu_work(queue, nullptr); });
	row(test, "alloc_workqueue(NULL, 0, 0)", 0, [] { return altwq_alloc_workqueue(nullptr, 0, 0) != nullptr; });
	row(test, "apply_workqueue_attrs(wq, NULL)", err::Inval, [&] { return altwq_apply_workqueue_attrs(queue, nullptr); });
	row(test, "kthread_queue_work(NULL, NULL)", 0, [] { return altwq_kthread_queue_work(nullptr, nullptr); });
	row(test, "kthread_flush_worker(NULL)", 0, [] {
		altwq_kthread_flush_worker(nullptr);
		return 0;
	});
	row(test, "kthread_cancel_work_sync(NULL)", 0, [] { return altwq_kthread_cancel_work_sync(nullptr); });
	// Nothing was lost: the work still queues and runs.
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, wq.get(), w.get()));
	(void)ops->flush_work(w.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
}

// A queue destroyed: every call on it is refused (the registry knows the
// address), and a work refused there still runs on another queue.
KXX_TEST(bad_input, destroyed_queue_is_refused)
{
	Body body;
	TestWork w(ops, body);
	void *dead = ops->alloc("twq-dead", 0, 0);
	TestWq live(ops, 0, 0);
	KT_ASSERT(test, w && dead && live);
	ops->destroy(dead);
	ops->quiesce();
	auto *queue = static_cast<altwq_workqueue *>(dead);
	altwq_work *work = wq_altwq_work(w.get());
	row(test, "queue_work_on(cpu, destroyed, work)", 0, [&] { return altwq_queue_work_on(0, queue, work); });
	row(test, "flush_workqueue(destroyed)", 0, [&] {
		altwq_flush_workqueue(queue);
		return 0;
	});
	row(test, "drain_workqueue(destroyed)", 0, [&] {
		altwq_drain_workqueue(queue);
		return 0;
	});
	row(test, "workqueue_set_max_active(destroyed, 4)", 0, [&] {
		altwq_workqueue_set_max_active(queue, 4);
		return 0;
	});
	row(test, "destroy_workqueue(destroyed)", 0, [&] {
		altwq_destroy_workqueue(queue);
		return 0;
	});
	KT_EXPECT(test, !ops->pending(w.get()));
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, live.get(), w.get()));
	(void)ops->flush_work(w.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
}

// CPUs and nodes out of range: negative, nr_cpu_ids, INT_MAX. NR_CPUS is
// WORK_CPU_UNBOUND ("any CPU"), as in 6.12, and is accepted.
KXX_TEST(bad_input, cpus_and_nodes_out_of_range_are_refused)
{
	AltwqOneWork one;
	KT_ASSERT(test, one.ok());
	auto &[wq, body, w] = static_cast<OneWork &>(one);
	altwq_workqueue *queue = one.queue();
	altwq_work *work = one.raw_work();
	const int bad_cpus[] = {-1, -2, static_cast<int>(nr_cpu_ids()), 0x7fffffff};
	for (int cpu : bad_cpus) {
		char what[64];
		format(what, sizeof(what), "queue_work_on(%d, wq, work)", cpu);
		row(test, what, 0, [&] { return altwq_queue_work_on(cpu, queue, work); });
		format(what, sizeof(what), "work_on_cpu(%d, fn, NULL)", cpu);
		row(test, what, err::Inval, [&] { return altwq_work_on_cpu(cpu, nothing, nullptr); });
		format(what, sizeof(what), "workqueue_congested(%d, wq)", cpu);
		row(test, what, 0, [&] { return altwq_workqueue_congested(cpu, queue); });
	}
	row(test, "queue_work_node(-5, wq, work)", 0, [&] { return altwq_queue_work_node(-5, queue, work); });
	row(test, "queue_work_node(1 << 20, wq, work)", 0, [&] { return altwq_queue_work_node(1 << 20, queue, work); });
	row(test, "kthread_create_worker_on_cpu(nr_cpu_ids, 0, name)", err::Inval,
	    [] { return kxx::ptr_err(altwq_kthread_create_worker_on_cpu(int(nr_cpu_ids()), 0, "kw-bad-cpu")); });
	// Accepted: WORK_CPU_UNBOUND, and every possible CPU.
	KT_EXPECT(test, altwq_queue_work_on(ALTWQ_WORK_CPU_UNBOUND, queue, work));
	(void)ops->flush_work(w.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
}
