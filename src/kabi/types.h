/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Types shared by the kabi C files and the C++ code above them. Every kabi
 * header is valid C and C++ and includes no kernel header: the C++ side only
 * ever sees opaque struct pointers and sizes from generated/kabi_sizes.h.
 */
#ifndef ALTWQ_KABI_TYPES_H
#define ALTWQ_KABI_TYPES_H

#ifdef __cplusplus
#define KABI_BEGIN extern "C" {
#define KABI_END }
#else
#define KABI_BEGIN
#define KABI_END
#endif

/* gfp_t's bits; the values come from generated/kabi_sizes.h (KABI_GFP_*). */
typedef unsigned int kabi_gfp_t;

struct kabi_task;		/* struct task_struct */
struct kabi_lock_class_key;	/* struct lock_class_key */

#endif
