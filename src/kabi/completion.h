/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct completion. complete/complete_all/try_wait/done: any context.
 * wait, wait_timeout: may sleep.
 */
#ifndef ALTWQ_KABI_COMPLETION_H
#define ALTWQ_KABI_COMPLETION_H
#include "kabi/types.h"
KABI_BEGIN

struct kabi_completion;		/* struct completion */

void kabi_completion_init(struct kabi_completion *c);
void kabi_completion_reinit(struct kabi_completion *c);
void kabi_complete(struct kabi_completion *c);
void kabi_complete_all(struct kabi_completion *c);
void kabi_completion_wait(struct kabi_completion *c);
/* Returns 0 on timeout, else the jiffies left (at least 1). */
unsigned long kabi_completion_wait_timeout(struct kabi_completion *c, unsigned long timeout_jiffies);
bool kabi_completion_try_wait(struct kabi_completion *c);
bool kabi_completion_done(struct kabi_completion *c);

KABI_END
#endif
