// SPDX-License-Identifier: GPL-2.0
// Shared pieces of the kthread_worker cases: a counting work body and
// owners for a test worker and test works, all through struct kw_ops.
#pragma once
#include "altwq_structs.h"
#include "kxx/atomic.hpp"
#include "kxx/completion.hpp"
#include "kxx/cpu.hpp"
#include "kxx/sched.hpp"
#include "kxx_test.hpp"
#include "threads.hpp"

namespace altwq::kwtest {

using namespace kxx;

// Defines one case run twice: suite kthread_worker (altwq) and suite
// kthread_worker_intree (the kernel's), from the same body.
#define KW_TEST(name) \
	static void kw_case_##name(struct kunit *test, const kw_ops *ops); \
	KXX_TEST(kthread_worker, name) { kw_case_##name(test, &altwq_kw_ops_altwq); } \
	KXX_TEST(kthread_worker_intree, name) { kw_case_##name(test, &altwq_kw_ops_intree); } \
	static void kw_case_##name(struct kunit *test, const kw_ops *ops)

enum class Requeue { None, Plain, Delayed };

// What a test work does when it runs; shared with the test thread.
struct Body {
	Atomic<int> runs{0};
	Atomic<int> started{0};
	Atomic<int> inside{0};
	Atomic<int> overlapped{0};
	Atomic<uint64_t> last_run_ns{0};
	Atomic<int> last_cpu{-1};
	int busy_ms = 0;		// sleep this long while running
	Completion *gate = nullptr;	// wait for it while running
	Requeue requeue = Requeue::None;
	const kw_ops *ops = nullptr;	// for re-queueing
	void *worker = nullptr;
};

inline void body_fn(kw_ops_work *work, void *ctx)
{
	Body *b = static_cast<Body *>(ctx);
	if (b->inside.fetch_add(1, Full) != 0)
		b->overlapped.fetch_add(1, Relaxed);
	b->started.fetch_add(1, Full);
	if (b->gate)
		b->gate->wait();
	if (b->busy_ms)
		msleep(b->busy_ms);
	b->last_run_ns.store(ktime_ns(), Relaxed);
	b->last_cpu.store(this_cpu_hint(), Relaxed);
	b->runs.fetch_add(1, Full);
	b->inside.fetch_sub(1, Full);
	if (b->requeue == Requeue::Plain)
		(void)b->ops->queue(b->worker, work);
	else if (b->requeue == Requeue::Delayed)
		(void)b->ops->queue_delayed(b->worker, work, 1);
}

class TestWorker : Pinned {
public:
	TestWorker(const kw_ops *ops, int cpu = -1) : ops_(ops), worker_(ops->create_worker("kw-test", cpu)) {}
	~TestWorker()
	{
		if (worker_)
			ops_->destroy_worker(worker_);
	}
	void *get() const { return worker_; }
	explicit operator bool() const { return worker_ != nullptr; }
	// Destroys now (the destructor then does nothing).
	void destroy() { ops_->destroy_worker(exchange(worker_, nullptr)); }

private:
	const kw_ops *ops_;
	void *worker_;
};

class TestWork : Pinned {
public:
	TestWork(const kw_ops *ops, Body &body) : ops_(ops), work_(ops->new_work(body_fn, &body)) {}
	// The work must be idle by now (cancel it first).
	~TestWork()
	{
		if (work_)
			ops_->free_work(work_);
	}
	kw_ops_work *get() const { return work_; }
	explicit operator bool() const { return work_ != nullptr; }

private:
	const kw_ops *ops_;
	kw_ops_work *work_;
};

// One worker and one work that runs `body`: most cases need no more.
struct OneWork : Pinned {
	explicit OneWork(const kw_ops *ops, int cpu = -1) : worker(ops, cpu), work(ops, body) {}
	bool ok() const { return worker && work; }
	TestWorker worker;
	Body body; // configure before queueing
	TestWork work;
};

// A worker kept busy by a work blocked on a gate until release(), so that
// what is queued behind it stays queued.
struct BusyWorker : Pinned {
	explicit BusyWorker(const kw_ops *ops_) : ops(ops_), worker(ops_), blocker(ops_, blocker_body)
	{
		blocker_body.gate = &gate;
	}
	// Queues the blocker and waits until it runs; false on failure.
	bool start();
	void release() { gate.complete(); }
	const kw_ops *ops;
	TestWorker worker;
	Completion gate;
	Body blocker_body;
	TestWork blocker;
};

using test::wait_until;

inline bool BusyWorker::start()
{
	return worker && blocker && ops->queue(worker.get(), blocker.get()) &&
	       wait_until([&] { return blocker_body.started.load(Acquire) == 1; });
}

} // namespace altwq::kwtest
