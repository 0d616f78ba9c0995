// SPDX-License-Identifier: GPL-2.0
// kxx Result, KXX_TRY, GFP allocation, Box, aligned new, warnings.
#include "kxx/alloc.hpp"
#include "kxx/warn.hpp"
#include "kxx_test.hpp"

using namespace kxx;

namespace {
Result<int> parse_positive(int v)
{
	if (v <= 0)
		return Error{err::Inval};
	return v;
}

Result<int> doubled(int v)
{
	int x = KXX_TRY(parse_positive(v));
	return 2 * x;
}

Status check(int v)
{
	KXX_TRY(parse_positive(v));
	return {};
}

struct Tracked {
	explicit Tracked(int *live) : live_(live) { ++*live_; }
	~Tracked() { --*live_; }
	int *live_;
	char payload[40] = {};
};

struct alignas(128) Wide {
	char bytes[24];
};
} // namespace

KXX_TEST(kxx_result, carries_value_or_negative_errno)
{
	auto good = parse_positive(3);
	KT_EXPECT(test, good.ok());
	KT_EXPECT_EQ(test, good.take(), 3);
	auto bad = parse_positive(-1);
	KT_EXPECT(test, !bad.ok());
	KT_EXPECT_EQ(test, bad.error(), err::Inval);
	KT_EXPECT(test, bad.error() < 0);
}

KXX_TEST(kxx_result, try_propagates_the_error)
{
	auto good = doubled(4);
	KT_EXPECT(test, good.ok());
	KT_EXPECT_EQ(test, good.take(), 8);
	auto bad = doubled(0);
	KT_EXPECT_EQ(test, bad.error(), err::Inval);
	KT_EXPECT(test, check(1).ok());
	KT_EXPECT_EQ(test, check(-5).error(), err::Inval);
}

KXX_TEST(kxx_result, box_constructs_and_destroys_once)
{
	int live = 0;
	{
		auto box = KT_ASSERT_OK(test, make_box<Tracked>(GfpKernel, &live));
		KT_EXPECT_EQ(test, live, 1);
		Box<Tracked> moved = move(box);
		KT_EXPECT(test, !box);
		KT_EXPECT_EQ(test, live, 1);
	}
	KT_EXPECT_EQ(test, live, 0);
	Tracked *raw = new (GfpAtomic) Tracked(&live);
	KT_ASSERT(test, raw != nullptr);
	KT_EXPECT_EQ(test, live, 1);
	delete raw;
	KT_EXPECT_EQ(test, live, 0);
}

KXX_TEST(kxx_result, failed_allocation_is_an_error_not_a_crash)
{
	struct Huge {
		char bytes[size_t(1) << 40];
	};
	int constructed = 0;
	struct Counting {
		explicit Counting(int *c) { ++*c; }
		char bytes[size_t(1) << 40];
	};
	Counting *p = new (GfpKernel | GfpNoWarn) Counting(&constructed);
	KT_EXPECT(test, p == nullptr);
	KT_EXPECT_EQ(test, constructed, 0); // the constructor did not run
	auto r = make_box<Huge>(GfpKernel | GfpNoWarn);
	KT_EXPECT_EQ(test, r.error(), err::NoMem);
}

KXX_TEST(kxx_result, over_aligned_new_is_aligned)
{
	for (int i = 0; i < 16; i++) {
		auto w = KT_ASSERT_OK(test, make_box<Wide>(GfpKernel));
		KT_EXPECT_EQ(test, reinterpret_cast<uintptr_t>(w.get()) % 128, uintptr_t(0));
	}
}

KXX_TEST(kxx_result, warn_on_once_returns_condition_and_reports)
{
	ExpectWarnings warnings;
	int hits = 0;
	for (int i = 0; i < 3; i++)
		if (KXX_WARN_ON_ONCE(i != 1))
			hits++;
	KT_EXPECT_EQ(test, hits, 2);
	// While expected, every hit is counted (the once-only rule is for real reports).
	KT_EXPECT_EQ(test, warnings.finish(), 2);
	KT_EXPECT(test, !KXX_WARN_ON_ONCE(false));
}
