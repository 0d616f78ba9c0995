// SPDX-License-Identifier: GPL-2.0
// A kmalloc'ed, formatted string that frees itself (kvasprintf). Move-only.
//
//   auto name = KXX_TRY(kxx::String::vformat(kxx::GfpKernel, fmt, args));
//   use(name.get());
//
// vformat: context per the GFP flags. Freeing: any context.
#pragma once
#include "kabi/alloc.h"
#include "kabi/sched.h"
#include "kxx/alloc.hpp"

namespace kxx {

class String {
public:
	static Result<String> vformat(Gfp gfp, const char *fmt, __builtin_va_list args)
	{
		char *s = kabi_kvasprintf(gfp.bits(), fmt, args);
		if (!s)
			return Error{err::NoMem};
		return String(s);
	}
	String(String &&o) : s_(exchange(o.s_, nullptr)) {}
	String(const String &) = delete;
	String &operator=(const String &) = delete;
	~String() { kabi_kfree(s_); }
	const char *get() const { return s_; }

private:
	explicit String(char *s) : s_(s) {}
	char *s_;
};

} // namespace kxx
