// SPDX-License-Identifier: GPL-2.0
// The debugfs files scripts/altwq-dump reads (as 6.12's wq_dump.py reads
// the kernel's own structures through drgn), beside stats.cpp's:
//   pods     each affinity scope's pods and their CPUs
//   workers  every worker of every pool, and the queues' rescuers
// One record per line, key=value fields; a worker's function (%ps, which
// may carry " [module]") and its set_worker_desc() text come last.
// May sleep: P, then each pool's A and L in turn.
#include "kxx/sched.hpp"
#include "kxx/task.hpp"
#include "wq/wq.hpp"

using namespace kxx;
using namespace altwq::wq;

namespace {

// L held: one worker's line.
void print_worker(SeqOut &out, const Pool &pool, Worker &w, PoolLocked &)
{
	const unsigned int flags = w.flags.load(Relaxed);
	const char *state = (flags & WorkerIdle) ? "idle" : w.current_func ? "busy" : "prep";
	out.print("worker pool=%d id=%d pid=%d name=%s state=%s", pool.id, w.id, w.thread.task().pid(), w.name, state);
	if (w.current_func)
		out.print(" func=%ps", w.current_func);
	if (w.desc[0])
		out.print(" desc=%s", w.desc);
	out.print("\n");
}

} // namespace

void Globals::show_pods(SeqOut &out)
{
	auto p = unbound.lock<MaySleep>(); // the pods change under it (hotplug)
	out.print_mask("unbound cpumask=", *p->cpumask);
	out.print(" default_scope=%s\n", scope_name(resolve_scope(ALTWQ_AFFN_DFL)));
	for (int s = ALTWQ_AFFN_CPU; s < ALTWQ_AFFN_NR_TYPES; s++) { // every real scope
		const auto scope = static_cast<altwq_affn_scope>(s);
		const int n = nr_pods(scope);
		out.print("scope name=%s nr_pods=%d\n", scope_name(scope), n);
		for (int pod = 0; pod < n; pod++)
			if (const CpuMask *cpus = pod_cpus(scope, pod)) {
				out.print("pod scope=%s id=%d", scope_name(scope), pod);
				out.print_mask(" cpus=", *cpus);
				out.print("\n");
			}
	}
}

void Globals::show_workers(SeqOut &out)
{
	auto p = unbound.lock<MaySleep>(); // unbound pools stay while it is held
	for (int id = 0; id < nr_pools; id++) {
		Pool *pool = pool_at(id);
		if (!pool)
			continue;
		Guard<AttachMutex, MaySleep> a(attach);
		auto &workers = pool->workers.get(a);
		auto s = pool->lock();
		for (Worker &w : workers)
			print_worker(out, *pool, w, s);
	}
	// Rescuers belong to their queues, not to a pool.
	RcuReadGuard rcu;
	registry.for_each(rcu, [&](altwq_workqueue &wq) {
		Guard<MaydayLock, IrqSave> y(mayday);
		if (Worker *r = wq.rescuer)
			out.print("rescuer workqueue=%s pid=%d name=%s\n", wq.name, r->thread.task().pid(), r->name);
	});
}
