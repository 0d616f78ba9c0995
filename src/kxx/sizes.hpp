// SPDX-License-Identifier: GPL-2.0
// The generated sizes of the kernel types we wrap (src/kabi/sizes.c).
#pragma once
#include "kabi_sizes.h"
#include "kxx/types.hpp"

namespace kxx {
#define KXX_OPAQUE(NAME) Opaque<KABI_SIZEOF_##NAME, KABI_ALIGNOF_##NAME>
} // namespace kxx
