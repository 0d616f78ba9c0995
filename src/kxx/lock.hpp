// SPDX-License-Identifier: GPL-2.0
// Locks whose data cannot be reached without holding them.
//
//   struct StatsLock;                              // the lock's role
//   kxx::Guarded<Counters, kxx::RawSpinLock<StatsLock>> stats{KXX_LOCK_CLASS("stats")};
//   {
//           auto locked = stats.lock<kxx::IrqSave>();   // the mode is required
//           locked->hits++;
//   }
//
// Every lock has a role, a tag type naming what it protects (a pool's lock,
// the attach mutex). The role is part of the lock's type and of its
// guards', so a guard of one role is no proof for data locked by another:
// Guarded<T, Lock> and LockedBy<T, Lock> accept only guards of exactly Lock.
// Where the instance matters too (which pool), LockedBy names a function
// that finds the owner's lock, and each access checks the guard holds that
// one (a pointer compare; a warning on a foreign guard).
//
// Spinlocks (RawSpinLock, SpinLock) take a mode tag: NoIrq (process or
// softirq data never touched from hardirq), Irq (IRQs known enabled; they
// are disabled and re-enabled), IrqSave (any context; flags saved in the
// guard). Mutex takes MaySleep: process context only. Guards are neither
// copyable nor movable. Each KXX_LOCK_CLASS() site is its own lockdep class.
#pragma once
#include "kabi/lock.h"
#include "kabi/sched.h"
#include "kxx/sizes.hpp"
#include "kxx/types.hpp"
#include "kxx/warn.hpp"

namespace kxx {

struct NoIrq {};
struct Irq {};
struct IrqSave {};
struct MaySleep {};

// A lockdep class: a name and a key in static storage.
class LockClass {
public:
	constexpr explicit LockClass(const char *name) : name_(name) {}
	LockClass(const LockClass &) = delete;
	const char *name() const { return name_; }
	kabi_lock_class_key *key() { return key_.as<kabi_lock_class_key>(); }

private:
	const char *name_;
	KXX_OPAQUE(LOCK_CLASS_KEY) key_;
};

// The lockdep class of this source location (a distinct static per use).
#define KXX_LOCK_CLASS(name_literal) \
	([]() -> ::kxx::LockClass & { \
		static constinit ::kxx::LockClass kxx_lock_class_{name_literal}; \
		return kxx_lock_class_; \
	}())

// The three kinds of kernel lock, without a role: what LockOps operate on.
class RawSpinLockStorage : Pinned {
public:
	explicit RawSpinLockStorage(LockClass &cls) { kabi_raw_spin_init(raw(), cls.name(), cls.key()); }
	bool is_locked() { return kabi_raw_spin_is_locked(raw()); }
	kabi_raw_spinlock *raw() { return storage_.as<kabi_raw_spinlock>(); }

private:
	KXX_OPAQUE(RAW_SPINLOCK) storage_;
};

class SpinLockStorage : Pinned {
public:
	explicit SpinLockStorage(LockClass &cls) { kabi_spin_init(raw(), cls.name(), cls.key()); }
	bool is_locked() { return kabi_spin_is_locked(raw()); }
	kabi_spinlock *raw() { return storage_.as<kabi_spinlock>(); }

private:
	KXX_OPAQUE(SPINLOCK) storage_;
};

// May sleep: every operation but is_locked.
class MutexStorage : Pinned {
public:
	explicit MutexStorage(LockClass &cls) { kabi_mutex_init(raw(), cls.name(), cls.key()); }
	~MutexStorage() { kabi_mutex_destroy(raw()); }
	bool is_locked() { return kabi_mutex_is_locked(raw()); }
	kabi_mutex *raw() { return storage_.as<kabi_mutex>(); }

private:
	KXX_OPAQUE(MUTEX) storage_;
};

// A lock of a role. Role is only a name; it need not be defined.
template <typename Role> class RawSpinLock : public RawSpinLockStorage {
public:
	using Kind = RawSpinLockStorage;
	using RawSpinLockStorage::RawSpinLockStorage;
};
template <typename Role> class SpinLock : public SpinLockStorage {
public:
	using Kind = SpinLockStorage;
	using SpinLockStorage::SpinLockStorage;
};
template <typename Role> class Mutex : public MutexStorage {
public:
	using Kind = MutexStorage;
	using MutexStorage::MutexStorage;
};

template <typename Kind, typename Mode> struct LockOps; // only the valid pairs exist

#define KXX_SPIN_LOCK_OPS(KIND, PREFIX) \
	template <> struct LockOps<KIND, NoIrq> { \
		static unsigned long acquire(KIND &l) { return PREFIX##_lock(l.raw()), 0; } \
		static void release(KIND &l, unsigned long) { PREFIX##_unlock(l.raw()); } \
	}; \
	template <> struct LockOps<KIND, Irq> { \
		static unsigned long acquire(KIND &l) { return PREFIX##_lock_irq(l.raw()), 0; } \
		static void release(KIND &l, unsigned long) { PREFIX##_unlock_irq(l.raw()); } \
	}; \
	template <> struct LockOps<KIND, IrqSave> { \
		static unsigned long acquire(KIND &l) { return PREFIX##_lock_irqsave(l.raw()); } \
		static void release(KIND &l, unsigned long flags) { PREFIX##_unlock_irqrestore(l.raw(), flags); } \
	};
KXX_SPIN_LOCK_OPS(RawSpinLockStorage, kabi_raw_spin)
KXX_SPIN_LOCK_OPS(SpinLockStorage, kabi_spin)
#undef KXX_SPIN_LOCK_OPS

template <> struct LockOps<MutexStorage, MaySleep> {
	static unsigned long acquire(MutexStorage &m) { return kabi_mutex_lock(m.raw()), 0; }
	static void release(MutexStorage &m, unsigned long) { kabi_mutex_unlock(m.raw()); }
};

// Holds `Lock` in `Mode` for its lifetime. Naming a mode a lock does not
// support (or none) does not compile.
template <typename Lock, typename Mode> class [[nodiscard]] Guard : Pinned {
	using Ops = LockOps<typename Lock::Kind, Mode>;

public:
	explicit Guard(Lock &lock) : lock_(lock), state_(Ops::acquire(lock)) {}
	~Guard() { Ops::release(lock_, state_); }

	// Runs fn with the lock dropped (and, for Irq/IrqSave, IRQs restored),
	// then takes it again: whatever was read under the lock may be stale.
	template <typename F> void call_unlocked(F &&fn)
	{
		Ops::release(lock_, state_);
		fn();
		state_ = Ops::acquire(lock_);
	}
	// Sleeps (TASK_INTERRUPTIBLE) with the lock dropped, then runs
	// after_wake() still unlocked, and takes the lock again. The task state
	// is set before the lock drops, so a wakeup from anyone who takes the
	// lock after us is not lost. May sleep: a spinlock's holder must have
	// nothing else held.
	template <typename F> void sleep_unlocked(F &&after_wake)
	{
		kabi_set_current_interruptible();
		call_unlocked([&] {
			kabi_schedule();
			after_wake();
		});
	}
	void sleep_unlocked() { sleep_unlocked([] {}); }
	// Whether this guard holds `lock`.
	bool holds(const Lock &lock) const { return &lock_ == &lock; }
	bool holds(const Lock *lock) const { return &lock_ == lock; }

private:
	Lock &lock_;
	unsigned long state_;
};

template <typename T, typename Lock, typename Mode> class [[nodiscard]] Locked : public Guard<Lock, Mode> {
public:
	Locked(Lock &lock, T &data) : Guard<Lock, Mode>(lock), data_(data) {}
	T *operator->() const { return &data_; }
	T &operator*() const { return data_; }

private:
	T &data_;
};

// T that lives inside its lock: reachable only through lock<Mode>().
template <typename T, typename Lock> class Guarded : Pinned {
public:
	template <typename... Args>
	explicit Guarded(LockClass &cls, Args &&...args) : lock_(cls), data_(forward<Args>(args)...)
	{
	}
	template <typename Mode> Locked<T, Lock, Mode> lock() { return Locked<T, Lock, Mode>(lock_, data_); }
	// The lock itself, for LockedBy data elsewhere that it also protects.
	Lock &raw_lock() { return lock_; }

private:
	Lock lock_;
	T data_;
};

// T protected by a lock that lives in another object (a work item's fields
// protected by its worker's lock): access takes a guard of exactly that
// lock type as proof. Without OwnerLock the role alone is checked (a role
// with one lock, a global). OwnerLock, if given, is `const Lock *fn(const void
// *self)` (self: this LockedBy): it finds the lock that must be held for
// this field (nullptr, no owner, fails the check), and get() checks the
// guard is that lock's. Adds no storage: the layout is T's.
template <typename T, typename Lock, auto OwnerLock = nullptr> class LockedBy : Pinned {
public:
	template <typename... Args> explicit LockedBy(Args &&...args) : data_(forward<Args>(args)...) {}
	template <typename Mode> T &get(const Guard<Lock, Mode> &g)
	{
		check(g);
		return data_;
	}
	template <typename Mode> const T &get(const Guard<Lock, Mode> &g) const
	{
		check(g);
		return data_;
	}

private:
	template <typename Mode> void check(const Guard<Lock, Mode> &g) const
	{
		if constexpr (!is_same_v<decltype(OwnerLock), decltype(nullptr)>)
			KXX_WARN_ONCE(!g.holds(OwnerLock(this)), "LockedBy data reached under another instance's lock");
	}
	T data_;
};

// The wrappers are exactly the kernel objects (checked against src/kabi/sizes.c).
static_assert(sizeof(RawSpinLock<struct AnyRole>) == KABI_SIZEOF_RAW_SPINLOCK &&
	      alignof(RawSpinLock<struct AnyRole>) == KABI_ALIGNOF_RAW_SPINLOCK);
static_assert(sizeof(SpinLock<struct AnyRole>) == KABI_SIZEOF_SPINLOCK &&
	      alignof(SpinLock<struct AnyRole>) == KABI_ALIGNOF_SPINLOCK);
static_assert(sizeof(Mutex<struct AnyRole>) == KABI_SIZEOF_MUTEX && alignof(Mutex<struct AnyRole>) == KABI_ALIGNOF_MUTEX);

} // namespace kxx
