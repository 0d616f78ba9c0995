// SPDX-License-Identifier: GPL-2.0
// A task picked under a lock and woken once the lock is dropped, so the
// lock is not held across the wakeup:
//
//   kxx::WakeLater later;          // declared before the guard: runs after it
//   auto s = pool.lock();
//   later.set(worker.task());      // under the lock
//   // ~s drops the lock, then ~later wakes the task
//
// From set() to the wake, an RCU read-side section keeps the task_struct
// (a task is freed a grace period after it exits, so one that exited
// meanwhile is woken harmlessly). Nothing may sleep in between. Any context.
#pragma once
#include "kabi/rcu.h"
#include "kxx/task.hpp"

namespace kxx {

class [[nodiscard]] WakeLater : Pinned {
public:
	WakeLater() = default;
	~WakeLater() { wake(); }

	// Replaces an earlier pick (one wakeup is what the callers want).
	void set(TaskRef task)
	{
		if (!task)
			return;
		if (!task_)
			kabi_rcu_read_lock();
		task_ = task;
	}
	explicit operator bool() const { return static_cast<bool>(task_); }
	// Wakes the picked task, if any, now.
	void wake()
	{
		if (!task_)
			return;
		task_.wake();
		task_ = TaskRef();
		kabi_rcu_read_unlock();
	}

private:
	TaskRef task_;
};

} // namespace kxx
