// SPDX-License-Identifier: GPL-2.0
// The workqueue's lockdep maps, as 6.12 keeps them: each queue has a map
// held around each of its works' runs, each work one of its own (set up by
// the init macros); flushers and cancellers touch them, so that lockdep
// reports a wait that can deadlock (a work flushing its own queue, a
// flush under a lock the work takes, an ordered queue's work flushing a
// later one) before it hangs. Without lockdep all of it compiles away but
// the reclaim check.
#include "wq/wq.hpp"

using namespace kxx;

namespace altwq::wq {

void wq_lockdep_init(altwq_workqueue *wq, LockdepMap *given)
{
	if constexpr (!lockdep_enabled)
		return;
	if (given) {
		wq->lockdep_map = given;
		return;
	}
	// One class per queue, keyed in the queue (6.12 does the same).
	wq->lockdep_key.register_key();
	format(wq->lockdep_name, sizeof(wq->lockdep_name), "(wq_completion)%s", wq->name);
	wq->own_lockdep_map.init(wq->lockdep_name, wq->lockdep_key.raw());
	wq->lockdep_map = &wq->own_lockdep_map;
}

void wq_lockdep_fini(altwq_workqueue *wq)
{
	if (wq->lockdep_map == &wq->own_lockdep_map)
		wq->lockdep_key.unregister_key(); // may sleep
	wq->lockdep_map = nullptr;
}

namespace {

// A BH queue's maps are held in softirq: taken here with softirqs off too,
// or lockdep sees one class both softirq-safe and not.
template <typename F> void with_bh_off_if(const altwq_workqueue *wq, F &&fn)
{
	if (wq->flags & ALTWQ_BH) {
		BhOffGuard bh;
		fn();
	} else {
		fn();
	}
}

} // namespace

void touch_wq_lockdep_map(altwq_workqueue *wq)
{
	if constexpr (!lockdep_enabled)
		return;
	if (KXX_UNLIKELY(!wq->lockdep_map))
		return;
	with_bh_off_if(wq, [&] { wq->lockdep_map->touch(); });
}

void touch_work_lockdep_map(altwq_work *work, altwq_workqueue *wq)
{
	if constexpr (!lockdep_enabled)
		return;
	with_bh_off_if(wq, [&] { work->lockdep_map.touch(); });
}

void check_flush_dependency(altwq_workqueue *wq, altwq_work *work, bool from_cancel, Worker *me)
{
	// A cancel waits only for what already runs; a reclaim-safe queue
	// makes progress whoever waits for it.
	if (from_cancel || (wq->flags & ALTWQ_MEM_RECLAIM))
		return;
	void (*target)(altwq_work *) = work ? work->func : nullptr;
	if (KXX_UNLIKELY(TaskRef::current().is_memalloc())) {
		char comm[16];
		TaskRef::current().name(comm, sizeof(comm));
		KXX_WARN_ONCE(true, "PF_MEMALLOC task %d(%s) is flushing !WQ_MEM_RECLAIM %s:%ps",
			      TaskRef::current().pid(), comm, wq->name, target);
	}
	if (me && me->current_pwq) {
		const unsigned int mine = me->current_pwq->wq->flags;
		// Legacy queues (create_workqueue) are reclaim-safe by default,
		// not by intent: 6.12 lets them flush anything.
		KXX_WARN_ONCE((mine & (ALTWQ_MEM_RECLAIM | __ALTWQ_LEGACY)) == ALTWQ_MEM_RECLAIM,
			      "WQ_MEM_RECLAIM %s:%ps is flushing !WQ_MEM_RECLAIM %s:%ps",
			      me->current_pwq->wq->name, me->current_func, wq->name, target);
	}
}

} // namespace altwq::wq
