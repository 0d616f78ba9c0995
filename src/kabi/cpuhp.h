/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU hotplug: one dynamic multi-instance state ("altwq:online", set up at
 * module load); each instance is told of CPUs coming online and going down.
 * Callbacks run on the CPU concerned, in its hotplug thread, and may sleep:
 * online after the CPU is up, offline before it goes down (but after the
 * scheduler stopped placing ordinary tasks there: sched_cpu_deactivate has
 * run). A non-zero return from online fails (rolls back) the CPU's
 * bring-up; from offline, its take-down.
 * Everything here may sleep.
 */
#ifndef ALTWQ_KABI_CPUHP_H
#define ALTWQ_KABI_CPUHP_H
#include "kabi/types.h"
KABI_BEGIN

struct kabi_cpuhp_instance;	/* see cpuhp_types.h */
typedef int (*kabi_cpuhp_fn)(struct kabi_cpuhp_instance *inst, unsigned int cpu);

int kabi_cpuhp_init(void);	/* module load: 0 or -errno */
void kabi_cpuhp_exit(void);

/*
 * Another dynamic state, with its own place in the order: one set up later
 * runs later when a CPU comes up and earlier when it goes down. Its number
 * (> 0), or -errno. altwq's own is kabi_cpuhp_altwq_state().
 */
int kabi_cpuhp_state_new(const char *name);
void kabi_cpuhp_state_free(int state);
int kabi_cpuhp_altwq_state(void);

void kabi_cpuhp_instance_init(struct kabi_cpuhp_instance *inst, kabi_cpuhp_fn online, kabi_cpuhp_fn offline);
/* state 0: altwq's. Calls online() on every online CPU now, then on each
 * that comes up. */
int kabi_cpuhp_instance_add(int state, struct kabi_cpuhp_instance *inst);
/* Calls offline() on every online CPU and stops the notifications. */
int kabi_cpuhp_instance_remove(int state, struct kabi_cpuhp_instance *inst);

/* Take a CPU down / bring it back (remove_cpu/add_cpu), for tests. */
int kabi_cpu_down(unsigned int cpu);
int kabi_cpu_up(unsigned int cpu);

KABI_END
#endif
