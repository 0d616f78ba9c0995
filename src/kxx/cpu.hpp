// SPDX-License-Identifier: GPL-2.0
// CPU numbers and masks. Queries: any context, but only stable under
// CpusReadGuard (may sleep) or with the CPU pinned (PreemptGuard).
//
//   for (int cpu : kxx::online_cpus()) ...
#pragma once
#include "kabi/cpu.h"
#include "kxx/sizes.hpp"

namespace kxx {

inline unsigned int nr_cpu_ids() { return kabi_nr_cpu_ids(); }
inline unsigned int num_online_cpus() { return kabi_num_online_cpus(); }
inline bool cpu_online(int cpu) { return kabi_cpu_online(cpu); }
// Online and taking ordinary tasks: false while it goes down (from the
// scheduler's deactivation on) and until it is fully up.
inline bool cpu_active(int cpu) { return kabi_cpu_active(cpu); }
inline bool cpu_possible(int cpu) { return kabi_cpu_possible(cpu); }
// The CPU we run on now: only a hint unless preemption is disabled.
inline int this_cpu_hint() { return kabi_raw_smp_processor_id(); }
// NUMA nodes. Any context; the answers may be stale without CpusReadGuard.
inline int cpu_to_node(int cpu) { return kabi_cpu_to_node(cpu); }
inline int nr_node_ids() { return kabi_nr_node_ids(); }
inline bool node_possible(int node) { return kabi_node_possible(node); }
inline bool node_online(int node) { return kabi_node_online(node); }
constexpr int NoNode = -1;	// NUMA_NO_NODE: no preference
// An online CPU of the node, or -1.
inline int node_any_online_cpu(int node) { return kabi_node_any_online_cpu(node); }

// A range over the CPUs that next(prev) enumerates, for range-for.
template <int (*Next)(int)> class CpuRange {
public:
	class Iterator {
	public:
		explicit Iterator(int cpu) : cpu_(cpu) {}
		int operator*() const { return cpu_; }
		Iterator &operator++()
		{
			cpu_ = Next(cpu_);
			return *this;
		}
		bool operator!=(const Iterator &o) const { return clamp(cpu_) != clamp(o.cpu_); }

	private:
		static int clamp(int cpu) { return cpu < static_cast<int>(kabi_nr_cpu_ids()) ? cpu : -2; }
		int cpu_;
	};
	Iterator begin() const { return Iterator(Next(-1)); }
	Iterator end() const { return Iterator(static_cast<int>(kabi_nr_cpu_ids())); }
};

inline CpuRange<kabi_cpu_next_online> online_cpus() { return {}; }
inline CpuRange<kabi_cpu_next_possible> possible_cpus() { return {}; }

// cpus_read_lock(): CPUs neither come nor go while held. May sleep.
class [[nodiscard]] CpusReadGuard : Pinned {
public:
	CpusReadGuard() { kabi_cpus_read_lock(); }
	~CpusReadGuard() { kabi_cpus_read_unlock(); }
};

// A struct cpumask: NR_CPUS bits, 1 KiB on a distribution kernel
// (NR_CPUS=8192), so allocate it (make_box) rather than put it on the stack.
class CpuMask : Pinned {
public:
	CpuMask() { kabi_cpumask_clear(raw()); }
	void copy_online() { kabi_cpumask_copy_online(raw()); }
	void copy_possible() { kabi_cpumask_copy_possible(raw()); }
	void copy(const CpuMask &from) { kabi_cpumask_copy(raw(), from.raw()); }
	void set_and(const CpuMask &a, const CpuMask &b) { kabi_cpumask_and(raw(), a.raw(), b.raw()); }
	// this = m & online, without `except` (-1: none): the CPUs that stay up.
	void set_online_of(const CpuMask &m, int except) { kabi_cpumask_and_online_except(raw(), m.raw(), except); }
	bool equals(const CpuMask &o) const { return kabi_cpumask_equal(raw(), o.raw()); }
	bool intersects(const CpuMask &o) const { return kabi_cpumask_intersects(raw(), o.raw()); }
	bool empty() const { return kabi_cpumask_empty(raw()); }
	// An online CPU of the mask, a different one each call; >= nr_cpu_ids if none.
	int any_online_distribute() const { return kabi_cpumask_any_online_distribute(raw()); }
	// "0-3,6" (0 or -errno); the mask in hex as 6.12's sysfs prints it (its length).
	int parse_list(const char *buf) { return kabi_cpumask_parse_list(buf, raw()); }
	int parse_hex(const char *buf) { return kabi_cpumask_parse_hex(buf, raw()); }
	int print_hex(char *buf, unsigned int size) const { return kabi_cpumask_print_hex(buf, size, raw()); }
	// The mask a kernel cpumask_var_t holds (it is exactly the kernel object).
	static CpuMask &of_var(void *var) { return *reinterpret_cast<CpuMask *>(kabi_cpumask_var_mask(var)); }
	const kabi_cpumask *kernel() const { return raw(); }
	void set(int cpu) { kabi_cpumask_set_cpu(raw(), cpu); }
	void clear(int cpu) { kabi_cpumask_clear_cpu(raw(), cpu); }
	bool test(int cpu) const { return kabi_cpumask_test_cpu(raw(), cpu); }
	unsigned int weight() const { return kabi_cpumask_weight(raw()); }
	// The next set CPU after prev (-1 to start); >= nr_cpu_ids at the end.
	int next(int prev) const { return kabi_cpumask_next(prev, raw()); }

private:
	kabi_cpumask *raw() { return storage_.as<kabi_cpumask>(); }
	const kabi_cpumask *raw() const { return storage_.as<kabi_cpumask>(); }
	KXX_OPAQUE(CPUMASK) storage_;
};

// The wrappers are exactly the kernel objects (checked against src/kabi/sizes.c).
static_assert(sizeof(CpuMask) == KABI_SIZEOF_CPUMASK && alignof(CpuMask) == KABI_ALIGNOF_CPUMASK);

// A kernel cpumask_var_t (a pointer, or the mask itself, per the kernel's
// CONFIG_CPUMASK_OFFSTACK) in a struct whose layout C callers share.
// alloc: zeroed; false if out of memory (may sleep). free: any context.
using CpuMaskVar = KXX_OPAQUE(CPUMASK_VAR);
[[nodiscard]] inline bool alloc_cpumask_var(CpuMaskVar &var) { return kabi_cpumask_var_zalloc(var.as<void>()); }
inline void free_cpumask_var(CpuMaskVar &var) { kabi_cpumask_var_free(var.as<void>()); }
inline CpuMask &mask_of(CpuMaskVar &var) { return CpuMask::of_var(var.as<void>()); }
inline const CpuMask &mask_of(const CpuMaskVar &var) { return CpuMask::of_var(const_cast<void *>(var.as<void>())); }

// Whether two possible CPUs are SMT siblings, or share a last-level cache.
inline bool cpus_share_smt(int a, int b) { return kabi_cpus_share_smt(a, b); }
inline bool cpus_share_llc(int a, int b) { return kabi_cpus_share_llc(a, b); }

} // namespace kxx
