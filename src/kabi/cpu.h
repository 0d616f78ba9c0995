/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU numbers, the online/possible masks and cpumask_t. Queries: any
 * context (the answer may be stale unless the hotplug lock is held);
 * cpus_read_lock: may sleep.
 */
#ifndef ALTWQ_KABI_CPU_H
#define ALTWQ_KABI_CPU_H
#include "kabi/types.h"
KABI_BEGIN

struct kabi_cpumask;		/* struct cpumask */

unsigned int kabi_nr_cpu_ids(void);
unsigned int kabi_num_online_cpus(void);
bool kabi_cpu_online(int cpu);
/* Online and taking ordinary tasks (not on its way down, or not yet up). */
bool kabi_cpu_active(int cpu);
bool kabi_cpu_possible(int cpu);
/* Next CPU after prev (-1 to start) in the mask; >= nr_cpu_ids at the end. */
int kabi_cpu_next_online(int prev);
int kabi_cpu_next_possible(int prev);
int kabi_smp_processor_id(void);	/* preemption disabled */
int kabi_raw_smp_processor_id(void);	/* a hint when preemptible */
/* NUMA: the node of a CPU; whether a node number is valid and online; an
 * online CPU of that node, or -1 if it has none. */
int kabi_cpu_to_node(int cpu);
bool kabi_node_possible(int node);
bool kabi_node_online(int node);
int kabi_node_any_online_cpu(int node);
void kabi_cpus_read_lock(void);
void kabi_cpus_read_unlock(void);

void kabi_cpumask_clear(struct kabi_cpumask *m);
void kabi_cpumask_set_cpu(struct kabi_cpumask *m, int cpu);
void kabi_cpumask_clear_cpu(struct kabi_cpumask *m, int cpu);
bool kabi_cpumask_test_cpu(const struct kabi_cpumask *m, int cpu);
unsigned int kabi_cpumask_weight(const struct kabi_cpumask *m);
int kabi_cpumask_next(int prev, const struct kabi_cpumask *m);
void kabi_cpumask_copy_online(struct kabi_cpumask *m);

KABI_END
#endif
