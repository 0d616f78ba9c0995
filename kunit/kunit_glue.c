// SPDX-License-Identifier: GPL-2.0
/*
 * altwq_test.ko: the KUnit suites. Test bodies are C++ (kunit/kxx/test_*.cpp,
 * each case an extern "C" altwq_test_<suite>_<case>()); this file turns the
 * list in cases.h into KUnit suites and gives C++ KUnit's fail/abort.
 */
#include <kunit/test.h>
#include <linux/module.h>
#include "kabi/export.h"
#include "kunit_glue.h"

void altwq_kunit_fail(struct kunit *test, const char *file, int line, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	KUNIT_FAIL(test, "%s:%d: %pV", file, line, &vaf);
	va_end(args);
}

struct kunit_try_catch *altwq_kunit_try_catch(struct kunit *test)
{
	return &test->try_catch;
}

void altwq_kunit_log(struct kunit *test, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	kunit_info(test, "%pV", &vaf);
	va_end(args);
}

/* The C++ case functions. */
#define ALTWQ_SUITE(suite, cases) cases
#define ALTWQ_CASE(suite, name) void altwq_test_##suite##_##name(struct kunit *test);
#include "cases.h"
#undef ALTWQ_SUITE
#undef ALTWQ_CASE

/* One case array and suite per ALTWQ_SUITE. A suite's init and exit run in
 * the loading task (insmod's), not in a case's kthread: the WQ_FREEZABLE
 * suite suspends from there, since the freezer leaves the suspending task
 * alone but would wait forever for insmod, asleep in KUnit's wait. */
#define ALTWQ_SUITE(suite, cases) \
	static struct kunit_case suite##_cases[] = { cases {} }; \
	static struct kunit_suite suite##_suite = { .name = "altwq_" #suite, .test_cases = suite##_cases };
#undef ALTWQ_SUITE_WITH_INIT
#define ALTWQ_SUITE_WITH_INIT(suite, cases) \
	int altwq_suite_init_##suite(struct kunit_suite *s); \
	void altwq_suite_exit_##suite(struct kunit_suite *s); \
	static struct kunit_case suite##_cases[] = { cases {} }; \
	static struct kunit_suite suite##_suite = { .name = "altwq_" #suite, .test_cases = suite##_cases, \
						    .suite_init = altwq_suite_init_##suite, \
						    .suite_exit = altwq_suite_exit_##suite };
#define ALTWQ_CASE(suite, name) KUNIT_CASE(altwq_test_##suite##_##name),
#include "cases.h"
#undef ALTWQ_SUITE
#undef ALTWQ_SUITE_WITH_INIT
#undef ALTWQ_CASE

/* What kunit_test_suites() expands to, fed from the same list. */
#define ALTWQ_SUITE(suite, cases) &suite##_suite,
static struct kunit_suite *altwq_suites[] __used __section(".kunit_test_suites") = {
#include "cases.h"
};
#undef ALTWQ_SUITE

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("altwq KUnit suites");
KABI_IMPORT_INTERNAL();
