// SPDX-License-Identifier: GPL-2.0
// altwq_test.ko's own copy of the freestanding C++ runtime (not exported by altwq.ko).
#include "kxx/runtime.cpp"
