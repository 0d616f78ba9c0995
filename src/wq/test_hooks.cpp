// SPDX-License-Identifier: GPL-2.0
// The engine's test hooks (see test_hooks.h).
#include "kxx/cpu.hpp"
#include "kxx/params.hpp"
#include "wq/test_hooks.h"
#include "wq/wq.hpp"

using namespace kxx;
using namespace altwq::wq;

namespace {

void fill_pool_stats(Pool &pool, struct altwq_wq_pool_stats *out)
{
	auto s = pool.lock();
	out->nr_workers = s->nr_workers;
	out->nr_idle = s->nr_idle;
	out->nr_pinned_idle = 0;
	for (Worker &w : s->idle_list)
		out->nr_pinned_idle += w.pinned ? 1 : 0;
	out->nr_running = pool.nr_running.load(Relaxed);
	out->nr_created = pool.nr_created.load(Relaxed);
	out->nr_reaped = pool.nr_reaped.load(Relaxed);
	out->nr_kicks = pool.nr_kicks.load(Relaxed);
	out->nr_kick_wakeups = pool.nr_kick_wakeups.load(Relaxed);
	out->nr_misplaced = pool.nr_misplaced.load(Relaxed);
	out->nr_self_rebinds = pool.nr_self_rebinds.load(Relaxed);
	out->nr_rescued = pool.nr_rescued.load(Relaxed);
	out->nr_cpu_intensive = pool.nr_cpu_intensive.load(Relaxed);
	out->nr_stall_windows = pool.nr_stall_windows.load(Relaxed);
	out->nr_stall_wakeups = pool.nr_stall_wakeups.load(Relaxed);
}

// P held: unbound pool id, or nullptr.
Pool *unbound_pool(int id)
{
	if (id < 0 || id >= g->nr_pools)
		return nullptr;
	Pool *pool = pool_at(id);
	return pool && pool->attrs ? pool : nullptr;
}

} // namespace

extern "C" int altwq_wq_get_pool_stats(int cpu, bool highpri, struct altwq_wq_pool_stats *out)
{
	if (cpu != -1 && !cpu_possible(cpu))
		return err::Inval;
	fill_pool_stats(*pool_at(cpu < 0 ? unbound_pool_id(highpri) : pool_id_of(cpu, highpri)), out);
	return 0;
}

extern "C" int altwq_wq_get_pool_stats_by_id(int id, struct altwq_wq_pool_stats *out)
{
	auto p = g->unbound.lock<MaySleep>(); // keeps an unbound pool alive
	Pool *pool = id >= 0 && id < g->nr_pools ? pool_at(id) : nullptr;
	if (!pool)
		return err::Inval;
	fill_pool_stats(*pool, out);
	return 0;
}

extern "C" long altwq_wq_nr_rescued_in_live_pools(void)
{
	auto p = g->unbound.lock<MaySleep>(); // keeps the unbound pools alive
	long n = 0;
	for (int id = 0; id < g->nr_pools; id++)
		if (Pool *pool = pool_at(id))
			n += pool->nr_rescued.load(Relaxed);
	return n;
}

extern "C" int altwq_wq_unbound_pool_id(void *wq_, int cpu)
{
	auto *wq = static_cast<altwq_workqueue *>(wq_);
	if (!(wq->flags & ALTWQ_UNBOUND) || (cpu != -1 && !cpu_possible(cpu)))
		return err::Inval;
	auto p = g->unbound.lock<MaySleep>(); // the table changes under P
	auto m = wq->shared.lock<MaySleep>();
	Pwq *pwq = cpu < 0 ? m->dfl_pwq : wq->cpu_pwqs[cpu].load(Relaxed);
	return pwq ? pwq->pool->id : err::Inval;
}

extern "C" int altwq_wq_nr_unbound_pools(void)
{
	auto p = g->unbound.lock<MaySleep>();
	int n = 0;
	for (auto &bucket : p->buckets)
		for (Pool &pool : bucket) {
			(void)pool;
			n++;
		}
	return n;
}

extern "C" int altwq_wq_nr_pods(int scope)
{
	if (scope < 0 || scope >= ALTWQ_AFFN_NR_TYPES)
		return err::Inval;
	return nr_pods(static_cast<altwq_affn_scope>(scope));
}

extern "C" int altwq_wq_pod_of(int scope, int cpu)
{
	if (scope < 0 || scope >= ALTWQ_AFFN_NR_TYPES || !cpu_possible(cpu))
		return err::Inval;
	return pod_of(static_cast<altwq_affn_scope>(scope), cpu);
}

namespace {

// 1 if cpu is in unbound pool id's cpumask (pod: its pod cpumask), 0 if
// not, -EINVAL for no such pool or CPU.
int unbound_pool_has(int id, int cpu, bool pod)
{
	auto p = g->unbound.lock<MaySleep>();
	Pool *pool = unbound_pool(id);
	if (!pool || !cpu_possible(cpu))
		return err::Inval;
	return (pod ? pool->attrs->pod_mask() : pool->attrs->mask()).test(cpu) ? 1 : 0;
}

} // namespace

extern "C" int altwq_wq_unbound_pool_allows(int id, int cpu) { return unbound_pool_has(id, cpu, false); }
extern "C" int altwq_wq_unbound_pool_pod_has(int id, int cpu) { return unbound_pool_has(id, cpu, true); }

extern "C" int altwq_wq_nr_pwqs(void *wq_)
{
	auto *wq = static_cast<altwq_workqueue *>(wq_);
	int n = 0;
	auto m = wq->shared.lock<MaySleep>();
	for (Pwq &pwq : m->pwqs) {
		(void)pwq;
		n++;
	}
	return n;
}

namespace {

// A field of wq's count for node (-1: across nodes), or -EINVAL.
int node_active_field(void *wq_, int node, int NodeActive::*field)
{
	auto *wq = static_cast<altwq_workqueue *>(wq_);
	if (!(wq->flags & ALTWQ_UNBOUND) || node < -1 || node >= nr_node_ids())
		return err::Inval;
	auto n = wq->node_active[node < 0 ? nr_node_ids() : node].active.lock<IrqSave>();
	return (*n).*field;
}

} // namespace

extern "C" int altwq_wq_node_max_active(void *wq, int node) { return node_active_field(wq, node, &NodeActive::max); }
extern "C" int altwq_wq_node_nr_active(void *wq, int node) { return node_active_field(wq, node, &NodeActive::nr); }

extern "C" unsigned int altwq_wq_cache_shard_size(void) { return params::cache_shard_size(); }

extern "C" long altwq_wq_repatriated(void *wq_)
{
	auto *wq = static_cast<altwq_workqueue *>(wq_);
	long n = 0;
	auto m = wq->shared.lock<MaySleep>();
	for (Pwq &pwq : m->pwqs) {
		auto s = pwq.pool->lock();
		n += static_cast<long>(pwq.stats(s).repatriated);
	}
	return n;
}

extern "C" void altwq_wq_get_freeze_stats(struct altwq_wq_freeze_stats *out)
{
	out->nr_freezes = g->nr_freezes.load(Relaxed);
	out->frozen = g->freeze.lock<MaySleep>()->frozen;
	out->frozen_ns = g->frozen_ns.load(Relaxed);
	out->thawed_ns = g->thawed_ns.load(Relaxed);
}

extern "C" void altwq_wq_fail_worker_creations(int n) { g->fail_creations.store(n, Full); }
extern "C" void altwq_wq_set_idle_timeout_ms(unsigned int ms) { params::set_idle_timeout_ms(ms); }
extern "C" unsigned int altwq_wq_idle_timeout_ms(void) { return params::idle_timeout_ms(); }
extern "C" void altwq_wq_set_pin_all_idle_workers(bool on)
{
	params::set_pin_all_idle_workers(on);
	for (int cpu : possible_cpus()) {
		for (int hp = 0; hp < 2; hp++) {
			auto s = pool_at(pool_id_of(cpu, hp != 0))->lock();
			for (Worker &w : s->idle_list)
				w.thread.task().wake();
		}
	}
}
extern "C" long altwq_wq_live_workqueues(void) { return g->nr_live_wqs.load(Relaxed); }
extern "C" long altwq_wq_live_pwqs(void) { return g->nr_live_pwqs.load(Relaxed); }
extern "C" void altwq_wq_flush_releases(void) { flush_releases(); }
extern "C" bool altwq_wq_current_desc(char *buf, unsigned int size)
{
	Worker *w = current_worker();
	if (!w || !size)
		return false;
	format(buf, size, "%s", w->desc);
	return true;
}
extern "C" unsigned int altwq_wq_flags(void *wq) { return static_cast<altwq_workqueue *>(wq)->flags; }
extern "C" int altwq_wq_show_one_counted(void *wq)
{
	RcuReadGuard rcu;
	return is_live_wq(static_cast<altwq_workqueue *>(wq), rcu) ? show_one(static_cast<altwq_workqueue *>(wq)) : -1;
}
extern "C" void altwq_wq_set_power_efficient(bool on) { params::set_power_efficient(on); }
extern "C" unsigned long altwq_wq_cpu_intensive_thresh_us(void) { return params::cpu_intensive_thresh_us(); }
extern "C" void altwq_wq_set_cpu_intensive_thresh_us(unsigned long us) { params::set_cpu_intensive_thresh_us(us); }
extern "C" unsigned int altwq_wq_stall_window_us(void) { return params::stall_window_us(); }
extern "C" void altwq_wq_set_stall_window_us(unsigned int us) { params::set_stall_window_us(us); }
extern "C" unsigned long altwq_wq_cpu_intensive_count(void *func)
{
	return cpu_intensive_count(reinterpret_cast<void (*)(altwq_work *)>(func));
}
extern "C" void altwq_wq_set_wake_under_lock(bool on) { g->wake_under_lock.store(on, Full); }
extern "C" void altwq_wq_time_queue_lock(bool on)
{
	if (on) {
		g->queue_lock_ns.store(0, Relaxed);
		g->queue_lock_holds.store(0, Relaxed);
	}
	g->time_queue_lock.store(on, Full);
}
extern "C" void altwq_wq_queue_lock_time(long *ns, long *holds)
{
	*ns = g->queue_lock_ns.load(Relaxed);
	*holds = g->queue_lock_holds.load(Relaxed);
}
