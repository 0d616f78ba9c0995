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
int kabi_nr_node_ids(void);	/* node numbers are below it */
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
void kabi_cpumask_copy_possible(struct kabi_cpumask *m);
void kabi_cpumask_copy(struct kabi_cpumask *to, const struct kabi_cpumask *from);
void kabi_cpumask_and(struct kabi_cpumask *to, const struct kabi_cpumask *a, const struct kabi_cpumask *b);
/* to = m & online, without cpu (-1: none): the CPUs that stay up. */
void kabi_cpumask_and_online_except(struct kabi_cpumask *to, const struct kabi_cpumask *m, int cpu);
bool kabi_cpumask_equal(const struct kabi_cpumask *a, const struct kabi_cpumask *b);
bool kabi_cpumask_intersects(const struct kabi_cpumask *a, const struct kabi_cpumask *b);
bool kabi_cpumask_empty(const struct kabi_cpumask *m);
/* The next CPU of m & online after the last one it gave (spreads picks). */
int kabi_cpumask_any_online_distribute(const struct kabi_cpumask *m);
/* "0-3,6", or hex words as cpumask files take them ("f", "00000003,ffffffff"),
 * into m (0 or -errno); m into buf in hex words (its length). */
int kabi_cpumask_parse_list(const char *buf, struct kabi_cpumask *m);
int kabi_cpumask_parse_hex(const char *buf, struct kabi_cpumask *m);
int kabi_cpumask_print_hex(char *buf, unsigned int size, const struct kabi_cpumask *m);

/* cpumask_var_t, in the public attrs struct: zero-filled allocation (false
 * if out of memory; may sleep), the mask it holds, and its freeing. */
bool kabi_cpumask_var_zalloc(void *var);
void kabi_cpumask_var_free(void *var);
struct kabi_cpumask *kabi_cpumask_var_mask(void *var);

/* CPU topology, as the kernel exports it: SMT siblings; a shared
 * last-level cache (on x86 its id; elsewhere, whether they are in one
 * NUMA node). Both CPUs possible; for a CPU never brought up, its own. */
bool kabi_cpus_share_smt(int a, int b);
bool kabi_cpus_share_llc(int a, int b);

KABI_END
#endif
