/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Lockdep maps: pseudo-locks with no lock behind them, taken around what a
 * waiter waits for (a work's run, a queue's works) and touched by whoever
 * waits, so that lockdep sees the wait as taking the lock and reports the
 * inversion before it hangs. Without CONFIG_LOCKDEP (KABI_CONFIG_LOCKDEP 0)
 * every call does nothing. Any context; register/unregister_key may sleep.
 */
#ifndef ALTWQ_KABI_LOCKDEP_H
#define ALTWQ_KABI_LOCKDEP_H
#include "kabi/types.h"
KABI_BEGIN

struct kabi_lockdep_map;	/* struct lockdep_map */

void kabi_lockdep_init_map(struct kabi_lockdep_map *map, const char *name, struct kabi_lock_class_key *key);
void kabi_lockdep_copy_map(struct kabi_lockdep_map *to, const struct kabi_lockdep_map *from);
void kabi_lock_map_acquire(struct kabi_lockdep_map *map);
void kabi_lock_map_release(struct kabi_lockdep_map *map);
/* A key in dynamic memory (a queue's): before the first init with it. */
void kabi_lockdep_register_key(struct kabi_lock_class_key *key);
/* May sleep (waits for lockdep's RCU readers of the key). */
void kabi_lockdep_unregister_key(struct kabi_lock_class_key *key);

KABI_END
#endif
