// SPDX-License-Identifier: GPL-2.0
// The bad-input catalogue: public entry points of both APIs called with
// NULL, zeroed (never initialised), destroyed and foreign objects and with
// CPUs and nodes out of range or offline. Each row must give its refusal
// value and count at least one warning (the few refusals that are quiet, as
// in 6.12, say so), and the objects used stay usable afterwards. Each row is
// logged as "refusal: <call> -> <result>"; scripts/qemu-test checks README's
// list of refusals against those lines (scripts/refusals).
#include <altwq/kthread_worker_api.h>
#include <altwq/workqueue_api.h>
#include "kthread_worker/kw_test.hpp"
#include "kthread_worker/test_hooks.h"
#include "kxx/cpu_hotplug.hpp"
#include "kxx/warn.hpp"
#include "wq/test_hooks.h"
#include "wq/wq_test.hpp"

using namespace altwq::wqtest;

namespace {

const wq_ops *const ops = &altwq_wq_ops_altwq;
const kw_ops *const kops = &altwq_kw_ops_altwq;

enum class Warns { Yes, No };

// One row: run it with warnings counted; its result must be `expected`,
// with at least one warning (Warns::No: none at all).
template <typename F> void row(struct kunit *test, const char *what, long expected, F &&call, Warns warns = Warns::Yes)
{
	ExpectWarnings warnings;
	const long got = static_cast<long>(call());
	const int warned = warnings.finish();
	KT_EXPECT_EQ(test, got, expected);
	if (warns == Warns::Yes)
		KT_EXPECT_GE(test, warned, 1);
	else
		KT_EXPECT_EQ(test, warned, 0);
	altwq_kunit_log(test, "refusal: %s -> %ld (%d warning%s)", what, got, warned, warned == 1 ? "" : "s");
}

// A row for a call that returns nothing: its result is logged as 0.
template <typename F> void void_row(struct kunit *test, const char *what, F &&call, Warns warns = Warns::Yes)
{
	row(test, what, 0, [&] {
		call();
		return 0;
	}, warns);
}

// A kthread_worker and a work on it, through the ops (altwq's).
struct KwOneWork : altwq::kwtest::OneWork {
	KwOneWork() : altwq::kwtest::OneWork(kops) {}
	altwq_kthread_worker *raw_worker() { return static_cast<altwq_kthread_worker *>(worker.get()); }
	altwq_kthread_work *raw_work() { return kw_altwq_work(work.get()); }
	altwq_kthread_delayed_work *raw_dwork() { return kw_altwq_dwork(work.get()); }
	// Queues the work and waits for it: true if it ran once more.
	bool still_runs()
	{
		const int before = body.runs.load(Acquire);
		if (!kops->queue(worker.get(), work.get()))
			return false;
		kops->flush_work(work.get());
		return body.runs.load(Acquire) == before + 1;
	}
};

// Memory kzalloc'ed by the ops glue, freed at the end of the scope.
template <typename T> struct Zeroed : Pinned {
	explicit Zeroed(T *p) : ptr(p) {}
	~Zeroed() { kw_free_raw(ptr); }
	T *ptr;
};

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

// NULL for the rest of the workqueue API's pointers.
KXX_TEST(bad_input, null_objects_of_the_rest_of_the_workqueue_api_are_refused)
{
	AltwqOneWork one;
	KT_ASSERT(test, one.ok());
	auto &[wq, body, w] = static_cast<OneWork &>(one);
	altwq_workqueue *queue = one.queue();
	altwq_work *work = one.raw_work();
	altwq_delayed_work *dwork = wq_altwq_dwork(w.get());
	altwq_workqueue_attrs *attrs = altwq_alloc_workqueue_attrs();
	KT_ASSERT(test, attrs != nullptr);
	void_row(test, "destroy_workqueue(NULL)", [] { altwq_destroy_workqueue(nullptr); });
	void_row(test, "flush_workqueue(NULL)", [] { altwq_flush_workqueue(nullptr); });
	void_row(test, "drain_workqueue(NULL)", [] { altwq_drain_workqueue(nullptr); });
	void_row(test, "workqueue_set_max_active(NULL, 4)", [] { altwq_workqueue_set_max_active(nullptr, 4); });
	void_row(test, "workqueue_set_min_active(NULL, 4)", [] { altwq_workqueue_set_min_active(nullptr, 4); });
	void_row(test, "show_one_workqueue(NULL)", [] { altwq_show_one_workqueue(nullptr); });
	row(test, "queue_delayed_work_on(cpu, NULL, dwork, 1)", 0,
	    [&] { return altwq_queue_delayed_work_on(0, nullptr, dwork, 1); });
	row(test, "mod_delayed_work_on(cpu, NULL, dwork, 1)", 0,
	    [&] { return altwq_mod_delayed_work_on(0, nullptr, dwork, 1); });
	row(test, "queue_work_node(0, NULL, work)", 0, [&] { return altwq_queue_work_node(0, nullptr, work); });
	row(test, "queue_work_node(0, wq, NULL)", 0, [&] { return altwq_queue_work_node(0, queue, nullptr); });
	row(test, "queue_rcu_work(NULL, rwork)", 0, [] { return altwq_queue_rcu_work(nullptr, nullptr); });
	row(test, "flush_rcu_work(NULL)", 0, [] { return altwq_flush_rcu_work(nullptr); });
	row(test, "disable_work(NULL)", 0, [] { return altwq_disable_work(nullptr); });
	row(test, "enable_work(NULL)", 0, [] { return altwq_enable_work(nullptr); });
	row(test, "disable_delayed_work(NULL)", 0, [] { return altwq_disable_delayed_work(nullptr); });
	row(test, "disable_delayed_work_sync(NULL)", 0, [] { return altwq_disable_delayed_work_sync(nullptr); });
	row(test, "work_busy(NULL)", 0, [] { return altwq_work_busy(nullptr); });
	row(test, "workqueue_congested(0, NULL)", 0, [] { return altwq_workqueue_congested(0, nullptr); });
	row(test, "apply_workqueue_attrs(NULL, attrs)", err::Inval, [&] { return altwq_apply_workqueue_attrs(nullptr, attrs); });
	row(test, "schedule_on_each_cpu(NULL)", err::Inval, [] { return altwq_schedule_on_each_cpu(nullptr); });
	row(test, "execute_in_process_context(NULL, ew)", err::Inval,
	    [] { return altwq_execute_in_process_context(nullptr, nullptr); });
	row(test, "work_on_cpu(0, NULL, arg)", err::Inval, [] { return altwq_work_on_cpu(0, nullptr, nullptr); });
	row(test, "work_on_cpu_safe(0, NULL, arg)", err::Inval, [] { return altwq_work_on_cpu_safe(0, nullptr, nullptr); });
	void_row(test, "delayed_work_timer_fn(NULL)", [] { altwq_delayed_work_timer_fn(nullptr); });
	void_row(test, "print_worker_info(lvl, NULL)", [] { altwq_print_worker_info("", nullptr); });
	void_row(test, "free_workqueue_attrs(NULL)", [] { altwq_free_workqueue_attrs(nullptr); }, Warns::No);
	altwq_free_workqueue_attrs(attrs);
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, wq.get(), w.get()));
	(void)ops->flush_work(w.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
}

// NULL for the rest of the kthread_worker API's pointers.
KXX_TEST(bad_input, null_objects_of_the_rest_of_the_kthread_worker_api_are_refused)
{
	KwOneWork one;
	KT_ASSERT(test, one.ok());
	altwq_kthread_worker *worker = one.raw_worker();
	row(test, "kthread_queue_work(worker, NULL)", 0, [&] { return altwq_kthread_queue_work(worker, nullptr); });
	row(test, "kthread_queue_work(NULL, work)", 0, [&] { return altwq_kthread_queue_work(nullptr, one.raw_work()); });
	row(test, "kthread_queue_delayed_work(worker, NULL, 1)", 0,
	    [&] { return altwq_kthread_queue_delayed_work(worker, nullptr, 1); });
	row(test, "kthread_queue_delayed_work(NULL, dwork, 1)", 0,
	    [&] { return altwq_kthread_queue_delayed_work(nullptr, one.raw_dwork(), 1); });
	row(test, "kthread_mod_delayed_work(worker, NULL, 1)", 0,
	    [&] { return altwq_kthread_mod_delayed_work(worker, nullptr, 1); });
	void_row(test, "kthread_flush_work(NULL)", [] { altwq_kthread_flush_work(nullptr); });
	row(test, "kthread_cancel_delayed_work_sync(NULL)", 0, [] { return altwq_kthread_cancel_delayed_work_sync(nullptr); });
	void_row(test, "kthread_destroy_worker(NULL)", [] { altwq_kthread_destroy_worker(nullptr); });
	void_row(test, "kthread_init_worker(NULL)", [] { altwq_kthread_init_worker(nullptr); });
	row(test, "kthread_worker_fn(NULL)", err::Inval, [] { return altwq_kthread_worker_fn(nullptr); });
	row(test, "kthread_create_worker(0, NULL)", err::Inval,
	    [] { return kxx::ptr_err(altwq_kthread_create_worker(0, nullptr)); });
	void_row(test, "kthread_delayed_work_timer_fn(NULL)", [] { altwq_kthread_delayed_work_timer_fn(nullptr); });
	KT_EXPECT(test, one.still_runs());
}

// Zeroed memory that was never initialised: refused wherever it is passed,
// and never touched beyond the check.
KXX_TEST(bad_input, zeroed_objects_are_refused)
{
	AltwqOneWork one;
	KT_ASSERT(test, one.ok());
	altwq_workqueue *queue = one.queue();
	Zeroed work(wq_altwq_zeroed_work());
	Zeroed dwork(wq_altwq_zeroed_dwork());
	Zeroed rwork(wq_altwq_zeroed_rwork());
	KT_ASSERT(test, work.ptr && dwork.ptr && rwork.ptr);
	row(test, "queue_work_on(cpu, wq, zeroed)", 0, [&] { return altwq_queue_work_on(0, queue, work.ptr); });
	row(test, "queue_work_node(0, wq, zeroed)", 0, [&] { return altwq_queue_work_node(0, queue, work.ptr); });
	row(test, "flush_work(zeroed)", 0, [&] { return altwq_flush_work(work.ptr); });
	row(test, "cancel_work(zeroed)", 0, [&] { return altwq_cancel_work(work.ptr); });
	row(test, "cancel_work_sync(zeroed)", 0, [&] { return altwq_cancel_work_sync(work.ptr); });
	row(test, "disable_work_sync(zeroed)", 0, [&] { return altwq_disable_work_sync(work.ptr); });
	row(test, "queue_delayed_work_on(cpu, wq, zeroed, 1)", 0,
	    [&] { return altwq_queue_delayed_work_on(0, queue, dwork.ptr, 1); });
	row(test, "mod_delayed_work_on(cpu, wq, zeroed, 1)", 0,
	    [&] { return altwq_mod_delayed_work_on(0, queue, dwork.ptr, 1); });
	row(test, "cancel_delayed_work_sync(zeroed)", 0, [&] { return altwq_cancel_delayed_work_sync(dwork.ptr); });
	row(test, "flush_delayed_work(zeroed)", 0, [&] { return altwq_flush_delayed_work(dwork.ptr); });
	row(test, "queue_rcu_work(wq, zeroed)", 0, [&] { return altwq_queue_rcu_work(queue, rwork.ptr); });
	KT_EXPECT_EQ(test, altwq_work_busy(work.ptr), 0u);

	KwOneWork kone;
	KT_ASSERT(test, kone.ok());
	Zeroed kwork(kw_altwq_uninitialised_work());
	Zeroed kdwork(kw_altwq_zeroed_dwork());
	Zeroed kworker(kw_altwq_zeroed_worker());
	KT_ASSERT(test, kwork.ptr && kdwork.ptr && kworker.ptr);
	altwq_kthread_worker *worker = kone.raw_worker();
	row(test, "kthread_queue_work(worker, zeroed)", 0, [&] { return altwq_kthread_queue_work(worker, kwork.ptr); });
	row(test, "kthread_queue_delayed_work(worker, zeroed, 1)", 0,
	    [&] { return altwq_kthread_queue_delayed_work(worker, kdwork.ptr, 1); });
	row(test, "kthread_cancel_work_sync(zeroed)", 0, [&] { return altwq_kthread_cancel_work_sync(kwork.ptr); });
	void_row(test, "kthread_flush_work(zeroed)", [&] { altwq_kthread_flush_work(kwork.ptr); });
	row(test, "kthread_queue_work(zeroed worker, work)", 0,
	    [&] { return altwq_kthread_queue_work(kworker.ptr, kone.raw_work()); });
	void_row(test, "kthread_flush_worker(zeroed worker)", [&] { altwq_kthread_flush_worker(kworker.ptr); });
	void_row(test, "kthread_destroy_worker(zeroed worker)", [&] { altwq_kthread_destroy_worker(kworker.ptr); });
	row(test, "kthread_worker_fn(zeroed worker)", err::Inval, [&] { return altwq_kthread_worker_fn(kworker.ptr); });

	// The real objects beside them are untouched.
	KT_EXPECT(test, kone.still_runs());
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, one.wq.get(), one.work.get()));
	(void)ops->flush_work(one.work.get());
	KT_EXPECT_EQ(test, one.body.runs.load(Acquire), 1);
}

// Objects of the wrong kind or owner: a kthread_worker, or a block of
// stack, passed as a workqueue; a work passed to a second kthread_worker
// while it is tied to the first.
KXX_TEST(bad_input, foreign_objects_are_refused)
{
	AltwqOneWork one;
	KT_ASSERT(test, one.ok());
	KwOneWork kone;
	KT_ASSERT(test, kone.ok());
	altwq::kwtest::TestWorker second(kops);
	KT_ASSERT(test, bool(second));
	altwq_work *work = one.raw_work();
	auto *not_a_queue = reinterpret_cast<altwq_workqueue *>(kone.raw_worker());
	unsigned long stack_block[16] = {};
	auto *stack_queue = reinterpret_cast<altwq_workqueue *>(stack_block);
	auto *stack_worker = reinterpret_cast<altwq_kthread_worker *>(stack_block);
	row(test, "queue_work_on(cpu, kthread_worker, work)", 0, [&] { return altwq_queue_work_on(0, not_a_queue, work); });
	void_row(test, "flush_workqueue(kthread_worker)", [&] { altwq_flush_workqueue(not_a_queue); });
	void_row(test, "destroy_workqueue(kthread_worker)", [&] { altwq_destroy_workqueue(not_a_queue); });
	row(test, "queue_work_on(cpu, stack block, work)", 0, [&] { return altwq_queue_work_on(0, stack_queue, work); });
	void_row(test, "drain_workqueue(stack block)", [&] { altwq_drain_workqueue(stack_queue); });
	void_row(test, "workqueue_set_max_active(stack block, 4)", [&] { altwq_workqueue_set_max_active(stack_queue, 4); });
	row(test, "kthread_queue_work(stack block, work)", 0,
	    [&] { return altwq_kthread_queue_work(stack_worker, kone.raw_work()); });
	void_row(test, "kthread_flush_worker(stack block)", [&] { altwq_kthread_flush_worker(stack_worker); });
	// Tied to the first worker by its queueing there.
	KT_EXPECT(test, kone.still_runs());
	row(test, "kthread_queue_work(second worker, work of the first)", 0, [&] {
		return altwq_kthread_queue_work(static_cast<altwq_kthread_worker *>(second.get()), kone.raw_work());
	});
	row(test, "kthread_queue_delayed_work(second worker, work of the first, 1)", 0, [&] {
		return altwq_kthread_queue_delayed_work(static_cast<altwq_kthread_worker *>(second.get()), kone.raw_dwork(),
							1);
	});
	for (unsigned long word : stack_block)
		KT_EXPECT_EQ(test, word, 0ul);
	KT_EXPECT(test, kone.still_runs());
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, one.wq.get(), one.work.get()));
	(void)ops->flush_work(one.work.get());
	KT_EXPECT_EQ(test, one.body.runs.load(Acquire), 1);
}

// A kthread_worker destroyed: every call on it, or on a work still tied to
// it, is refused.
KXX_TEST(bad_input, destroyed_kthread_worker_is_refused)
{
	altwq::kwtest::Body body;
	altwq::kwtest::TestWork w(kops, body);
	KT_ASSERT(test, bool(w));
	void *dead = kops->create_worker("kw-dead", -1);
	KT_ASSERT(test, dead != nullptr);
	KT_EXPECT(test, kops->queue(dead, w.get()));
	kops->destroy_worker(dead);
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	auto *worker = static_cast<altwq_kthread_worker *>(dead);
	altwq_kthread_work *work = kw_altwq_work(w.get());
	altwq_kthread_delayed_work *dwork = kw_altwq_dwork(w.get());
	row(test, "kthread_queue_work(destroyed, work)", 0, [&] { return altwq_kthread_queue_work(worker, work); });
	row(test, "kthread_queue_delayed_work(destroyed, dwork, 1)", 0,
	    [&] { return altwq_kthread_queue_delayed_work(worker, dwork, 1); });
	row(test, "kthread_mod_delayed_work(destroyed, dwork, 1)", 0,
	    [&] { return altwq_kthread_mod_delayed_work(worker, dwork, 1); });
	void_row(test, "kthread_flush_worker(destroyed)", [&] { altwq_kthread_flush_worker(worker); });
	void_row(test, "kthread_destroy_worker(destroyed)", [&] { altwq_kthread_destroy_worker(worker); });
	row(test, "kthread_cancel_work_sync(work of destroyed)", 0, [&] { return altwq_kthread_cancel_work_sync(work); });
	void_row(test, "kthread_flush_work(work of destroyed)", [&] { altwq_kthread_flush_work(work); });
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
	const int bad_worker_cpus[] = {-2, static_cast<int>(nr_cpu_ids()), ALTWQ_WORK_CPU_UNBOUND, 0x7fffffff};
	for (int cpu : bad_worker_cpus) {
		char what[64];
		format(what, sizeof(what), "kthread_create_worker_on_cpu(%d, 0, name)", cpu);
		row(test, what, err::Inval,
		    [&] { return kxx::ptr_err(altwq_kthread_create_worker_on_cpu(cpu, 0, "kw-bad-cpu")); });
	}
	row(test, "kthread_create_worker_on_node(0, 1 << 20, name)", err::Inval,
	    [] { return kxx::ptr_err(altwq_kthread_create_worker_on_node(0, 1 << 20, "kw-bad-node")); });
	row(test, "queue_delayed_work_on(-1, wq, dwork, 1)", 0,
	    [&] { return altwq_queue_delayed_work_on(-1, queue, wq_altwq_dwork(w.get()), 1); });
	row(test, "mod_delayed_work_on(nr_cpu_ids, wq, dwork, 1)", 0,
	    [&] { return altwq_mod_delayed_work_on(int(nr_cpu_ids()), queue, wq_altwq_dwork(w.get()), 1); });
	// Accepted: WORK_CPU_UNBOUND, and every possible CPU.
	KT_EXPECT(test, altwq_queue_work_on(ALTWQ_WORK_CPU_UNBOUND, queue, work));
	(void)ops->flush_work(w.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
}

// An offline CPU: a kthread_worker cannot be bound there (a warning), and
// work_on_cpu_safe() says -ENODEV without one, as in 6.12. Queueing on an
// offline CPU is accepted, as in 6.12 (the work runs elsewhere).
KXX_TEST(bad_input, offline_cpus_are_refused_where_6_12_refuses_them)
{
	const int offline = test::last_online_cpu();
	KT_ASSERT(test, offline > 0);
	AltwqOneWork one;
	KT_ASSERT(test, one.ok());
	KT_ASSERT_OK(test, cpu_down(offline));
	char what[64];
	format(what, sizeof(what), "kthread_create_worker_on_cpu(offline %d, 0, name)", offline);
	row(test, what, err::Inval, [&] { return kxx::ptr_err(altwq_kthread_create_worker_on_cpu(offline, 0, "kw-off")); });
	format(what, sizeof(what), "work_on_cpu_safe(offline %d, fn, NULL)", offline);
	row(test, what, err::NoDev, [&] { return altwq_work_on_cpu_safe(offline, nothing, nullptr); }, Warns::No);
	KT_EXPECT(test, altwq_queue_work_on(offline, one.queue(), one.raw_work()));
	(void)ops->flush_work(one.work.get());
	KT_EXPECT_EQ(test, one.body.runs.load(Acquire), 1);
	KT_EXPECT(test, cpu_up(offline).ok());
}
