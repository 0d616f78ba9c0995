/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The drop-in header: maps the kernel's workqueue and kthread_worker names
 * onto altwq's, so a client written for <linux/workqueue.h> and
 * <linux/kthread.h> compiles unchanged against altwq:
 *
 *	ccflags-y += -include <the client's kernel headers> -include altwq/as_intree.h
 *
 * It must come AFTER every kernel header the client includes (directly or
 * through its own headers): from here on `work_struct` means struct
 * altwq_work, and a kernel struct that embeds a work_struct, read after
 * this point, would change its layout under the kernel's feet. The kernel
 * headers are guarded, so the client's own #includes later are no-ops.
 * scripts/dropin builds the prelude of kernel headers for a client from its
 * #include lines.
 *
 * Not mapped (README, "Drop-in"): what reaches into struct work_struct or
 * kthread_worker internals (->data, ->entry, WORK_STRUCT_* bits,
 * work_data_bits(), lockdep maps) and PF_WQ_WORKER.
 */
#ifndef ALTWQ_AS_INTREE_H
#define ALTWQ_AS_INTREE_H

#include <linux/workqueue.h>
#include <linux/kthread.h>
#include <altwq/workqueue.h>
#include <altwq/kthread_worker.h>

/* ---- workqueue: types ---- */
#define work_struct			altwq_work
#define delayed_work			altwq_delayed_work
#define rcu_work			altwq_rcu_work
#define execute_work			altwq_execute_work
#define workqueue_struct		altwq_workqueue
#define work_func_t			altwq_work_func_t

/* ---- workqueue: constants and flags (enums in the kernel's header) ---- */
#define WORK_CPU_UNBOUND		ALTWQ_WORK_CPU_UNBOUND
#define WORK_BUSY_PENDING		ALTWQ_WORK_BUSY_PENDING
#define WORK_BUSY_RUNNING		ALTWQ_WORK_BUSY_RUNNING
#define WQ_BH				ALTWQ_BH
#define WQ_UNBOUND			ALTWQ_UNBOUND
#define WQ_FREEZABLE			ALTWQ_FREEZABLE
#define WQ_SYSFS			ALTWQ_SYSFS
#define WQ_HIGHPRI			ALTWQ_HIGHPRI
#define WQ_CPU_INTENSIVE		ALTWQ_CPU_INTENSIVE
#define WQ_MEM_RECLAIM			ALTWQ_MEM_RECLAIM
#define WQ_POWER_EFFICIENT		ALTWQ_POWER_EFFICIENT
#define WQ_PERCPU			ALTWQ_PERCPU
#define WQ_MAX_ACTIVE			ALTWQ_MAX_ACTIVE
#define WQ_UNBOUND_MAX_ACTIVE		ALTWQ_UNBOUND_MAX_ACTIVE
#define WQ_DFL_ACTIVE			ALTWQ_DFL_ACTIVE
#define __WQ_ORDERED			__ALTWQ_ORDERED
#define __WQ_LEGACY			__ALTWQ_LEGACY

/* ---- workqueue: initialisers (macros in the kernel's header) ---- */
#undef INIT_WORK
#undef INIT_WORK_ONSTACK
#undef INIT_DELAYED_WORK
#undef INIT_DELAYED_WORK_ONSTACK
#undef INIT_DEFERRABLE_WORK
#undef INIT_DEFERRABLE_WORK_ONSTACK
#undef INIT_RCU_WORK
#undef INIT_RCU_WORK_ONSTACK
#undef __WORK_INITIALIZER
#undef __DELAYED_WORK_INITIALIZER
#undef DECLARE_WORK
#undef DECLARE_DELAYED_WORK
#undef DECLARE_DEFERRABLE_WORK
#undef work_pending
#undef delayed_work_pending
#undef from_work
#define INIT_WORK			ALTWQ_INIT_WORK
#define INIT_WORK_ONSTACK		ALTWQ_INIT_WORK_ONSTACK
#define INIT_DELAYED_WORK		ALTWQ_INIT_DELAYED_WORK
#define INIT_DELAYED_WORK_ONSTACK	ALTWQ_INIT_DELAYED_WORK_ONSTACK
#define INIT_DEFERRABLE_WORK		ALTWQ_INIT_DEFERRABLE_WORK
#define INIT_DEFERRABLE_WORK_ONSTACK	ALTWQ_INIT_DEFERRABLE_WORK_ONSTACK
#define INIT_RCU_WORK			ALTWQ_INIT_RCU_WORK
#define INIT_RCU_WORK_ONSTACK		ALTWQ_INIT_RCU_WORK_ONSTACK
#define __WORK_INITIALIZER		__ALTWQ_WORK_INITIALIZER
#define __DELAYED_WORK_INITIALIZER	__ALTWQ_DELAYED_WORK_INITIALIZER
#define DECLARE_WORK			ALTWQ_DECLARE_WORK
#define DECLARE_DELAYED_WORK		ALTWQ_DECLARE_DELAYED_WORK
#define DECLARE_DEFERRABLE_WORK		ALTWQ_DECLARE_DEFERRABLE_WORK
#define work_pending			altwq_work_pending
#define delayed_work_pending		altwq_delayed_work_pending
#define from_work			altwq_from_work
#define to_delayed_work			altwq_to_delayed_work
#define to_rcu_work			altwq_to_rcu_work
#define destroy_work_on_stack		altwq_destroy_work_on_stack
#define destroy_delayed_work_on_stack	altwq_destroy_delayed_work_on_stack
#define delayed_work_timer_fn		altwq_delayed_work_timer_fn

/* ---- workqueue: queues ---- */
#undef alloc_ordered_workqueue
#undef create_workqueue
#undef create_freezable_workqueue
#undef create_singlethread_workqueue
#undef flush_workqueue
#undef flush_scheduled_work
#define alloc_workqueue			altwq_alloc_workqueue
#define alloc_ordered_workqueue		altwq_alloc_ordered_workqueue
#undef alloc_ordered_workqueue_lockdep_map
#define alloc_workqueue_lockdep_map	altwq_alloc_workqueue_lockdep_map
#define alloc_ordered_workqueue_lockdep_map altwq_alloc_ordered_workqueue_lockdep_map
#define create_workqueue		altwq_create_workqueue
#define create_freezable_workqueue	altwq_create_freezable_workqueue
#define create_singlethread_workqueue	altwq_create_singlethread_workqueue
#define destroy_workqueue		altwq_destroy_workqueue
#define workqueue_set_max_active	altwq_workqueue_set_max_active
#define workqueue_set_min_active	altwq_workqueue_set_min_active
/* The attrs API (6.12 keeps it for built-in code; altwq exports it). */
#define workqueue_attrs			altwq_workqueue_attrs
#define alloc_workqueue_attrs		altwq_alloc_workqueue_attrs
#define free_workqueue_attrs		altwq_free_workqueue_attrs
#define apply_workqueue_attrs		altwq_apply_workqueue_attrs
#define WQ_AFFN_DFL			ALTWQ_AFFN_DFL
#define WQ_AFFN_CPU			ALTWQ_AFFN_CPU
#define WQ_AFFN_SMT			ALTWQ_AFFN_SMT
#define WQ_AFFN_CACHE			ALTWQ_AFFN_CACHE
#define WQ_AFFN_CACHE_SHARD		ALTWQ_AFFN_CACHE_SHARD
#define WQ_AFFN_NUMA			ALTWQ_AFFN_NUMA
#define WQ_AFFN_SYSTEM			ALTWQ_AFFN_SYSTEM
#define WQ_AFFN_NR_TYPES		ALTWQ_AFFN_NR_TYPES
#define flush_workqueue			altwq_flush_workqueue
#define drain_workqueue			altwq_drain_workqueue
#define flush_scheduled_work		altwq_flush_scheduled_work
#define workqueue_congested		altwq_workqueue_congested
#define system_wq			altwq_system_wq
#define system_percpu_wq		altwq_system_percpu_wq
#define system_highpri_wq		altwq_system_highpri_wq
#define system_long_wq			altwq_system_long_wq
#define system_unbound_wq		altwq_system_unbound_wq
#define system_dfl_wq			altwq_system_dfl_wq
#define system_power_efficient_wq	altwq_system_power_efficient_wq
#define system_freezable_wq		altwq_system_freezable_wq
#define system_freezable_power_efficient_wq altwq_system_freezable_power_efficient_wq
#define system_bh_wq			altwq_system_bh_wq
#define system_bh_highpri_wq		altwq_system_bh_highpri_wq

/* ---- workqueue: works ---- */
#undef work_on_cpu
#undef work_on_cpu_safe
#define queue_work			altwq_queue_work
#define queue_work_on			altwq_queue_work_on
#define queue_work_node			altwq_queue_work_node
#define queue_delayed_work		altwq_queue_delayed_work
#define queue_delayed_work_on		altwq_queue_delayed_work_on
#define mod_delayed_work		altwq_mod_delayed_work
#define mod_delayed_work_on		altwq_mod_delayed_work_on
#define queue_rcu_work			altwq_queue_rcu_work
#define schedule_work			altwq_schedule_work
#define schedule_work_on		altwq_schedule_work_on
#define schedule_delayed_work		altwq_schedule_delayed_work
#define schedule_delayed_work_on	altwq_schedule_delayed_work_on
#define schedule_on_each_cpu		altwq_schedule_on_each_cpu
#define execute_in_process_context	altwq_execute_in_process_context
#define work_on_cpu			altwq_work_on_cpu
#define work_on_cpu_safe		altwq_work_on_cpu_safe
#define flush_work			altwq_flush_work
#define flush_delayed_work		altwq_flush_delayed_work
#define flush_rcu_work			altwq_flush_rcu_work
#define cancel_work			altwq_cancel_work
#define cancel_work_sync		altwq_cancel_work_sync
#define cancel_delayed_work		altwq_cancel_delayed_work
#define cancel_delayed_work_sync	altwq_cancel_delayed_work_sync
#define disable_work			altwq_disable_work
#define disable_work_sync		altwq_disable_work_sync
#define disable_delayed_work		altwq_disable_delayed_work
#define disable_delayed_work_sync	altwq_disable_delayed_work_sync
#define enable_work			altwq_enable_work
#define enable_delayed_work		altwq_enable_delayed_work
#define enable_and_queue_work		altwq_enable_and_queue_work
#define work_busy			altwq_work_busy
#define current_work			altwq_current_work
#define current_is_workqueue_rescuer	altwq_current_is_workqueue_rescuer
#define set_worker_desc			altwq_set_worker_desc
#define print_worker_info		altwq_print_worker_info
#define show_one_workqueue		altwq_show_one_workqueue
#define show_all_workqueues		altwq_show_all_workqueues
#undef wq_watchdog_touch
#define wq_watchdog_touch		altwq_watchdog_touch

/* ---- kthread_worker ---- */
#undef kthread_init_worker
#undef kthread_init_work
#undef kthread_init_delayed_work
#undef KTHREAD_WORK_INIT
#undef KTHREAD_DELAYED_WORK_INIT
#undef DEFINE_KTHREAD_WORK
#undef DEFINE_KTHREAD_DELAYED_WORK
#undef kthread_create_worker
#undef kthread_create_worker_on_cpu
#undef kthread_run_worker
#undef kthread_run_worker_on_cpu
#define kthread_worker			altwq_kthread_worker
#define kthread_work			altwq_kthread_work
#define kthread_delayed_work		altwq_kthread_delayed_work
#define kthread_work_func_t		altwq_kthread_work_func_t
#define KTW_FREEZABLE			ALTWQ_KTW_FREEZABLE
#define kthread_init_worker		altwq_kthread_init_worker
#define kthread_worker_fn		altwq_kthread_worker_fn
#define kthread_init_work		altwq_kthread_init_work
#define kthread_init_delayed_work	altwq_kthread_init_delayed_work
#define KTHREAD_WORK_INIT		ALTWQ_KTHREAD_WORK_INIT
#define KTHREAD_DELAYED_WORK_INIT	ALTWQ_KTHREAD_DELAYED_WORK_INIT
#define DEFINE_KTHREAD_WORK		ALTWQ_DEFINE_KTHREAD_WORK
#define DEFINE_KTHREAD_DELAYED_WORK	ALTWQ_DEFINE_KTHREAD_DELAYED_WORK
#define kthread_create_worker		altwq_kthread_create_worker
#define kthread_create_worker_on_cpu	altwq_kthread_create_worker_on_cpu
#define kthread_create_worker_on_node	altwq_kthread_create_worker_on_node
#define kthread_run_worker		altwq_kthread_run_worker
#define kthread_run_worker_on_cpu	altwq_kthread_run_worker_on_cpu
#define kthread_queue_work		altwq_kthread_queue_work
#define kthread_queue_delayed_work	altwq_kthread_queue_delayed_work
#define kthread_mod_delayed_work	altwq_kthread_mod_delayed_work
#define kthread_flush_work		altwq_kthread_flush_work
#define kthread_flush_worker		altwq_kthread_flush_worker
#define kthread_cancel_work_sync	altwq_kthread_cancel_work_sync
#define kthread_cancel_delayed_work_sync altwq_kthread_cancel_delayed_work_sync
#define kthread_destroy_worker		altwq_kthread_destroy_worker
#define kthread_delayed_work_timer_fn	altwq_kthread_delayed_work_timer_fn

#endif
