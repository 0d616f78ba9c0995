// SPDX-License-Identifier: GPL-2.0
#include <linux/slab.h>
#include "kabi/export.h"
#include "kabi/alloc.h"

void *kabi_kmalloc(unsigned long size, kabi_gfp_t gfp) { return kmalloc(size, (__force gfp_t)gfp); }
void kabi_kfree(const void *p) { kfree(p); }

/* For altwq_test.ko, whose C++ tests call kxx inlines. */
KABI_EXPORT(kabi_kmalloc);
KABI_EXPORT(kabi_kfree);
