// SPDX-License-Identifier: GPL-2.0
// altwq's trace events (system "altwq", kabi/altwq_trace.h) for the
// engines. Any context; while no event of ours has a user each costs a load
// and a branch, and a call (then the tracepoint's own static key) after.
// Works and functions go by address only: a work may be freed by the time
// its execute_end is traced.
#pragma once
#include "kabi/trace.h"
#include "kxx/types.hpp"

namespace kxx::trace {

template <typename Fn> inline const void *fn_addr(Fn *fn) { return reinterpret_cast<const void *>(fn); }
// No event of ours has a user: nothing to call (the usual case, so the
// engines pay a load and a branch per event, not a call).
inline bool off() { return KXX_LIKELY(__atomic_load_n(&kabi_trace_users, __ATOMIC_RELAXED) == 0); }

// The workqueue's, with 6.12's fields (cpu -1: an unbound pool).
template <typename Fn> void queue_work(const void *work, Fn *fn, const char *wq_name, int req_cpu, int cpu)
{
	if (!off())
		kabi_trace_queue_work(work, fn_addr(fn), wq_name, req_cpu, cpu);
}
template <typename Fn> void activate_work(const void *work, Fn *fn) { if (!off()) kabi_trace_activate_work(work, fn_addr(fn)); }
template <typename Fn> void execute_start(const void *work, Fn *fn) { if (!off()) kabi_trace_execute_start(work, fn_addr(fn)); }
template <typename Fn> void execute_end(const void *work, Fn *fn) { if (!off()) kabi_trace_execute_end(work, fn_addr(fn)); }

// altwq's own.
inline void worker_create(int pool, int worker, int cpu) { if (!off()) kabi_trace_worker_create(pool, worker, cpu); }
inline void worker_destroy(int pool, int worker, int cpu) { if (!off()) kabi_trace_worker_destroy(pool, worker, cpu); }
inline void mayday(const char *wq_name, int pool, int cpu) { if (!off()) kabi_trace_mayday(wq_name, pool, cpu); }
template <typename Fn> void cpu_intensive(const void *work, Fn *fn, uint64_t runtime_us)
{
	if (!off())
		kabi_trace_cpu_intensive(work, fn_addr(fn), runtime_us);
}

// The kthread_worker's, with 6.12's sched_kthread_work_* fields.
template <typename Fn> void kthread_work_queue(const void *worker, const void *work, Fn *fn)
{
	if (!off())
		kabi_trace_kthread_work_queue(worker, work, fn_addr(fn));
}
template <typename Fn> void kthread_work_execute_start(const void *work, Fn *fn)
{
	if (!off())
		kabi_trace_kthread_work_execute_start(work, fn_addr(fn));
}
template <typename Fn> void kthread_work_execute_end(const void *work, Fn *fn)
{
	if (!off())
		kabi_trace_kthread_work_execute_end(work, fn_addr(fn));
}

} // namespace kxx::trace
