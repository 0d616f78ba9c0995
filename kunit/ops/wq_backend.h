/* SPDX-License-Identifier: GPL-2.0 */
/*
 * C only. One backend of struct wq_ops, written once for both
 * implementations, whose names differ only by their prefix. Include it
 * (from ops_tables.h) with these defined:
 *
 *   WQB(name)      the implementation's name of an API function, object or
 *                  struct: name, or altwq_name
 *   WQB_UP(NAME)   of a macro or constant: NAME, or ALTWQ_NAME
 *   WQB_FLAG(NAME) of a queue flag: WQ_NAME, or ALTWQ_NAME
 *   WQB_WORK       its struct for a plain work (work_struct, altwq_work)
 *   WQB_MEMBER     the member of wq_ops_work's union it uses (a delayed
 *                  work), WQB_RCU_MEMBER and WQB_EW_MEMBER for an rcu work
 *                  and an execute_work
 *   WQB_TABLE      the table's name; WQB_NAME its printed name
 *   WQB_KEEPS_WORK_ON_GOING_DOWN_CPU, WQB_QUIESCE(): see struct wq_ops
 *   WQB_HAS_BH, WQB_HAS_DISABLE, WQB_HAS_PERCPU, WQB_HAS_LOCKDEP_MAP,
 *   WQB_HAS_AFFINITY_SCOPES (6.5: also CPU-hog detection),
 *   WQB_HAS_ACTIVATE_FUNCTION (6.9: activate_work traces the function)
 *                  1 where the implementation has WQ_BH (6.9), disable_work
 *                  and friends (6.10), WQ_PERCPU with system_percpu_wq and
 *                  system_dfl_wq (Debian's 6.12), alloc_workqueue_lockdep_map
 *                  (6.12); where 0, the ops refuse (NULL, false).
 */
#define WQB_FN(name) WQB(wqb_##name)
#define WQB_DW(w) (&(w)->u.WQB_MEMBER)
#define WQB_RW(w) (&(w)->u.WQB_RCU_MEMBER)

static void WQB_FN(trampoline)(WQB_WORK *work)
{
	struct wq_ops_work *w = container_of(WQB(to_delayed_work)(work), struct wq_ops_work, u.WQB_MEMBER);

	w->fn(w, w->ctx);
}

static void WQB_FN(rcu_trampoline)(WQB_WORK *work)
{
	struct wq_ops_work *w = container_of(WQB(to_rcu_work)(work), struct wq_ops_work, u.WQB_RCU_MEMBER);

	w->fn(w, w->ctx);
}

static void WQB_FN(ew_trampoline)(WQB_WORK *work)
{
	struct wq_ops_work *w = container_of(work, struct wq_ops_work, u.WQB_EW_MEMBER.work);

	w->fn(w, w->ctx);
}

static unsigned int WQB_FN(flags)(unsigned int f)
{
	unsigned int flags = (f & TWQ_UNBOUND ? WQB_FLAG(UNBOUND) : 0) | (f & TWQ_HIGHPRI ? WQB_FLAG(HIGHPRI) : 0) |
			     (f & TWQ_CPU_INTENSIVE ? WQB_FLAG(CPU_INTENSIVE) : 0) |
			     (f & TWQ_MEM_RECLAIM ? WQB_FLAG(MEM_RECLAIM) : 0) |
			     (f & TWQ_POWER_EFFICIENT ? WQB_FLAG(POWER_EFFICIENT) : 0) |
			     (f & TWQ_FREEZABLE ? WQB_FLAG(FREEZABLE) : 0) | (f & TWQ_SYSFS ? WQB_FLAG(SYSFS) : 0);
#if WQB_HAS_PERCPU
	flags |= f & TWQ_PERCPU ? WQB_FLAG(PERCPU) : 0;
#endif
#if WQB_HAS_BH
	flags |= f & TWQ_BH ? WQB_FLAG(BH) : 0;
#endif
	return flags;
}

/* A queue flag the implementation lacks: no queue. */
static bool WQB_FN(lacks)(unsigned int f)
{
	return (!WQB_HAS_BH && (f & TWQ_BH)) || (!WQB_HAS_PERCPU && (f & TWQ_PERCPU));
}

/* -1 is "any CPU" (the in-tree value is WORK_CPU_UNBOUND); any other value,
 * bad ones included, goes through as it is. */
static int WQB_FN(cpu)(int cpu) { return cpu == -1 ? WQB_UP(WORK_CPU_UNBOUND) : cpu; }

static void *WQB_FN(alloc)(const char *name, unsigned int flags, int max_active)
{
	if (WQB_FN(lacks)(flags))
		return NULL;
	return WQB(alloc_workqueue)("%s", WQB_FN(flags)(flags), max_active, name);
}
static void *WQB_FN(alloc_ordered_flags)(const char *name, unsigned int flags)
{
	if (WQB_FN(lacks)(flags))
		return NULL;
	return WQB(alloc_ordered_workqueue)("%s", WQB_FN(flags)(flags), name);
}
static void *WQB_FN(alloc_ordered)(const char *name) { return WQB_FN(alloc_ordered_flags)(name, 0); }
static void WQB_FN(destroy)(void *wq) { WQB(destroy_workqueue)(wq); }
static void *WQB_FN(system)(int which)
{
	switch (which) {
	case TWQ_SYSTEM_HIGHPRI: return WQB(system_highpri_wq);
	case TWQ_SYSTEM_LONG: return WQB(system_long_wq);
	case TWQ_SYSTEM_UNBOUND: return WQB(system_unbound_wq);
#if WQB_HAS_PERCPU
	case TWQ_SYSTEM_PERCPU: return WQB(system_percpu_wq);
	case TWQ_SYSTEM_DFL: return WQB(system_dfl_wq);
#else
	case TWQ_SYSTEM_PERCPU: return NULL;
	case TWQ_SYSTEM_DFL: return NULL;
#endif
	case TWQ_SYSTEM_POWER_EFFICIENT: return WQB(system_power_efficient_wq);
#if WQB_HAS_BH
	case TWQ_SYSTEM_BH: return WQB(system_bh_wq);
	case TWQ_SYSTEM_BH_HIGHPRI: return WQB(system_bh_highpri_wq);
#else
	case TWQ_SYSTEM_BH: return NULL;
	case TWQ_SYSTEM_BH_HIGHPRI: return NULL;
#endif
	case TWQ_SYSTEM_FREEZABLE: return WQB(system_freezable_wq);
	case TWQ_SYSTEM_FREEZABLE_POWER_EFFICIENT: return WQB(system_freezable_power_efficient_wq);
	default: return WQB(system_wq);
	}
}
static void WQB_FN(init_work)(struct wq_ops_work *w, wq_ops_fn fn, void *ctx)
{
	w->fn = fn;
	w->ctx = ctx;
	WQB_UP(INIT_DELAYED_WORK)(WQB_DW(w), WQB_FN(trampoline));
}
static struct wq_ops_work *WQB_FN(new_work)(wq_ops_fn fn, void *ctx)
{
	struct wq_ops_work *w = kzalloc(sizeof(*w), GFP_KERNEL);

	if (w)
		WQB_FN(init_work)(w, fn, ctx);
	return w;
}
static struct wq_ops_work *WQB_FN(new_bh_work)(wq_ops_fn fn, void *ctx)
{
	struct wq_ops_work *w = kzalloc(sizeof(*w), GFP_KERNEL);

	if (w) {
		w->fn = fn;
		w->ctx = ctx;
		WQB_UP(INIT_DELAYED_WORK)(WQB_DW(w), WQB_FN(trampoline));
	}
	return w;
}
static void WQB_FN(free_work)(struct wq_ops_work *w) { kfree(w); }
static bool WQB_FN(queue_on)(int cpu, void *wq, struct wq_ops_work *w)
{
	return WQB(queue_work_on)(WQB_FN(cpu)(cpu), wq, &WQB_DW(w)->work);
}
static bool WQB_FN(queue_delayed_on)(int cpu, void *wq, struct wq_ops_work *w, unsigned long delay)
{
	return WQB(queue_delayed_work_on)(WQB_FN(cpu)(cpu), wq, WQB_DW(w), delay);
}
static bool WQB_FN(mod_delayed_on)(int cpu, void *wq, struct wq_ops_work *w, unsigned long delay)
{
	return WQB(mod_delayed_work_on)(WQB_FN(cpu)(cpu), wq, WQB_DW(w), delay);
}
static bool WQB_FN(flush_work)(struct wq_ops_work *w) { return WQB(flush_work)(&WQB_DW(w)->work); }
static bool WQB_FN(flush_delayed)(struct wq_ops_work *w) { return WQB(flush_delayed_work)(WQB_DW(w)); }
static bool WQB_FN(cancel)(struct wq_ops_work *w) { return WQB(cancel_work)(&WQB_DW(w)->work); }
static bool WQB_FN(cancel_sync)(struct wq_ops_work *w) { return WQB(cancel_work_sync)(&WQB_DW(w)->work); }
static bool WQB_FN(cancel_delayed)(struct wq_ops_work *w) { return WQB(cancel_delayed_work)(WQB_DW(w)); }
static bool WQB_FN(cancel_delayed_sync)(struct wq_ops_work *w) { return WQB(cancel_delayed_work_sync)(WQB_DW(w)); }
static void WQB_FN(flush_wq)(void *wq) { WQB(flush_workqueue)(wq); }
static void WQB_FN(drain)(void *wq) { WQB(drain_workqueue)(wq); }
static void WQB_FN(set_max_active)(void *wq, int n) { WQB(workqueue_set_max_active)(wq, n); }
static unsigned int WQB_FN(busy)(struct wq_ops_work *w)
{
	unsigned int b = WQB(work_busy)(&WQB_DW(w)->work);

	return (b & WQB_UP(WORK_BUSY_PENDING) ? TWQ_BUSY_PENDING : 0) |
	       (b & WQB_UP(WORK_BUSY_RUNNING) ? TWQ_BUSY_RUNNING : 0);
}
static bool WQB_FN(pending)(struct wq_ops_work *w) { return WQB(work_pending)(&WQB_DW(w)->work); }
static bool WQB_FN(is_current)(struct wq_ops_work *w) { return WQB(current_work)() == &WQB_DW(w)->work; }
static void WQB_FN(quiesce)(void) { WQB_QUIESCE(); }

#if WQB_HAS_DISABLE
static bool WQB_FN(disable)(struct wq_ops_work *w) { return WQB(disable_work)(&WQB_DW(w)->work); }
static bool WQB_FN(disable_sync)(struct wq_ops_work *w) { return WQB(disable_work_sync)(&WQB_DW(w)->work); }
static bool WQB_FN(enable)(struct wq_ops_work *w) { return WQB(enable_work)(&WQB_DW(w)->work); }
static bool WQB_FN(disable_delayed)(struct wq_ops_work *w) { return WQB(disable_delayed_work)(WQB_DW(w)); }
static bool WQB_FN(disable_delayed_sync)(struct wq_ops_work *w) { return WQB(disable_delayed_work_sync)(WQB_DW(w)); }
static bool WQB_FN(enable_delayed)(struct wq_ops_work *w) { return WQB(enable_delayed_work)(WQB_DW(w)); }
static bool WQB_FN(enable_and_queue)(void *wq, struct wq_ops_work *w)
{
	return WQB(enable_and_queue_work)(wq, &WQB_DW(w)->work);
}
#else
static bool WQB_FN(disable)(struct wq_ops_work *w) { return false; }
static bool WQB_FN(disable_sync)(struct wq_ops_work *w) { return false; }
static bool WQB_FN(enable)(struct wq_ops_work *w) { return false; }
static bool WQB_FN(disable_delayed)(struct wq_ops_work *w) { return false; }
static bool WQB_FN(disable_delayed_sync)(struct wq_ops_work *w) { return false; }
static bool WQB_FN(enable_delayed)(struct wq_ops_work *w) { return false; }
static bool WQB_FN(enable_and_queue)(void *wq, struct wq_ops_work *w) { return false; }
#endif
static void WQB_FN(init_deferrable_work)(struct wq_ops_work *w, wq_ops_fn fn, void *ctx)
{
	w->fn = fn;
	w->ctx = ctx;
	WQB_UP(INIT_DEFERRABLE_WORK)(WQB_DW(w), WQB_FN(trampoline));
}
static void WQB_FN(init_rcu_work)(struct wq_ops_work *w, wq_ops_fn fn, void *ctx)
{
	w->fn = fn;
	w->ctx = ctx;
	WQB_UP(INIT_RCU_WORK)(WQB_RW(w), WQB_FN(rcu_trampoline));
}
static bool WQB_FN(queue_rcu)(void *wq, struct wq_ops_work *w) { return WQB(queue_rcu_work)(wq, WQB_RW(w)); }
static bool WQB_FN(flush_rcu)(struct wq_ops_work *w) { return WQB(flush_rcu_work)(WQB_RW(w)); }
static int WQB_FN(execute_in_process_context)(struct wq_ops_work *w, wq_ops_fn fn, void *ctx)
{
	w->fn = fn;
	w->ctx = ctx;
	return WQB(execute_in_process_context)(WQB_FN(ew_trampoline), &w->u.WQB_EW_MEMBER);
}
static bool WQB_FN(queue_node)(int node, void *wq, struct wq_ops_work *w)
{
	return WQB(queue_work_node)(node, wq, &WQB_DW(w)->work);
}
static long WQB_FN(work_on_cpu)(int cpu, long (*fn)(void *), void *arg) { return WQB(work_on_cpu)(cpu, fn, arg); }
static long WQB_FN(work_on_cpu_safe)(int cpu, long (*fn)(void *), void *arg)
{
	return WQB(work_on_cpu_safe)(cpu, fn, arg);
}

static atomic_t WQB_FN(static_runs);
static void WQB_FN(static_fn)(WQB_WORK *work) { atomic_inc(&WQB_FN(static_runs)); }
static WQB_UP(DECLARE_WORK)(WQB_FN(static_work), WQB_FN(static_fn));
static WQB_UP(DECLARE_DELAYED_WORK)(WQB_FN(static_dwork), WQB_FN(static_fn));
static WQB_UP(DECLARE_DEFERRABLE_WORK)(WQB_FN(static_deferrable), WQB_FN(static_fn));
static int WQB_FN(static_works_run)(void *wq)
{
	atomic_set(&WQB_FN(static_runs), 0);
	if (!WQB(queue_work)(wq, &WQB_FN(static_work)) || !WQB(queue_delayed_work)(wq, &WQB_FN(static_dwork), 1) ||
	    !WQB(queue_delayed_work)(wq, &WQB_FN(static_deferrable), 1))
		return -1;
	WQB(flush_work)(&WQB_FN(static_work));
	WQB(flush_delayed_work)(&WQB_FN(static_dwork));
	WQB(flush_delayed_work)(&WQB_FN(static_deferrable));
	return atomic_read(&WQB_FN(static_runs));
}
static bool WQB_FN(congested)(int cpu, void *wq) { return WQB(workqueue_congested)(WQB_FN(cpu)(cpu), wq); }

#if defined(CONFIG_LOCKDEP) && WQB_HAS_LOCKDEP_MAP
static struct lock_class_key WQB_FN(shared_map_key);
static struct lockdep_map WQB_FN(shared_map) = STATIC_LOCKDEP_MAP_INIT("twq_shared_map", &WQB_FN(shared_map_key));
static WQB_WORK WQB_FN(map_works)[3];
static int WQB_FN(map_held_bits);
static void WQB_FN(map_fn)(WQB_WORK *work)
{
	if (lock_is_held(&WQB_FN(shared_map)))
		WQB_FN(map_held_bits) |= 1 << (work - WQB_FN(map_works));
}
static int WQB_FN(shared_lockdep_map_held)(void)
{
	void *wqs[3] = {
		WQB(alloc_workqueue_lockdep_map)("twq_map_a", 0, 0, &WQB_FN(shared_map)),
		WQB(alloc_workqueue_lockdep_map)("twq_map_b", WQB_FLAG(UNBOUND), 0, &WQB_FN(shared_map)),
		WQB(alloc_workqueue)("twq_map_plain", 0, 0),
	};
	int i, ret = 0;

	WQB_FN(map_held_bits) = 0;
	for (i = 0; i < 3; i++) {
		if (!wqs[i]) {
			ret = -ENOMEM;
			continue;
		}
		WQB_UP(INIT_WORK)(&WQB_FN(map_works)[i], WQB_FN(map_fn));
		WQB(queue_work)(wqs[i], &WQB_FN(map_works)[i]);
		WQB(flush_work)(&WQB_FN(map_works)[i]);
	}
	for (i = 0; i < 3; i++)
		if (wqs[i])
			WQB(destroy_workqueue)(wqs[i]);
	return ret ? ret : WQB_FN(map_held_bits);
}
#else
static int WQB_FN(shared_lockdep_map_held)(void) { return -EOPNOTSUPP; }
#endif

static const void *WQB_FN(raw_work)(struct wq_ops_work *w) { return &WQB_DW(w)->work; }
static const void *WQB_FN(raw_func)(struct wq_ops_work *w) { return (const void *)WQB_DW(w)->work.func; }

const struct wq_ops WQB_TABLE = {
	.name = WQB_NAME,
	.sysfs_bus = WQB_SYSFS_BUS,
	.trace_system = WQB_TRACE_SYSTEM,
	.trace_prefix = WQB_TRACE_SYSTEM "_",
	.raw_work = WQB_FN(raw_work),
	.raw_func = WQB_FN(raw_func),
	.lacks = (WQB_HAS_BH ? 0 : TWQ_LACKS_BH) | (WQB_HAS_DISABLE ? 0 : TWQ_LACKS_DISABLE) |
		 (WQB_HAS_PERCPU ? 0 : TWQ_LACKS_PERCPU) | (WQB_HAS_LOCKDEP_MAP ? 0 : TWQ_LACKS_LOCKDEP_MAP) |
		 (WQB_HAS_AFFINITY_SCOPES ? 0 : TWQ_LACKS_AFFINITY_SCOPES | TWQ_LACKS_CPU_INTENSIVE_DETECTION) |
		 (WQB_HAS_ACTIVATE_FUNCTION ? 0 : TWQ_LACKS_ACTIVATE_FUNCTION),
	.cpu_unbound = -1,
	.keeps_a_going_down_cpus_work_there_across_a_sleep = WQB_KEEPS_WORK_ON_GOING_DOWN_CPU,
	.alloc = WQB_FN(alloc),
	.alloc_ordered = WQB_FN(alloc_ordered),
	.alloc_ordered_flags = WQB_FN(alloc_ordered_flags),
	.destroy = WQB_FN(destroy),
	.system = WQB_FN(system),
	.init_work = WQB_FN(init_work),
	.new_work = WQB_FN(new_work),
	.new_bh_work = WQB_FN(new_bh_work),
	.free_work = WQB_FN(free_work),
	.queue_on = WQB_FN(queue_on),
	.queue_delayed_on = WQB_FN(queue_delayed_on),
	.mod_delayed_on = WQB_FN(mod_delayed_on),
	.flush_work = WQB_FN(flush_work),
	.flush_delayed = WQB_FN(flush_delayed),
	.cancel = WQB_FN(cancel),
	.cancel_sync = WQB_FN(cancel_sync),
	.cancel_delayed = WQB_FN(cancel_delayed),
	.cancel_delayed_sync = WQB_FN(cancel_delayed_sync),
	.flush_wq = WQB_FN(flush_wq),
	.drain = WQB_FN(drain),
	.set_max_active = WQB_FN(set_max_active),
	.busy = WQB_FN(busy),
	.pending = WQB_FN(pending),
	.is_current = WQB_FN(is_current),
	.quiesce = WQB_FN(quiesce),
	.disable = WQB_FN(disable),
	.disable_sync = WQB_FN(disable_sync),
	.enable = WQB_FN(enable),
	.disable_delayed = WQB_FN(disable_delayed),
	.disable_delayed_sync = WQB_FN(disable_delayed_sync),
	.enable_delayed = WQB_FN(enable_delayed),
	.enable_and_queue = WQB_FN(enable_and_queue),
	.init_deferrable_work = WQB_FN(init_deferrable_work),
	.init_rcu_work = WQB_FN(init_rcu_work),
	.queue_rcu = WQB_FN(queue_rcu),
	.flush_rcu = WQB_FN(flush_rcu),
	.execute_in_process_context = WQB_FN(execute_in_process_context),
	.queue_node = WQB_FN(queue_node),
	.work_on_cpu = WQB_FN(work_on_cpu),
	.work_on_cpu_safe = WQB_FN(work_on_cpu_safe),
	.static_works_run = WQB_FN(static_works_run),
	.shared_lockdep_map_held = WQB_FN(shared_lockdep_map_held),
	.congested = WQB_FN(congested),
};

#undef WQB_FN
#undef WQB_DW
#undef WQB_RW
