// SPDX-License-Identifier: GPL-2.0
/* altwq.ko entry points: the C++ layer does the work. */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/moduleparam.h>
#include <linux/minmax.h>
#include "kabi/params.h"
#include "kxx/exports.h"

static unsigned int idle_timeout_ms = 300000;
module_param(idle_timeout_ms, uint, 0644);
MODULE_PARM_DESC(idle_timeout_ms, "How long a surplus idle worker lives before it is reaped (ms)");

unsigned int kabi_param_idle_timeout_ms(void) { return max(READ_ONCE(idle_timeout_ms), 1U); }
void kabi_param_set_idle_timeout_ms(unsigned int ms) { WRITE_ONCE(idle_timeout_ms, ms); }

static bool pin_all_idle_workers;
module_param(pin_all_idle_workers, bool, 0644);
MODULE_PARM_DESC(pin_all_idle_workers,
		 "Every idle worker of a per-CPU pool sleeps pinned (migrate_disable) to its CPU, not just one: works queued "
		 "while that CPU goes down all start there, at the cost of a migrate_enable() on each idle wakeup");

bool kabi_param_pin_all_idle_workers(void) { return READ_ONCE(pin_all_idle_workers); }
void kabi_param_set_pin_all_idle_workers(bool on) { WRITE_ONCE(pin_all_idle_workers, on); }

static bool power_efficient;
module_param(power_efficient, bool, 0444);
MODULE_PARM_DESC(power_efficient,
		 "Queues made with ALTWQ_POWER_EFFICIENT are unbound (as workqueue.power_efficient): their works run "
		 "where the scheduler likes rather than on the queueing CPU");

bool kabi_param_power_efficient(void) { return READ_ONCE(power_efficient); }

static bool release_via_system_wq;
module_param(release_via_system_wq, bool, 0444);
MODULE_PARM_DESC(release_via_system_wq,
		 "Demonstration only (make check's lockdep boot): queue a pwq's release on system_wq from under its pool's "
		 "lock, the recursion the pwq release kthread_worker exists to avoid; lockdep reports it");
bool kabi_param_release_via_system_wq(void) { return READ_ONCE(release_via_system_wq); }
void kabi_param_set_power_efficient(bool on) { WRITE_ONCE(power_efficient, on); }

/* Read on hot paths: the C++ side loads it directly (kxx/params.hpp). */
unsigned long kabi_cpu_intensive_thresh_us = ULONG_MAX;
module_param_named(cpu_intensive_thresh_us, kabi_cpu_intensive_thresh_us, ulong, 0644);
MODULE_PARM_DESC(cpu_intensive_thresh_us,
		 "A per-CPU work that runs this long without sleeping is marked CPU-intensive and stops holding up the "
		 "works behind it (0: never; default 10000, scaled up to 1 s on CPUs below 4000 BogoMIPS)");

void kabi_param_set_cpu_intensive_thresh_us(unsigned long us) { WRITE_ONCE(kabi_cpu_intensive_thresh_us, us); }

static unsigned int cpu_intensive_warning_thresh = 4;
module_param(cpu_intensive_warning_thresh, uint, 0644);
MODULE_PARM_DESC(cpu_intensive_warning_thresh,
		 "Report a work function once it has been marked CPU-intensive this many times, then at exponentially "
		 "growing counts (0: never)");

unsigned int kabi_param_cpu_intensive_warning_thresh(void) { return READ_ONCE(cpu_intensive_warning_thresh); }

unsigned int kabi_stall_window_us; /* read directly, as the threshold */
module_param_named(stall_window_us, kabi_stall_window_us, uint, 0644);
MODULE_PARM_DESC(stall_window_us,
		 "When the last running worker of a per-CPU pool blocks, wait up to this long for it to come back before "
		 "waking another worker for the works queued behind it (0: wake at once, as the in-tree workqueue)");

void kabi_param_set_stall_window_us(unsigned int us) { WRITE_ONCE(kabi_stall_window_us, us); }

/* Unbound queues' default affinity scope, by name. Writable, as 6.12's
 * workqueue.default_affinity_scope: the engine checks the name (and, once
 * loaded, re-applies the queues that use the default); the text is kept
 * for reading back. */
int altwq_wq_set_default_scope(const char *name);
static char default_affinity_scope[16] = "cache";
/* Set (under the module's parameter lock, which a write holds) once the
 * engine goes, or failed to come up: the file outlives it until the module
 * is freed. */
static bool engine_gone;
/* Set (under the same lock) once the engine is up. */
static bool engine_up;

static int default_affinity_scope_set(const char *val, const struct kernel_param *kp)
{
	int ret = engine_gone ? -ENODEV : altwq_wq_set_default_scope(val);

	if (ret)
		return ret;
	strscpy(default_affinity_scope, val, sizeof(default_affinity_scope));
	strim(default_affinity_scope);
	return 0;
}

static int default_affinity_scope_get(char *buf, const struct kernel_param *kp)
{
	return scnprintf(buf, PAGE_SIZE, "%s\n", default_affinity_scope);
}

static const struct kernel_param_ops default_affinity_scope_ops = {
	.set = default_affinity_scope_set,
	.get = default_affinity_scope_get,
};
module_param_cb(default_affinity_scope, &default_affinity_scope_ops, NULL, 0644);
MODULE_PARM_DESC(default_affinity_scope,
		 "Affinity scope of unbound queues that ask for the default: cpu, smt, cache, cache_shard, numa or system "
		 "(default cache, as 6.12); writable at run time");

/* The lockup watchdog (6.12's workqueue.watchdog_thresh and
 * panic_on_stall): writing the threshold restarts it in the engine. */
int altwq_wq_watchdog_set_thresh(unsigned long thresh_s);
static unsigned long watchdog_thresh = 30;

static int watchdog_thresh_set(const char *val, const struct kernel_param *kp)
{
	unsigned long thresh;
	int ret = kstrtoul(val, 0, &thresh);

	if (ret)
		return ret;
	/* Before the engine is up, the value is only kept: init reads it. */
	if (engine_gone)
		return -ENODEV;
	if (engine_up) {
		ret = altwq_wq_watchdog_set_thresh(thresh);
		if (ret)
			return ret;
	}
	WRITE_ONCE(watchdog_thresh, thresh);
	return 0;
}

static const struct kernel_param_ops watchdog_thresh_ops = {
	.set = watchdog_thresh_set,
	.get = param_get_ulong,
};
module_param_cb(watchdog_thresh, &watchdog_thresh_ops, &watchdog_thresh, 0644);
MODULE_PARM_DESC(watchdog_thresh,
		 "Report a worker pool with works pending and none started for this many seconds (0: off; default 30)");
unsigned long kabi_param_watchdog_thresh(void) { return READ_ONCE(watchdog_thresh); }

static unsigned int panic_on_stall;
module_param(panic_on_stall, uint, 0644);
MODULE_PARM_DESC(panic_on_stall, "Panic at the Nth stall the watchdog reports (0: never)");
unsigned int kabi_param_panic_on_stall(void) { return READ_ONCE(panic_on_stall); }

static unsigned int cache_shard_size = 8;
module_param(cache_shard_size, uint, 0444);
MODULE_PARM_DESC(cache_shard_size, "Cores per shard of the cache_shard affinity scope (default 8, as 7.1)");
unsigned int kabi_param_cache_shard_size(void) { return max(READ_ONCE(cache_shard_size), 1U); }

/* No parameter write reaches the engine from here on. */
static void close_params(void)
{
	kernel_param_lock(THIS_MODULE);
	engine_gone = true;
	kernel_param_unlock(THIS_MODULE);
}

/* The engines' own load/unload (C++), in dependency order. */
int altwq_kthread_worker_init(void);
void altwq_kthread_worker_exit(void);
int altwq_wq_init(void);
void altwq_wq_exit(void);

static int __init altwq_module_init(void)
{
	int err = altwq_kxx_init();

	if (err)
		return err;
	err = altwq_kthread_worker_init();
	if (err)
		goto out_kxx;
	err = altwq_wq_init();
	if (err)
		goto out_kw;
	kernel_param_lock(THIS_MODULE);
	engine_up = true;
	/* A write while the engine came up was only kept: apply what is there. */
	WARN_ON(altwq_wq_watchdog_set_thresh(READ_ONCE(watchdog_thresh)));
	kernel_param_unlock(THIS_MODULE);
	return 0;
out_kw:
	close_params();
	altwq_kthread_worker_exit();
out_kxx:
	altwq_kxx_exit();
	return err;
}

static void __exit altwq_module_exit(void)
{
	close_params();
	altwq_wq_exit();
	altwq_kthread_worker_exit();
	altwq_kxx_exit();
}

module_init(altwq_module_init);
module_exit(altwq_module_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("altwq: an alternate concurrency-managed workqueue and kthread_worker, in C++");
