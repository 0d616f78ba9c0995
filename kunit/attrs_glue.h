/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct altwq_workqueue_attrs (a cpumask_var_t inside) filled in and read
 * from the C++ cases, and the topology the kernel exports, read with the
 * kernel's own masks (not altwq's pods). Valid C and C++. Any context.
 */
#ifndef ALTWQ_KUNIT_ATTRS_GLUE_H
#define ALTWQ_KUNIT_ATTRS_GLUE_H
#include "kabi/types.h"
KABI_BEGIN

struct altwq_workqueue_attrs;

int altwq_test_attrs_nice(const struct altwq_workqueue_attrs *a);
int altwq_test_attrs_scope(const struct altwq_workqueue_attrs *a);
bool altwq_test_attrs_strict(const struct altwq_workqueue_attrs *a);
/* True if the cpumask is exactly the possible CPUs. */
bool altwq_test_attrs_all_possible(const struct altwq_workqueue_attrs *a);
void altwq_test_attrs_set(struct altwq_workqueue_attrs *a, int nice, int scope, bool strict);
/* The cpumask becomes the CPUs of bits (bit n: CPU n, n < 64). */
void altwq_test_attrs_set_cpus(struct altwq_workqueue_attrs *a, unsigned long long bits);

/* The kernel's topology as a bit set of CPUs (n < 64): cpu's SMT
 * siblings, the CPUs sharing its LLC, its node's CPUs; and its node. */
unsigned long long altwq_test_smt_cpus(int cpu);
unsigned long long altwq_test_llc_cpus(int cpu);
unsigned long long altwq_test_node_cpus(int cpu);
int altwq_test_nr_online_nodes(void);

KABI_END
#endif
