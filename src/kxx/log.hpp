// SPDX-License-Identifier: GPL-2.0
// The kernel log, prefixed "altwq: ". Any context.
//
//   kxx::log::warning("max_active %d for %s is out of range", n, name);
#pragma once
#include "kabi/log.h"

namespace kxx::log {

#define KXX_LOG_LEVEL(NAME, LEVEL) \
	__attribute__((format(printf, 1, 2))) inline void NAME(const char *fmt, ...) \
	{ \
		__builtin_va_list args; \
		__builtin_va_start(args, fmt); \
		kabi_vlog(LEVEL, fmt, args); \
		__builtin_va_end(args); \
	}
KXX_LOG_LEVEL(err, KABI_LOG_ERR)
KXX_LOG_LEVEL(warning, KABI_LOG_WARNING)
KXX_LOG_LEVEL(info, KABI_LOG_INFO)
#undef KXX_LOG_LEVEL

// Level strings for printk_lvl.
constexpr const char *Info = KABI_INFO;
constexpr const char *Cont = KABI_CONT;
constexpr const char *Emerg = KABI_EMERG;

// Stops the system (panic); for a stall the user asked to be fatal.
[[noreturn]] inline void panic(const char *msg) { kabi_panic(msg); }

// printk() at the caller's level string, nothing added (dumps in the
// kernel's own format).
__attribute__((format(printf, 2, 3))) inline void printk_lvl(const char *lvl, const char *fmt, ...)
{
	__builtin_va_list args;
	__builtin_va_start(args, fmt);
	kabi_vprintk_lvl(lvl, fmt, args);
	__builtin_va_end(args);
}

} // namespace kxx::log
