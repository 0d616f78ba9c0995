// SPDX-License-Identifier: GPL-2.0
/* Exports of the C-linkage functions that src/kxx implements in C++. */
#include "kabi/export.h"
#include "kxx/exports.h"

KABI_EXPORT(kxx_warn_report);
KABI_EXPORT(kxx_warn_report_fmt);
KABI_EXPORT(kxx_expect_warnings_begin);
KABI_EXPORT(kxx_expect_warnings_end);
