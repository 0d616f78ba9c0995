/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the C++ tests need from KUnit, as C functions (KUnit's headers are C
 * only). Valid C and C++. Test context only (the case's own kthread), except
 * altwq_kunit_fail, which any thread of the test may call.
 */
#ifndef ALTWQ_KUNIT_GLUE_H
#define ALTWQ_KUNIT_GLUE_H
#include "kabi/types.h"
KABI_BEGIN

struct kunit;

/* Marks the case failed with a message (KUNIT_FAIL). */
void altwq_kunit_fail(struct kunit *test, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/*
 * KUnit's own: ends the case now (after a failed ASSERT). Called by name, not
 * wrapped, because objtool knows this name as noreturn.
 */
void __kunit_abort(struct kunit *test) __attribute__((noreturn));
void altwq_kunit_log(struct kunit *test, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

KABI_END
#endif
