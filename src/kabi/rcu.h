/* SPDX-License-Identifier: GPL-2.0 */
/* RCU. read_lock/unlock: any context; synchronize: may sleep. */
#ifndef ALTWQ_KABI_RCU_H
#define ALTWQ_KABI_RCU_H
#include "kabi/types.h"
KABI_BEGIN

void kabi_rcu_read_lock(void);
void kabi_rcu_read_unlock(void);
void kabi_synchronize_rcu(void);

KABI_END
#endif
