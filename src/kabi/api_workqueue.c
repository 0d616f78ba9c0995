// SPDX-License-Identifier: GPL-2.0
/*
 * Exports of the altwq workqueue API (implemented in C++ in src/wq/), and of
 * the engine's test hooks for altwq_test.ko. Including the public header
 * here makes the C compiler check it.
 */
#include <altwq/workqueue.h>
#include "kabi/export.h"
#include "wq/test_hooks.h"

EXPORT_SYMBOL_GPL(altwq_alloc_workqueue);
EXPORT_SYMBOL_GPL(altwq_destroy_workqueue);
EXPORT_SYMBOL_GPL(altwq_queue_work_on);
EXPORT_SYMBOL_GPL(altwq_queue_delayed_work_on);
EXPORT_SYMBOL_GPL(altwq_mod_delayed_work_on);
EXPORT_SYMBOL_GPL(altwq_flush_work);
EXPORT_SYMBOL_GPL(altwq_flush_delayed_work);
EXPORT_SYMBOL_GPL(altwq_cancel_work);
EXPORT_SYMBOL_GPL(altwq_cancel_work_sync);
EXPORT_SYMBOL_GPL(altwq_cancel_delayed_work);
EXPORT_SYMBOL_GPL(altwq_cancel_delayed_work_sync);
EXPORT_SYMBOL_GPL(altwq_flush_workqueue);
EXPORT_SYMBOL_GPL(altwq_drain_workqueue);
EXPORT_SYMBOL_GPL(altwq_workqueue_set_max_active);
EXPORT_SYMBOL_GPL(altwq_workqueue_set_min_active);
EXPORT_SYMBOL_GPL(altwq_alloc_workqueue_attrs);
EXPORT_SYMBOL_GPL(altwq_free_workqueue_attrs);
EXPORT_SYMBOL_GPL(altwq_apply_workqueue_attrs);
EXPORT_SYMBOL_GPL(altwq_work_busy);
EXPORT_SYMBOL_GPL(altwq_current_work);
EXPORT_SYMBOL_GPL(altwq_destroy_work_on_stack);
EXPORT_SYMBOL_GPL(altwq_delayed_work_timer_fn);
EXPORT_SYMBOL_GPL(altwq_system_wq);
EXPORT_SYMBOL_GPL(altwq_system_highpri_wq);
EXPORT_SYMBOL_GPL(altwq_system_freezable_wq);
EXPORT_SYMBOL_GPL(altwq_system_freezable_power_efficient_wq);
EXPORT_SYMBOL_GPL(altwq_system_long_wq);
EXPORT_SYMBOL_GPL(altwq_system_unbound_wq);
EXPORT_SYMBOL_GPL(altwq_disable_work);
EXPORT_SYMBOL_GPL(altwq_disable_work_sync);
EXPORT_SYMBOL_GPL(altwq_enable_work);
EXPORT_SYMBOL_GPL(altwq_disable_delayed_work);
EXPORT_SYMBOL_GPL(altwq_disable_delayed_work_sync);
EXPORT_SYMBOL_GPL(altwq_enable_delayed_work);
EXPORT_SYMBOL_GPL(altwq_queue_work_node);
EXPORT_SYMBOL_GPL(altwq_queue_rcu_work);
EXPORT_SYMBOL_GPL(altwq_flush_rcu_work);
EXPORT_SYMBOL_GPL(altwq_schedule_on_each_cpu);
EXPORT_SYMBOL_GPL(altwq_execute_in_process_context);
EXPORT_SYMBOL_GPL(altwq_work_on_cpu);
EXPORT_SYMBOL_GPL(altwq_work_on_cpu_safe);
EXPORT_SYMBOL_GPL(altwq_current_is_workqueue_rescuer);
EXPORT_SYMBOL_GPL(altwq_workqueue_congested);
EXPORT_SYMBOL_GPL(altwq_set_worker_desc);
EXPORT_SYMBOL_GPL(altwq_print_worker_info);
EXPORT_SYMBOL_GPL(altwq_show_all_workqueues);
EXPORT_SYMBOL_GPL(altwq_show_one_workqueue);
EXPORT_SYMBOL_GPL(__altwq_warn_flushing_systemwide_wq);
EXPORT_SYMBOL_GPL(altwq_system_percpu_wq);
EXPORT_SYMBOL_GPL(altwq_system_dfl_wq);
EXPORT_SYMBOL_GPL(altwq_system_power_efficient_wq);
EXPORT_SYMBOL_GPL(altwq_system_bh_wq);
EXPORT_SYMBOL_GPL(altwq_system_bh_highpri_wq);

KABI_EXPORT(altwq_wq_get_pool_stats);
KABI_EXPORT(altwq_wq_get_freeze_stats);
KABI_EXPORT(altwq_wq_get_pool_stats_by_id);
KABI_EXPORT(altwq_wq_unbound_pool_id);
KABI_EXPORT(altwq_wq_nr_unbound_pools);
KABI_EXPORT(altwq_wq_nr_pods);
KABI_EXPORT(altwq_wq_cache_shard_size);
KABI_EXPORT(altwq_wq_node_max_active);
KABI_EXPORT(altwq_wq_node_nr_active);
KABI_EXPORT(altwq_wq_pod_of);
KABI_EXPORT(altwq_wq_unbound_pool_allows);
KABI_EXPORT(altwq_wq_unbound_pool_pod_has);
KABI_EXPORT(altwq_wq_nr_pwqs);
KABI_EXPORT(altwq_wq_repatriated);
KABI_EXPORT(altwq_wq_fail_worker_creations);
KABI_EXPORT(altwq_wq_set_idle_timeout_ms);
KABI_EXPORT(altwq_wq_set_pin_all_idle_workers);
KABI_EXPORT(altwq_wq_idle_timeout_ms);
KABI_EXPORT(altwq_wq_live_workqueues);
KABI_EXPORT(altwq_wq_live_pwqs);
KABI_EXPORT(altwq_wq_flush_releases);
KABI_EXPORT(altwq_wq_current_desc);
KABI_EXPORT(altwq_wq_flags);
KABI_EXPORT(altwq_wq_show_one_counted);
KABI_EXPORT(altwq_wq_set_power_efficient);
KABI_EXPORT(altwq_wq_cpu_intensive_thresh_us);
KABI_EXPORT(altwq_wq_set_cpu_intensive_thresh_us);
KABI_EXPORT(altwq_wq_stall_window_us);
KABI_EXPORT(altwq_wq_set_stall_window_us);
KABI_EXPORT(altwq_wq_cpu_intensive_count);
KABI_EXPORT(altwq_wq_set_wake_under_lock);
KABI_EXPORT(altwq_wq_time_queue_lock);
KABI_EXPORT(altwq_wq_queue_lock_time);
