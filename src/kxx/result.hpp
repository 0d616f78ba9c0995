// SPDX-License-Identifier: GPL-2.0
// Result<T>: a value or a negative errno, [[nodiscard]]. Status is
// Result<void>. KXX_TRY(expr) returns the error from the enclosing function
// or yields the value. Any context.
#pragma once
#include "kxx/types.hpp"
#include "kxx/errno.hpp"
#include "kxx/warn.hpp"

namespace kxx {

// Tag to build an error result: Error{err::NoMem}.
struct Error {
	int code; // negative errno
};

template <typename T> class [[nodiscard]] Result {
public:
	Result(T &&v) : err_(0) { new (&storage_) T(move(v)); }
	Result(const T &v) : err_(0) { new (&storage_) T(v); }
	Result(Error e) : err_(e.code < 0 ? e.code : err::Inval) { KXX_WARN_ON_ONCE(e.code >= 0); }
	Result(Result &&o) : err_(o.err_)
	{
		if (!err_)
			new (&storage_) T(move(o.ref()));
	}
	Result(const Result &) = delete;
	Result &operator=(const Result &) = delete;
	Result &operator=(Result &&) = delete;
	~Result()
	{
		if (!err_)
			ref().~T();
	}

	bool ok() const { return err_ == 0; }
	int error() const { return err_; }
	// Precondition: ok(). Moves the value out. On an error there is no
	// value: a T() if T has one, else a trap (never garbage).
	T take()
	{
		if (KXX_WARN_ON_ONCE(!ok())) {
			if constexpr (requires { T(); })
				return T();
			else
				__builtin_trap();
		}
		return move(ref());
	}
	// Precondition: ok(); traps otherwise (there is nothing to refer to).
	T &value()
	{
		if (KXX_WARN_ON_ONCE(!ok()))
			__builtin_trap();
		return ref();
	}

private:
	T &ref() { return *reinterpret_cast<T *>(&storage_); }
	alignas(T) unsigned char storage_[sizeof(T)];
	int err_;
};

template <> class [[nodiscard]] Result<void> {
public:
	Result() : err_(0) {}
	Result(Error e) : err_(e.code < 0 ? e.code : err::Inval) { KXX_WARN_ON_ONCE(e.code >= 0); }
	bool ok() const { return err_ == 0; }
	int error() const { return err_; }
	void take() const {}

private:
	int err_;
};

using Status = Result<void>;

} // namespace kxx

// Placement new for Result's storage, without <new>.
inline void *operator new(size_t, void *p) noexcept { return p; }

#define KXX_TRY(expr) \
	({ \
		auto kxx_try_ = (expr); \
		if (!kxx_try_.ok()) \
			return ::kxx::Error{kxx_try_.error()}; \
		kxx_try_.take(); \
	})
