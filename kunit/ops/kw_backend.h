/* SPDX-License-Identifier: GPL-2.0 */
/*
 * C only. One backend of struct kw_ops, written once for both
 * implementations, whose names differ only by their prefix. Include it
 * (from ops_tables.h) with WQB(name), WQB_MEMBER, WQB_NAME defined as for
 * wq_backend.h, and:
 *
 *   KWB_TABLE      the table's name
 *   KWB_CANCEL_COUNTS_FIRED_TIMER, KWB_FLUSH_WAITS_FOR_ARMED_TIMER: see
 *                  struct kw_ops
 */
#define KWB_FN(name) WQB(kwb_##name)
#define KWB_DW(w) (&(w)->u.WQB_MEMBER)

static void KWB_FN(trampoline)(struct WQB(kthread_work) *work)
{
	struct kw_ops_work *w = container_of(work, struct kw_ops_work, u.WQB_MEMBER.work);

	w->fn(w, w->ctx);
}

static void *KWB_FN(create_worker)(const char *name, int cpu)
{
	struct WQB(kthread_worker) *worker = cpu < 0 ? WQB(kthread_create_worker)(0, "%s", name) :
					     WQB(kthread_create_worker_on_cpu)(cpu, 0, "%s/%d", name, cpu);

	return IS_ERR(worker) ? NULL : worker;
}
static void KWB_FN(destroy_worker)(void *worker) { WQB(kthread_destroy_worker)(worker); }
static void KWB_FN(init_work)(struct kw_ops_work *w, kw_ops_fn fn, void *ctx)
{
	w->fn = fn;
	w->ctx = ctx;
	WQB(kthread_init_delayed_work)(KWB_DW(w), KWB_FN(trampoline));
}
static struct kw_ops_work *KWB_FN(new_work)(kw_ops_fn fn, void *ctx)
{
	struct kw_ops_work *w = kzalloc(sizeof(*w), GFP_KERNEL);

	if (w)
		KWB_FN(init_work)(w, fn, ctx);
	return w;
}
static void KWB_FN(free_work)(struct kw_ops_work *w) { kfree(w); }
static bool KWB_FN(queue)(void *worker, struct kw_ops_work *w) { return WQB(kthread_queue_work)(worker, &KWB_DW(w)->work); }
static bool KWB_FN(queue_delayed)(void *worker, struct kw_ops_work *w, unsigned long delay)
{
	return WQB(kthread_queue_delayed_work)(worker, KWB_DW(w), delay);
}
static bool KWB_FN(mod_delayed)(void *worker, struct kw_ops_work *w, unsigned long delay)
{
	return WQB(kthread_mod_delayed_work)(worker, KWB_DW(w), delay);
}
static void KWB_FN(flush_work)(struct kw_ops_work *w) { WQB(kthread_flush_work)(&KWB_DW(w)->work); }
static void KWB_FN(flush_worker)(void *worker) { WQB(kthread_flush_worker)(worker); }
static bool KWB_FN(cancel_sync)(struct kw_ops_work *w) { return WQB(kthread_cancel_work_sync)(&KWB_DW(w)->work); }
static bool KWB_FN(cancel_delayed_sync)(struct kw_ops_work *w)
{
	return WQB(kthread_cancel_delayed_work_sync)(KWB_DW(w));
}

static atomic_t KWB_FN(static_runs);
static void KWB_FN(static_fn)(struct WQB(kthread_work) *work) { atomic_inc(&KWB_FN(static_runs)); }
static WQB_UP(DEFINE_KTHREAD_WORK)(KWB_FN(static_work), KWB_FN(static_fn));
static WQB_UP(DEFINE_KTHREAD_DELAYED_WORK)(KWB_FN(static_dwork), KWB_FN(static_fn));
static int KWB_FN(static_works_run)(void *worker)
{
	atomic_set(&KWB_FN(static_runs), 0);
	if (!WQB(kthread_queue_work)(worker, &KWB_FN(static_work)) ||
	    !WQB(kthread_queue_delayed_work)(worker, &KWB_FN(static_dwork), 1000))
		return -1;
	/* Queued now: 6.12's flush of an armed delayed work would not return. */
	WQB(kthread_mod_delayed_work)(worker, &KWB_FN(static_dwork), 0);
	WQB(kthread_flush_work)(&KWB_FN(static_work));
	WQB(kthread_flush_work)(&KWB_FN(static_dwork).work);
	return atomic_read(&KWB_FN(static_runs));
}
static void *KWB_FN(task_of)(void *worker) { return ((struct WQB(kthread_worker) *)worker)->task; }

struct KWB_FN(embedded) {
	struct WQB(kthread_worker) worker;
	struct task_struct *task;
};
static void *KWB_FN(start_embedded_worker)(const char *name)
{
	struct KWB_FN(embedded) *e = kzalloc(sizeof(*e), GFP_KERNEL);

	if (!e)
		return NULL;
	WQB(kthread_init_worker)(&e->worker);
	e->task = kthread_run(WQB(kthread_worker_fn), &e->worker, "%s", name);
	if (IS_ERR(e->task)) {
		kfree(e);
		return NULL;
	}
	return &e->worker;
}
static void KWB_FN(stop_embedded_worker)(void *worker)
{
	struct KWB_FN(embedded) *e = container_of(worker, struct KWB_FN(embedded), worker);

	WQB(kthread_flush_worker)(worker);
	kthread_stop(e->task);
	kfree(e);
}

static const void *KWB_FN(raw_work)(struct kw_ops_work *w) { return &KWB_DW(w)->work; }
static const void *KWB_FN(raw_func)(struct kw_ops_work *w) { return (const void *)KWB_DW(w)->work.func; }

const struct kw_ops KWB_TABLE = {
	.name = WQB_NAME,
	.trace_system = KWB_TRACE_SYSTEM,
	.trace_events = {KWB_TRACE_EVENT_PREFIX "queue" KWB_TRACE_QUEUE_SUFFIX, KWB_TRACE_EVENT_PREFIX "execute_start",
			 KWB_TRACE_EVENT_PREFIX "execute_end"},
	.raw_work = KWB_FN(raw_work),
	.raw_func = KWB_FN(raw_func),
	.cancel_counts_fired_timer = KWB_CANCEL_COUNTS_FIRED_TIMER,
	.flush_waits_for_armed_timer = KWB_FLUSH_WAITS_FOR_ARMED_TIMER,
	.create_worker = KWB_FN(create_worker),
	.destroy_worker = KWB_FN(destroy_worker),
	.init_work = KWB_FN(init_work),
	.new_work = KWB_FN(new_work),
	.free_work = KWB_FN(free_work),
	.queue = KWB_FN(queue),
	.queue_delayed = KWB_FN(queue_delayed),
	.mod_delayed = KWB_FN(mod_delayed),
	.flush_work = KWB_FN(flush_work),
	.flush_worker = KWB_FN(flush_worker),
	.cancel_sync = KWB_FN(cancel_sync),
	.cancel_delayed_sync = KWB_FN(cancel_delayed_sync),
	.static_works_run = KWB_FN(static_works_run),
	.task_of = KWB_FN(task_of),
	.start_embedded_worker = KWB_FN(start_embedded_worker),
	.stop_embedded_worker = KWB_FN(stop_embedded_worker),
};

#undef KWB_FN
#undef KWB_DW
