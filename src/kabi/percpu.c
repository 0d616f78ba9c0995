// SPDX-License-Identifier: GPL-2.0
#include <linux/percpu.h>
#include "kabi/export.h"
#include "kabi/percpu.h"

void *kabi_percpu_alloc(unsigned long size, unsigned long align, kabi_gfp_t gfp)
{
	return (__force void *)__alloc_percpu_gfp(size, align, (__force gfp_t)gfp);
}
void kabi_percpu_free(void *cookie) { free_percpu((void __percpu *)cookie); }
void *kabi_per_cpu_ptr(void *cookie, int cpu) { return per_cpu_ptr((void __percpu *)cookie, cpu); }
void *kabi_this_cpu_ptr(void *cookie) { return this_cpu_ptr((void __percpu *)cookie); }

/* For altwq_test.ko, whose C++ tests call kxx inlines. */
KABI_EXPORT(kabi_percpu_alloc);
KABI_EXPORT(kabi_percpu_free);
KABI_EXPORT(kabi_per_cpu_ptr);
KABI_EXPORT(kabi_this_cpu_ptr);
