// SPDX-License-Identifier: GPL-2.0
/*
 * Exports of the altwq kthread_worker API (implemented in C++ in
 * src/kthread_worker/). Including the public header here makes the C
 * compiler check it.
 */
#include <altwq/kthread_worker.h>
#include "kabi/export.h"
#include "kthread_worker/test_hooks.h"

EXPORT_SYMBOL_GPL(altwq_kthread_create_worker);
EXPORT_SYMBOL_GPL(altwq_kthread_create_worker_on_cpu);
EXPORT_SYMBOL_GPL(altwq_kthread_create_worker_on_node);
EXPORT_SYMBOL_GPL(altwq_kthread_init_worker);
EXPORT_SYMBOL_GPL(altwq_kthread_worker_fn);
EXPORT_SYMBOL_GPL(altwq_kthread_queue_work);
EXPORT_SYMBOL_GPL(altwq_kthread_queue_delayed_work);
EXPORT_SYMBOL_GPL(altwq_kthread_mod_delayed_work);
EXPORT_SYMBOL_GPL(altwq_kthread_flush_work);
EXPORT_SYMBOL_GPL(altwq_kthread_flush_worker);
EXPORT_SYMBOL_GPL(altwq_kthread_cancel_work_sync);
EXPORT_SYMBOL_GPL(altwq_kthread_cancel_delayed_work_sync);
EXPORT_SYMBOL_GPL(altwq_kthread_destroy_worker);
EXPORT_SYMBOL_GPL(altwq_kthread_delayed_work_timer_fn);

KABI_EXPORT(altwq_kw_get_cancel_counts);
KABI_EXPORT(altwq_kw_worker_is_live);
