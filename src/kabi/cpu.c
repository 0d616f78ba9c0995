// SPDX-License-Identifier: GPL-2.0
#include <linux/cpumask.h>
#include <linux/cpu.h>
#include <linux/smp.h>
#include <linux/nodemask.h>
#include <linux/topology.h>
#include <linux/kernel.h>
#ifdef CONFIG_X86
#include <asm/apicdef.h>
#include <asm/processor.h>
#endif
#include "kabi/export.h"
#include "kabi/cpu.h"

#define MASK(m) ((struct cpumask *)(m))
#define CMASK(m) ((const struct cpumask *)(m))

unsigned int kabi_nr_cpu_ids(void) { return nr_cpu_ids; }
unsigned int kabi_num_online_cpus(void) { return num_online_cpus(); }
bool kabi_cpu_online(int cpu) { return cpu >= 0 && cpu < nr_cpu_ids && cpu_online(cpu); }
bool kabi_cpu_active(int cpu) { return cpu >= 0 && cpu < nr_cpu_ids && cpu_active(cpu); }
bool kabi_cpu_possible(int cpu) { return cpu >= 0 && cpu < nr_cpu_ids && cpu_possible(cpu); }
int kabi_cpu_next_online(int prev) { return cpumask_next(prev, cpu_online_mask); }
int kabi_cpu_next_possible(int prev) { return cpumask_next(prev, cpu_possible_mask); }
int kabi_smp_processor_id(void) { return smp_processor_id(); }
int kabi_raw_smp_processor_id(void) { return raw_smp_processor_id(); }
int kabi_cpu_to_node(int cpu) { return cpu_to_node(cpu); }
int kabi_nr_node_ids(void) { return nr_node_ids; }
bool kabi_node_possible(int node) { return node >= 0 && node < MAX_NUMNODES && node_possible(node); }
bool kabi_node_online(int node) { return node >= 0 && node < MAX_NUMNODES && node_online(node); }
int kabi_node_any_online_cpu(int node)
{
	unsigned int cpu;

	if (!kabi_node_online(node))
		return -1;
	cpu = cpumask_any_and(cpumask_of_node(node), cpu_online_mask);
	return cpu < nr_cpu_ids ? (int)cpu : -1;
}
void kabi_cpus_read_lock(void) { cpus_read_lock(); }
void kabi_cpus_read_unlock(void) { cpus_read_unlock(); }

void kabi_cpumask_clear(struct kabi_cpumask *m) { cpumask_clear(MASK(m)); }
void kabi_cpumask_set_cpu(struct kabi_cpumask *m, int cpu) { cpumask_set_cpu(cpu, MASK(m)); }
void kabi_cpumask_clear_cpu(struct kabi_cpumask *m, int cpu) { cpumask_clear_cpu(cpu, MASK(m)); }
bool kabi_cpumask_test_cpu(const struct kabi_cpumask *m, int cpu) { return cpumask_test_cpu(cpu, CMASK(m)); }
unsigned int kabi_cpumask_weight(const struct kabi_cpumask *m) { return cpumask_weight(CMASK(m)); }
int kabi_cpumask_next(int prev, const struct kabi_cpumask *m) { return cpumask_next(prev, CMASK(m)); }
void kabi_cpumask_copy_online(struct kabi_cpumask *m) { cpumask_copy(MASK(m), cpu_online_mask); }
void kabi_cpumask_copy_possible(struct kabi_cpumask *m) { cpumask_copy(MASK(m), cpu_possible_mask); }
void kabi_cpumask_copy(struct kabi_cpumask *to, const struct kabi_cpumask *from) { cpumask_copy(MASK(to), CMASK(from)); }
void kabi_cpumask_and(struct kabi_cpumask *to, const struct kabi_cpumask *a, const struct kabi_cpumask *b)
{
	cpumask_and(MASK(to), CMASK(a), CMASK(b));
}
void kabi_cpumask_and_online_except(struct kabi_cpumask *to, const struct kabi_cpumask *m, int cpu)
{
	cpumask_and(MASK(to), CMASK(m), cpu_online_mask);
	if (cpu >= 0)
		cpumask_clear_cpu(cpu, MASK(to));
}
bool kabi_cpumask_equal(const struct kabi_cpumask *a, const struct kabi_cpumask *b) { return cpumask_equal(CMASK(a), CMASK(b)); }
bool kabi_cpumask_intersects(const struct kabi_cpumask *a, const struct kabi_cpumask *b)
{
	return cpumask_intersects(CMASK(a), CMASK(b));
}
bool kabi_cpumask_empty(const struct kabi_cpumask *m) { return cpumask_empty(CMASK(m)); }
int kabi_cpumask_any_online_distribute(const struct kabi_cpumask *m)
{
	return cpumask_any_and_distribute(CMASK(m), cpu_online_mask);
}
int kabi_cpumask_parse_list(const char *buf, struct kabi_cpumask *m) { return cpulist_parse(buf, MASK(m)); }
int kabi_cpumask_parse_hex(const char *buf, struct kabi_cpumask *m) { return cpumask_parse(buf, MASK(m)); }
int kabi_cpumask_print_hex(char *buf, unsigned int size, const struct kabi_cpumask *m)
{
	return scnprintf(buf, size, "%*pb", cpumask_pr_args(CMASK(m)));
}

bool kabi_cpumask_var_zalloc(void *var) { return zalloc_cpumask_var((cpumask_var_t *)var, GFP_KERNEL); }
void kabi_cpumask_var_free(void *var) { free_cpumask_var(*(cpumask_var_t *)var); }
struct kabi_cpumask *kabi_cpumask_var_mask(void *var) { return (struct kabi_cpumask *)*(cpumask_var_t *)var; }

bool kabi_cpus_share_smt(int a, int b)
{
#ifdef CONFIG_SCHED_SMT
	return a == b || cpumask_test_cpu(a, topology_sibling_cpumask(b));
#else
	return a == b;
#endif
}

bool kabi_cpus_share_llc(int a, int b)
{
	if (a == b)
		return true;
#if defined(CONFIG_X86) && defined(per_cpu_llc_id)
	/* cpu_info is exported; the scheduler's own sd_llc_id is not. A CPU
	 * never brought up has no id yet (BAD_APICID). */
	if (per_cpu_llc_id(a) == BAD_APICID || per_cpu_llc_id(b) == BAD_APICID)
		return false;
	return per_cpu_llc_id(a) == per_cpu_llc_id(b);
#elif defined(CONFIG_X86)
	/* Before 6.6 the LLC id is a per-CPU variable of its own, not
	 * exported: the die (cpu_die_map is) stands for the LLC. Right on
	 * Intel parts, where they are the same; coarser on AMD's, whose LLC
	 * is a core complex. */
	return cpumask_test_cpu(b, topology_die_cpumask(a));
#else
	return cpu_to_node(a) == cpu_to_node(b);
#endif
}

/* For altwq_test.ko, whose C++ tests call kxx inlines. */
KABI_EXPORT(kabi_nr_cpu_ids);
KABI_EXPORT(kabi_cpus_share_llc);
KABI_EXPORT(kabi_num_online_cpus);
KABI_EXPORT(kabi_cpu_online);
KABI_EXPORT(kabi_cpu_active);
KABI_EXPORT(kabi_cpu_possible);
KABI_EXPORT(kabi_cpu_to_node);
KABI_EXPORT(kabi_nr_node_ids);
KABI_EXPORT(kabi_cpu_next_online);
KABI_EXPORT(kabi_cpu_next_possible);
KABI_EXPORT(kabi_smp_processor_id);
KABI_EXPORT(kabi_raw_smp_processor_id);
KABI_EXPORT(kabi_cpus_read_lock);
KABI_EXPORT(kabi_cpus_read_unlock);
KABI_EXPORT(kabi_cpumask_clear);
KABI_EXPORT(kabi_cpumask_set_cpu);
KABI_EXPORT(kabi_cpumask_clear_cpu);
KABI_EXPORT(kabi_cpumask_test_cpu);
KABI_EXPORT(kabi_cpumask_weight);
KABI_EXPORT(kabi_cpumask_next);
KABI_EXPORT(kabi_cpumask_copy_online);
KABI_EXPORT(kabi_cpumask_copy_possible);
