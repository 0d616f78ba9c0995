// SPDX-License-Identifier: GPL-2.0
// Kernel errno values (negated at use: Result errors are negative).
#pragma once
#include "kabi_sizes.h"

namespace kxx::err {
inline constexpr int NoMem = -KABI_ENOMEM;
inline constexpr int Inval = -KABI_EINVAL;
inline constexpr int Busy = -KABI_EBUSY;
inline constexpr int NoEnt = -KABI_ENOENT;
inline constexpr int Again = -KABI_EAGAIN;
inline constexpr int NoDev = -KABI_ENODEV;
inline constexpr int NotSupp = -KABI_EOPNOTSUPP;
inline constexpr int TimedOut = -KABI_ETIMEDOUT;
inline constexpr int Intr = -KABI_EINTR;
} // namespace kxx::err
