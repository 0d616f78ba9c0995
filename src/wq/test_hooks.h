/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What altwq_test.ko (and altwq_bench.ko, for its counters) may look at and
 * turn inside the cmwq engine (exported in the ALTWQ_INTERNAL namespace).
 * Valid C and C++, no kernel header. Any context unless said.
 */
#ifndef ALTWQ_WQ_TEST_HOOKS_H
#define ALTWQ_WQ_TEST_HOOKS_H
#ifdef __cplusplus
extern "C" {
#endif

struct altwq_wq_pool_stats {
	int nr_workers;		/* attached and not told to exit */
	int nr_idle;
	int nr_pinned_idle;	/* of those, asleep pinned to the pool's CPU */
	int nr_running;		/* counted for concurrency */
	long nr_created;	/* workers made since load */
	long nr_reaped;		/* workers told to exit since load */
	long nr_kicks;		/* irq_works raised when a running worker slept */
	long nr_kick_wakeups;	/* idle workers those woke */
	long nr_misplaced;	/* workers found running off the pool's CPU */
	long nr_self_rebinds;	/* of those, bound to it again by themselves */
	long nr_rescued;	/* works run by rescuers */
	long nr_cpu_intensive;	/* works the hog watch marked CPU-intensive */
	long nr_stall_windows;	/* stall windows opened (stall_window_us) */
	long nr_stall_wakeups;	/* of those, ended by waking a worker */
};

/* The ALTWQ_FREEZABLE sentinel's record (ns of ktime_get_ns()). */
struct altwq_wq_freeze_stats {
	long nr_freezes;			/* system freezes it has seen */
	bool frozen;				/* freezable queues hold their works now */
	unsigned long long frozen_ns;		/* the last freeze found their active works done */
	unsigned long long thawed_ns;		/* the last thaw let their held works go */
};
/* May sleep. */
void altwq_wq_get_freeze_stats(struct altwq_wq_freeze_stats *out);

/* cpu -1: the unbound pool. 0, or -EINVAL for a CPU without pools. */
int altwq_wq_get_pool_stats(int cpu, bool highpri, struct altwq_wq_pool_stats *out);
/* Any pool by id (per-CPU, unbound, BH); -EINVAL for no pool there. */
int altwq_wq_get_pool_stats_by_id(int id, struct altwq_wq_pool_stats *out);
/* Works run by rescuers, summed over the pools alive now. May sleep. */
long altwq_wq_nr_rescued_in_live_pools(void);

/* ---- the unbound half (ids are pool ids as above; may sleep) ---- */
/* The pool that unbound wq's pwq for cpu serves (cpu -1: its default pwq);
 * -EINVAL for a per-CPU queue or an impossible CPU. */
int altwq_wq_unbound_pool_id(void *wq, int cpu);
/* Unbound pools that exist now, the two standard ones included. */
int altwq_wq_nr_unbound_pools(void);
/* The pods of an affinity scope (ALTWQ_AFFN_DFL: the default scope's), and
 * the pod cpu is in; -EINVAL for a bad scope or CPU. */
int altwq_wq_nr_pods(int scope);
int altwq_wq_pod_of(int scope, int cpu);
/* 1 if unbound pool id's workers may run on cpu (its cpumask; strict, its
 * pod), 0 if not, -EINVAL for no unbound pool there. */
int altwq_wq_unbound_pool_allows(int id, int cpu);
/* The cache_shard scope's shard size in cores (the module parameter). */
unsigned int altwq_wq_cache_shard_size(void);
/* 1 if cpu is in unbound pool id's pod. */
int altwq_wq_unbound_pool_pod_has(int id, int cpu);
/* pwqs on wq's list (installed, and old ones still draining). */
int altwq_wq_nr_pwqs(void *wq);
/* An unbound queue's share of max_active on a node, and its active works
 * there (node -1: pools whose pod spans nodes); -EINVAL for a bad node or
 * a queue that is not unbound. */
int altwq_wq_node_max_active(void *wq, int node);
int altwq_wq_node_nr_active(void *wq, int node);
/* Workers steered back into their pod at wakeup, summed over wq's pwqs. */
long altwq_wq_repatriated(void *wq);

/* The next n worker creations fail with -ENOMEM (0 stops it). */
void altwq_wq_fail_worker_creations(int n);
void altwq_wq_set_idle_timeout_ms(unsigned int ms);
/* Sets pin_all_idle_workers, and has every bound pool's idle workers look
 * again (so they sleep pinned, or not, from now on). */
void altwq_wq_set_pin_all_idle_workers(bool on);
unsigned int altwq_wq_idle_timeout_ms(void);
/* Live workqueues and pool_workqueues (freed ones are not counted). */
long altwq_wq_live_workqueues(void);
long altwq_wq_live_pwqs(void);
/* Waits until every release already queued has run. May sleep. */
void altwq_wq_flush_releases(void);
/* From a work: copies its worker's set_worker_desc() text (size > 0);
 * false outside a worker. */
bool altwq_wq_current_desc(char *buf, unsigned int size);
/* The flags a queue was made with, after alloc's own changes. */
unsigned int altwq_wq_flags(void *wq);
/* altwq_show_one_workqueue(), and how many busy pwqs it printed. */
int altwq_wq_show_one_counted(void *wq);
/* Sets power_efficient for queues made from now on. */
void altwq_wq_set_power_efficient(bool on);
/* cpu_intensive_thresh_us and stall_window_us, as the module parameters. */
unsigned long altwq_wq_cpu_intensive_thresh_us(void);
void altwq_wq_set_cpu_intensive_thresh_us(unsigned long us);
unsigned int altwq_wq_stall_window_us(void);
void altwq_wq_set_stall_window_us(unsigned int us);
/* How often work functions with this address were marked CPU-intensive. */
unsigned long altwq_wq_cpu_intensive_count(void *func);
/* Kicks wake their worker with the pool's lock held (the old way), for
 * the bench's comparison. */
void altwq_wq_set_wake_under_lock(bool on);
/* Times the pool lock in queue_work from now on (on) or stops; and the
 * sum of those holds in ns and their number. */
void altwq_wq_time_queue_lock(bool on);
void altwq_wq_queue_lock_time(long *ns, long *holds);

#ifdef __cplusplus
}
#endif
#endif
