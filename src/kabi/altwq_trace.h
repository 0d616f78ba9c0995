/* SPDX-License-Identifier: GPL-2.0 */
/*
 * C only. altwq's trace events, system "altwq". The workqueue's four carry
 * the fields and print formats of 6.12's workqueue_* events; the
 * kthread_worker's those of sched_kthread_work_*; the rest are altwq's own.
 * Defined once, in kabi/trace.c (CREATE_TRACE_POINTS); the engines call
 * them through kabi/trace.h.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM altwq

#if !defined(ALTWQ_KABI_TRACE_EVENTS_H) || defined(TRACE_HEADER_MULTI_READ)
#define ALTWQ_KABI_TRACE_EVENTS_H

#include <linux/tracepoint.h>
#include <linux/version.h>

/* Counts the altwq events that have a user (kabi/trace.c), so that the
 * engines call nothing while none has (kxx/trace.hpp). */
int kabi_trace_reg(void);
void kabi_trace_unreg(void);

/* The fields of the events about a work and its function (expanded in
 * each of define_trace's passes by that pass's TP_ macros). */
#define ALTWQ_WORK_FN_PROTO TP_PROTO(const void *work, const void *function)
#define ALTWQ_WORK_FN_ENTRY TP_STRUCT__entry(__field(const void *, work) __field(const void *, function))
#define ALTWQ_WORK_FN_ASSIGN TP_fast_assign(__entry->work = work; __entry->function = function;)

/* 6.10 made __assign_str() take the field only. */
#ifndef ALTWQ_ASSIGN_STR
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 10, 0)
#define ALTWQ_ASSIGN_STR(field, src) __assign_str(field, src)
#else
#define ALTWQ_ASSIGN_STR(field, src) __assign_str(field)
#endif
#endif

TRACE_EVENT_FN(altwq_queue_work,
	TP_PROTO(const void *work, const void *function, const char *wq_name, int req_cpu, int cpu),
	TP_ARGS(work, function, wq_name, req_cpu, cpu),
	TP_STRUCT__entry(
		__field(const void *, work)
		__field(const void *, function)
		__string(workqueue, wq_name)
		__field(int, req_cpu)
		__field(int, cpu)
	),
	TP_fast_assign(
		__entry->work = work;
		__entry->function = function;
		ALTWQ_ASSIGN_STR(workqueue, wq_name);
		__entry->req_cpu = req_cpu;
		__entry->cpu = cpu;
	),
	TP_printk("work struct=%p function=%ps workqueue=%s req_cpu=%d cpu=%d",
		  __entry->work, __entry->function, __get_str(workqueue), __entry->req_cpu, __entry->cpu),
	kabi_trace_reg, kabi_trace_unreg);

/* A work and its function: activate, execute start and end. */
DECLARE_EVENT_CLASS(altwq_work_fn,
	ALTWQ_WORK_FN_PROTO,
	TP_ARGS(work, function),
	ALTWQ_WORK_FN_ENTRY,
	ALTWQ_WORK_FN_ASSIGN,
	TP_printk("work struct %p: function %ps", __entry->work, __entry->function)
);
/* Its own event (not of the class): a print of its own and a user count
 * do not go together in a class's event. */
TRACE_EVENT_FN(altwq_activate_work,
	ALTWQ_WORK_FN_PROTO,
	TP_ARGS(work, function),
	ALTWQ_WORK_FN_ENTRY,
	ALTWQ_WORK_FN_ASSIGN,
	TP_printk("work struct %p function=%ps ", __entry->work, __entry->function),
	kabi_trace_reg, kabi_trace_unreg
);
DEFINE_EVENT_FN(altwq_work_fn, altwq_execute_start,
	ALTWQ_WORK_FN_PROTO,
	TP_ARGS(work, function),
	kabi_trace_reg, kabi_trace_unreg);
DEFINE_EVENT_FN(altwq_work_fn, altwq_execute_end,
	ALTWQ_WORK_FN_PROTO,
	TP_ARGS(work, function),
	kabi_trace_reg, kabi_trace_unreg);

/* A pool's worker made or told to exit; cpu -1 for an unbound pool. */
DECLARE_EVENT_CLASS(altwq_worker,
	TP_PROTO(int pool, int worker, int cpu),
	TP_ARGS(pool, worker, cpu),
	TP_STRUCT__entry(
		__field(int, pool)
		__field(int, worker)
		__field(int, cpu)
	),
	TP_fast_assign(
		__entry->pool = pool;
		__entry->worker = worker;
		__entry->cpu = cpu;
	),
	TP_printk("pool=%d worker=%d cpu=%d", __entry->pool, __entry->worker, __entry->cpu)
);
DEFINE_EVENT_FN(altwq_worker, altwq_worker_create,
	TP_PROTO(int pool, int worker, int cpu),
	TP_ARGS(pool, worker, cpu),
	kabi_trace_reg, kabi_trace_unreg);
DEFINE_EVENT_FN(altwq_worker, altwq_worker_destroy,
	TP_PROTO(int pool, int worker, int cpu),
	TP_ARGS(pool, worker, cpu),
	kabi_trace_reg, kabi_trace_unreg);

/* A pool that cannot make a worker asks a queue's rescuer for help. */
TRACE_EVENT_FN(altwq_mayday,
	TP_PROTO(const char *wq_name, int pool, int cpu),
	TP_ARGS(wq_name, pool, cpu),
	TP_STRUCT__entry(
		__string(workqueue, wq_name)
		__field(int, pool)
		__field(int, cpu)
	),
	TP_fast_assign(
		ALTWQ_ASSIGN_STR(workqueue, wq_name);
		__entry->pool = pool;
		__entry->cpu = cpu;
	),
	TP_printk("workqueue=%s pool=%d cpu=%d", __get_str(workqueue), __entry->pool, __entry->cpu),
	kabi_trace_reg, kabi_trace_unreg);

/* The hog watch marked a running work CPU-intensive after runtime_us. */
TRACE_EVENT_FN(altwq_cpu_intensive,
	TP_PROTO(const void *work, const void *function, unsigned long long runtime_us),
	TP_ARGS(work, function, runtime_us),
	TP_STRUCT__entry(
		__field(const void *, work)
		__field(const void *, function)
		__field(unsigned long long, runtime_us)
	),
	TP_fast_assign(
		__entry->work = work;
		__entry->function = function;
		__entry->runtime_us = runtime_us;
	),
	TP_printk("work struct %p: function %ps runtime_us=%llu", __entry->work, __entry->function,
		  __entry->runtime_us),
	kabi_trace_reg, kabi_trace_unreg);

TRACE_EVENT_FN(altwq_kthread_work_queue,
	TP_PROTO(const void *worker, const void *work, const void *function),
	TP_ARGS(worker, work, function),
	TP_STRUCT__entry(
		__field(const void *, work)
		__field(const void *, function)
		__field(const void *, worker)
	),
	TP_fast_assign(
		__entry->work = work;
		__entry->function = function;
		__entry->worker = worker;
	),
	TP_printk("work struct=%p function=%ps worker=%p", __entry->work, __entry->function, __entry->worker),
	kabi_trace_reg, kabi_trace_unreg);
DEFINE_EVENT_FN(altwq_work_fn, altwq_kthread_work_execute_start,
	ALTWQ_WORK_FN_PROTO,
	TP_ARGS(work, function),
	kabi_trace_reg, kabi_trace_unreg);
DEFINE_EVENT_FN(altwq_work_fn, altwq_kthread_work_execute_end,
	ALTWQ_WORK_FN_PROTO,
	TP_ARGS(work, function),
	kabi_trace_reg, kabi_trace_unreg);

#endif /* ALTWQ_KABI_TRACE_EVENTS_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH kabi
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE altwq_trace
#include <trace/define_trace.h>
