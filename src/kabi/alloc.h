/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kmalloc/kfree. Context follows the GFP flags: KABI_GFP_KERNEL may sleep,
 * KABI_GFP_ATOMIC/KABI_GFP_NOWAIT do not. kfree: any context.
 */
#ifndef ALTWQ_KABI_ALLOC_H
#define ALTWQ_KABI_ALLOC_H
#include "kabi/types.h"
KABI_BEGIN

/* kmalloc: power-of-two sizes come back naturally aligned. */
void *kabi_kmalloc(unsigned long size, kabi_gfp_t gfp);
void kabi_kfree(const void *p);

KABI_END
#endif
