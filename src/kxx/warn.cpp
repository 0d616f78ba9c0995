// SPDX-License-Identifier: GPL-2.0
// kxx warnings: a real WARN() once per site, unless a test armed an
// expectation, in which case the hit is counted and logged quietly (so a
// test of a refusal does not look like a kernel bug to the test runner).
#include "kabi/log.h"
#include "kxx/atomic.hpp"
#include "kxx/exports.h"

namespace {
constinit kxx::Atomic<bool> expecting{false};
constinit kxx::Atomic<int> expected_hits{0};
} // namespace

extern "C" void kxx_warn_report(const char *file, int line, const char *what, bool *once)
{
	if (expecting.load(kxx::Acquire)) {
		expected_hits.fetch_add(1, kxx::Relaxed);
		kabi_log(KABI_LOG_INFO, "expected warning: %s (%s:%d)", what, file, line);
		return;
	}
	kxx::Atomic<bool> &warned = *reinterpret_cast<kxx::Atomic<bool> *>(once);
	if (warned.exchange(true, kxx::Relaxed))
		return;
	kabi_warn(file, line, what);
}

extern "C" void kxx_expect_warnings_begin(void)
{
	expected_hits.store(0, kxx::Relaxed);
	// Pairs with the acquire in kxx_warn_report: a hit that sees the flag
	// counts into the freshly zeroed counter.
	expecting.store(true, kxx::Release);
}

extern "C" int kxx_expect_warnings_end(void)
{
	expecting.store(false, kxx::Release);
	return expected_hits.load(kxx::Relaxed);
}
