/* SPDX-License-Identifier: GPL-2.0 */
/*
 * raw_spinlock_t, spinlock_t and struct mutex. Each init takes the lockdep
 * class key of its call site. Spinlock calls: any context (the caller picks
 * the IRQ variant); mutex calls: may sleep, process context only.
 */
#ifndef ALTWQ_KABI_LOCK_H
#define ALTWQ_KABI_LOCK_H
#include "kabi/types.h"
KABI_BEGIN

struct kabi_raw_spinlock;	/* raw_spinlock_t */
struct kabi_spinlock;		/* spinlock_t */
struct kabi_mutex;		/* struct mutex */

void kabi_raw_spin_init(struct kabi_raw_spinlock *l, const char *name, struct kabi_lock_class_key *key);
void kabi_raw_spin_lock(struct kabi_raw_spinlock *l);
void kabi_raw_spin_unlock(struct kabi_raw_spinlock *l);
void kabi_raw_spin_lock_irq(struct kabi_raw_spinlock *l);
void kabi_raw_spin_unlock_irq(struct kabi_raw_spinlock *l);
unsigned long kabi_raw_spin_lock_irqsave(struct kabi_raw_spinlock *l);
void kabi_raw_spin_unlock_irqrestore(struct kabi_raw_spinlock *l, unsigned long flags);
bool kabi_raw_spin_is_locked(struct kabi_raw_spinlock *l);

void kabi_spin_init(struct kabi_spinlock *l, const char *name, struct kabi_lock_class_key *key);
void kabi_spin_lock(struct kabi_spinlock *l);
void kabi_spin_unlock(struct kabi_spinlock *l);
void kabi_spin_lock_irq(struct kabi_spinlock *l);
void kabi_spin_unlock_irq(struct kabi_spinlock *l);
unsigned long kabi_spin_lock_irqsave(struct kabi_spinlock *l);
void kabi_spin_unlock_irqrestore(struct kabi_spinlock *l, unsigned long flags);
bool kabi_spin_is_locked(struct kabi_spinlock *l);

void kabi_mutex_init(struct kabi_mutex *m, const char *name, struct kabi_lock_class_key *key);
void kabi_mutex_destroy(struct kabi_mutex *m);
void kabi_mutex_lock(struct kabi_mutex *m);
void kabi_mutex_unlock(struct kabi_mutex *m);
bool kabi_mutex_is_locked(struct kabi_mutex *m);

KABI_END
#endif
