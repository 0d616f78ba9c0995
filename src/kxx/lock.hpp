// SPDX-License-Identifier: GPL-2.0
// Locks whose data cannot be reached without holding them.
//
//   kxx::Guarded<Counters, kxx::RawSpinLock> stats{KXX_LOCK_CLASS("stats")};
//   {
//           auto locked = stats.lock<kxx::IrqSave>();   // the mode is required
//           locked->hits++;
//   }
//
// Spinlocks (RawSpinLock, SpinLock) take a mode tag: NoIrq (process or
// softirq data never touched from hardirq), Irq (IRQs known enabled; they
// are disabled and re-enabled), IrqSave (any context; flags saved in the
// guard). Mutex takes MaySleep: process context only. Guards are neither
// copyable nor movable. Each KXX_LOCK_CLASS() site is its own lockdep class.
#pragma once
#include "kabi/lock.h"
#include "kxx/sizes.hpp"
#include "kxx/types.hpp"

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

template <typename Lock, typename Mode> struct LockOps; // only the valid pairs exist

class RawSpinLock : Pinned {
public:
	explicit RawSpinLock(LockClass &cls) { kabi_raw_spin_init(raw(), cls.name(), cls.key()); }
	bool is_locked() { return kabi_raw_spin_is_locked(raw()); }
	kabi_raw_spinlock *raw() { return storage_.as<kabi_raw_spinlock>(); }

private:
	KXX_OPAQUE(RAW_SPINLOCK) storage_;
};

class SpinLock : Pinned {
public:
	explicit SpinLock(LockClass &cls) { kabi_spin_init(raw(), cls.name(), cls.key()); }
	bool is_locked() { return kabi_spin_is_locked(raw()); }
	kabi_spinlock *raw() { return storage_.as<kabi_spinlock>(); }

private:
	KXX_OPAQUE(SPINLOCK) storage_;
};

// May sleep: every operation but is_locked.
class Mutex : Pinned {
public:
	explicit Mutex(LockClass &cls) { kabi_mutex_init(raw(), cls.name(), cls.key()); }
	~Mutex() { kabi_mutex_destroy(raw()); }
	bool is_locked() { return kabi_mutex_is_locked(raw()); }
	kabi_mutex *raw() { return storage_.as<kabi_mutex>(); }

private:
	KXX_OPAQUE(MUTEX) storage_;
};

#define KXX_SPIN_LOCK_OPS(LOCK, PREFIX) \
	template <> struct LockOps<LOCK, NoIrq> { \
		static unsigned long acquire(LOCK &l) { return PREFIX##_lock(l.raw()), 0; } \
		static void release(LOCK &l, unsigned long) { PREFIX##_unlock(l.raw()); } \
	}; \
	template <> struct LockOps<LOCK, Irq> { \
		static unsigned long acquire(LOCK &l) { return PREFIX##_lock_irq(l.raw()), 0; } \
		static void release(LOCK &l, unsigned long) { PREFIX##_unlock_irq(l.raw()); } \
	}; \
	template <> struct LockOps<LOCK, IrqSave> { \
		static unsigned long acquire(LOCK &l) { return PREFIX##_lock_irqsave(l.raw()); } \
		static void release(LOCK &l, unsigned long flags) { PREFIX##_unlock_irqrestore(l.raw(), flags); } \
	};
KXX_SPIN_LOCK_OPS(RawSpinLock, kabi_raw_spin)
KXX_SPIN_LOCK_OPS(SpinLock, kabi_spin)
#undef KXX_SPIN_LOCK_OPS

template <> struct LockOps<Mutex, MaySleep> {
	static unsigned long acquire(Mutex &m) { return kabi_mutex_lock(m.raw()), 0; }
	static void release(Mutex &m, unsigned long) { kabi_mutex_unlock(m.raw()); }
};

// Holds `Lock` in `Mode` for its lifetime. Naming a mode a lock does not
// support (or none) does not compile.
template <typename Lock, typename Mode> class [[nodiscard]] Guard : Pinned {
	using Ops = LockOps<Lock, Mode>;

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
	// Whether this guard holds `lock` (for data locked by another object).
	bool holds(const Lock &lock) const { return &lock_ == &lock; }

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
// protected by its worker's lock): access takes a guard of that lock type as
// proof that one is held; callers that know the instance check holds().
template <typename T, typename Lock> class LockedBy : Pinned {
public:
	template <typename... Args> explicit LockedBy(Args &&...args) : data_(forward<Args>(args)...) {}
	template <typename Mode> T &get(const Guard<Lock, Mode> &) { return data_; }
	template <typename Mode> const T &get(const Guard<Lock, Mode> &) const { return data_; }

private:
	T data_;
};

// The wrappers are exactly the kernel objects (checked against src/kabi/sizes.c).
static_assert(sizeof(RawSpinLock) == KABI_SIZEOF_RAW_SPINLOCK && alignof(RawSpinLock) == KABI_ALIGNOF_RAW_SPINLOCK);
static_assert(sizeof(SpinLock) == KABI_SIZEOF_SPINLOCK && alignof(SpinLock) == KABI_ALIGNOF_SPINLOCK);
static_assert(sizeof(Mutex) == KABI_SIZEOF_MUTEX && alignof(Mutex) == KABI_ALIGNOF_MUTEX);

} // namespace kxx
