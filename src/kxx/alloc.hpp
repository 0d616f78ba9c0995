// SPDX-License-Identifier: GPL-2.0
// Allocation: only through explicit, failable calls with GFP flags.
//
//   T *p = new (kxx::GfpKernel) T(...);   // nullptr on failure, ctor not run
//   Result<Box<T>> b = kxx::make_box<T>(kxx::GfpKernel, ...);
//
// There is no plain `new T`: the throwing operator new is left undefined, so
// using it fails the module link. Context: GfpKernel may sleep; GfpAtomic and
// GfpNowait do not. Freeing: any context.
#pragma once
#include "kabi_sizes.h"
#include "kxx/result.hpp"

namespace kxx {

class Gfp {
public:
	constexpr explicit Gfp(unsigned int bits) : bits_(bits) {}
	constexpr Gfp operator|(Gfp o) const { return Gfp(bits_ | o.bits_); }
	constexpr unsigned int bits() const { return bits_; }

private:
	unsigned int bits_;
};

constexpr Gfp GfpKernel{KABI_GFP_KERNEL};
constexpr Gfp GfpAtomic{KABI_GFP_ATOMIC};
constexpr Gfp GfpNowait{KABI_GFP_NOWAIT};
constexpr Gfp GfpZero{KABI_GFP_ZERO};
constexpr Gfp GfpNoWarn{KABI_GFP_NOWARN};

} // namespace kxx

// Defined in src/kxx/runtime.cpp on top of kmalloc/kfree.
void *operator new(size_t size, kxx::Gfp gfp) noexcept;
void *operator new[](size_t size, kxx::Gfp gfp) noexcept;
void *operator new(size_t size, std::align_val_t align, kxx::Gfp gfp) noexcept;
void operator delete(void *p) noexcept;
void operator delete(void *p, size_t size) noexcept;
void operator delete[](void *p) noexcept;
void operator delete[](void *p, size_t size) noexcept;
void operator delete(void *p, std::align_val_t align) noexcept;
void operator delete(void *p, size_t size, std::align_val_t align) noexcept;

namespace kxx {

// Sole owner of a heap object made with new (Gfp). Move-only.
template <typename T> class Box {
public:
	Box() = default;
	explicit Box(T *p) : p_(p) {}
	Box(Box &&o) : p_(exchange(o.p_, nullptr)) {}
	Box &operator=(Box &&o)
	{
		reset(exchange(o.p_, nullptr));
		return *this;
	}
	Box(const Box &) = delete;
	Box &operator=(const Box &) = delete;
	~Box() { reset(); }

	T *get() const { return p_; }
	T *operator->() const { return p_; }
	T &operator*() const { return *p_; }
	explicit operator bool() const { return p_ != nullptr; }
	// Hands the object over; the caller frees it with delete.
	T *release() { return exchange(p_, nullptr); }
	void reset(T *p = nullptr)
	{
		T *old = exchange(p_, p);
		delete old;
	}

private:
	T *p_ = nullptr;
};

template <typename T, typename... Args> Result<Box<T>> make_box(Gfp gfp, Args &&...args)
{
	T *p = new (gfp) T(forward<Args>(args)...);
	if (!p)
		return Error{err::NoMem};
	return Box<T>(p);
}

} // namespace kxx
