/* SPDX-License-Identifier: GPL-2.0 */
/*
 * altwq's trace events (kabi/altwq_trace.h) for the engines. Valid C and
 * C++, no kernel header. Any context; kxx/trace.hpp calls them only while
 * some event of ours has a user (kabi_trace_users).
 */
#ifndef ALTWQ_KABI_TRACE_H
#define ALTWQ_KABI_TRACE_H
#include "kabi/types.h"
KABI_BEGIN

/* How many altwq events have a user (a tracer, perf, BPF): 0 = all off. */
extern int kabi_trace_users;

void kabi_trace_queue_work(const void *work, const void *function, const char *wq_name, int req_cpu, int cpu);
void kabi_trace_activate_work(const void *work, const void *function);
void kabi_trace_execute_start(const void *work, const void *function);
void kabi_trace_execute_end(const void *work, const void *function);
void kabi_trace_worker_create(int pool, int worker, int cpu);
void kabi_trace_worker_destroy(int pool, int worker, int cpu);
void kabi_trace_mayday(const char *wq_name, int pool, int cpu);
void kabi_trace_cpu_intensive(const void *work, const void *function, unsigned long long runtime_us);
void kabi_trace_kthread_work_queue(const void *worker, const void *work, const void *function);
void kabi_trace_kthread_work_execute_start(const void *work, const void *function);
void kabi_trace_kthread_work_execute_end(const void *work, const void *function);

KABI_END
#endif
