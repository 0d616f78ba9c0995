// SPDX-License-Identifier: GPL-2.0
// RCU: read-side guard (any context) and grace-period waits (may sleep).
#pragma once
#include "kabi/rcu.h"
#include "kxx/types.hpp"

namespace kxx {

class [[nodiscard]] RcuReadGuard : Pinned {
public:
	RcuReadGuard() { kabi_rcu_read_lock(); }
	~RcuReadGuard() { kabi_rcu_read_unlock(); }
};

namespace rcu {
// Waits until every reader that began before the call has finished. May sleep.
inline void synchronize() { kabi_synchronize_rcu(); }
} // namespace rcu

} // namespace kxx
