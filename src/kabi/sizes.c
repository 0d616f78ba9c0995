// SPDX-License-Identifier: GPL-2.0
/*
 * Sizes, alignments and constants of the kernel types kxx wraps, turned into
 * generated/kabi_sizes.h by Kbuild's filechk_offsets (the asm-offsets way).
 * kxx static_asserts its opaque storage against these.
 */
#define COMPILE_OFFSETS
#include <linux/kbuild.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/completion.h>
#include <linux/timer.h>
#include <linux/irq_work.h>
#include <linux/interrupt.h>
#include <linux/smp.h>
#include <linux/lockdep.h>
#include <linux/list.h>
#include <linux/cpumask.h>
#include <linux/gfp.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/errno.h>
#include <altwq/kthread_worker.h>
#include <altwq/workqueue.h>
#include "kabi/preempt_notifier_types.h"
#include "kabi/cpuhp_types.h"
#include "kabi/hrtimer_types.h"

#define SIZE_AND_ALIGN(name, type) \
	DEFINE(KABI_SIZEOF_##name, sizeof(type)); \
	DEFINE(KABI_ALIGNOF_##name, __alignof__(type))

int main(void)
{
	SIZE_AND_ALIGN(RAW_SPINLOCK, raw_spinlock_t);
	SIZE_AND_ALIGN(SPINLOCK, spinlock_t);
	SIZE_AND_ALIGN(MUTEX, struct mutex);
	SIZE_AND_ALIGN(COMPLETION, struct completion);
	SIZE_AND_ALIGN(TIMER, struct timer_list);
	SIZE_AND_ALIGN(IRQ_WORK, struct irq_work);
	SIZE_AND_ALIGN(HRTIMER, struct kabi_hrtimer);
	SIZE_AND_ALIGN(TASKLET, struct tasklet_struct);
	SIZE_AND_ALIGN(CSD, call_single_data_t);
	SIZE_AND_ALIGN(LOCK_CLASS_KEY, struct lock_class_key);
	SIZE_AND_ALIGN(LOCKDEP_MAP, struct lockdep_map);
	SIZE_AND_ALIGN(LIST_HEAD, struct list_head);
	SIZE_AND_ALIGN(RCU_HEAD, struct rcu_head);
	SIZE_AND_ALIGN(CPUMASK, struct cpumask);
	SIZE_AND_ALIGN(CPUMASK_VAR, cpumask_var_t);
	SIZE_AND_ALIGN(PREEMPT_NOTIFIER, struct kabi_preempt_notifier);
	SIZE_AND_ALIGN(CPUHP_INSTANCE, struct kabi_cpuhp_instance);
	BLANK();
	DEFINE(KABI_GFP_KERNEL, (__force unsigned int)GFP_KERNEL);
	DEFINE(KABI_GFP_ATOMIC, (__force unsigned int)GFP_ATOMIC);
	DEFINE(KABI_GFP_NOWAIT, (__force unsigned int)GFP_NOWAIT);
	DEFINE(KABI_GFP_ZERO, (__force unsigned int)__GFP_ZERO);
	DEFINE(KABI_GFP_NOWARN, (__force unsigned int)__GFP_NOWARN);
	DEFINE(KABI_HZ, HZ);
	DEFINE(KABI_NR_CPUS, NR_CPUS);
	DEFINE(KABI_CONFIG_LOCKDEP, IS_ENABLED(CONFIG_LOCKDEP));
	DEFINE(KABI_CONFIG_DEBUG_OBJECTS_WORK, IS_ENABLED(CONFIG_DEBUG_OBJECTS_WORK));
	BLANK();
	/* The C layout of the public kthread_worker structs, for the C++ engine. */
	DEFINE(ALTWQ_KW_SIZEOF_WORK, sizeof(struct altwq_kthread_work));
	OFFSET(ALTWQ_KW_WORK_NODE, altwq_kthread_work, node);
	OFFSET(ALTWQ_KW_WORK_FUNC, altwq_kthread_work, func);
	OFFSET(ALTWQ_KW_WORK_WORKER, altwq_kthread_work, worker);
	OFFSET(ALTWQ_KW_WORK_CANCELING, altwq_kthread_work, canceling);
	OFFSET(ALTWQ_KW_WORK_DELAYED, altwq_kthread_work, delayed);
	OFFSET(ALTWQ_KW_WORK_MAGIC_OFFSET, altwq_kthread_work, magic);
	DEFINE(ALTWQ_KW_SIZEOF_DWORK, sizeof(struct altwq_kthread_delayed_work));
	OFFSET(ALTWQ_KW_DWORK_TIMER, altwq_kthread_delayed_work, timer);
	OFFSET(ALTWQ_KW_WORKER_TASK, altwq_kthread_worker, task);
	DEFINE(ALTWQ_KW_SIZEOF_WORKER, sizeof(struct altwq_kthread_worker));
	DEFINE(ALTWQ_KW_ALIGNOF_WORKER, __alignof__(struct altwq_kthread_worker));
	DEFINE(ALTWQ_KW_WORK_MAGIC, ALTWQ_KTHREAD_WORK_MAGIC);
	DEFINE(ALTWQ_KW_DWORK_MAGIC, ALTWQ_KTHREAD_DWORK_MAGIC);
	BLANK();
	/* The C layout of the public workqueue structs, for the C++ engine. */
	DEFINE(ALTWQ_WQ_SIZEOF_WORK, sizeof(struct altwq_work));
	OFFSET(ALTWQ_WQ_WORK_DATA, altwq_work, data);
	OFFSET(ALTWQ_WQ_WORK_ENTRY, altwq_work, entry);
	OFFSET(ALTWQ_WQ_WORK_FUNC, altwq_work, func);
	DEFINE(ALTWQ_WQ_SIZEOF_DWORK, sizeof(struct altwq_delayed_work));
	OFFSET(ALTWQ_WQ_DWORK_TIMER, altwq_delayed_work, timer);
	OFFSET(ALTWQ_WQ_DWORK_WQ, altwq_delayed_work, wq);
	OFFSET(ALTWQ_WQ_DWORK_CPU, altwq_delayed_work, cpu);
	OFFSET(ALTWQ_WQ_DWORK_ARMED, altwq_delayed_work, armed_entry);
	DEFINE(ALTWQ_WQ_SIZEOF_RWORK, sizeof(struct altwq_rcu_work));
	OFFSET(ALTWQ_WQ_RWORK_RCU, altwq_rcu_work, rcu);
	OFFSET(ALTWQ_WQ_RWORK_WQ, altwq_rcu_work, wq);
	DEFINE(ALTWQ_WQ_WORK_DATA_INIT, ALTWQ_WORK_DATA_INIT);
	DEFINE(ALTWQ_WQ_SIZEOF_ATTRS, sizeof(struct altwq_workqueue_attrs));
	DEFINE(ALTWQ_WQ_ATTRS_CPUMASK, offsetof(struct altwq_workqueue_attrs, cpumask));
	DEFINE(ALTWQ_WQ_ATTRS_POD_CPUMASK, offsetof(struct altwq_workqueue_attrs, __pod_cpumask));
	DEFINE(ALTWQ_WQ_ATTRS_STRICT, offsetof(struct altwq_workqueue_attrs, affn_strict));
	DEFINE(ALTWQ_WQ_ATTRS_SCOPE, offsetof(struct altwq_workqueue_attrs, affn_scope));
	DEFINE(ALTWQ_WQ_ATTRS_ORDERED, offsetof(struct altwq_workqueue_attrs, ordered));
	BLANK();
	DEFINE(KABI_ENOMEM, ENOMEM);
	DEFINE(KABI_EINVAL, EINVAL);
	DEFINE(KABI_EBUSY, EBUSY);
	DEFINE(KABI_ENOENT, ENOENT);
	DEFINE(KABI_EAGAIN, EAGAIN);
	DEFINE(KABI_ENODEV, ENODEV);
	DEFINE(KABI_EOPNOTSUPP, EOPNOTSUPP);
	DEFINE(KABI_ETIMEDOUT, ETIMEDOUT);
	DEFINE(KABI_EINTR, EINTR);
	DEFINE(KABI_EPERM, EPERM);
	DEFINE(KABI_EEXIST, EEXIST);
	return 0;
}
