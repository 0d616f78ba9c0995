/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Dynamic per-CPU memory. alloc: context per GFP flags; free: may sleep.
 * per_cpu_ptr: any context; this_cpu_ptr: preemption must be disabled.
 * The returned cookie is a __percpu pointer: never dereference it.
 */
#ifndef ALTWQ_KABI_PERCPU_H
#define ALTWQ_KABI_PERCPU_H
#include "kabi/types.h"
KABI_BEGIN

void *kabi_percpu_alloc(unsigned long size, unsigned long align, kabi_gfp_t gfp);
void kabi_percpu_free(void *cookie);
void *kabi_per_cpu_ptr(void *cookie, int cpu);
void *kabi_this_cpu_ptr(void *cookie);

KABI_END
#endif
