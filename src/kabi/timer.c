// SPDX-License-Identifier: GPL-2.0
#include <linux/timer.h>
#include <linux/version.h>
#include "kabi/export.h"
#include "kabi/timer.h"

#define TIMER(t) ((struct timer_list *)(t))

void kabi_timer_init(struct kabi_timer *t, kabi_timer_fn fn,
		     const char *name, struct kabi_lock_class_key *key)
{
	/*
	 * struct kabi_timer is the timer_list itself (same address), so the
	 * callback's argument is the same pointer under another name.
	 */
	init_timer_key(TIMER(t), (void (*)(struct timer_list *))fn, 0, name,
		       (struct lock_class_key *)key);
}
bool kabi_timer_modify(struct kabi_timer *t, unsigned long expires) { return mod_timer(TIMER(t), expires); }
bool kabi_timer_add_on(struct kabi_timer *t, unsigned long expires, int cpu)
{
	if (timer_pending(TIMER(t)))
		return false;
	TIMER(t)->expires = expires;
	add_timer_on(TIMER(t), cpu);
	return true;
}
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
bool kabi_timer_delete(struct kabi_timer *t) { return timer_delete(TIMER(t)); }
bool kabi_timer_delete_sync(struct kabi_timer *t) { return timer_delete_sync(TIMER(t)); }
void kabi_timer_shutdown_sync(struct kabi_timer *t) { timer_shutdown_sync(TIMER(t)); }
#else
bool kabi_timer_delete(struct kabi_timer *t) { return del_timer(TIMER(t)); }
bool kabi_timer_delete_sync(struct kabi_timer *t) { return del_timer_sync(TIMER(t)); }
void kabi_timer_shutdown_sync(struct kabi_timer *t) { del_timer_sync(TIMER(t)); }
#endif
bool kabi_timer_pending(const struct kabi_timer *t) { return timer_pending((const struct timer_list *)t); }
unsigned long kabi_timer_expires(const struct kabi_timer *t) { return READ_ONCE(((const struct timer_list *)t)->expires); }

/* For altwq_test.ko, whose C++ tests call kxx inlines. */
KABI_EXPORT(kabi_timer_init);
KABI_EXPORT(kabi_timer_modify);
KABI_EXPORT(kabi_timer_add_on);
KABI_EXPORT(kabi_timer_delete);
KABI_EXPORT(kabi_timer_delete_sync);
KABI_EXPORT(kabi_timer_shutdown_sync);
KABI_EXPORT(kabi_timer_pending);
KABI_EXPORT(kabi_timer_expires);
