/* SPDX-License-Identifier: GPL-2.0 */
/* RCU. read_lock/unlock, call_rcu: any context; synchronize, barrier: may sleep. */
#ifndef ALTWQ_KABI_RCU_H
#define ALTWQ_KABI_RCU_H
#include "kabi/types.h"
KABI_BEGIN

struct kabi_rcu_head;		/* struct rcu_head */
typedef void (*kabi_rcu_fn)(struct kabi_rcu_head *head);

void kabi_rcu_read_lock(void);
void kabi_rcu_read_unlock(void);
void kabi_synchronize_rcu(void);
/* fn(head) after a grace period, without waiting (call_rcu_hurry: not
 * batched lazily). Any context. */
void kabi_call_rcu(struct kabi_rcu_head *head, kabi_rcu_fn fn);
/* Waits for every callback queued by kabi_call_rcu() so far. May sleep. */
void kabi_rcu_barrier(void);

KABI_END
#endif
