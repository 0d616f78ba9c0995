/* SPDX-License-Identifier: GPL-2.0 */
/*
 * altwq.ko's module parameters, read by the C++ engine. Any context.
 *   idle_timeout_ms       how long a surplus idle worker lives (default 300000)
 *   pin_all_idle_workers  every idle worker of a bound pool sleeps pinned to
 *                         its CPU, not just one (default off)
 *   power_efficient       ALTWQ_POWER_EFFICIENT queues are made unbound
 *                         (default off, as Debian's workqueue.power_efficient)
 *   cpu_intensive_thresh_us  a per-CPU work running this long without
 *                         sleeping is marked CPU-intensive (ULONG_MAX until
 *                         the engine sets the default at load; 0: off)
 *   cpu_intensive_warning_thresh  marks of one function before it is reported
 *   stall_window_us       how long a blocked last running worker may come
 *                         back before another is woken (default 0: at once)
 *   default_affinity_scope  unbound queues' scope when they ask for the
 *                         default (a name; default "cache"; the engine
 *                         keeps the scope itself, altwq_wq_set_default_scope)
 *   cache_shard_size      cores per shard of the cache_shard scope (default 8)
 *   watchdog_thresh       seconds a pool may have works pending and start
 *                         none before the watchdog reports it (default 30;
 *                         0: off; writable: the engine restarts the timer)
 *   panic_on_stall        panic at the Nth reported stall (default 0: never)
 *   release_via_system_wq a pwq's release goes to system_wq from under its
 *                         pool's lock (lockdep demonstration; default off)
 */
#ifndef ALTWQ_KABI_PARAMS_H
#define ALTWQ_KABI_PARAMS_H
#include "kabi/types.h"
KABI_BEGIN

unsigned int kabi_param_idle_timeout_ms(void);	/* at least 1 */
void kabi_param_set_idle_timeout_ms(unsigned int ms);
bool kabi_param_pin_all_idle_workers(void);
void kabi_param_set_pin_all_idle_workers(bool on);
bool kabi_param_power_efficient(void);
bool kabi_param_release_via_system_wq(void);
void kabi_param_set_power_efficient(bool on);	/* for tests: queues made after it */
/* The next two are read on hot paths: their variables, to load relaxed. */
extern unsigned long kabi_cpu_intensive_thresh_us;
void kabi_param_set_cpu_intensive_thresh_us(unsigned long us);
unsigned int kabi_param_cpu_intensive_warning_thresh(void);
extern unsigned int kabi_stall_window_us;
void kabi_param_set_stall_window_us(unsigned int us);
unsigned int kabi_param_cache_shard_size(void);	/* at least 1 */
unsigned long kabi_param_watchdog_thresh(void);	/* seconds; 0: off */
unsigned int kabi_param_panic_on_stall(void);	/* 0: never */

KABI_END
#endif
