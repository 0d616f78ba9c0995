// SPDX-License-Identifier: GPL-2.0
/* Unbound queues' attrs and the CPU topology for the tests (attrs_glue.h). */
#include <linux/cpumask.h>
#include <linux/nodemask.h>
#include <linux/smp.h>
#include <linux/topology.h>
#include <altwq/workqueue.h>
#include "attrs_glue.h"

int altwq_test_attrs_nice(const struct altwq_workqueue_attrs *a) { return a->nice; }
int altwq_test_attrs_scope(const struct altwq_workqueue_attrs *a) { return a->affn_scope; }
bool altwq_test_attrs_strict(const struct altwq_workqueue_attrs *a) { return a->affn_strict; }

bool altwq_test_attrs_all_possible(const struct altwq_workqueue_attrs *a)
{
	return cpumask_equal(a->cpumask, cpu_possible_mask);
}

void altwq_test_attrs_set(struct altwq_workqueue_attrs *a, int nice, int scope, bool strict)
{
	a->nice = nice;
	a->affn_scope = scope;
	a->affn_strict = strict;
}

void altwq_test_attrs_set_cpus(struct altwq_workqueue_attrs *a, unsigned long long bits)
{
	int cpu;

	cpumask_clear(a->cpumask);
	for (cpu = 0; cpu < 64 && cpu < nr_cpu_ids; cpu++)
		if (bits & (1ULL << cpu))
			cpumask_set_cpu(cpu, a->cpumask);
}

static unsigned long long bits_of(const struct cpumask *mask)
{
	unsigned long long bits = 0;
	int cpu;

	for_each_cpu(cpu, mask)
		if (cpu < 64)
			bits |= 1ULL << cpu;
	return bits;
}

unsigned long long altwq_test_smt_cpus(int cpu) { return bits_of(topology_sibling_cpumask(cpu)); }

/* The possible CPUs (n < 64) that same() puts with cpu. */
static unsigned long long cpus_with(int cpu, bool (*same)(int a, int b))
{
	unsigned long long bits = 0;
	int other;

	for_each_possible_cpu(other)
		if (other < 64 && same(cpu, other))
			bits |= 1ULL << other;
	return bits;
}

/* cpumask_of_node() has only the node's online CPUs. */
static bool same_node(int a, int b) { return cpu_to_node(a) == cpu_to_node(b); }
unsigned long long altwq_test_node_cpus(int cpu) { return cpus_with(cpu, same_node); }

/*
 * The scheduler's LLC masks are not exported; x86's cpu_info LLC ids are
 * (6.2 and later). 6.1 exports no LLC id, and altwq's cache scope is cut by
 * die there, as README says: the expectation follows.
 */
#if defined(CONFIG_X86) && defined(per_cpu_llc_id)
static bool same_llc(int a, int b) { return per_cpu_llc_id(a) == per_cpu_llc_id(b); }
#elif defined(CONFIG_X86)
static bool same_llc(int a, int b) { return cpumask_test_cpu(b, topology_die_cpumask(a)); }
#else
static bool same_llc(int a, int b) { return same_node(a, b); }
#endif
unsigned long long altwq_test_llc_cpus(int cpu) { return cpus_with(cpu, same_llc); }

int altwq_test_nr_online_nodes(void) { return num_online_nodes(); }
