/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Time, sleeping, preemption and context queries. msleep, usleep_range,
 * cond_resched, schedule, try_to_freeze and kvasprintf with a sleeping GFP
 * may sleep; everything else: any context.
 */
#ifndef ALTWQ_KABI_SCHED_H
#define ALTWQ_KABI_SCHED_H
#include "kabi/types.h"
KABI_BEGIN

unsigned long kabi_jiffies(void);
unsigned long kabi_msecs_to_jiffies(unsigned int ms);
unsigned int kabi_jiffies_to_msecs(unsigned long j);
unsigned long long kabi_ktime_get_ns(void);

void kabi_might_sleep(const char *file, int line);
void kabi_msleep(unsigned int ms);
void kabi_usleep_range(unsigned long min_us, unsigned long max_us);
void kabi_mdelay(unsigned long ms);	/* busy-waits */
void kabi_udelay(unsigned long us);	/* busy-waits */
void kabi_cond_resched(void);
void kabi_cpu_relax(void);
void kabi_schedule(void);
/* if (need_resched()) schedule(): a reschedule that is due happens now. */
void kabi_resched_if_needed(void);
/* From an interrupt: the interrupted task reschedules at its next
 * preemption point (as the tick asks a task whose slice is over). */
void kabi_ask_current_to_reschedule(void);
/* set_current_state(TASK_UNINTERRUPTIBLE / TASK_INTERRUPTIBLE / TASK_RUNNING) */
void kabi_set_current_interruptible(void);
void kabi_set_current_running(void);
int kabi_wake_up_process(struct kabi_task *task);
/* The freezer, for freezable kthreads. */
void kabi_set_freezable(void);
bool kabi_freezing_current(void);
void kabi_try_to_freeze(void);
/* kvasprintf(): a kmalloc'ed string, free with kabi_kfree; NULL if out of memory. */
char *kabi_kvasprintf(kabi_gfp_t gfp, const char *fmt, __builtin_va_list args);

/* vsnprintf() into buf. */
int kabi_vsnprintf(char *buf, unsigned long size, const char *fmt, __builtin_va_list args);
/* local_irq_save()/local_irq_restore(). */
unsigned long kabi_local_irq_save(void);
void kabi_local_irq_restore(unsigned long flags);

struct kabi_task *kabi_current(void);
int kabi_task_cpu(const struct kabi_task *task);
int kabi_task_pid(const struct kabi_task *task);
/* Whether it is reclaiming memory (PF_MEMALLOC). */
bool kabi_task_is_memalloc(const struct kabi_task *task);
/* Its state and stack to the log (sched_show_task). Any context; a task the caller keeps alive. */
void kabi_task_show_stack(struct kabi_task *task);
/* The CPU time the scheduler has charged it (se.sum_exec_runtime): brought
 * up to date at each tick and switch, so a running task's lags by up to a
 * tick. Any context. */
__UINT64_TYPE__ kabi_task_runtime_ns(const struct kabi_task *task);
void kabi_task_comm(const struct kabi_task *task, char *buf, unsigned long size);
/* migrate_disable()/migrate_enable() of the current task. */
void kabi_migrate_disable(void);
void kabi_migrate_enable(void);
unsigned int kabi_prandom_u32(void);

void kabi_preempt_disable(void);
void kabi_preempt_enable(void);
bool kabi_preemptible(void);
bool kabi_irqs_disabled(void);
bool kabi_in_hardirq(void);
bool kabi_in_serving_softirq(void);
bool kabi_in_task(void);
bool kabi_in_interrupt(void);	/* hard or soft IRQ, NMI, or BH disabled */
void kabi_dump_stack(void);
/* copy_from_kernel_nofault(): 0, or -EFAULT if src cannot be read. */
long kabi_copy_from_kernel_nofault(void *dst, const void *src, unsigned long size);

KABI_END
#endif
