/* SPDX-License-Identifier: GPL-2.0 */
/* Kernel log and WARN. Any context. */
#ifndef ALTWQ_KABI_LOG_H
#define ALTWQ_KABI_LOG_H
#include "kabi/types.h"
KABI_BEGIN

enum kabi_log_level { KABI_LOG_ERR, KABI_LOG_WARNING, KABI_LOG_NOTICE, KABI_LOG_INFO, KABI_LOG_DEBUG };

void kabi_log(enum kabi_log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void kabi_vlog(enum kabi_log_level level, const char *fmt, __builtin_va_list args);
/* A real WARN(): "WARNING:" line, backtrace and taint. */
void kabi_warn(const char *file, int line, const char *what);
/* The same with a formatted message; and quietly, at info level, for a
 * warning a test expects. */
void kabi_warn_fmt(const char *file, int line, const char *fmt, __builtin_va_list args);
void kabi_log_expected_fmt(const char *file, int line, const char *fmt, __builtin_va_list args);

KABI_END
#endif
