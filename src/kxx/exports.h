/* SPDX-License-Identifier: GPL-2.0 */
/*
 * C-linkage entry points implemented in C++ (src/kxx) that C code calls or
 * exports: module init/exit and the warning reporter. Valid C and C++.
 */
#ifndef ALTWQ_KXX_EXPORTS_H
#define ALTWQ_KXX_EXPORTS_H
#include "kabi/types.h"
KABI_BEGIN

/* Module load: -EOPNOTSUPP (with a message) if the kernel lacks what altwq needs. May sleep. */
int altwq_kxx_init(void);
void altwq_kxx_exit(void);

/*
 * Reports a kxx warning (KXX_WARN_ON_ONCE): a real WARN() once per site, or,
 * while a test has armed an expectation, a counted, quiet note. Any context.
 */
void kxx_warn_report(const char *file, int line, const char *what);
/* The same with a printf-style message (KXX_WARN_ONCE). */
void kxx_warn_report_fmt(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Test hooks: arm/disarm and read the count of expected warnings. */
void kxx_expect_warnings_begin(void);
int kxx_expect_warnings_end(void);

KABI_END
#endif
