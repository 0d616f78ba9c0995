// SPDX-License-Identifier: GPL-2.0
// Lockdep maps (src/kabi/lockdep.h): pseudo-locks held around what a
// waiter waits for and touched (acquired and released at once) by the
// waiter, so lockdep reports a wait that can deadlock as it would a lock.
// On a kernel without lockdep the type is empty and every call compiles to
// nothing. Any context.
//
//   kxx::LockdepMap map;
//   map.init("(wq_completion)events", KXX_LOCK_CLASS("unused").key());
//   map.acquire(); run_the_works(); map.release();   // the waited-for side
//   map.touch();                                     // the waiting side
#pragma once
#include "kabi/lockdep.h"
#include "kabi/softirq.h"
#include "kxx/sizes.hpp"
#include "kxx/types.hpp"

namespace kxx {

constexpr bool lockdep_enabled = KABI_CONFIG_LOCKDEP != 0;

#if KABI_CONFIG_LOCKDEP
class LockdepMap {
public:
	LockdepMap() = default;
	LockdepMap(const LockdepMap &) = delete;
	LockdepMap &operator=(const LockdepMap &) = delete;
	void init(const char *name, kabi_lock_class_key *key) { kabi_lockdep_init_map(raw(), name, key); }
	void copy_from(const LockdepMap &from) { kabi_lockdep_copy_map(raw(), from.raw()); }
	void acquire() { kabi_lock_map_acquire(raw()); }
	void release() { kabi_lock_map_release(raw()); }
	void touch() { acquire(); release(); }
	kabi_lockdep_map *raw() { return storage_.as<kabi_lockdep_map>(); }
	const kabi_lockdep_map *raw() const { return storage_.as<kabi_lockdep_map>(); }

private:
	KXX_OPAQUE(LOCKDEP_MAP) storage_;
};
static_assert(sizeof(LockdepMap) == KABI_SIZEOF_LOCKDEP_MAP && alignof(LockdepMap) == KABI_ALIGNOF_LOCKDEP_MAP);

// A lockdep key in dynamic memory: registered before the first map is
// keyed by it, unregistered (may sleep) before its memory goes.
class DynamicLockKey {
public:
	DynamicLockKey() = default;
	void register_key() { kabi_lockdep_register_key(raw()); }
	void unregister_key() { kabi_lockdep_unregister_key(raw()); } // may sleep
	DynamicLockKey(const DynamicLockKey &) = delete;
	DynamicLockKey &operator=(const DynamicLockKey &) = delete;
	kabi_lock_class_key *raw() { return storage_.as<kabi_lock_class_key>(); }

private:
	KXX_OPAQUE(LOCK_CLASS_KEY) storage_;
};
#else
class LockdepMap {
public:
	LockdepMap() = default;
	LockdepMap(const LockdepMap &) = delete;
	LockdepMap &operator=(const LockdepMap &) = delete;
	void init(const char *, kabi_lock_class_key *) {}
	void copy_from(const LockdepMap &) {}
	void acquire() {}
	void release() {}
	void touch() {}
	kabi_lockdep_map *raw() { return nullptr; }
};
class DynamicLockKey {
public:
	void register_key() {}
	void unregister_key() {}
	kabi_lock_class_key *raw() { return nullptr; }
};
#endif

// Softirqs held off on this CPU while it lives (local_bh_disable). Process context.
class BhOffGuard : Pinned {
public:
	BhOffGuard() { kabi_local_bh_disable(); }
	~BhOffGuard() { kabi_local_bh_enable(); }
};

} // namespace kxx
