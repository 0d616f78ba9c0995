// SPDX-License-Identifier: GPL-2.0
#include <linux/irq_work.h>
#include "kabi/export.h"
#include "kabi/irq_work.h"

#define IRQ_WORK(w) ((struct irq_work *)(w))

void kabi_irq_work_init(struct kabi_irq_work *w, kabi_irq_work_fn fn)
{
	/* struct kabi_irq_work is the irq_work itself: same pointer. */
	init_irq_work(IRQ_WORK(w), (void (*)(struct irq_work *))fn);
}
bool kabi_irq_work_queue(struct kabi_irq_work *w) { return irq_work_queue(IRQ_WORK(w)); }
void kabi_irq_work_sync(struct kabi_irq_work *w) { irq_work_sync(IRQ_WORK(w)); }
bool kabi_irq_work_is_busy(struct kabi_irq_work *w) { return irq_work_is_busy(IRQ_WORK(w)); }

/* For altwq_test.ko, whose C++ tests call kxx inlines. */
KABI_EXPORT(kabi_irq_work_init);
KABI_EXPORT(kabi_irq_work_queue);
KABI_EXPORT(kabi_irq_work_sync);
KABI_EXPORT(kabi_irq_work_is_busy);
