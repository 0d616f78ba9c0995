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

// The sites that have reported, as (file name hash, line) keys in an
// open-addressed table; lock-free, touched only when a warning fires.
constexpr int SiteSlots = 256;
constinit kxx::Atomic<uint64_t> reported_sites[SiteSlots];

// FNV-1a of the file name: a check inlined from a header is one site, though
// each object file may hold its own copy of the name.
uint64_t file_hash(const char *file)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; *file; file++)
		h = (h ^ static_cast<unsigned char>(*file)) * 0x100000001b3ULL;
	return h;
}

// True the first time a site asks (and if the table is full).
bool first_report(const char *file, int line)
{
	// Never 0 (the empty slot): line is at least 1.
	const uint64_t key = (file_hash(file) << 16) | (static_cast<uint64_t>(line) & 0xffff);
	const unsigned int start = static_cast<unsigned int>((key ^ (key >> 29)) % SiteSlots);
	for (int i = 0; i < SiteSlots; i++) {
		kxx::Atomic<uint64_t> &slot = reported_sites[(start + i) % SiteSlots];
		uint64_t seen = 0;
		if (slot.compare_exchange(seen, key, kxx::Relaxed))
			return true;
		if (seen == key)
			return false;
	}
	return true;
}
} // namespace

extern "C" void kxx_warn_report(const char *file, int line, const char *what)
{
	if (expecting.load(kxx::Acquire)) {
		expected_hits.fetch_add(1, kxx::Relaxed);
		kabi_log(KABI_LOG_INFO, "expected warning: %s (%s:%d)", what, file, line);
		return;
	}
	if (first_report(file, line))
		kabi_warn(file, line, what);
}

extern "C" void kxx_warn_report_fmt(const char *file, int line, const char *fmt, ...)
{
	__builtin_va_list args;
	__builtin_va_start(args, fmt);
	if (expecting.load(kxx::Acquire)) {
		expected_hits.fetch_add(1, kxx::Relaxed);
		kabi_log_expected_fmt(file, line, fmt, args);
	} else if (first_report(file, line)) {
		kabi_warn_fmt(file, line, fmt, args);
	}
	__builtin_va_end(args);
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
