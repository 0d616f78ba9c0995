// SPDX-License-Identifier: GPL-2.0
// WARN_ON_ONCE and WARN_ONCE for C++: each evaluates to the condition and
// reports the first hit of its site as a kernel WARNING (unless a test
// expects it), KXX_WARN_ONCE with a printf-style message. Any context.
//
//   if (KXX_WARN_ON_ONCE(!work))
//           return false;
//   KXX_WARN_ONCE(armed, "destroying %s with a delayed work armed", wq->name);
#pragma once
#include "kxx/exports.h"
#include "kxx/types.hpp"

// No function-local static marks the site (inline functions may not have
// them under -fno-weak): warn.cpp remembers which file:line has fired.
#define KXX_WARN_ON_ONCE(cond) \
	({ \
		const bool kxx_warn_cond_ = !!(cond); \
		if (KXX_UNLIKELY(kxx_warn_cond_)) \
			kxx_warn_report(__FILE__, __LINE__, #cond); \
		kxx_warn_cond_; \
	})

#define KXX_WARN_ONCE(cond, fmt, ...) \
	({ \
		const bool kxx_warn_cond_ = !!(cond); \
		if (KXX_UNLIKELY(kxx_warn_cond_)) \
			kxx_warn_report_fmt(__FILE__, __LINE__, fmt, ##__VA_ARGS__); \
		kxx_warn_cond_; \
	})

namespace kxx {

// Test hook: while alive, kxx warnings are counted instead of reported.
// One at a time. May sleep (none of its calls do, but it is for tests).
class ExpectWarnings : Pinned {
public:
	ExpectWarnings() { kxx_expect_warnings_begin(); }
	~ExpectWarnings() { finish(); }
	// Stops counting and returns how many warnings were seen.
	int finish()
	{
		if (!done_) {
			count_ = kxx_expect_warnings_end();
			done_ = true;
		}
		return count_;
	}

private:
	bool done_ = false;
	int count_ = 0;
};

} // namespace kxx
