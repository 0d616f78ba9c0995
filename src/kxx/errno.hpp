// SPDX-License-Identifier: GPL-2.0
// Kernel errno values (negated at use: Result errors are negative).
#pragma once
#include "kabi_sizes.h"

namespace kxx::err {
constexpr int NoMem = -KABI_ENOMEM;
constexpr int Inval = -KABI_EINVAL;
constexpr int Busy = -KABI_EBUSY;
constexpr int NoEnt = -KABI_ENOENT;
constexpr int Again = -KABI_EAGAIN;
constexpr int NoDev = -KABI_ENODEV;
constexpr int NotSupp = -KABI_EOPNOTSUPP;
constexpr int TimedOut = -KABI_ETIMEDOUT;
constexpr int Intr = -KABI_EINTR;
constexpr int Perm = -KABI_EPERM;
constexpr int Exist = -KABI_EEXIST;
} // namespace kxx::err

namespace kxx {
// The kernel's ERR_PTR()/IS_ERR()/PTR_ERR() encoding: errors live in the
// last page of the address space.
constexpr long MaxErrno = 4095;
template <typename T> inline T *err_ptr(int err) { return reinterpret_cast<T *>(static_cast<long>(err)); }
inline bool is_err(const void *p) { return reinterpret_cast<unsigned long>(p) >= static_cast<unsigned long>(-MaxErrno); }
inline int ptr_err(const void *p) { return static_cast<int>(reinterpret_cast<long>(p)); }
} // namespace kxx
