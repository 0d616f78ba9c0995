/* SPDX-License-Identifier: GPL-2.0 */
/* Every KUnit suite and case; the bodies are C++ (KXX_TEST in kunit/kxx/). */
/* A suite whose extern "C" altwq_suite_init_<suite>() and _exit_<suite>()
 * run before and after its cases, in the loading task (kunit_glue.c). */
#ifndef ALTWQ_SUITE_WITH_INIT
#define ALTWQ_SUITE_WITH_INIT(suite, cases) ALTWQ_SUITE(suite, cases)
#endif
ALTWQ_SUITE(kxx_lock,
	ALTWQ_CASE(kxx_lock, raw_spinlock_excludes)
	ALTWQ_CASE(kxx_lock, spinlock_irqsave_excludes)
	ALTWQ_CASE(kxx_lock, mutex_excludes_sleepers)
	ALTWQ_CASE(kxx_lock, irq_modes_set_irq_state)
	ALTWQ_CASE(kxx_lock, irq_guard_holds_off_interrupts)
	ALTWQ_CASE(kxx_lock, call_unlocked_drops_and_retakes)
	ALTWQ_CASE(kxx_lock, locked_by_takes_the_guard)
	ALTWQ_CASE(kxx_lock, locked_by_refuses_another_instances_guard)
	ALTWQ_CASE(kxx_lock, lock_class_per_site)
)
ALTWQ_SUITE(kxx_atomic,
	ALTWQ_CASE(kxx_atomic, fetch_add_is_atomic_across_cpus)
	ALTWQ_CASE(kxx_atomic, rmw_return_values)
	ALTWQ_CASE(kxx_atomic, release_acquire_message_passing)
	ALTWQ_CASE(kxx_atomic, smp_mb_forbids_store_buffering)
)
ALTWQ_SUITE(kxx_list,
	ALTWQ_CASE(kxx_list, push_back_is_fifo_push_front_is_lifo)
	ALTWQ_CASE(kxx_list, remove_and_insert_after_keep_links)
	ALTWQ_CASE(kxx_list, iteration_survives_unlinking_current)
	ALTWQ_CASE(kxx_list, splice_moves_everything_in_order)
	ALTWQ_CASE(kxx_list, one_item_on_two_lists_and_double_add_refused)
)
ALTWQ_SUITE(kxx_result,
	ALTWQ_CASE(kxx_result, carries_value_or_negative_errno)
	ALTWQ_CASE(kxx_result, try_propagates_the_error)
	ALTWQ_CASE(kxx_result, box_constructs_and_destroys_once)
	ALTWQ_CASE(kxx_result, failed_allocation_is_an_error_not_a_crash)
	ALTWQ_CASE(kxx_result, over_aligned_new_is_aligned)
	ALTWQ_CASE(kxx_result, warn_on_once_returns_condition_and_reports)
)
ALTWQ_SUITE(kxx_sync,
	ALTWQ_CASE(kxx_sync, completion_wait_times_out_then_succeeds)
	ALTWQ_CASE(kxx_sync, completion_counts_completes)
	ALTWQ_CASE(kxx_sync, completion_all_releases_every_waiter_until_reinit)
	ALTWQ_CASE(kxx_sync, completion_wakes_a_sleeping_waiter)
	ALTWQ_CASE(kxx_sync, irq_work_runs_in_hardirq_on_this_cpu)
	ALTWQ_CASE(kxx_sync, irq_work_queued_twice_runs_once)
	ALTWQ_CASE(kxx_sync, rcu_synchronize_waits_for_readers)
)
ALTWQ_SUITE(kxx_timer,
	ALTWQ_CASE(kxx_timer, fires_into_member_in_softirq)
	ALTWQ_CASE(kxx_timer, arm_modify_del_report_pending)
	ALTWQ_CASE(kxx_timer, del_prevents_firing)
	ALTWQ_CASE(kxx_timer, del_sync_waits_for_running_callback)
	ALTWQ_CASE(kxx_timer, self_rearming_timer_stops_on_del_sync)
	ALTWQ_CASE(kxx_timer, arm_on_runs_on_that_cpu)
	ALTWQ_CASE(kxx_timer, destructor_stops_a_self_rearming_timer)
)
ALTWQ_SUITE(kxx_kthread,
	ALTWQ_CASE(kxx_kthread, runs_and_returns_its_result)
	ALTWQ_CASE(kxx_kthread, created_on_cpu_runs_there)
	ALTWQ_CASE(kxx_kthread, bind_before_wake_moves_it)
	ALTWQ_CASE(kxx_kthread, stop_ends_a_should_stop_loop)
	ALTWQ_CASE(kxx_kthread, stop_before_wake_never_runs_it)
	ALTWQ_CASE(kxx_kthread, handle_destructor_stops_the_thread)
)
ALTWQ_SUITE(kxx_cpu,
	ALTWQ_CASE(kxx_cpu, online_iteration_matches_count)
	ALTWQ_CASE(kxx_cpu, cpumask_set_test_weight_next)
	ALTWQ_CASE(kxx_cpu, percpu_slots_are_private_to_each_cpu)
	ALTWQ_CASE(kxx_cpu, percpu_constructs_and_destroys_each_copy)
)
ALTWQ_SUITE(kxx_preempt_notifier,
	ALTWQ_CASE(kxx_preempt_notifier, sleeps_are_blocking_switches)
	ALTWQ_CASE(kxx_preempt_notifier, preemption_is_not_blocking)
)

ALTWQ_SUITE(kxx_cpu_hotplug,
	ALTWQ_CASE(kxx_cpu_hotplug, start_and_stop_visit_every_online_cpu)
	ALTWQ_CASE(kxx_cpu_hotplug, cpu_down_and_up_are_seen_on_that_cpu)
	ALTWQ_CASE(kxx_cpu_hotplug, failing_online_callback_keeps_the_cpu_down)
)

/* The same kthread_worker cases against altwq and against the kernel's own. */
#define ALTWQ_KW_SHARED_CASES(suite) \
	ALTWQ_CASE(suite, queue_runs_each_queued_instance_once) \
	ALTWQ_CASE(suite, queue_refused_while_pending) \
	ALTWQ_CASE(suite, works_run_in_queue_order) \
	ALTWQ_CASE(suite, delayed_work_waits_for_its_delay) \
	ALTWQ_CASE(suite, mod_delayed_work_moves_the_deadline) \
	ALTWQ_CASE(suite, cancel_reports_whether_pending) \
	ALTWQ_CASE(suite, cancel_waits_for_the_running_instance) \
	ALTWQ_CASE(suite, queue_refused_while_a_cancel_waits) \
	ALTWQ_CASE(suite, cancel_stops_a_self_requeueing_work) \
	ALTWQ_CASE(suite, cancel_delayed_races_its_timer) \
	ALTWQ_CASE(suite, concurrent_cancels_all_return) \
	ALTWQ_CASE(suite, flush_work_waits_for_last_instance_flush_worker_for_all) \
	ALTWQ_CASE(suite, destroy_flushes_queued_works) \
	ALTWQ_CASE(suite, worker_on_cpu_runs_there) \
	ALTWQ_CASE(suite, mod_racing_cancel_leaves_nothing_queued) \
	ALTWQ_CASE(suite, torture_random_ops_keep_the_books) \
	ALTWQ_CASE(suite, static_works_run_and_works_run_in_the_worker_task) \
	ALTWQ_CASE(suite, embedded_worker_runs_works_in_its_callers_thread) \
	ALTWQ_CASE(suite, trace_events_show_each_work_with_its_function_and_worker)
ALTWQ_SUITE(kthread_worker, ALTWQ_KW_SHARED_CASES(kthread_worker))
ALTWQ_SUITE(kthread_worker_intree, ALTWQ_KW_SHARED_CASES(kthread_worker_intree))
#undef ALTWQ_KW_SHARED_CASES
ALTWQ_SUITE(kthread_worker_altwq_only,
	ALTWQ_CASE(kthread_worker_altwq_only, flush_waits_for_an_armed_timer)
	ALTWQ_CASE(kthread_worker_altwq_only, flush_of_a_cancelled_delayed_work_returns)
	ALTWQ_CASE(kthread_worker_altwq_only, null_pointers_are_refused)
	ALTWQ_CASE(kthread_worker_altwq_only, allocation_failures_give_a_clean_error)
	ALTWQ_CASE(kthread_worker_altwq_only, uninitialised_work_is_refused)
	ALTWQ_CASE(kthread_worker_altwq_only, destroyed_or_bogus_worker_is_refused)
	ALTWQ_CASE(kthread_worker_altwq_only, work_is_tied_to_one_worker)
	ALTWQ_CASE(kthread_worker_altwq_only, destroy_with_armed_delayed_work_is_refused)
	ALTWQ_CASE(kthread_worker_altwq_only, bad_create_arguments_are_refused)
	ALTWQ_CASE(kthread_worker_altwq_only, create_on_cpu_minus_one_is_unbound)
	ALTWQ_CASE(kthread_worker_altwq_only, flush_of_a_delayed_work_survives_mod)
	ALTWQ_CASE(kthread_worker_altwq_only, calls_racing_destroy_complete_or_are_refused)
	ALTWQ_CASE(kthread_worker_altwq_only, mod_racing_destroy_leaves_no_timer_armed)
	ALTWQ_CASE(kthread_worker_altwq_only, cancel_work_sync_of_a_delayed_work_stops_its_timer)
	ALTWQ_CASE(kthread_worker_altwq_only, create_worker_on_node_runs_works_and_refuses_bad_nodes)
	ALTWQ_CASE(kthread_worker_altwq_only, embedded_worker_misuse_is_refused)
)

/* The same workqueue cases against altwq and against the kernel's own. */
#define ALTWQ_WQ_SHARED_CASES(suite) \
	ALTWQ_CASE(suite, queue_while_pending_is_refused) \
	ALTWQ_CASE(suite, queued_while_running_runs_again_after_never_beside) \
	ALTWQ_CASE(suite, work_runs_on_the_cpu_asked_and_knows_itself_current) \
	ALTWQ_CASE(suite, sleeping_works_on_one_cpu_all_run_at_once) \
	ALTWQ_CASE(suite, cpu_bound_works_on_one_cpu_run_one_at_a_time) \
	ALTWQ_CASE(suite, cpu_intensive_works_do_not_hold_back_others) \
	ALTWQ_CASE(suite, max_active_one_serialises_and_raising_it_lets_more_run) \
	ALTWQ_CASE(suite, max_active_one_runs_sleepers_one_at_a_time) \
	ALTWQ_CASE(suite, ordered_queue_runs_in_queueing_order_one_at_a_time) \
	ALTWQ_CASE(suite, flush_workqueue_waits_for_everything_queued_before) \
	ALTWQ_CASE(suite, flush_work_waits_for_the_running_instance) \
	ALTWQ_CASE(suite, cancel_sync_waits_for_the_running_instance) \
	ALTWQ_CASE(suite, cancel_of_a_queued_work_keeps_it_from_running) \
	ALTWQ_CASE(suite, delayed_work_waits_and_mod_moves_it) \
	ALTWQ_CASE(suite, flush_delayed_runs_it_now) \
	ALTWQ_CASE(suite, cancel_delayed_races_its_timer) \
	ALTWQ_CASE(suite, concurrent_cancels_all_return) \
	ALTWQ_CASE(suite, cancel_stops_a_self_requeueing_work) \
	ALTWQ_CASE(suite, drain_runs_chained_works_to_the_end) \
	ALTWQ_CASE(suite, every_kind_of_queue_runs_works) \
	ALTWQ_CASE(suite, destroy_after_heavy_use_runs_everything) \
	ALTWQ_CASE(suite, delayed_work_outlives_its_first_queue) \
	ALTWQ_CASE(suite, cancel_sync_waiting_for_a_run_leaves_the_work_idle_and_refuses_queueing) \
	ALTWQ_CASE(suite, set_max_active_zero_clamps_to_one) \
	ALTWQ_CASE(suite, works_queued_while_a_cpu_goes_down_run_there) \
	ALTWQ_CASE(suite, works_run_on_a_cpu_whose_take_down_was_rolled_back) \
	ALTWQ_CASE(suite, flush_waits_for_the_last_queueing_under_cpu_hotplug) \
	ALTWQ_CASE(suite, torture_random_ops_keep_the_books) \
	ALTWQ_CASE(suite, disable_refuses_queueing_and_counts_nest) \
	ALTWQ_CASE(suite, disable_of_an_armed_work_cancels_it_until_enabled) \
	ALTWQ_CASE(suite, disable_sync_waits_for_the_running_instance_and_keeps_it_disabled) \
	ALTWQ_CASE(suite, enable_and_queue_queues_once_the_count_reaches_zero) \
	ALTWQ_CASE(suite, rcu_work_runs_after_a_grace_period_and_flush_waits_for_it) \
	ALTWQ_CASE(suite, deferrable_and_statically_initialised_works_run) \
	ALTWQ_CASE(suite, execute_in_process_context_runs_now_in_a_task_and_later_from_an_irq) \
	ALTWQ_CASE(suite, queues_made_with_one_lockdep_map_run_their_works_under_it) \
	ALTWQ_CASE(suite, queue_work_node_runs_the_work) \
	ALTWQ_CASE(suite, work_on_cpu_runs_fn_there_and_returns_its_result) \
	ALTWQ_CASE(suite, congested_while_works_wait_for_max_active) \
	ALTWQ_CASE(suite, bh_works_run_in_softirq_on_the_queueing_cpu) \
	ALTWQ_CASE(suite, bh_work_is_cancelled_and_disabled_from_task_context) \
	ALTWQ_CASE(suite, works_behind_a_cpu_hog_start_once_it_passes_the_threshold) \
	ALTWQ_CASE(suite, trace_events_show_each_work_with_its_queue_function_and_cpus)
ALTWQ_SUITE(workqueue, ALTWQ_WQ_SHARED_CASES(workqueue))
ALTWQ_SUITE(workqueue_intree, ALTWQ_WQ_SHARED_CASES(workqueue_intree))
#undef ALTWQ_WQ_SHARED_CASES
ALTWQ_SUITE(workqueue_cm,
	ALTWQ_CASE(workqueue_cm, a_work_that_sleeps_often_is_never_marked)
	ALTWQ_CASE(workqueue_cm, a_zero_threshold_turns_the_watch_off)
	ALTWQ_CASE(workqueue_cm, a_blocked_rescued_work_does_not_wedge_the_works_behind_it)
	ALTWQ_CASE(workqueue_cm, the_rescuer_takes_turns_between_starved_pools)
	ALTWQ_CASE(workqueue_cm, a_short_block_inside_the_stall_window_wakes_no_worker))
ALTWQ_SUITE(workqueue_altwq_only,
	ALTWQ_CASE(workqueue_altwq_only, workers_grow_under_blocking_load_and_are_reaped_when_idle)
	ALTWQ_CASE(workqueue_altwq_only, nr_running_counts_running_workers_not_sleeping_ones)
	ALTWQ_CASE(workqueue_altwq_only, rescuer_runs_works_when_no_worker_can_be_made)
	ALTWQ_CASE(workqueue_altwq_only, destroy_with_an_armed_delayed_work_runs_it_and_warns)
	ALTWQ_CASE(workqueue_altwq_only, bad_arguments_are_refused)
	ALTWQ_CASE(workqueue_altwq_only, works_queued_for_an_offline_cpu_still_run)
	ALTWQ_CASE(workqueue_altwq_only, on_stack_work_runs_and_is_destroyed_clean)
	ALTWQ_CASE(workqueue_altwq_only, destroyed_queues_free_every_pwq)
	ALTWQ_CASE(workqueue_altwq_only, queues_destroyed_in_a_loop_wait_in_a_bounded_backlog)
	ALTWQ_CASE(workqueue_altwq_only, destroy_ends_a_self_rearming_delayed_work)
	ALTWQ_CASE(workqueue_altwq_only, calls_on_a_destroyed_queue_are_refused)
	ALTWQ_CASE(workqueue_altwq_only, a_worker_moved_off_its_cpu_stops_counting_and_binds_itself_again)
	ALTWQ_CASE(workqueue_altwq_only, schedule_on_each_cpu_runs_once_on_every_online_cpu)
	ALTWQ_CASE(workqueue_altwq_only, worker_desc_lasts_one_work_and_workers_are_not_rescuers)
	ALTWQ_CASE(workqueue_altwq_only, show_one_workqueue_prints_the_busy_pwqs)
	ALTWQ_CASE(workqueue_altwq_only, destroy_waits_for_rcu_works_and_runs_them)
	ALTWQ_CASE(workqueue_altwq_only, power_efficient_queues_are_unbound_only_when_asked)
	ALTWQ_CASE(workqueue_altwq_only, flush_scheduled_work_flushes_the_system_queue)
	ALTWQ_CASE(workqueue_altwq_only, new_api_bad_input_is_refused)
	ALTWQ_CASE(workqueue_altwq_only, trace_events_show_workers_made_and_reaped_and_a_hog_marked)
	ALTWQ_CASE(workqueue_altwq_only, debugfs_shows_each_queues_counters_and_the_pools)
	ALTWQ_CASE(workqueue_altwq_only, dump_files_show_pods_pools_workers_and_each_cpus_pool)
	ALTWQ_CASE(workqueue_altwq_only, workers_are_named_like_kworkers)
)
ALTWQ_SUITE(workqueue_unbound,
	ALTWQ_CASE(workqueue_unbound, new_attrs_have_6_12s_defaults)
	ALTWQ_CASE(workqueue_unbound, bad_attrs_are_refused_and_change_nothing)
	ALTWQ_CASE(workqueue_unbound, queues_with_equal_attrs_share_pools_and_the_last_user_frees_them)
	ALTWQ_CASE(workqueue_unbound, pods_are_cut_from_the_kernels_topology)
	ALTWQ_CASE(workqueue_unbound, strict_works_run_inside_the_pod_of_the_cpu_that_queued_them)
	ALTWQ_CASE(workqueue_unbound, non_strict_workers_woken_outside_their_pod_are_steered_back)
	ALTWQ_CASE(workqueue_unbound, apply_while_works_run_loses_none_and_frees_the_old_pwqs)
	ALTWQ_CASE(workqueue_unbound, an_ordered_queue_keeps_its_order_across_an_attrs_change)
	ALTWQ_CASE(workqueue_unbound, a_pod_with_no_cpu_online_falls_back_to_the_default_pwq)
	ALTWQ_CASE(workqueue_unbound, max_active_is_shared_out_per_node_above_min_active)
	ALTWQ_CASE(workqueue_unbound, works_of_one_node_run_up_to_that_nodes_share)
	ALTWQ_CASE(workqueue_unbound, node_shares_follow_cpu_hotplug)
	ALTWQ_CASE(workqueue_unbound, default_affinity_scope_is_writable_and_moves_the_default_queues)
	ALTWQ_CASE(workqueue_unbound, the_bus_roots_cpumask_confines_every_unbound_queue)
	ALTWQ_CASE(workqueue_unbound, allocation_failures_leave_nothing_behind)
	ALTWQ_CASE(workqueue_unbound, destruction_under_allocation_failures_still_destroys)
	ALTWQ_CASE(workqueue_unbound, attrs_writers_hotplug_and_queueing_together)
)
#define ALTWQ_SYSFS_CASES(suite) \
	ALTWQ_CASE(suite, files_show_6_12s_formats) \
	ALTWQ_CASE(suite, writes_change_the_queue) \
	ALTWQ_CASE(suite, bad_writes_are_einval_and_change_nothing) \
	ALTWQ_CASE(suite, the_directory_lives_as_long_as_the_queue) \
	ALTWQ_CASE(suite, writes_while_works_block_lose_none)
ALTWQ_SUITE(workqueue_sysfs, ALTWQ_SYSFS_CASES(workqueue_sysfs))
ALTWQ_SUITE(workqueue_sysfs_intree, ALTWQ_SYSFS_CASES(workqueue_sysfs_intree))
#undef ALTWQ_SYSFS_CASES
ALTWQ_SUITE_WITH_INIT(workqueue_freezer,
	ALTWQ_CASE(workqueue_freezer, the_freeze_waits_for_running_freezable_works)
	ALTWQ_CASE(workqueue_freezer, works_queued_while_frozen_start_only_after_thaw)
	ALTWQ_CASE(workqueue_freezer, a_plain_queue_keeps_running_while_frozen)
	ALTWQ_CASE(workqueue_freezer, an_ordered_freezable_queue_keeps_its_order_across_the_freeze)
	ALTWQ_CASE(workqueue_freezer, a_queue_made_while_frozen_is_frozen_too)
)
ALTWQ_SUITE(bad_input,
	ALTWQ_CASE(bad_input, null_objects_are_refused)
	ALTWQ_CASE(bad_input, destroyed_queue_is_refused)
	ALTWQ_CASE(bad_input, null_objects_of_the_rest_of_the_workqueue_api_are_refused)
	ALTWQ_CASE(bad_input, null_objects_of_the_rest_of_the_kthread_worker_api_are_refused)
	ALTWQ_CASE(bad_input, zeroed_objects_are_refused)
	ALTWQ_CASE(bad_input, foreign_objects_are_refused)
	ALTWQ_CASE(bad_input, destroyed_kthread_worker_is_refused)
	ALTWQ_CASE(bad_input, cpus_and_nodes_out_of_range_are_refused)
	ALTWQ_CASE(bad_input, offline_cpus_are_refused_where_6_12_refuses_them)
)
