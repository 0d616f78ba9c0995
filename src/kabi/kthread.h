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
int kabi_kthread_create(struct kabi_task **task, kabi_kthread_fn fn, void *data, int cpu, const char *name);
void kabi_kthread_bind(struct kabi_task *task, int cpu);
int kabi_kthread_stop(struct kabi_task *task);
bool kabi_kthread_should_stop(void);
void kabi_task_get(struct kabi_task *task);
void kabi_task_put(struct kabi_task *task);

KABI_END
#endif
