// SPDX-License-Identifier: GPL-2.0
// Tasks: a handle to a task someone else keeps alive (a Kthread handle, or
// the task itself), and what the current task may do about its own state.
//
//   kxx::TaskRef t = thread.task();
//   t.wake();                                  // any context
//   KXX_TRY(t.set_nice(-20));                  // process context
//   KXX_TRY(t.allow_cpu(cpu));                 // may sleep
//
//   kxx::current::set_interruptible();         // then look, then sleep:
//   if (!condition) kxx::current::schedule();  // may sleep
#pragma once
#include "kxx/cpu.hpp"
#include "kabi/kthread.h"
#include "kabi/sched.h"
#include "kxx/result.hpp"
#include "kxx/warn.hpp"

struct task_struct; // the kernel's, as public C headers name it

namespace kxx {

class TaskRef {
public:
	constexpr TaskRef() : task_(nullptr) {}
	explicit TaskRef(kabi_task *task) : task_(task) {}
	static TaskRef current() { return TaskRef(kabi_current()); }
	// The task a public C API hands us.
	static TaskRef of(::task_struct *task) { return TaskRef(reinterpret_cast<kabi_task *>(task)); }

	explicit operator bool() const { return task_ != nullptr; }
	bool operator==(const TaskRef &o) const { return task_ == o.task_; }
	kabi_task *raw() const { return task_; }

	// Wakes the task if it sleeps; true if it did. Any context.
	bool wake() const { return kabi_wake_up_process(task_) != 0; }
	// The CPU it runs on or last ran on. Any context.
	int cpu() const { return kabi_task_cpu(task_); }
	int pid() const { return kabi_task_pid(task_); }
	// Reclaiming memory (PF_MEMALLOC): what it waits for must not need memory.
	bool is_memalloc() const { return kabi_task_is_memalloc(task_); }
	// Its state and stack to the log. Any context.
	void show_stack() const { kabi_task_show_stack(task_); }
	// CPU time charged to it, ns (a running task's lags by up to a tick).
	uint64_t runtime_ns() const { return kabi_task_runtime_ns(task_); }
	// Its name as ps shows it (comm), cut to size.
	void name(char *buf, size_t size) const { kabi_task_comm(task_, buf, size); }
	// set_user_nice(), checked: -EINVAL outside [-20, 19], -EPERM if the
	// task did not take it. Process context.
	[[nodiscard]] Status set_nice(int nice) const
	{
		if (nice < -20 || nice > 19)
			return Error{err::Inval};
		kabi_task_set_nice(task_, nice);
		return kabi_task_nice(task_) == nice ? Status() : Status(Error{err::Perm});
	}
	// set_cpus_allowed_ptr() to one CPU, or to every active CPU. May sleep
	// (a running task is migrated before it returns).
	[[nodiscard]] Status allow_cpu(int cpu) const { return status(kabi_task_allow_cpu(task_, cpu)); }
	[[nodiscard]] Status allow_active_cpus() const { return status(kabi_task_allow_active_cpus(task_)); }
	[[nodiscard]] Status allow_cpus(const CpuMask &mask) const
	{
		return status(kabi_task_allow_cpus(task_, mask.kernel()));
	}
	// The scheduler's first choice at the next wakeup, and a new hint for it.
	int wake_cpu() const { return kabi_task_wake_cpu(task_); }
	void set_wake_cpu(int cpu) const { kabi_task_set_wake_cpu(task_, cpu); }

private:
	static Status status(int ret) { return ret ? Status(Error{ret}) : Status(); }
	kabi_task *task_;
};

// The current task's own state.
namespace current {

// set_current_state(): set before the last look at the condition slept on,
// so a wakeup after that look is not lost. Any context.
inline void set_interruptible() { kabi_set_current_interruptible(); }
inline void set_running() { kabi_set_current_running(); }
// schedule(): sleeps unless woken since set_interruptible(). May sleep.
inline void schedule() { kabi_schedule(); }
// A reschedule that is due happens now (even on a fully preemptible
// kernel, where cond_resched() does nothing). Task state running. May sleep.
inline void resched_if_needed() { kabi_resched_if_needed(); }
// From an interrupt: the interrupted task goes through the scheduler at its
// next preemption point (cond_resched() on a voluntary kernel).
inline void ask_to_reschedule() { kabi_ask_current_to_reschedule(); }

// migrate_disable()/migrate_enable(): the task stays on this CPU, and may
// sleep and wake here even while the CPU is going down (it then holds the
// CPU's hotplug at the point that waits for such tasks). Nests. Process
// context.
inline void migrate_disable() { kabi_migrate_disable(); }
inline void migrate_enable() { kabi_migrate_enable(); }

// The freezer, for freezable kthreads. Process context.
inline void set_freezable() { kabi_set_freezable(); }
inline bool freezing() { return kabi_freezing_current(); }
inline void try_to_freeze() { kabi_try_to_freeze(); } // may sleep

} // namespace current

// A counted reference to a task (get/put_task_struct): its task_struct
// stays while this lives. Any context.
class TaskHold : Pinned {
public:
	TaskHold() = default;
	void hold(TaskRef task)
	{
		if (KXX_WARN_ON_ONCE(task_ || !task))
			return;
		kabi_task_get(task.raw());
		task_ = task;
	}
	~TaskHold()
	{
		if (task_)
			kabi_task_put(task_.raw());
	}
	TaskRef task() const { return task_; }

private:
	TaskRef task_;
};

} // namespace kxx
