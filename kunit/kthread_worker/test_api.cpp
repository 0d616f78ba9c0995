// SPDX-License-Identifier: GPL-2.0
// The rest of the kthread_worker API: static initialisers and worker->task,
// against both implementations; 6.14's create_worker_on_node (altwq only).
#include <altwq/kthread_worker_api.h>
#include "kthread_worker/worker.hpp"
#include "kw_test.hpp"
#include "kxx/errno.hpp"
#include "kxx/task.hpp"
#include "kxx/warn.hpp"

using namespace altwq::kwtest;

namespace {

struct RanIn {
	Atomic<void *> task{nullptr};
};

void record_task(kw_ops_work *, void *ctx)
{
	static_cast<RanIn *>(ctx)->task.store(TaskRef::current().raw(), Release);
}

} // namespace

// DEFINE_KTHREAD_WORK and DEFINE_KTHREAD_DELAYED_WORK make working works,
// and every work runs in the thread worker->task names.
KW_TEST(static_works_run_and_works_run_in_the_worker_task)
{
	TestWorker worker(ops);
	KT_ASSERT(test, worker);
	void *task = ops->task_of(worker.get());
	KT_EXPECT(test, task != nullptr);
	KT_EXPECT_EQ(test, ops->static_works_run(worker.get()), 2);
	RanIn ran;
	kw_ops_work *w = ops->new_work(record_task, &ran);
	KT_ASSERT(test, w);
	KT_EXPECT(test, ops->queue(worker.get(), w));
	ops->flush_work(w);
	KT_EXPECT(test, ran.task.load(Acquire) == task);
	ops->free_work(w);
}

// kthread_init_worker + kthread_worker_fn: a worker in the caller's memory,
// run by the caller's own kthread; ->task names that thread.
KW_TEST(embedded_worker_runs_works_in_its_callers_thread)
{
	void *worker = ops->start_embedded_worker("kw-embedded");
	KT_ASSERT(test, worker);
	RanIn ran;
	kw_ops_work *w = ops->new_work(record_task, &ran);
	KT_ASSERT(test, w);
	for (int i = 0; i < 3; i++) {
		KT_EXPECT(test, ops->queue(worker, w));
		ops->flush_work(w);
	}
	KT_EXPECT(test, ran.task.load(Acquire) != nullptr);
	KT_EXPECT(test, ran.task.load(Acquire) == ops->task_of(worker));
	KT_EXPECT(test, ops->queue_delayed(worker, w, 1000));
	KT_EXPECT(test, ops->cancel_delayed_sync(w));
	ops->stop_embedded_worker(worker);
	ops->free_work(w);
}

// What only altwq refuses about embedded workers: destroying one, running
// one never initialised, initialising a worker kthread_create_worker made.
// Initialising one again makes it fresh, as 6.12 does.
KXX_TEST(kthread_worker_altwq_only, embedded_worker_misuse_is_refused)
{
	auto *mem = new (GfpKernel | GfpZero) unsigned long[ALTWQ_KW_SIZEOF_WORKER / sizeof(unsigned long)];
	KT_ASSERT(test, mem);
	auto *worker = reinterpret_cast<altwq_kthread_worker *>(mem);
	ExpectWarnings warnings;
	KT_EXPECT_EQ(test, altwq_kthread_worker_fn(worker), err::Inval); // never initialised
	altwq_kthread_init_worker(worker);
	altwq_kthread_init_worker(worker);	// fresh again, not refused
	altwq_kthread_destroy_worker(worker);	// not made by create_worker
	altwq_kthread_worker *made = altwq_kthread_create_worker(0, "kw-made");
	KT_ASSERT(test, !is_err(made));
	altwq_kthread_init_worker(made);	// a made one is not the caller's memory
	KT_EXPECT_EQ(test, warnings.finish(), 3);
	KT_EXPECT(test, made->task != nullptr); // untouched, still working
	altwq_kthread_destroy_worker(made);
	KT_EXPECT(test, worker->task == nullptr);
	// Works queue before its thread runs, and run once it does.
	Body body;
	TestWork work(&altwq_kw_ops_altwq, body);
	KT_ASSERT(test, bool(work));
	KT_EXPECT(test, altwq_kw_ops_altwq.queue(worker, work.get()));
	auto thread = KT_ASSERT_OK(test, Kthread::create(&altwq_kthread_worker_fn, worker, "kw-embedded"));
	thread.wake();
	altwq_kw_ops_altwq.flush_work(work.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	KT_EXPECT(test, worker->task == reinterpret_cast<task_struct *>(thread.task().raw()));
	KT_EXPECT_EQ(test, thread.stop(), 0);
	KT_EXPECT(test, worker->task == nullptr);
	// Stopped: its memory is the caller's again, and calls are refused.
	ExpectWarnings after;
	KT_EXPECT(test, !altwq_kw_ops_altwq.queue(worker, work.get()));
	KT_EXPECT_EQ(test, after.finish(), 1);
	delete[] mem;
}

// 6.14's kthread_create_worker_on_node: a worker whose thread's memory is on
// that node; a node that does not exist is refused.
KXX_TEST(kthread_worker_altwq_only, create_worker_on_node_runs_works_and_refuses_bad_nodes)
{
	const kw_ops *alt = &altwq_kw_ops_altwq;
	const int nodes[] = {0, -1};
	for (int node : nodes) {
		altwq_kthread_worker *worker = altwq_kthread_create_worker_on_node(0, node, "kw-node%d", node);
		KT_ASSERT(test, !is_err(worker));
		KT_EXPECT(test, worker->task != nullptr);
		RanIn ran;
		kw_ops_work *w = alt->new_work(record_task, &ran);
		KT_ASSERT(test, w);
		KT_EXPECT(test, alt->queue(worker, w));
		alt->flush_work(w);
		KT_EXPECT(test, ran.task.load(Acquire) == static_cast<void *>(worker->task));
		altwq_kthread_destroy_worker(worker);
		alt->free_work(w);
	}
	ExpectWarnings warnings;
	KT_EXPECT(test, ptr_err(altwq_kthread_create_worker_on_node(0, 1 << 20, "kw-bad")) == err::Inval);
	KT_EXPECT(test, ptr_err(altwq_kthread_create_worker_on_node(0, -2, "kw-bad")) == err::Inval);
	KT_EXPECT_EQ(test, warnings.finish(), 2);
}
