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
struct kunit_try_catch;

/* Marks the case failed with a message (KUNIT_FAIL). */
void altwq_kunit_fail(struct kunit *test, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/*
 * Ends the case now (after a failed ASSERT): KUnit's own throw, called by
 * name and not wrapped, because objtool knows this name as noreturn on 6.1
 * and 6.12 alike (6.12's __kunit_abort is unknown to 6.1's objtool and
 * missing from its KUnit).
 */
struct kunit_try_catch *altwq_kunit_try_catch(struct kunit *test);
void kunit_try_catch_throw(struct kunit_try_catch *try_catch) __attribute__((noreturn));
#define altwq_kunit_abort(test) kunit_try_catch_throw(altwq_kunit_try_catch(test))
void altwq_kunit_log(struct kunit *test, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

KABI_END
#endif
