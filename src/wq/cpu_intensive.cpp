// SPDX-License-Identifier: GPL-2.0
// CPU-intensive auto-detection: a work of a per-CPU pool that runs
// cpu_intensive_thresh_us of CPU time without sleeping is marked
// CPU-intensive, so it stops counting for concurrency and the pool wakes a
// worker for the works queued behind it; and the functions that keep
// doing it are reported.
//
// The kernel checks from the scheduler tick, which a module cannot hook.
// Here each per-CPU pool has a pinned hardirq hrtimer, the hog watch,
// armed when a worker starts a work (or comes back from a sleep inside
// one) while the watch is idle. It compares each counted busy worker's CPU
// time, as the scheduler charges it (se.sum_exec_runtime), with the value
// when its work started or it last woke; it marks whoever passed the
// threshold and re-arms for the nearest deadline while counted workers are
// busy; otherwise it stops. Cost: one load of the task's runtime per work
// and per wakeup inside a work, one timer expiry per threshold while the
// pool stays busy, and for a work that runs a tick short of the threshold,
// one every 250 us until the count passes it. Precision: the scheduler
// brings a running task's count up to date at each tick, so a hog is seen
// at the tick its count passes the threshold (as in 6.12), or up to 250 us
// after it.
#include "kxx/cpu.hpp"
#include "kxx/hrtimer.hpp"
#include "kxx/log.hpp"
#include "kxx/params.hpp"
#include "kxx/sched.hpp"
#include "kxx/task.hpp"
#include "wq/wq.hpp"

using namespace kxx;

namespace altwq::wq {

namespace {

enum : unsigned long {
	DefaultThreshUs = 10000,	// just below what people notice
	MaxThreshUs = 1000000,		// the scaled default's ceiling
	SlowBogoMips = 4000,		// below this, the default scales up
};
enum : uint64_t { NsPerUs = 1000, MinRecheckNs = 250000, TickNs = 1000000000 / Hz };
enum : int { ReportSlots = 128 };

// Report counts per function: open addressing, slots claimed by CAS and
// never freed (a full table stops counting new functions, as the kernel's).
struct ReportSlot {
	Atomic<void *> func{nullptr};
	Atomic<unsigned long> count{0};
};
constinit ReportSlot report_slots[ReportSlots];

ReportSlot *report_slot(void (*func)(altwq_work *), bool claim)
{
	void *key = reinterpret_cast<void *>(func);
	unsigned int start = static_cast<unsigned int>((reinterpret_cast<uintptr_t>(key) >> 4) % ReportSlots);
	for (int i = 0; i < ReportSlots; i++) {
		ReportSlot &slot = report_slots[(start + i) % ReportSlots];
		void *cur = slot.func.load(Acquire);
		if (cur == key)
			return &slot;
		if (cur)
			continue;
		if (!claim)
			return nullptr;
		void *expected = nullptr;
		if (slot.func.compare_exchange(expected, key, Full) || expected == key)
			return &slot;
	}
	return nullptr;
}

bool is_power_of_2(unsigned long n) { return n && !(n & (n - 1)); }

// Any context. Counts a mark of func, and reports it at the warning
// threshold and then at exponentially growing counts. (A plain printk: the
// caller's pool lock is never taken under a runqueue lock, which is why
// 6.12, reporting from the tick, defers its printk.)
void report(void (*func)(altwq_work *), unsigned long thresh_us)
{
	ReportSlot *slot = report_slot(func, true);
	if (!slot)
		return;
	unsigned long n = slot->count.add_return(1, Relaxed);
	unsigned long warn_at = params::cpu_intensive_warning_thresh();
	if (warn_at && n >= warn_at && is_power_of_2(n + 1 - warn_at))
		log::warning("%ps hogged CPU for >%luus %lu times, consider switching to ALTWQ_UNBOUND", func, thresh_us,
			     n);
}

// Saturates: a huge threshold means never.
uint64_t thresh_ns(unsigned long us)
{
	return us > ~0ULL / NsPerUs ? ~0ULL : static_cast<uint64_t>(us) * NsPerUs;
}

} // namespace

void cpu_intensive_init()
{
	if (params::cpu_intensive_thresh_us() != ~0UL)
		return; // the user's value
	// BogoMIPS as init/calibrate.c prints it.
	unsigned long bogo = loops_per_jiffy() / 500000 * Hz;
	if (bogo < 1)
		bogo = 1;
	unsigned long thresh = DefaultThreshUs;
	if (bogo < SlowBogoMips) {
		thresh = thresh * SlowBogoMips / bogo;
		if (thresh > MaxThreshUs)
			thresh = MaxThreshUs;
	}
	params::set_cpu_intensive_thresh_us(thresh);
}

namespace {

// L held, on the pool's CPU: arms the watch unless it is.
void arm_hog_watch(Pool &pool, PoolLocked &, unsigned long us)
{
	if (pool.hog_watch_armed.load(Relaxed) || this_cpu_hint() != pool.cpu)
		return;
	pool.hog_watch_armed.store(true, Relaxed);
	pool.hog_timer.start_pinned(thresh_ns(us));
}

} // namespace

void watch_for_hog(Pool &pool, PoolLocked &s, Worker &w, uint64_t runtime_now)
{
	w.runtime_at_start.store(runtime_now, Relaxed);
	const unsigned long us = params::cpu_intensive_thresh_us();
	if (us && !(w.flags.load(Relaxed) & WorkerNotRunning))
		arm_hog_watch(pool, s, us);
}

void hog_watch_wake(Worker &w)
{
	const unsigned long us = params::cpu_intensive_thresh_us();
	Pool &pool = *w.pool;
	if (!us || pool.hog_watch_armed.load(Relaxed))
		return;
	auto s = pool.lock();
	if (!s->disassociated)
		arm_hog_watch(pool, s, us);
}

uint64_t Pool::hog_timer_fired()
{
	WakeLater later; // the worker for the works behind a hog, once L is dropped
	auto s = lock();
	const unsigned long us = params::cpu_intensive_thresh_us();
	// Moved off its CPU (the CPU went down), or switched off: stop; the
	// next work started on the CPU arms it again.
	if (!us || this_cpu_hint() != cpu || s->disassociated) {
		hog_watch_armed.store(false, Relaxed);
		return 0;
	}
	const uint64_t thresh = thresh_ns(us);
	uint64_t next = 0;
	bool marked = false;
	for (auto &bucket : s->busy) {
		for (Worker &w : bucket) {
			// Counted workers only: the others hold nothing up. One asleep
			// in its work re-arms the watch when it comes back.
			if ((w.flags.load(Relaxed) & WorkerNotRunning) || !w.counted.load(Relaxed))
				continue;
			const uint64_t ran = w.thread.task().runtime_ns() - w.runtime_at_start.load(Relaxed);
			if (ran < thresh) {
				// The scheduler's count of a running task lags by up to a
				// tick, so it may cross a tick earlier than it says: from
				// then on, look every MinRecheckNs.
				uint64_t left = thresh - ran;
				left = left > TickNs + MinRecheckNs ? left - TickNs : MinRecheckNs;
				if (!next || left < next)
					next = left;
				continue;
			}
			worker_set_flags(w, WorkerCpuIntensive, s);
			nr_cpu_intensive.fetch_add(1, Relaxed);
			if (w.current_pwq)
				w.current_pwq->stats(s).cpu_intensive++;
			report(w.current_func, us);
			trace::cpu_intensive(w.current_work.load(Relaxed), w.current_func, ran / 1000);
			marked = true;
			// 6.12 marks from the tick, which also ends the hog's slice;
			// here the hog is asked to go through the scheduler too, so
			// the worker woken for the works behind it gets the CPU at
			// the hog's next preemption point, not at the next tick.
			if (w.thread.task() == TaskRef::current())
				current::ask_to_reschedule();
		}
	}
	if (marked) {
		const bool had_waker = static_cast<bool>(later);
		kick(*this, s, later);
		if (!had_waker && later)
			count_cm_wakeup(s);
	}
	if (!next)
		hog_watch_armed.store(false, Relaxed);
	return next;
}

unsigned long cpu_intensive_count(void (*func)(altwq_work *))
{
	ReportSlot *slot = report_slot(func, false);
	return slot ? slot->count.load(Relaxed) : 0;
}

} // namespace altwq::wq
