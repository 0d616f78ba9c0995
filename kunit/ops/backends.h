/* SPDX-License-Identifier: GPL-2.0 */
/*
 * C only, included once per implementation by ops_tables.h: both backends
 * of that implementation, then its configuration is forgotten, ready for
 * the next one.
 */
#include "ops/wq_backend.h"
#include "ops/kw_backend.h"
#undef WQB
#undef WQB_UP
#undef WQB_FLAG
#undef WQB_WORK
#undef WQB_MEMBER
#undef WQB_RCU_MEMBER
#undef WQB_EW_MEMBER
#undef WQB_NAME
#undef WQB_TRACE_SYSTEM
#undef WQB_SYSFS_BUS
#undef WQB_TABLE
#undef WQB_KEEPS_WORK_ON_GOING_DOWN_CPU
#undef WQB_QUIESCE
#undef WQB_HAS_BH
#undef WQB_HAS_DISABLE
#undef WQB_HAS_PERCPU
#undef WQB_HAS_LOCKDEP_MAP
#undef WQB_HAS_AFFINITY_SCOPES
#undef WQB_HAS_ACTIVATE_FUNCTION
#undef KWB_TABLE
#undef KWB_TRACE_SYSTEM
#undef KWB_TRACE_EVENT_PREFIX
#undef KWB_TRACE_QUEUE_SUFFIX
#undef KWB_CANCEL_COUNTS_FIRED_TIMER
#undef KWB_FLUSH_WAITS_FOR_ARMED_TIMER

