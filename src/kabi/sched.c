// SPDX-License-Identifier: GPL-2.0
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/random.h>
#include <linux/freezer.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/pid.h>
#include <linux/printk.h>
#include <linux/kernel.h>
#include "kabi/export.h"
#include "kabi/sched.h"

#define TASK(t) ((struct task_struct *)(t))

unsigned long kabi_jiffies(void) { return jiffies; }
unsigned long kabi_msecs_to_jiffies(unsigned int ms) { return msecs_to_jiffies(ms); }
unsigned int kabi_jiffies_to_msecs(unsigned long j) { return jiffies_to_msecs(j); }
unsigned long long kabi_ktime_get_ns(void) { return ktime_get_ns(); }

void kabi_might_sleep(const char *file, int line)
{
#ifdef CONFIG_DEBUG_ATOMIC_SLEEP
	__might_sleep(file, line);
#endif
	might_resched();
}
void kabi_msleep(unsigned int ms) { msleep(ms); }
void kabi_usleep_range(unsigned long min_us, unsigned long max_us) { usleep_range(min_us, max_us); }
void kabi_mdelay(unsigned long ms) { mdelay(ms); }
void kabi_udelay(unsigned long us) { udelay(us); }
void kabi_cond_resched(void) { cond_resched(); }
void kabi_cpu_relax(void) { cpu_relax(); }
void kabi_schedule(void) { schedule(); }
void kabi_resched_if_needed(void)
{
	if (need_resched())
		schedule();
}
void kabi_ask_current_to_reschedule(void)
{
	set_tsk_need_resched(current);
	set_preempt_need_resched();
}
void kabi_set_current_interruptible(void) { set_current_state(TASK_INTERRUPTIBLE); }
void kabi_set_current_running(void) { __set_current_state(TASK_RUNNING); }
void kabi_set_freezable(void) { set_freezable(); }
bool kabi_freezing_current(void) { return freezing(current); }
void kabi_try_to_freeze(void) { try_to_freeze(); }
char *kabi_kvasprintf(kabi_gfp_t gfp, const char *fmt, va_list args)
{
	return kvasprintf((__force gfp_t)gfp, fmt, args);
}
int kabi_vsnprintf(char *buf, unsigned long size, const char *fmt, va_list args)
{
	return vsnprintf(buf, size, fmt, args);
}
unsigned long kabi_local_irq_save(void)
{
	unsigned long flags;

	local_irq_save(flags);
	return flags;
}
void kabi_local_irq_restore(unsigned long flags) { local_irq_restore(flags); }
int kabi_wake_up_process(struct kabi_task *task) { return wake_up_process(TASK(task)); }

struct kabi_task *kabi_current(void) { return (struct kabi_task *)current; }
int kabi_task_cpu(const struct kabi_task *task) { return task_cpu((const struct task_struct *)task); }
void kabi_migrate_disable(void) { migrate_disable(); }
void kabi_migrate_enable(void) { migrate_enable(); }
unsigned int kabi_prandom_u32(void) { return get_random_u32(); }

void kabi_preempt_disable(void) { preempt_disable(); }
void kabi_preempt_enable(void) { preempt_enable(); }
bool kabi_preemptible(void) { return preemptible(); }
bool kabi_irqs_disabled(void) { return irqs_disabled(); }
bool kabi_in_hardirq(void) { return in_hardirq(); }
bool kabi_in_serving_softirq(void) { return in_serving_softirq(); }
bool kabi_in_task(void) { return in_task(); }
bool kabi_in_interrupt(void) { return in_interrupt(); }
int kabi_task_pid(const struct kabi_task *task) { return task_pid_nr((struct task_struct *)task); }
void kabi_task_show_stack(struct kabi_task *task) { sched_show_task((struct task_struct *)task); }
bool kabi_task_is_memalloc(const struct kabi_task *task) { return ((struct task_struct *)task)->flags & PF_MEMALLOC; }
__UINT64_TYPE__ kabi_task_runtime_ns(const struct kabi_task *task)
{
	return READ_ONCE(((const struct task_struct *)task)->se.sum_exec_runtime);
}
/* The task's name (comm), NUL-terminated, cut to size. */
void kabi_task_comm(const struct kabi_task *task, char *buf, unsigned long size)
{
	char comm[TASK_COMM_LEN];

	get_task_comm(comm, (struct task_struct *)task);
	strscpy(buf, comm, size);
}
void kabi_dump_stack(void) { dump_stack(); }
long kabi_copy_from_kernel_nofault(void *dst, const void *src, unsigned long size)
{
	return copy_from_kernel_nofault(dst, src, size);
}

/* For altwq_test.ko, whose C++ tests call kxx inlines. */
KABI_EXPORT(kabi_jiffies);
KABI_EXPORT(kabi_msecs_to_jiffies);
KABI_EXPORT(kabi_jiffies_to_msecs);
KABI_EXPORT(kabi_task_runtime_ns);
KABI_EXPORT(kabi_task_comm);
KABI_EXPORT(kabi_ktime_get_ns);
KABI_EXPORT(kabi_might_sleep);
KABI_EXPORT(kabi_msleep);
KABI_EXPORT(kabi_usleep_range);
KABI_EXPORT(kabi_mdelay);
KABI_EXPORT(kabi_udelay);
KABI_EXPORT(kabi_cond_resched);
KABI_EXPORT(kabi_cpu_relax);
KABI_EXPORT(kabi_schedule);
KABI_EXPORT(kabi_set_current_interruptible);
KABI_EXPORT(kabi_set_current_running);
KABI_EXPORT(kabi_set_freezable);
KABI_EXPORT(kabi_freezing_current);
KABI_EXPORT(kabi_try_to_freeze);
KABI_EXPORT(kabi_kvasprintf);
KABI_EXPORT(kabi_vsnprintf);
KABI_EXPORT(kabi_local_irq_save);
KABI_EXPORT(kabi_local_irq_restore);
KABI_EXPORT(kabi_wake_up_process);
KABI_EXPORT(kabi_current);
KABI_EXPORT(kabi_task_cpu);
KABI_EXPORT(kabi_prandom_u32);
KABI_EXPORT(kabi_preempt_disable);
KABI_EXPORT(kabi_preempt_enable);
KABI_EXPORT(kabi_preemptible);
KABI_EXPORT(kabi_irqs_disabled);
KABI_EXPORT(kabi_in_hardirq);
KABI_EXPORT(kabi_in_serving_softirq);
KABI_EXPORT(kabi_in_task);
