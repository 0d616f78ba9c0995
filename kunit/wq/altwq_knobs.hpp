// SPDX-License-Identifier: GPL-2.0
// altwq's module parameters and test hooks, turned for one case and put
// back when it ends.
#pragma once
#include "kxx/sched.hpp"
#include "kxx/types.hpp"
#include "threads.hpp"
#include "file_glue.h"
#include "wq/test_hooks.h"

namespace altwq::wqtest {

// cpu_intensive_thresh_us (0: the hog watch is off).
struct CpuIntensiveThresh : kxx::Pinned {
	explicit CpuIntensiveThresh(unsigned long us) : saved(altwq_wq_cpu_intensive_thresh_us())
	{
		altwq_wq_set_cpu_intensive_thresh_us(us);
	}
	~CpuIntensiveThresh() { altwq_wq_set_cpu_intensive_thresh_us(saved); }
	unsigned long saved;
};
// Both implementations' cpu_intensive_thresh_us, for a case whose works
// must never be marked: under TCG a vCPU the host deschedules mid-work
// charges the guest task that time, so a 1 ms spin can pass 10 ms.
struct NoHogMarks : kxx::Pinned {
	static const char *in_tree() { return "/sys/module/workqueue/parameters/cpu_intensive_thresh_us"; }
	NoHogMarks() : altwq_saved(10000000)
	{
		saved_len = altwq_test_read_file(in_tree(), intree_saved, sizeof(intree_saved));
		(void)altwq_test_write_file(in_tree(), "10000000", false);
	}
	~NoHogMarks()
	{
		if (saved_len > 0)
			(void)altwq_test_write_file(in_tree(), intree_saved, false);
	}
	CpuIntensiveThresh altwq_saved;
	char intree_saved[32] = {};
	long saved_len = 0;
};
// The idle timeout after which surplus idle workers are reaped.
struct IdleTimeout : kxx::Pinned {
	explicit IdleTimeout(unsigned int ms) : saved(altwq_wq_idle_timeout_ms()) { altwq_wq_set_idle_timeout_ms(ms); }
	~IdleTimeout() { altwq_wq_set_idle_timeout_ms(saved); }
	unsigned int saved;
};
// stall_window_us.
struct StallWindow : kxx::Pinned {
	explicit StallWindow(unsigned int us) : saved(altwq_wq_stall_window_us()) { altwq_wq_set_stall_window_us(us); }
	~StallWindow() { altwq_wq_set_stall_window_us(saved); }
	unsigned int saved;
};
// Worker creation fails while it lives, or until allow().
struct NoNewWorkers : kxx::Pinned {
	NoNewWorkers() { altwq_wq_fail_worker_creations(1 << 30); }
	~NoNewWorkers() { allow(); }
	void allow() { altwq_wq_fail_worker_creations(0); }
};

// May sleep. Waits (up to 2 s) until altwq's pool on cpu is quiet, every
// worker idle and back asleep, `pinned` of them pinned to the CPU, so that
// no worker awake for other reasons takes the case's next work, and a work
// queued while the CPU goes down has a worker there (with two, the one
// that takes it leaves an idle one behind and need not make a worker,
// which could not start there). The in-tree workqueue does not look at it.
// Whether it got there.
inline bool settle_pool(int cpu, int pinned = 1)
{
	altwq_wq_pool_stats st = {};
	const bool quiet = kxx::test::wait_until([&] {
		(void)altwq_wq_get_pool_stats(cpu, false, &st);
		return st.nr_idle == st.nr_workers && st.nr_pinned_idle >= pinned;
	}, 2000);
	kxx::msleep(20);
	return quiet;
}

} // namespace altwq::wqtest
