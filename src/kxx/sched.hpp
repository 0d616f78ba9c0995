// SPDX-License-Identifier: GPL-2.0
// Time, sleeping and context. The sleep calls may sleep; the rest: any context.
#pragma once
#include "kabi/cpu.h"
#include "kabi/sched.h"
#include "kabi_sizes.h"
#include "kxx/types.hpp"

// might_sleep() at the caller's line.
#define KXX_MIGHT_SLEEP() kabi_might_sleep(__FILE__, __LINE__)

namespace kxx {

constexpr unsigned long Hz = KABI_HZ;

inline unsigned long jiffies() { return kabi_jiffies(); }
inline unsigned long msecs_to_jiffies(unsigned int ms) { return kabi_msecs_to_jiffies(ms); }
inline unsigned int jiffies_to_msecs(unsigned long j) { return kabi_jiffies_to_msecs(j); }
// time_after(a, b): a is later than b, wrap-safe.
inline bool time_after(unsigned long a, unsigned long b) { return static_cast<long>(b - a) < 0; }
inline uint64_t ktime_ns() { return kabi_ktime_get_ns(); }

inline void msleep(unsigned int ms) { kabi_msleep(ms); }			// may sleep
inline void usleep_range(unsigned long lo, unsigned long hi) { kabi_usleep_range(lo, hi); } // may sleep
inline void mdelay(unsigned long ms) { kabi_mdelay(ms); }
inline void udelay(unsigned long us) { kabi_udelay(us); }
inline void cond_resched() { kabi_cond_resched(); }			// may sleep
inline void cpu_relax() { kabi_cpu_relax(); }

inline bool irqs_disabled() { return kabi_irqs_disabled(); }
inline bool preemptible() { return kabi_preemptible(); }
inline bool in_hardirq() { return kabi_in_hardirq(); }
inline bool in_serving_softirq() { return kabi_in_serving_softirq(); }
inline bool in_task() { return kabi_in_task(); }
inline bool in_interrupt() { return kabi_in_interrupt(); }
inline void dump_stack() { kabi_dump_stack(); }
// Copies *src into dst unless it cannot be read (then false): for a look
// at memory that may be gone, such as another task's worker. Any context.
template <typename T> bool read_nofault(T &dst, const T *src)
{
	return kabi_copy_from_kernel_nofault(&dst, src, sizeof(T)) == 0;
}
// The first size - 1 bytes of a string that may be gone; dst[size - 1] is
// left as it was (the caller's NUL).
inline bool read_string_nofault(char *dst, const char *src, size_t size)
{
	return size > 1 && kabi_copy_from_kernel_nofault(dst, src, size - 1) == 0;
}
inline uint32_t random_u32() { return kabi_prandom_u32(); }

// preempt_disable()/preempt_enable() for a section no scope spans (from
// before a lock's release to a point inside the unlocked code). Prefer
// PreemptGuard.
inline void preempt_disable() { kabi_preempt_disable(); }
inline void preempt_enable() { kabi_preempt_enable(); }

// preempt_disable() for its lifetime; cpu() is then stable.
class [[nodiscard]] PreemptGuard : Pinned {
public:
	PreemptGuard() { kabi_preempt_disable(); }
	~PreemptGuard() { kabi_preempt_enable(); }
	int cpu() const { return kabi_smp_processor_id(); }
};

// local_irq_save() for its lifetime (for code that must run with IRQs off
// without a lock of its own, such as a PENDING-bit owner). Any context.
class [[nodiscard]] IrqOffGuard : Pinned {
public:
	IrqOffGuard() : flags_(kabi_local_irq_save()) {}
	~IrqOffGuard() { kabi_local_irq_restore(flags_); }

private:
	unsigned long flags_;
};

// snprintf()/vsnprintf() into buf (always terminated). Any context.
inline int vformat(char *buf, size_t size, const char *fmt, __builtin_va_list args)
{
	return kabi_vsnprintf(buf, size, fmt, args);
}
__attribute__((format(printf, 3, 4))) inline int format(char *buf, size_t size, const char *fmt, ...)
{
	__builtin_va_list args;
	__builtin_va_start(args, fmt);
	int n = vformat(buf, size, fmt, args);
	__builtin_va_end(args);
	return n;
}

} // namespace kxx
