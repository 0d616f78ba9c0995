// SPDX-License-Identifier: GPL-2.0
// altwq.ko's module parameters (declared in src/kabi/module.c). Any context.
#pragma once
#include "kabi/params.h"

namespace kxx::params {

// How long a surplus idle worker lives before it is reaped; at least 1.
inline unsigned int idle_timeout_ms() { return kabi_param_idle_timeout_ms(); }
inline void set_idle_timeout_ms(unsigned int ms) { kabi_param_set_idle_timeout_ms(ms); }
// Whether every idle worker of a bound pool sleeps pinned, not just one.
inline bool pin_all_idle_workers() { return kabi_param_pin_all_idle_workers(); }
inline void set_pin_all_idle_workers(bool on) { kabi_param_set_pin_all_idle_workers(on); }
// Whether ALTWQ_POWER_EFFICIENT queues are made unbound.
inline bool power_efficient() { return kabi_param_power_efficient(); }
inline bool release_via_system_wq() { return kabi_param_release_via_system_wq(); }
inline void set_power_efficient(bool on) { kabi_param_set_power_efficient(on); }

// CPU-intensive auto-detection's threshold (0: off; ~0UL: not set yet).
inline unsigned long cpu_intensive_thresh_us() { return __atomic_load_n(&kabi_cpu_intensive_thresh_us, __ATOMIC_RELAXED); }
inline void set_cpu_intensive_thresh_us(unsigned long us) { kabi_param_set_cpu_intensive_thresh_us(us); }
inline unsigned int cpu_intensive_warning_thresh() { return kabi_param_cpu_intensive_warning_thresh(); }
// How long to wait for a blocked last running worker before waking another.
inline unsigned int stall_window_us() { return __atomic_load_n(&kabi_stall_window_us, __ATOMIC_RELAXED); }
inline void set_stall_window_us(unsigned int us) { kabi_param_set_stall_window_us(us); }

// Unbound queues' default affinity scope (its name) and cache_shard's size in cores.
inline unsigned int cache_shard_size() { return kabi_param_cache_shard_size(); }
// The lockup watchdog: its threshold in seconds (0: off), and the stall count that panics (0: never).
inline unsigned long watchdog_thresh() { return kabi_param_watchdog_thresh(); }
inline unsigned int panic_on_stall() { return kabi_param_panic_on_stall(); }

} // namespace kxx::params
