// SPDX-License-Identifier: GPL-2.0
// Atomics and barriers with the Linux kernel memory model's meaning (LKMM,
// tools/memory-model), every order explicit. Any context.
//
//   Relaxed  READ_ONCE / WRITE_ONCE / atomic_*_relaxed
//   Acquire  smp_load_acquire / atomic_*_acquire
//   Release  smp_store_release / atomic_*_release
//   Full     the fully ordered RMWs (atomic_*_return, xchg, cmpxchg):
//            ordered against everything before and after, like smp_mb()
//            on both sides
//
// The mapping onto GCC's __atomic builtins is exact on x86_64 only: there a
// lock-prefixed RMW is a full barrier, plain loads/stores are acquire/release
// (TSO), and smp_mb() is the kernel's own "lock; addl". Elsewhere C11
// seq_cst RMWs are NOT fully ordered in the LKMM sense (arm64 LL/SC needs a
// trailing dmb), so another architecture must port this file, not inherit it.
#pragma once
#include "kxx/types.hpp"

#if !defined(__x86_64__)
#error "kxx/atomic.hpp maps LKMM orders for x86_64 only; port barriers and Full RMWs for this architecture"
#endif

namespace kxx {

// Memory orders are tag objects, so an order a call cannot take (a load
// with Release, a store with Acquire) is a compile error.
struct RelaxedOrder { enum : int { gcc = __ATOMIC_RELAXED, gcc_fail = __ATOMIC_RELAXED }; };
struct AcquireOrder { enum : int { gcc = __ATOMIC_ACQUIRE, gcc_fail = __ATOMIC_ACQUIRE }; };
struct ReleaseOrder { enum : int { gcc = __ATOMIC_RELEASE, gcc_fail = __ATOMIC_RELAXED }; };
struct AcqRelOrder { enum : int { gcc = __ATOMIC_ACQ_REL, gcc_fail = __ATOMIC_ACQUIRE }; };
struct FullOrder { enum : int { gcc = __ATOMIC_SEQ_CST, gcc_fail = __ATOMIC_SEQ_CST }; };

constexpr RelaxedOrder Relaxed;
constexpr AcquireOrder Acquire;
constexpr ReleaseOrder Release;
constexpr AcqRelOrder AcqRel;
constexpr FullOrder Full;

template <typename O>
concept AnyOrder = is_same_v<O, RelaxedOrder> || is_same_v<O, AcquireOrder> || is_same_v<O, ReleaseOrder> ||
		   is_same_v<O, AcqRelOrder> || is_same_v<O, FullOrder>;
// No Full load: a plain x86 load can pass an earlier store; write smp_mb().
template <typename O>
concept LoadOrder = is_same_v<O, RelaxedOrder> || is_same_v<O, AcquireOrder>;
template <typename O>
concept StoreOrder = is_same_v<O, RelaxedOrder> || is_same_v<O, ReleaseOrder> || is_same_v<O, FullOrder>;

// Compiler barrier: barrier().
inline void compiler_barrier() { asm volatile("" ::: "memory"); }
// smp_mb(): orders all earlier accesses before all later ones, the one
// barrier that forbids store->load reordering on x86.
inline void smp_mb() { asm volatile("lock; addl $0,-4(%%rsp)" ::: "memory", "cc"); }
// smp_wmb(): x86 keeps store->store order (TSO).
inline void smp_wmb() { compiler_barrier(); }

template <typename T>
concept Integral = is_integral_v<T>;

// An atomic integer, bool or pointer. Loads and stores are single,
// untorn accesses the compiler may not merge, split or elide (volatile).
template <typename T> class Atomic {
	static_assert(sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4 || sizeof(T) == 8,
		      "Atomic<T> needs a machine-word-sized T");

public:
	constexpr Atomic() : v_() {}
	constexpr explicit Atomic(T v) : v_(v) {}
	Atomic(const Atomic &) = delete;
	Atomic &operator=(const Atomic &) = delete;

	template <LoadOrder O> T load(O) const { return __atomic_load_n(&v_, O::gcc); }
	template <StoreOrder O> void store(T v, O) { __atomic_store_n(&v_, v, O::gcc); }
	template <AnyOrder O> T exchange(T v, O) { return __atomic_exchange_n(&v_, v, O::gcc); }
	// try_cmpxchg(): on failure `expected` is updated to the current value.
	template <AnyOrder O> bool compare_exchange(T &expected, T desired, O)
	{
		return __atomic_compare_exchange_n(&v_, &expected, desired, false, O::gcc, O::gcc_fail);
	}
	// cmpxchg(): returns the old value.
	template <AnyOrder O> T cmpxchg(T expected, T desired, O o)
	{
		compare_exchange(expected, desired, o);
		return expected;
	}
	// Arithmetic is for integers (GCC would add bytes, not elements, to a pointer).
	template <AnyOrder O> T fetch_add(T d, O) requires Integral<T> { return __atomic_fetch_add(&v_, d, O::gcc); }
	template <AnyOrder O> T fetch_sub(T d, O) requires Integral<T> { return __atomic_fetch_sub(&v_, d, O::gcc); }
	template <AnyOrder O> T fetch_or(T d, O) requires Integral<T> { return __atomic_fetch_or(&v_, d, O::gcc); }
	template <AnyOrder O> T fetch_and(T d, O) requires Integral<T> { return __atomic_fetch_and(&v_, d, O::gcc); }
	template <AnyOrder O> T add_return(T d, O) requires Integral<T> { return __atomic_add_fetch(&v_, d, O::gcc); }
	template <AnyOrder O> T sub_return(T d, O) requires Integral<T> { return __atomic_sub_fetch(&v_, d, O::gcc); }

private:
	volatile T v_;
};

} // namespace kxx
