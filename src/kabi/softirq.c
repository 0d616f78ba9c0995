// SPDX-License-Identifier: GPL-2.0
#include <linux/interrupt.h>
#include <linux/smp.h>
#include "kabi/export.h"
#include "kabi/softirq.h"

#define TASKLET(t) ((struct tasklet_struct *)(t))
#define CSD(c) ((call_single_data_t *)(c))

void kabi_tasklet_setup(struct kabi_tasklet *t, kabi_tasklet_fn fn)
{
	/* struct kabi_tasklet is the tasklet itself: same pointer. */
	tasklet_setup(TASKLET(t), (void (*)(struct tasklet_struct *))fn);
}
void kabi_tasklet_schedule(struct kabi_tasklet *t, bool hi)
{
	if (hi)
		tasklet_hi_schedule(TASKLET(t));
	else
		tasklet_schedule(TASKLET(t));
}
void kabi_tasklet_kill(struct kabi_tasklet *t) { tasklet_kill(TASKLET(t)); }

void kabi_csd_init(struct kabi_csd *c, kabi_csd_fn fn, void *info) { INIT_CSD(CSD(c), fn, info); }
int kabi_csd_call_async(int cpu, struct kabi_csd *c) { return smp_call_function_single_async(cpu, CSD(c)); }

void kabi_local_bh_disable(void) { local_bh_disable(); }
void kabi_local_bh_enable(void) { local_bh_enable(); }
