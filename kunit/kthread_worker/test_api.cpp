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
