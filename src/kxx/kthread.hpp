// SPDX-License-Identifier: GPL-2.0
// A kernel thread owned by a Kthread handle (move-only). The handle holds a
// task reference, so stop() is safe even if the thread already returned.
//
//   auto t = KXX_TRY(kxx::Kthread::create<&Owner::run>(owner, "name", cpu));
//   t.wake();
//   ...
//   int ret = t.stop();   // or let the handle go: its destructor stops it
//
// create, stop and the destructor: may sleep. should_stop(): from the
// thread itself. A thread made with a cpu >= 0 is bound to it.
#pragma once
#include "kabi/kthread.h"
#include "kabi/sched.h"
#include "kxx/result.hpp"
#include "kxx/task.hpp"

namespace kxx {

class Kthread {
public:
	enum : int { AnyCpu = -1 };

	// Runs fn(data) in a new, not yet woken thread named `name`, bound to
	// cpu, or (AnyCpu) with its memory on NUMA node `node` (-1: any).
	static Result<Kthread> create(kabi_kthread_fn fn, void *data, const char *name, int cpu = AnyCpu,
				      int node = -1)
	{
		kabi_task *task = nullptr;
		int err = kabi_kthread_create(&task, fn, data, cpu, node, name);
		if (err)
			return Error{err};
		kabi_task_get(task);
		return Kthread(task);
	}
	// Runs owner->Method() (returning int) in a new, not yet woken thread.
	template <auto Method, typename Owner>
	static Result<Kthread> create(Owner *owner, const char *name, int cpu = AnyCpu, int node = -1)
	{
		return create(&run_member<Method, Owner>, owner, name, cpu, node);
	}

	// An empty handle, to be assigned a created thread.
	Kthread() : task_(nullptr) {}
	Kthread(Kthread &&o) : task_(exchange(o.task_, nullptr)) {}
	// Only into an empty handle.
	Kthread &operator=(Kthread &&o)
	{
		if (!KXX_WARN_ON_ONCE(task_))
			task_ = exchange(o.task_, nullptr);
		return *this;
	}
	Kthread(const Kthread &) = delete;
	~Kthread()
	{
		if (task_)
			(void)stop();
	}

	void wake() { kabi_wake_up_process(task_); }
	// Before the first wake only.
	void bind(int cpu) { kabi_kthread_bind(task_, cpu); }
	// Asks the thread to stop, waits for it to exit and returns its result
	// (-EINTR if it never ran). May sleep.
	int stop()
	{
		if (KXX_WARN_ON_ONCE(!task_))
			return err::Inval;
		int ret = kabi_kthread_stop(task_);
		kabi_task_put(exchange(task_, nullptr));
		return ret;
	}
	// For a thread that ends itself (it must not be stopped): drops the
	// handle's task reference instead of stopping it. Any context.
	void forget()
	{
		if (!KXX_WARN_ON_ONCE(!task_))
			kabi_task_put(exchange(task_, nullptr));
	}
	TaskRef task() const { return TaskRef(task_); }
	bool running() const { return task_ != nullptr; }

	static bool should_stop() { return kabi_kthread_should_stop(); }
	// The data of the current task if it is a kthread running fn, else
	// nullptr. Any context (nullptr outside task context's kthreads).
	static void *current_data_if(kabi_kthread_fn fn) { return kabi_current_kthread_data_if(fn); }
	// The same for a task the caller keeps alive.
	static void *data_if(TaskRef task, kabi_kthread_fn fn) { return kabi_task_kthread_data_if(task.raw(), fn); }

private:
	explicit Kthread(kabi_task *task) : task_(task) {}
	template <auto Method, typename Owner> static int run_member(void *data)
	{
		return (static_cast<Owner *>(data)->*Method)();
	}
	kabi_task *task_;
};

} // namespace kxx
