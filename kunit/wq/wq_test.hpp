// SPDX-License-Identifier: GPL-2.0
// Shared pieces of the workqueue cases: a work body that records what
// happened, and owners for a test queue and test works, all through
// struct wq_ops so the same case runs against altwq and the in-tree queue.
#pragma once
#include "altwq_structs.h"
#include "kxx/alloc.hpp"
#include "kxx/atomic.hpp"
#include "kxx/completion.hpp"
#include "kxx/cpu.hpp"
#include "kxx/sched.hpp"
#include "kxx_test.hpp"
#include "threads.hpp"

namespace altwq::wqtest {

using namespace kxx;
using test::last_online_cpu;
using test::wait_until;

// Defines one case run twice: suite workqueue (altwq) and suite
// workqueue_intree (the kernel's), from the same body.
#define WQ_TEST(name) \
	static void wq_case_##name(struct kunit *test, const wq_ops *ops); \
	KXX_TEST(workqueue, name) { wq_case_##name(test, &altwq_wq_ops_altwq); } \
	KXX_TEST(workqueue_intree, name) { wq_case_##name(test, &altwq_wq_ops_intree); } \
	static void wq_case_##name(struct kunit *test, const wq_ops *ops)

// Whether ops has what a case needs (TWQ_LACKS_*). Where it lacks it (the
// in-tree workqueue of a kernel older than the feature, 6.1's) the case says
// so in its log and ends there: a documented difference of that kernel.
inline bool wq_has(struct kunit *test, const wq_ops *ops, unsigned int feature, const char *what)
{
	if (!(ops->lacks & feature))
		return true;
	altwq_kunit_log(test, "%s: this kernel's implementation has no %s: not run", ops->name, what);
	return false;
}
#define WQ_REQUIRE(feature, what) \
	do { \
		if (!wq_has(test, ops, feature, what)) \
			return; \
	} while (0)

// How many of a set of works run at once, at most.
struct Concurrency {
	Atomic<int> now{0};
	Atomic<int> max{0};
	void enter()
	{
		int n = now.add_return(1, Full);
		int m = max.load(Relaxed);
		while (n > m && !max.compare_exchange(m, n, Full)) {
		}
	}
	void leave() { now.fetch_sub(1, Full); }
};

// What a test work does when it runs; shared with the test thread.
struct Body {
	Atomic<int> runs{0};
	Atomic<int> started{0};
	Atomic<int> inside{0};
	Atomic<int> overlapped{0};
	Atomic<int> start_cpu{-1};
	Atomic<int> last_cpu{-1};
	Atomic<int> saw_itself_current{0};
	Atomic<int> in_softirq{-1};		// 1 if it last ran in softirq context
	Concurrency *concurrency = nullptr;	// shared by several works
	Completion *gate = nullptr;		// wait for it while running
	unsigned int sleep_ms = 0;		// then sleep this long
	unsigned int spin_us = 0;		// or busy-wait this long
	unsigned int spin_cpu_us = 0;		// or until its CPU time grew this much (TCG's
						// delay loops can be far off)
	Atomic<int> requeues{0};		// queue itself again this many times
	bool requeue_delayed = false;		// with a one-jiffy delay
	const wq_ops *ops = nullptr;		// for requeueing
	void *wq = nullptr;
	// Ordered checks: this work's index and the shared next expected one.
	int index = -1;
	Atomic<int> *next_index = nullptr;
	Atomic<int> *order_violations = nullptr;
};

inline void body_fn(wq_ops_work *work, void *ctx)
{
	Body *b = static_cast<Body *>(ctx);
	b->start_cpu.store(this_cpu_hint(), Relaxed);
	b->in_softirq.store(in_serving_softirq() ? 1 : 0, Relaxed);
	if (b->inside.fetch_add(1, Full) != 0)
		b->overlapped.fetch_add(1, Relaxed);
	if (b->concurrency)
		b->concurrency->enter();
	if (b->ops && b->ops->is_current(work))
		b->saw_itself_current.fetch_add(1, Relaxed);
	if (b->next_index && b->next_index->fetch_add(1, Full) != b->index)
		b->order_violations->fetch_add(1, Relaxed);
	b->started.fetch_add(1, Full);
	if (b->gate)
		b->gate->wait();
	if (b->sleep_ms)
		msleep(b->sleep_ms);
	if (b->spin_us)
		udelay(b->spin_us);
	if (b->spin_cpu_us) {
		const TaskRef self = TaskRef::current();
		const uint64_t start = self.runtime_ns();
		while (self.runtime_ns() - start < b->spin_cpu_us * 1000ULL)
			udelay(50);
	}
	b->last_cpu.store(this_cpu_hint(), Relaxed);
	if (b->concurrency)
		b->concurrency->leave();
	b->inside.fetch_sub(1, Full);
	b->runs.fetch_add(1, Full);
	if (b->requeues.load(Relaxed) > 0 && b->requeues.fetch_sub(1, Full) > 0) {
		if (b->requeue_delayed)
			(void)b->ops->queue_delayed_on(b->ops->cpu_unbound, b->wq, work, 1);
		else
			(void)b->ops->queue_on(b->ops->cpu_unbound, b->wq, work);
	}
}

class TestWq : Pinned {
public:
	// A queue of this backend (ordered if `ordered`).
	TestWq(const wq_ops *ops, unsigned int flags, int max_active, bool ordered = false)
		: ops_(ops), wq_(ordered ? ops->alloc_ordered("twq-ordered") : ops->alloc("twq", flags, max_active))
	{
	}
	~TestWq()
	{
		if (wq_)
			ops_->destroy(wq_);
	}
	void *get() const { return wq_; }
	explicit operator bool() const { return wq_ != nullptr; }
	void destroy() { ops_->destroy(exchange(wq_, nullptr)); }

private:
	const wq_ops *ops_;
	void *wq_;
};

class TestWork : Pinned {
public:
	TestWork(const wq_ops *ops, Body &body) : ops_(ops), work_(ops->new_work(body_fn, &body)) {}
	enum ForBh { Bh };
	// For BH queues (see wq_ops.new_bh_work).
	TestWork(const wq_ops *ops, Body &body, ForBh) : ops_(ops), work_(ops->new_bh_work(body_fn, &body)) {}
	enum ForOtherKind { OtherKind };
	// For a work the case sets up as another kind (rcu, execute_work): it
	// is freed as it is, and the case leaves it idle.
	TestWork(const wq_ops *ops, ForOtherKind) : ops_(ops), work_(ops->new_work(body_fn, nullptr)), cancel_(false) {}
	// Cancels first, so a case that failed halfway frees no queued work.
	~TestWork()
	{
		if (work_) {
			if (cancel_)
				(void)ops_->cancel_delayed_sync(work_);
			ops_->free_work(work_);
		}
	}
	wq_ops_work *get() const { return work_; }
	explicit operator bool() const { return work_ != nullptr; }

private:
	const wq_ops *ops_;
	wq_ops_work *work_;
	bool cancel_ = true;
};

// A per-CPU queue and one work running `body`: most cases need no more.
//   OneWork one(ops);
//   auto &[wq, body, w] = one;
struct OneWork : Pinned {
	explicit OneWork(const wq_ops *ops) : wq(ops, 0, 0), work(ops, body) {}
	bool ok() const { return wq && work; }
	TestWq wq;
	Body body; // configure before queueing
	TestWork work;
};

// Queues one's work on cpu, set to block on gate once it runs, and waits
// until it does: true if it started. The gate must outlive the work.
inline bool start_blocked(const wq_ops *ops, OneWork &one, Completion &gate, int cpu)
{
	one.body.gate = &gate;
	return ops->queue_on(cpu, one.wq.get(), one.work.get()) &&
	       wait_until([&] { return one.body.started.load(Acquire) == 1; }, 5000);
}

// May sleep. Flushes wq on one thread while another opens gate (which the
// queue's works wait on) 100 ms later: 1 if the flush returned only after
// the gate opened, 0 if before, a negative errno if the threads failed.
inline int flush_waits_for_gate(const wq_ops *ops, void *wq, Completion &gate)
{
	Atomic<int> released{0}, early{0};
	const int err = test::run_on_threads(2, [&](int t) {
		if (t == 0) {
			ops->flush_wq(wq);
			if (!released.load(Acquire))
				early.store(1, Relaxed);
		} else {
			msleep(100);
			released.store(1, Release); // pairs with the flusher's acquire
			gate.complete_all();
		}
	});
	return err ? err : !early.load(Relaxed);
}

// Up to MaxWorks works, each with its own body, for the many-works cases.
enum : int { MaxWorks = 16 };
class WorkSet : Pinned {
public:
	WorkSet(const wq_ops *ops, int n) : ops_(ops), n_(n <= MaxWorks ? n : 0), bodies_(new (GfpKernel) Body[MaxWorks])
	{
		for (int i = 0; bodies_ && i < n_; i++)
			works_[i] = ops->new_work(body_fn, &bodies_[i]);
	}
	~WorkSet()
	{
		for (int i = 0; i < n_; i++) {
			if (works_[i]) {
				(void)ops_->cancel_delayed_sync(works_[i]);
				ops_->free_work(works_[i]);
			}
		}
		delete[] bodies_;
	}
	bool ok() const
	{
		for (int i = 0; i < n_; i++)
			if (!works_[i])
				return false;
		return bodies_ && n_ > 0;
	}
	int size() const { return n_; }
	// Queues every work on cpu (after setup(body) for each); how many were queued.
	template <typename Setup> int queue_all_on(void *wq, int cpu, Setup setup)
	{
		int queued = 0;
		for (int i = 0; i < n_; i++) {
			setup(bodies_[i], i);
			queued += ops_->queue_on(cpu, wq, works_[i]) ? 1 : 0;
		}
		return queued;
	}
	Body &body(int i) { return bodies_[i]; }
	wq_ops_work *work(int i) { return works_[i]; }
	int total(Atomic<int> Body::*field)
	{
		int sum = 0;
		for (int i = 0; i < n_; i++)
			sum += (bodies_[i].*field).load(Acquire);
		return sum;
	}

private:
	const wq_ops *ops_;
	int n_;
	Body *bodies_; // on the heap: too big for a kernel stack
	wq_ops_work *works_[MaxWorks] = {};
};

} // namespace altwq::wqtest
