// SPDX-License-Identifier: GPL-2.0
// Turns a kernel callback on an embedded object into a member function call
// on the object that embeds it: the kernel passes the address of the
// embedded member (Field), we find its owner and call Method.
#pragma once
#include "kxx/types.hpp"

namespace kxx {

template <auto Field> using field_type = typename member_traits<decltype(Field)>::type;

// KabiT is the opaque kabi type the kernel hands back; the kxx wrapper
// (field_type<Field>) keeps it at offset 0, so the pointers coincide.
template <auto Field, auto Method, typename KabiT, typename... Args> auto member_trampoline(KabiT *k, Args... args)
{
	auto *self = reinterpret_cast<field_type<Field> *>(k);
	return (owner_of<Field>(self)->*Method)(args...);
}

} // namespace kxx
