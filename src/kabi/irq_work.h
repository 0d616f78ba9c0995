/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct irq_work: runs its callback in hardirq context on the queueing CPU
 * (irq_work_queue_on is not exported). queue: any context, NMI included;
 * sync: may sleep.
 */
#ifndef ALTWQ_KABI_IRQ_WORK_H
#define ALTWQ_KABI_IRQ_WORK_H
#include "kabi/types.h"
KABI_BEGIN

struct kabi_irq_work;		/* struct irq_work */
typedef void (*kabi_irq_work_fn)(struct kabi_irq_work *work);

void kabi_irq_work_init(struct kabi_irq_work *w, kabi_irq_work_fn fn);
/* false if it was already pending */
bool kabi_irq_work_queue(struct kabi_irq_work *w);
void kabi_irq_work_sync(struct kabi_irq_work *w);
bool kabi_irq_work_is_busy(struct kabi_irq_work *w);

KABI_END
#endif
