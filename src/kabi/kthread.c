// SPDX-License-Identifier: GPL-2.0
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <linux/err.h>
#include <linux/topology.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/sched.h>
#include "kabi/export.h"
#include "kabi/kthread.h"

#define TASK(t) ((struct task_struct *)(t))

int kabi_kthread_create(struct kabi_task **task, kabi_kthread_fn fn, void *data, int cpu, int node,
			const char *name)
{
	struct task_struct *p;

	if (cpu < 0)
		p = kthread_create_on_node(fn, data, node, "%s", name);
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

void kabi_kthread_complete_and_exit(struct kabi_completion *c)
{
	kthread_complete_and_exit((struct completion *)c, 0);
}

void *kabi_task_kthread_data_if(struct kabi_task *task, kabi_kthread_fn fn)
{
	struct task_struct *p = TASK(task);

	if (!(p->flags & PF_KTHREAD) || kthread_func(p) != fn)
		return NULL;
	return kthread_data(p);
}
void *kabi_current_kthread_data_if(kabi_kthread_fn fn)
{
	return kabi_task_kthread_data_if((struct kabi_task *)current, fn);
}

int kabi_task_allow_cpu(struct kabi_task *task, int cpu)
{
	return set_cpus_allowed_ptr(TASK(task), cpumask_of(cpu));
}
int kabi_task_allow_active_cpus(struct kabi_task *task)
{
	return set_cpus_allowed_ptr(TASK(task), cpu_active_mask);
}
int kabi_task_allow_cpus(struct kabi_task *task, const struct kabi_cpumask *mask)
{
	return set_cpus_allowed_ptr(TASK(task), (const struct cpumask *)mask);
}
int kabi_task_wake_cpu(const struct kabi_task *task)
{
	return READ_ONCE(((const struct task_struct *)task)->wake_cpu);
}
void kabi_task_set_wake_cpu(struct kabi_task *task, int cpu) { WRITE_ONCE(TASK(task)->wake_cpu, cpu); }
void kabi_task_set_nice(struct kabi_task *task, int nice) { set_user_nice(TASK(task), nice); }
int kabi_task_nice(const struct kabi_task *task) { return task_nice((const struct task_struct *)task); }

/* For altwq_test.ko, whose C++ tests call kxx inlines. */
KABI_EXPORT(kabi_kthread_create);
KABI_EXPORT(kabi_kthread_bind);
KABI_EXPORT(kabi_kthread_stop);
KABI_EXPORT(kabi_kthread_should_stop);
KABI_EXPORT(kabi_task_get);
KABI_EXPORT(kabi_task_put);
KABI_EXPORT(kabi_task_allow_cpu);
KABI_EXPORT(kabi_task_allow_cpus);
