/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Softirq work: tasklets (their callback runs in softirq context on the CPU
 * that scheduled them, one run at a time) and asynchronous cross-CPU calls
 * (the function runs in hardirq context on the target CPU). schedule and
 * call_async: any context; kill: may sleep.
 */
#ifndef ALTWQ_KABI_SOFTIRQ_H
#define ALTWQ_KABI_SOFTIRQ_H
#include "kabi/types.h"
KABI_BEGIN

struct kabi_tasklet;		/* struct tasklet_struct */
typedef void (*kabi_tasklet_fn)(struct kabi_tasklet *t);

void kabi_tasklet_setup(struct kabi_tasklet *t, kabi_tasklet_fn fn);
/* On this CPU, on the HI softirq if hi, else the TASKLET one. */
void kabi_tasklet_schedule(struct kabi_tasklet *t, bool hi);
/* Waits until it is neither scheduled nor running. */
void kabi_tasklet_kill(struct kabi_tasklet *t);

struct kabi_csd;		/* call_single_data_t */
typedef void (*kabi_csd_fn)(void *info);

void kabi_csd_init(struct kabi_csd *c, kabi_csd_fn fn, void *info);
/* smp_call_function_single_async(): 0, -EBUSY while the last call has not
 * started yet (it will run), or -ENXIO for a CPU that is not online. */
int kabi_csd_call_async(int cpu, struct kabi_csd *c);

/* local_bh_disable()/enable(): softirqs held off on this CPU (process context). */
void kabi_local_bh_disable(void);
void kabi_local_bh_enable(void);

KABI_END
#endif
