/* SPDX-License-Identifier: GPL-2.0 */
/*
 * C only. Defines the four operation tables (struct wq_ops and struct kw_ops
 * for altwq and for the kernel's own implementation), each generated from
 * its backend with the implementation's prefix. Included by exactly one
 * file of each module that uses them (altwq_test.ko, altwq_bench.ko): a new
 * API goes into the backends, once.
 */
#include <linux/slab.h>
#include <linux/rcupdate.h>
#include <linux/version.h>
#include "ops/kw_work.h"
#include "ops/wq_work.h"
#include "wq/test_hooks.h"

/* ---- the kernel's own ---- */
#define WQB(name) name
#define WQB_UP(NAME) NAME
#define WQB_FLAG(NAME) WQ_##NAME
#define WQB_WORK struct work_struct
#define WQB_MEMBER intree
#define WQB_RCU_MEMBER intree_rcu
#define WQB_EW_MEMBER intree_ew
#define WQB_NAME "in-tree"
#define WQB_TRACE_SYSTEM "workqueue"
#define WQB_SYSFS_BUS "workqueue"
#define WQB_TABLE altwq_wq_ops_intree
#define WQB_KEEPS_WORK_ON_GOING_DOWN_CPU true
#define WQB_QUIESCE() rcu_barrier()
#define WQB_HAS_BH (LINUX_VERSION_CODE >= KERNEL_VERSION(6, 9, 0))
#define WQB_HAS_DISABLE (LINUX_VERSION_CODE >= KERNEL_VERSION(6, 10, 0))
#define WQB_HAS_PERCPU (LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0))
#define WQB_HAS_LOCKDEP_MAP (LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0))
#define WQB_HAS_AFFINITY_SCOPES (LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0))
/* 6.1 lacks it and 6.12 has it; the release between is our reading, untested. */
#define WQB_HAS_ACTIVATE_FUNCTION (LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0))
#define KWB_TABLE altwq_kw_ops_intree
#define KWB_TRACE_SYSTEM "sched"
#define KWB_TRACE_EVENT_PREFIX "sched_kthread_work_"
#define KWB_TRACE_QUEUE_SUFFIX "_work"
#define KWB_CANCEL_COUNTS_FIRED_TIMER false
#define KWB_FLUSH_WAITS_FOR_ARMED_TIMER false
#include "ops/backends.h"

/* ---- altwq ---- */
#define WQB(name) altwq_##name
#define WQB_UP(NAME) ALTWQ_##NAME
#define WQB_FLAG(NAME) ALTWQ_##NAME
#define WQB_WORK struct altwq_work
#define WQB_MEMBER altwq
#define WQB_RCU_MEMBER altwq_rcu
#define WQB_EW_MEMBER altwq_ew
#define WQB_NAME "altwq"
#define WQB_TRACE_SYSTEM "altwq"
#define WQB_SYSFS_BUS "altwq"
#define WQB_TABLE altwq_wq_ops_altwq
#define WQB_KEEPS_WORK_ON_GOING_DOWN_CPU false
#define WQB_QUIESCE() altwq_wq_flush_releases()
#define WQB_HAS_BH 1
#define WQB_HAS_DISABLE 1
#define WQB_HAS_PERCPU 1
#define WQB_HAS_LOCKDEP_MAP 1
#define WQB_HAS_AFFINITY_SCOPES 1
#define WQB_HAS_ACTIVATE_FUNCTION 1
#define KWB_TABLE altwq_kw_ops_altwq
#define KWB_TRACE_SYSTEM "altwq"
#define KWB_TRACE_EVENT_PREFIX "altwq_kthread_work_"
#define KWB_TRACE_QUEUE_SUFFIX ""
#define KWB_CANCEL_COUNTS_FIRED_TIMER true
#define KWB_FLUSH_WAITS_FOR_ARMED_TIMER true
#include "ops/backends.h"
