// SPDX-License-Identifier: GPL-2.0
#include <linux/rcupdate.h>
#include <linux/version.h>
#include "kabi/export.h"
#include "kabi/rcu.h"

void kabi_rcu_read_lock(void) { rcu_read_lock(); }
void kabi_rcu_read_unlock(void) { rcu_read_unlock(); }
void kabi_synchronize_rcu(void) { synchronize_rcu(); }
void kabi_call_rcu(struct kabi_rcu_head *head, kabi_rcu_fn fn)
{
	/* 6.2 made call_rcu() lazy (batched for seconds) where RCU_LAZY is on;
	 * before, every call_rcu() was what call_rcu_hurry() is now. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
	call_rcu_hurry((struct rcu_head *)head, (rcu_callback_t)fn);
#else
	call_rcu((struct rcu_head *)head, (rcu_callback_t)fn);
#endif
}
void kabi_rcu_barrier(void) { rcu_barrier(); }

/* For altwq_test.ko, whose C++ tests call kxx inlines. */
KABI_EXPORT(kabi_rcu_read_lock);
KABI_EXPORT(kabi_rcu_read_unlock);
KABI_EXPORT(kabi_synchronize_rcu);
