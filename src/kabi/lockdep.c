// SPDX-License-Identifier: GPL-2.0
#include <linux/lockdep.h>
#include "kabi/export.h"
#include "kabi/lockdep.h"

#define MAP(m) ((struct lockdep_map *)(m))
#define KEY(k) ((struct lock_class_key *)(k))

void kabi_lockdep_init_map(struct kabi_lockdep_map *map, const char *name, struct kabi_lock_class_key *key)
{
	lockdep_init_map(MAP(map), name, KEY(key), 0);
}

void kabi_lockdep_copy_map(struct kabi_lockdep_map *to, const struct kabi_lockdep_map *from)
{
#ifdef CONFIG_LOCKDEP
	lockdep_copy_map(MAP(to), MAP(from));
#endif
}

/* Reports name the engine's caller, not this wrapper. */
void kabi_lock_map_acquire(struct kabi_lockdep_map *map) { lock_acquire_exclusive(MAP(map), 0, 0, NULL, _RET_IP_); }
void kabi_lock_map_release(struct kabi_lockdep_map *map) { lock_release(MAP(map), _RET_IP_); }
void kabi_lockdep_register_key(struct kabi_lock_class_key *key) { lockdep_register_key(KEY(key)); }
void kabi_lockdep_unregister_key(struct kabi_lock_class_key *key) { lockdep_unregister_key(KEY(key)); }

