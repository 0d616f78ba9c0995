// SPDX-License-Identifier: GPL-2.0
// RCU: read-side guard (any context), callbacks after a grace period (any
// context) and grace-period waits (may sleep).
#pragma once
#include "kabi/rcu.h"
#include "kxx/callback.hpp"
#include "kxx/sizes.hpp"
#include "kxx/types.hpp"

namespace kxx {

class [[nodiscard]] RcuReadGuard : Pinned {
public:
	RcuReadGuard() { kabi_rcu_read_lock(); }
	~RcuReadGuard() { kabi_rcu_read_unlock(); }
};

// struct rcu_head calling back into a member function of its owner once
// a grace period has passed (softirq context):
//
//   struct Owner { kxx::RcuHead rcu; void after_gp(); };
//   owner->rcu.call<&Owner::rcu, &Owner::after_gp>();
class RcuHead : Pinned {
public:
	RcuHead() = default;
	// At most one call in flight per head. Any context.
	template <auto Field, auto Method> void call()
	{
		kabi_call_rcu(raw(), &member_trampoline<Field, Method, kabi_rcu_head>);
	}

private:
	kabi_rcu_head *raw() { return storage_.as<kabi_rcu_head>(); }
	KXX_OPAQUE(RCU_HEAD) storage_;
};
static_assert(sizeof(RcuHead) == KABI_SIZEOF_RCU_HEAD && alignof(RcuHead) == KABI_ALIGNOF_RCU_HEAD);

namespace rcu {
// Waits until every reader that began before the call has finished. May sleep.
inline void synchronize() { kabi_synchronize_rcu(); }
// Waits until every RcuHead callback queued before the call has run. May sleep.
inline void barrier() { kabi_rcu_barrier(); }
} // namespace rcu

} // namespace kxx
