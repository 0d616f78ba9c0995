// SPDX-License-Identifier: GPL-2.0
#include <linux/cpuhotplug.h>
#include <linux/cpu.h>
#include <linux/list.h>
#include "kabi/export.h"
#include "kabi/cpuhp_types.h"

static int altwq_cpuhp_state;	/* the dynamic state, > 0 once set up */

static int state_online(unsigned int cpu, struct hlist_node *node)
{
	struct kabi_cpuhp_instance *inst = hlist_entry(node, struct kabi_cpuhp_instance, node);

	return inst->online(inst, cpu);
}

static int state_offline(unsigned int cpu, struct hlist_node *node)
{
	struct kabi_cpuhp_instance *inst = hlist_entry(node, struct kabi_cpuhp_instance, node);

	return inst->offline(inst, cpu);
}

int kabi_cpuhp_state_new(const char *name)
{
	return cpuhp_setup_state_multi(CPUHP_AP_ONLINE_DYN, name, state_online, state_offline);
}

void kabi_cpuhp_state_free(int state)
{
	if (state > 0)
		cpuhp_remove_multi_state(state);
}

int kabi_cpuhp_altwq_state(void) { return altwq_cpuhp_state; }

int kabi_cpuhp_init(void)
{
	int state = kabi_cpuhp_state_new("altwq:online");

	if (state < 0)
		return state;
	altwq_cpuhp_state = state;
	return 0;
}

void kabi_cpuhp_exit(void)
{
	kabi_cpuhp_state_free(altwq_cpuhp_state);
	altwq_cpuhp_state = 0;
}

void kabi_cpuhp_instance_init(struct kabi_cpuhp_instance *inst, kabi_cpuhp_fn online, kabi_cpuhp_fn offline)
{
	INIT_HLIST_NODE(&inst->node);
	inst->online = online;
	inst->offline = offline;
}

int kabi_cpuhp_instance_add(int state, struct kabi_cpuhp_instance *inst)
{
	return cpuhp_state_add_instance(state ? state : altwq_cpuhp_state, &inst->node);
}

int kabi_cpuhp_instance_remove(int state, struct kabi_cpuhp_instance *inst)
{
	return cpuhp_state_remove_instance(state ? state : altwq_cpuhp_state, &inst->node);
}

int kabi_cpu_down(unsigned int cpu) { return remove_cpu(cpu); }
int kabi_cpu_up(unsigned int cpu) { return add_cpu(cpu); }

/* For altwq_test.ko, whose C++ tests call kxx inlines. */
KABI_EXPORT(kabi_cpuhp_state_new);
KABI_EXPORT(kabi_cpuhp_state_free);
KABI_EXPORT(kabi_cpuhp_altwq_state);
KABI_EXPORT(kabi_cpuhp_instance_init);
KABI_EXPORT(kabi_cpuhp_instance_add);
KABI_EXPORT(kabi_cpuhp_instance_remove);
KABI_EXPORT(kabi_cpu_down);
KABI_EXPORT(kabi_cpu_up);
