/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct timer_list. The callback runs in softirq context (or hardirq-safe
 * with KABI_TIMER_IRQSAFE). arm/modify/delete/pending: any context;
 * delete_sync/shutdown_sync: may sleep unless the timer is IRQSAFE, never
 * from the timer's own callback. A timer_list must not live on the stack
 * (debug objects would need the on-stack init): heap or static only.
 */
#ifndef ALTWQ_KABI_TIMER_H
#define ALTWQ_KABI_TIMER_H
#include "kabi/types.h"
KABI_BEGIN

struct kabi_timer;		/* struct timer_list */
typedef void (*kabi_timer_fn)(struct kabi_timer *timer);

void kabi_timer_init(struct kabi_timer *t, kabi_timer_fn fn,
		     const char *name, struct kabi_lock_class_key *key);
/* mod_timer(): returns whether the timer was pending before. */
bool kabi_timer_modify(struct kabi_timer *t, unsigned long expires_jiffies);
/* add_timer_on(); false (and nothing changed) if the timer is pending. */
bool kabi_timer_add_on(struct kabi_timer *t, unsigned long expires_jiffies, int cpu);
bool kabi_timer_delete(struct kabi_timer *t);
bool kabi_timer_delete_sync(struct kabi_timer *t);
/* Deletes, waits for the callback, and makes any later re-arm a no-op. */
void kabi_timer_shutdown_sync(struct kabi_timer *t);
bool kabi_timer_pending(const struct kabi_timer *t);
unsigned long kabi_timer_expires(const struct kabi_timer *t);

KABI_END
#endif
