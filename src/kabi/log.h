/* SPDX-License-Identifier: GPL-2.0 */
/* Kernel log and WARN. Any context. */
#ifndef ALTWQ_KABI_LOG_H
#define ALTWQ_KABI_LOG_H
#include "kabi/types.h"
KABI_BEGIN

/* The kernel's level strings (KERN_INFO, KERN_CONT: a start-of-header byte
 * and a letter; part of the printk ABI), for kabi_vprintk_lvl(). */
#define KABI_SOH "\001"
#define KABI_INFO KABI_SOH "6"
#define KABI_CONT KABI_SOH "c"
#define KABI_EMERG KABI_SOH "0"

enum kabi_log_level { KABI_LOG_ERR, KABI_LOG_WARNING, KABI_LOG_NOTICE, KABI_LOG_INFO, KABI_LOG_DEBUG };

void kabi_log(enum kabi_log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void kabi_vlog(enum kabi_log_level level, const char *fmt, __builtin_va_list args);
/* printk() at a caller's level string (KERN_INFO and so on, or ""), with
 * no prefix and no newline added: for dumps in the kernel's own format. */
void kabi_vprintk_lvl(const char *lvl, const char *fmt, __builtin_va_list args);
/* A real WARN(): "WARNING:" line, backtrace and taint. */
void kabi_warn(const char *file, int line, const char *what);
/* The same with a formatted message; and quietly, at info level, for a
 * warning a test expects. */
void kabi_warn_fmt(const char *file, int line, const char *fmt, __builtin_va_list args);
void kabi_log_expected_fmt(const char *file, int line, const char *fmt, __builtin_va_list args);
/* panic(): does not return. */
void kabi_panic(const char *msg) __attribute__((noreturn));

KABI_END
#endif
