// SPDX-License-Identifier: GPL-2.0
/* altwq's trace events: defined here, called through kabi/trace.h. */
#define CREATE_TRACE_POINTS
#include "kabi/altwq_trace.h"
#include "kabi/trace.h"
#include "kabi/export.h"

int kabi_trace_users; /* read directly by kxx/trace.hpp */

/* Tracepoint (un)registration: under tracepoints_mutex, one call per event
 * that gains its first user or loses its last. */
int kabi_trace_reg(void)
{
	WRITE_ONCE(kabi_trace_users, kabi_trace_users + 1);
	return 0;
}
void kabi_trace_unreg(void) { WRITE_ONCE(kabi_trace_users, kabi_trace_users - 1); }
KABI_EXPORT(kabi_trace_users);

void kabi_trace_queue_work(const void *work, const void *function, const char *wq_name, int req_cpu, int cpu)
{
	trace_altwq_queue_work(work, function, wq_name, req_cpu, cpu);
}
void kabi_trace_activate_work(const void *work, const void *function) { trace_altwq_activate_work(work, function); }
void kabi_trace_execute_start(const void *work, const void *function) { trace_altwq_execute_start(work, function); }
void kabi_trace_execute_end(const void *work, const void *function) { trace_altwq_execute_end(work, function); }
void kabi_trace_worker_create(int pool, int worker, int cpu) { trace_altwq_worker_create(pool, worker, cpu); }
void kabi_trace_worker_destroy(int pool, int worker, int cpu) { trace_altwq_worker_destroy(pool, worker, cpu); }
void kabi_trace_mayday(const char *wq_name, int pool, int cpu) { trace_altwq_mayday(wq_name, pool, cpu); }
void kabi_trace_cpu_intensive(const void *work, const void *function, unsigned long long runtime_us)
{
	trace_altwq_cpu_intensive(work, function, runtime_us);
}
void kabi_trace_kthread_work_queue(const void *worker, const void *work, const void *function)
{
	trace_altwq_kthread_work_queue(worker, work, function);
}
void kabi_trace_kthread_work_execute_start(const void *work, const void *function)
{
	trace_altwq_kthread_work_execute_start(work, function);
}
void kabi_trace_kthread_work_execute_end(const void *work, const void *function)
{
	trace_altwq_kthread_work_execute_end(work, function);
}
