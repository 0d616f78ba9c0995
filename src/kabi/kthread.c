// SPDX-License-Identifier: GPL-2.0
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <linux/err.h>
#include <linux/topology.h>
#include "kabi/export.h"
#include "kabi/kthread.h"

#define TASK(t) ((struct task_struct *)(t))

int kabi_kthread_create(struct kabi_task **task, kabi_kthread_fn fn, void *data, int cpu, const char *name)
{
	struct task_struct *p;

	if (cpu < 0)
		p = kthread_create_on_node(fn, data, NUMA_NO_NODE, "%s", name);
	else
		p = kthread_create_on_node(fn, data, cpu_to_node(cpu), "%s", name);
	if (IS_ERR(p))
		return PTR_ERR(p);
	if (cpu >= 0)
		kthread_bind(p, cpu);
	*task = (struct kabi_task *)p;
	return 0;
}
void kabi_kthread_bind(struct kabi_task *task, int cpu) { kthread_bind(TASK(task), cpu); }
int kabi_kthread_stop(struct kabi_task *task) { return kthread_stop(TASK(task)); }
bool kabi_kthread_should_stop(void) { return kthread_should_stop(); }
void kabi_task_get(struct kabi_task *task) { get_task_struct(TASK(task)); }
void kabi_task_put(struct kabi_task *task) { put_task_struct(TASK(task)); }

/* For altwq_test.ko, whose C++ tests call kxx inlines. */
KABI_EXPORT(kabi_kthread_create);
KABI_EXPORT(kabi_kthread_bind);
KABI_EXPORT(kabi_kthread_stop);
KABI_EXPORT(kabi_kthread_should_stop);
KABI_EXPORT(kabi_task_get);
KABI_EXPORT(kabi_task_put);
