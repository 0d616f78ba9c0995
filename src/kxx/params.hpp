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
inline void set_power_efficient(bool on) { kabi_param_set_power_efficient(on); }

} // namespace kxx::params
