/* SPDX-License-Identifier: GPL-2.0 */
/*
 * C only. kabi_* symbols are exported in the ALTWQ_INTERNAL namespace so
 * altwq_test.ko (whose C++ tests call kxx inlines) can link against them,
 * without offering them to the rest of the kernel as an API.
 */
#ifndef ALTWQ_KABI_EXPORT_H
#define ALTWQ_KABI_EXPORT_H
#include <linux/export.h>
#include <linux/module.h>
#include <linux/version.h>

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
#define KABI_EXPORT(sym) EXPORT_SYMBOL_NS_GPL(sym, "ALTWQ_INTERNAL")
#define KABI_IMPORT_INTERNAL() MODULE_IMPORT_NS("ALTWQ_INTERNAL")
#else
#define KABI_EXPORT(sym) EXPORT_SYMBOL_NS_GPL(sym, ALTWQ_INTERNAL)
#define KABI_IMPORT_INTERNAL() MODULE_IMPORT_NS(ALTWQ_INTERNAL)
#endif

#endif
