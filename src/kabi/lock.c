// SPDX-License-Identifier: GPL-2.0
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/lockdep.h>
#include "kabi/export.h"
#include "kabi/lock.h"

#define RAW(l) ((raw_spinlock_t *)(l))
#define SPIN(l) ((spinlock_t *)(l))
#define MUTEX(m) ((struct mutex *)(m))
#define KEY(k) ((struct lock_class_key *)(k))

void kabi_raw_spin_init(struct kabi_raw_spinlock *l, const char *name, struct kabi_lock_class_key *key)
{
	raw_spin_lock_init(RAW(l));
	lockdep_set_class_and_name(RAW(l), KEY(key), name);
}
void kabi_raw_spin_lock(struct kabi_raw_spinlock *l) { raw_spin_lock(RAW(l)); }
void kabi_raw_spin_unlock(struct kabi_raw_spinlock *l) { raw_spin_unlock(RAW(l)); }
void kabi_raw_spin_lock_irq(struct kabi_raw_spinlock *l) { raw_spin_lock_irq(RAW(l)); }
void kabi_raw_spin_unlock_irq(struct kabi_raw_spinlock *l) { raw_spin_unlock_irq(RAW(l)); }
unsigned long kabi_raw_spin_lock_irqsave(struct kabi_raw_spinlock *l)
{
	unsigned long flags;

	raw_spin_lock_irqsave(RAW(l), flags);
	return flags;
}
void kabi_raw_spin_unlock_irqrestore(struct kabi_raw_spinlock *l, unsigned long flags)
{
	raw_spin_unlock_irqrestore(RAW(l), flags);
}
bool kabi_raw_spin_is_locked(struct kabi_raw_spinlock *l) { return raw_spin_is_locked(RAW(l)); }

void kabi_spin_init(struct kabi_spinlock *l, const char *name, struct kabi_lock_class_key *key)
{
	spin_lock_init(SPIN(l));
	lockdep_set_class_and_name(SPIN(l), KEY(key), name);
}
void kabi_spin_lock(struct kabi_spinlock *l) { spin_lock(SPIN(l)); }
void kabi_spin_unlock(struct kabi_spinlock *l) { spin_unlock(SPIN(l)); }
void kabi_spin_lock_irq(struct kabi_spinlock *l) { spin_lock_irq(SPIN(l)); }
void kabi_spin_unlock_irq(struct kabi_spinlock *l) { spin_unlock_irq(SPIN(l)); }
unsigned long kabi_spin_lock_irqsave(struct kabi_spinlock *l)
{
	unsigned long flags;

	spin_lock_irqsave(SPIN(l), flags);
	return flags;
}
void kabi_spin_unlock_irqrestore(struct kabi_spinlock *l, unsigned long flags)
{
	spin_unlock_irqrestore(SPIN(l), flags);
}
bool kabi_spin_is_locked(struct kabi_spinlock *l) { return spin_is_locked(SPIN(l)); }

void kabi_mutex_init(struct kabi_mutex *m, const char *name, struct kabi_lock_class_key *key)
{
	__mutex_init(MUTEX(m), name, KEY(key));
}
void kabi_mutex_destroy(struct kabi_mutex *m) { mutex_destroy(MUTEX(m)); }
void kabi_mutex_lock(struct kabi_mutex *m) { mutex_lock(MUTEX(m)); }
void kabi_mutex_unlock(struct kabi_mutex *m) { mutex_unlock(MUTEX(m)); }
bool kabi_mutex_is_locked(struct kabi_mutex *m) { return mutex_is_locked(MUTEX(m)); }

/* For altwq_test.ko, whose C++ tests call kxx inlines. */
KABI_EXPORT(kabi_raw_spin_init);
KABI_EXPORT(kabi_raw_spin_lock);
KABI_EXPORT(kabi_raw_spin_unlock);
KABI_EXPORT(kabi_raw_spin_lock_irq);
KABI_EXPORT(kabi_raw_spin_unlock_irq);
KABI_EXPORT(kabi_raw_spin_lock_irqsave);
KABI_EXPORT(kabi_raw_spin_unlock_irqrestore);
KABI_EXPORT(kabi_raw_spin_is_locked);
KABI_EXPORT(kabi_spin_init);
KABI_EXPORT(kabi_spin_lock);
KABI_EXPORT(kabi_spin_unlock);
KABI_EXPORT(kabi_spin_lock_irq);
KABI_EXPORT(kabi_spin_unlock_irq);
KABI_EXPORT(kabi_spin_lock_irqsave);
KABI_EXPORT(kabi_spin_unlock_irqrestore);
KABI_EXPORT(kabi_spin_is_locked);
KABI_EXPORT(kabi_mutex_init);
KABI_EXPORT(kabi_mutex_destroy);
KABI_EXPORT(kabi_mutex_lock);
KABI_EXPORT(kabi_mutex_unlock);
KABI_EXPORT(kabi_mutex_is_locked);
