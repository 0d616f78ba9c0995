// SPDX-License-Identifier: GPL-2.0
#include <linux/completion.h>
#include "kabi/export.h"
#include "kabi/completion.h"

#define COMPLETION(c) ((struct completion *)(c))

void kabi_completion_init(struct kabi_completion *c) { init_completion(COMPLETION(c)); }
void kabi_completion_reinit(struct kabi_completion *c) { reinit_completion(COMPLETION(c)); }
void kabi_complete(struct kabi_completion *c) { complete(COMPLETION(c)); }
void kabi_complete_all(struct kabi_completion *c) { complete_all(COMPLETION(c)); }
void kabi_completion_wait(struct kabi_completion *c) { wait_for_completion(COMPLETION(c)); }
unsigned long kabi_completion_wait_timeout(struct kabi_completion *c, unsigned long timeout_jiffies)
{
	return wait_for_completion_timeout(COMPLETION(c), timeout_jiffies);
}
bool kabi_completion_try_wait(struct kabi_completion *c) { return try_wait_for_completion(COMPLETION(c)); }
bool kabi_completion_done(struct kabi_completion *c) { return completion_done(COMPLETION(c)); }

/* For altwq_test.ko, whose C++ tests call kxx inlines. */
KABI_EXPORT(kabi_completion_init);
KABI_EXPORT(kabi_completion_reinit);
KABI_EXPORT(kabi_complete);
KABI_EXPORT(kabi_complete_all);
KABI_EXPORT(kabi_completion_wait);
KABI_EXPORT(kabi_completion_wait_timeout);
KABI_EXPORT(kabi_completion_try_wait);
KABI_EXPORT(kabi_completion_done);
