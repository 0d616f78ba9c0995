// SPDX-License-Identifier: GPL-2.0
// Freestanding basics: integer types and the few utilities the standard
// library would give us (no libstdc++ in the kernel). Any context.
#pragma once

using size_t = __SIZE_TYPE__;
using uintptr_t = __UINTPTR_TYPE__;
using ptrdiff_t = __PTRDIFF_TYPE__;
using uint8_t = __UINT8_TYPE__;
using uint32_t = __UINT32_TYPE__;
using uint64_t = __UINT64_TYPE__;
using int64_t = __INT64_TYPE__;

#define offsetof(type, member) __builtin_offsetof(type, member)

namespace std {
// The compiler looks for this exact name to pick aligned operator new/delete.
enum class align_val_t : size_t {};
}

namespace kxx {

template <typename T> struct remove_reference { using type = T; };
template <typename T> struct remove_reference<T &> { using type = T; };
template <typename T> struct remove_reference<T &&> { using type = T; };
template <typename T> using remove_reference_t = typename remove_reference<T>::type;

template <typename T> constexpr remove_reference_t<T> &&move(T &&t) noexcept
{
	return static_cast<remove_reference_t<T> &&>(t);
}
template <typename T> constexpr T &&forward(remove_reference_t<T> &t) noexcept { return static_cast<T &&>(t); }
template <typename T> constexpr T &&forward(remove_reference_t<T> &&t) noexcept { return static_cast<T &&>(t); }

template <typename T, typename U = T> constexpr T exchange(T &obj, U &&v)
{
	T old = move(obj);
	obj = forward<U>(v);
	return old;
}

template <typename T> constexpr bool is_integral_v = false;
template <> constexpr bool is_integral_v<char> = true;
template <> constexpr bool is_integral_v<signed char> = true;
template <> constexpr bool is_integral_v<unsigned char> = true;
template <> constexpr bool is_integral_v<short> = true;
template <> constexpr bool is_integral_v<unsigned short> = true;
template <> constexpr bool is_integral_v<int> = true;
template <> constexpr bool is_integral_v<unsigned int> = true;
template <> constexpr bool is_integral_v<long> = true;
template <> constexpr bool is_integral_v<unsigned long> = true;
template <> constexpr bool is_integral_v<long long> = true;
template <> constexpr bool is_integral_v<unsigned long long> = true;

template <typename A, typename B> constexpr bool is_same_v = false;
template <typename A> constexpr bool is_same_v<A, A> = true;

template <typename T> constexpr const T &min(const T &a, const T &b) { return b < a ? b : a; }
template <typename T> constexpr const T &max(const T &a, const T &b) { return a < b ? b : a; }
template <typename T> constexpr T clamp(const T &v, const T &lo, const T &hi) { return v < lo ? lo : hi < v ? hi : v; }

// The class that a pointer-to-data-member belongs to, and the member's type.
template <typename M> struct member_traits;
template <typename C, typename T> struct member_traits<T C::*> {
	using owner = C;
	using type = T;
};

// container_of for a pointer-to-member: the object whose `Member` is at `p`.
template <auto Member>
inline typename member_traits<decltype(Member)>::owner *owner_of(typename member_traits<decltype(Member)>::type *p)
{
	using Owner = typename member_traits<decltype(Member)>::owner;
	// Offset of the member, computed on a non-null fake address.
	const uintptr_t base = 0x1000;
	const uintptr_t off = reinterpret_cast<uintptr_t>(&(reinterpret_cast<Owner *>(base)->*Member)) - base;
	return reinterpret_cast<Owner *>(reinterpret_cast<char *>(p) - off);
}

// Raw storage for a kernel object of the given size and alignment.
template <size_t Size, size_t Align> struct alignas(Align) Opaque {
	unsigned char bytes[Size > 0 ? Size : 1] = {};
	template <typename T> T *as() { return reinterpret_cast<T *>(bytes); }
	template <typename T> const T *as() const { return reinterpret_cast<const T *>(bytes); }
};

// Base for types that are neither copyable nor movable (kernel objects
// whose address is registered somewhere).
struct Pinned {
	Pinned() = default;
	Pinned(const Pinned &) = delete;
	Pinned &operator=(const Pinned &) = delete;
};

} // namespace kxx

#define KXX_LIKELY(x) __builtin_expect(!!(x), 1)
#define KXX_UNLIKELY(x) __builtin_expect(!!(x), 0)
