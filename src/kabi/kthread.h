/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kthreads. create/stop: may sleep. should_stop: from the thread itself.
 * The name is used as given (no format expansion).
 */
#ifndef ALTWQ_KABI_KTHREAD_H
#define ALTWQ_KABI_KTHREAD_H
#include "kabi/types.h"
KABI_BEGIN

typedef int (*kabi_kthread_fn)(void *data);

/* Creates a stopped thread; cpu < 0: any CPU, else bound to cpu. 0 or -errno. */
/* Bound to cpu (>= 0, its node's memory) or, with cpu -1, on NUMA node
 * `node` (-1: any). Not woken. May sleep. */
int kabi_kthread_create(struct kabi_task **task, kabi_kthread_fn fn, void *data, int cpu, int node,
			const char *name);
void kabi_kthread_bind(struct kabi_task *task, int cpu);
int kabi_kthread_stop(struct kabi_task *task);
bool kabi_kthread_should_stop(void);
void kabi_task_get(struct kabi_task *task);
void kabi_task_put(struct kabi_task *task);
/* From a kthread that ends itself: completes c and exits without returning
 * (so no module code runs after the completion). */
struct kabi_completion;
__attribute__((noreturn)) void kabi_kthread_complete_and_exit(struct kabi_completion *c);
/* The data of the current task if it is a kthread running fn, else NULL. */
void *kabi_current_kthread_data_if(kabi_kthread_fn fn);
/* The same of any task the caller keeps alive. */
void *kabi_task_kthread_data_if(struct kabi_task *task, kabi_kthread_fn fn);
/* set_cpus_allowed_ptr(): to one CPU, or to every active CPU. May sleep. 0 or -errno. */
int kabi_task_allow_cpu(struct kabi_task *task, int cpu);
int kabi_task_allow_active_cpus(struct kabi_task *task);
struct kabi_cpumask;
/* To the CPUs of a mask (the online ones of it when it has any). May sleep. */
int kabi_task_allow_cpus(struct kabi_task *task, const struct kabi_cpumask *mask);
/* The CPU the scheduler will try first at the task's next wakeup, and a
 * new hint for it (only a hint: the wakeup still picks an allowed CPU). */
int kabi_task_wake_cpu(const struct kabi_task *task);
void kabi_task_set_wake_cpu(struct kabi_task *task, int cpu);
/* set_user_nice() and task_nice(). */
void kabi_task_set_nice(struct kabi_task *task, int nice);
int kabi_task_nice(const struct kabi_task *task);

KABI_END
#endif
