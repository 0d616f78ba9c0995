// SPDX-License-Identifier: GPL-2.0
// The lockup watchdog, after 6.12's workqueue watchdog: a timer looks at
// every pool each `watchdog_thresh` seconds; a pool with works pending that
// has started none for that long is reported ("BUG: altwq lockup - pool
// ... stuck for Ns!") with what its busy workers run and for how long and
// their backtraces, then the busy queues are dumped. A missing
// MEM_RECLAIM, a flush that waits for itself or a work that never yields
// shows up here when nothing else says a word.
//
// A pool's progress is its last_progress (a work started, or its worklist
// filled); a touch (altwq_watchdog_touch, a thaw after suspend, a report)
// counts as progress for the pools of that CPU (or all). A stall is
// reported between one and two thresholds after it began, and again each
// threshold while it lasts.
#include "kxx/log.hpp"
#include "kxx/sched.hpp"
#include "kxx/task.hpp"
#include "wq/wq.hpp"

using namespace kxx;
using namespace altwq::wq;

namespace {

// Busy workers a report names (the rest are counted).
constexpr int ReportedBusy = 8;

unsigned long touched_for(const Watchdog &wd, int cpu)
{
	return cpu >= 0 ? wd.touched_cpu[cpu].load(Relaxed) : wd.touched.load(Relaxed);
}

// Softirq, under RCU. Reports pool if it is stuck: true if it was.
bool report_if_stuck(Watchdog &wd, Pool &pool, unsigned long now, unsigned long thresh)
{
	struct Busy {
		TaskHold task;
		void (*fn)(altwq_work *);
		unsigned long started;
	} busy[ReportedBusy];
	int nr_busy = 0, nr_more = 0;
	unsigned long progress;
	{
		auto s = pool.lock();
		bool pending = false;
		for (altwq_work &work : s->worklist) {
			if (!is_cursor(work)) {
				pending = true;
				break;
			}
		}
		if (!pending)
			return false;
		progress = s->last_progress;
		unsigned long since = progress;
		if (unsigned long t = touched_for(wd, pool.cpu); time_after(t, since))
			since = t;
		if (!time_after(now, since + thresh))
			return false;
		for (auto &bucket : s->busy) {
			for (Worker &w : bucket) {
				if (nr_busy == ReportedBusy) {
					nr_more++;
					continue;
				}
				if (w.thread.running()) // a BH pool's "worker" is no task
					busy[nr_busy].task.hold(w.thread.task());
				busy[nr_busy].fn = w.current_func;
				busy[nr_busy].started = w.work_started;
				nr_busy++;
			}
		}
	}
	// Printed with L dropped: a console driver may queue works.
	log::printk_lvl(log::Emerg, "BUG: altwq lockup - pool %d", pool.id);
	print_pool(pool);
	log::printk_lvl(log::Cont, " stuck for %us!\n", jiffies_to_msecs(now - progress) / 1000);
	for (int i = 0; i < nr_busy; i++) {
		if (TaskRef t = busy[i].task.task())
			log::printk_lvl(log::Emerg, "altwq: pool %d in-flight: %d:%ps running for %ums\n", pool.id,
					t.pid(), busy[i].fn, jiffies_to_msecs(now - busy[i].started));
		else
			log::printk_lvl(log::Emerg, "altwq: pool %d in-flight: bh:%ps running for %ums\n", pool.id,
					busy[i].fn, jiffies_to_msecs(now - busy[i].started));
	}
	if (nr_more)
		log::printk_lvl(log::Emerg, "altwq: pool %d: %d more busy workers\n", pool.id, nr_more);
	// What holds the pool up: the busy workers' stacks (BH pools' works
	// run in whichever task the softirq interrupted: none to show).
	if (!pool.bh) {
		log::printk_lvl(log::Info, "altwq: backtraces of pool %d's busy workers:\n", pool.id);
		for (int i = 0; i < nr_busy; i++)
			if (TaskRef t = busy[i].task.task())
				t.show_stack();
	}
	return true;
}

} // namespace

Watchdog::Watchdog()
	: timer(Timer::callback<&Watchdog::timer, &Watchdog::fired>(), KXX_LOCK_CLASS("altwq_watchdog.timer")),
	  set_mutex(KXX_LOCK_CLASS("altwq_watchdog.set_mutex"))
{
}

void Watchdog::fired()
{
	const unsigned long t = thresh.load(Relaxed);
	if (!t)
		return;
	const unsigned long now = jiffies();
	bool stalled = false;
	{
		RcuReadGuard rcu; // unbound pools are freed after a grace period
		for (int id = 0; id < g->nr_pools; id++)
			if (Pool *pool = pool_at(id))
				stalled = report_if_stuck(*this, *pool, now, t) || stalled;
	}
	if (stalled) {
		altwq_show_all_workqueues();
		const unsigned int fatal = params::panic_on_stall();
		if (fatal && nr_stalls.add_return(1, Relaxed) >= fatal)
			log::panic("altwq: workqueue stall (panic_on_stall)");
		// A stall is reported once per threshold: it counts anew from here.
		watchdog_reset_touched();
	}
	timer.arm(t);
}

namespace altwq::wq {

void watchdog_reset_touched()
{
	Watchdog &wd = g->watchdog;
	const unsigned long now = jiffies();
	wd.touched.store(now, Relaxed);
	if (wd.touched_cpu)
		for (int cpu : possible_cpus())
			wd.touched_cpu[cpu].store(now, Relaxed);
}

} // namespace altwq::wq

namespace {

// May sleep. 0, or -ENODEV before init / after exit.
int set_thresh(unsigned long thresh_s)
{
	if (!g || !g->watchdog.touched_cpu)
		return err::NoDev;
	Watchdog &wd = g->watchdog;
	Guard<Mutex<WatchdogRole>, MaySleep> lock(wd.set_mutex);
	wd.thresh.store(0, Relaxed);
	(void)wd.timer.del_sync();
	if (thresh_s) {
		const unsigned long t = msecs_to_jiffies(thresh_s * 1000);
		wd.thresh.store(t, Relaxed);
		watchdog_reset_touched();
		wd.timer.arm(t);
	}
	return 0;
}

} // namespace

namespace altwq::wq {

Status watchdog_init()
{
	Watchdog &wd = g->watchdog;
	wd.touched_cpu = new (GfpKernel | GfpZero) Atomic<unsigned long>[nr_cpu_ids()];
	if (!wd.touched_cpu)
		return Error{err::NoMem};
	const int ret = set_thresh(params::watchdog_thresh());
	return ret ? Status(Error{ret}) : Status();
}

void watchdog_exit()
{
	Watchdog &wd = g->watchdog;
	if (!wd.touched_cpu)
		return;
	(void)set_thresh(0);
	delete[] exchange(wd.touched_cpu, nullptr);
}

} // namespace altwq::wq

// The module parameter's write (src/kabi/module.c), engine up. May sleep.
extern "C" int altwq_wq_watchdog_set_thresh(unsigned long thresh_s);
extern "C" int altwq_wq_watchdog_set_thresh(unsigned long thresh_s)
{
	return set_thresh(thresh_s);
}

// 6.12's wq_watchdog_touch(): the caller knows it holds cpu up on purpose
// (a long printk, a debugger); its pools count as progressing. Any context.
extern "C" void altwq_watchdog_touch(int cpu)
{
	if (!g || !g->watchdog.touched_cpu)
		return;
	Watchdog &wd = g->watchdog;
	const unsigned long now = jiffies();
	if (!KXX_WARN_ONCE(cpu < 0 || cpu >= nr_cpu_ids(), "altwq_watchdog_touch: bad CPU %d", cpu))
		wd.touched_cpu[cpu].store(now, Relaxed);
	// The unbound pools too, though not on every call.
	if (time_after(now, wd.touched.load(Relaxed) + wd.thresh.load(Relaxed) / 4))
		wd.touched.store(now, Relaxed);
}
