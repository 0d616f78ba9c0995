// SPDX-License-Identifier: GPL-2.0
// KUnit for C++ cases.
//
//   KXX_TEST(suite, name) { KT_EXPECT_EQ(test, 2, 1 + 1); }
//
// KT_EXPECT* records a failure and goes on; KT_ASSERT* also ends the case
// (no destructors run: keep asserts for preconditions). Listed in cases.h.
#pragma once
#include "kunit_glue.h"
#include "kxx/types.hpp"

// Every case is declared from cases.h, so a KXX_TEST missing from the list
// fails to compile (-Wmissing-declarations).
struct kunit_suite;
#define ALTWQ_SUITE(suite, cases) cases
#define ALTWQ_SUITE_WITH_INIT(suite, cases) \
	extern "C" int altwq_suite_init_##suite(struct kunit_suite *s); \
	extern "C" void altwq_suite_exit_##suite(struct kunit_suite *s); \
	cases
#define ALTWQ_CASE(suite, name) extern "C" void altwq_test_##suite##_##name(struct kunit *test);
#include "cases.h"
#undef ALTWQ_SUITE
#undef ALTWQ_SUITE_WITH_INIT
#undef ALTWQ_CASE

#define KXX_TEST(suite, name) void altwq_test_##suite##_##name(struct kunit *test)

#define KT_FAIL(test, ...) altwq_kunit_fail(test, __FILE__, __LINE__, __VA_ARGS__)

#define KT_EXPECT(test, cond) \
	({ \
		const bool kt_ok_ = !!(cond); \
		if (!kt_ok_) \
			KT_FAIL(test, "expected %s", #cond); \
		kt_ok_; \
	})
#define KT_EXPECT_CMP(test, a, op, b) \
	({ \
		const auto kt_a_ = (a); \
		const auto kt_b_ = (b); \
		const bool kt_ok_ = kt_a_ op kt_b_; \
		if (!kt_ok_) \
			KT_FAIL(test, "expected %s %s %s, got %lld vs %lld", #a, #op, #b, \
				(long long)kt_a_, (long long)kt_b_); \
		kt_ok_; \
	})
#define KT_EXPECT_EQ(test, a, b) KT_EXPECT_CMP(test, a, ==, b)
#define KT_EXPECT_NE(test, a, b) KT_EXPECT_CMP(test, a, !=, b)
#define KT_EXPECT_GE(test, a, b) KT_EXPECT_CMP(test, a, >=, b)
#define KT_EXPECT_LE(test, a, b) KT_EXPECT_CMP(test, a, <=, b)
#define KT_EXPECT_GT(test, a, b) KT_EXPECT_CMP(test, a, >, b)
#define KT_EXPECT_LT(test, a, b) KT_EXPECT_CMP(test, a, <, b)

#define KT_ASSERT(test, cond) \
	do { \
		if (!KT_EXPECT(test, cond)) \
			altwq_kunit_abort(test); \
	} while (0)
#define KT_ASSERT_EQ(test, a, b) \
	do { \
		if (!KT_EXPECT_EQ(test, a, b)) \
			altwq_kunit_abort(test); \
	} while (0)
// Result<T> must be ok; yields the value.
#define KT_ASSERT_OK(test, result_expr) \
	({ \
		auto kt_r_ = (result_expr); \
		if (!kt_r_.ok()) { \
			KT_FAIL(test, "%s failed: %d", #result_expr, kt_r_.error()); \
			altwq_kunit_abort(test); \
		} \
		kt_r_.take(); \
	})
