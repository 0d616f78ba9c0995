// SPDX-License-Identifier: GPL-2.0
// What the engine has done, in debugfs under /sys/kernel/debug/altwq/: a
// file per queue (its pwqs with 6.12's per-pwq counters) and "pools" (each
// worker pool's workers and progress). Text a person reads and a script
// splits: one record per line, key=value fields.
#include "kxx/sched.hpp"
#include "wq/wq.hpp"

using namespace kxx;
using namespace altwq::wq;

namespace {

// One pwq's numbers, copied under its pool's lock and printed after.
struct PwqSnapshot {
	int pool, cpu, nr_active, max_active, nr_inactive;
	PwqStats stats;
};

PwqSnapshot snapshot(Pwq &pwq)
{
	auto s = pwq.pool->lock();
	PwqCounts &c = pwq.c.get(s);
	int inactive = 0;
	for (altwq_work &work : c.inactive) {
		(void)work;
		inactive++;
	}
	return {pwq.pool->id, pwq.pool->cpu, c.nr_active, c.max_active, inactive, pwq.stats(s)};
}

void print_stats(SeqOut &out, const char *what, const PwqStats &st)
{
	out.print("%s started=%llu completed=%llu cpu_time_us=%llu cpu_intensive=%llu cm_wakeup=%llu repatriated=%llu "
		  "mayday=%llu rescued=%llu",
		  what, (unsigned long long)st.started, (unsigned long long)st.completed,
		  (unsigned long long)st.cpu_time_us, (unsigned long long)st.cpu_intensive,
		  (unsigned long long)st.cm_wakeup, (unsigned long long)st.repatriated, (unsigned long long)st.mayday,
		  (unsigned long long)st.rescued);
}

void add(PwqStats &to, const PwqStats &from)
{
	to.started += from.started;
	to.completed += from.completed;
	to.cpu_time_us += from.cpu_time_us;
	to.cpu_intensive += from.cpu_intensive;
	to.cm_wakeup += from.cm_wakeup;
	to.repatriated += from.repatriated;
	to.mayday += from.mayday;
	to.rescued += from.rescued;
}

} // namespace

void altwq_workqueue::show_stats(SeqOut &out)
{
	PwqStats total;
	const char *kind = (flags & ALTWQ_BH)		 ? "bh"
			   : (flags & __ALTWQ_ORDERED) ? "ordered"
			   : (flags & ALTWQ_UNBOUND)	 ? "unbound"
							 : "percpu";
	out.print("workqueue name=%s flags=0x%x kind=%s\n", name, flags, kind);
	auto m = shared.lock<MaySleep>();
	// Which pool serves works queued from each CPU (altwq-dump's table).
	out.print("cpu_pools");
	{
		RcuReadGuard rcu; // a replaced unbound pwq stays readable
		for (int cpu : possible_cpus()) {
			const Pwq *pwq = cpu_pwqs[cpu].load(Acquire);
			out.print(" cpu%d=%d", cpu, pwq ? pwq->pool->id : -1);
		}
	}
	if (m->dfl_pwq)
		out.print(" dfl=%d", m->dfl_pwq->pool->id);
	out.print("\n");
	for (Pwq &pwq : m->pwqs) {
		const PwqSnapshot p = snapshot(pwq);
		add(total, p.stats);
		out.print("pwq pool=%d cpu=%d active=%d max_active=%d inactive=%d", p.pool, p.cpu, p.nr_active,
			  p.max_active, p.nr_inactive);
		print_stats(out, "", p.stats);
		out.print("\n");
	}
	print_stats(out, "total", total);
	out.print("\n");
}

void Globals::show_pools(SeqOut &out)
{
	const unsigned long now = jiffies();
	auto p = unbound.lock<MaySleep>(); // unbound pools stay while it is held
	for (int id = 0; id < nr_pools; id++) {
		if (!pool_at(id))
			continue;
		Pool &pool = *pool_at(id);
		int workers, idle, pending = 0;
		bool manager, disassociated;
		unsigned long progress;
		{
			auto s = pool.lock();
			workers = s->nr_workers;
			idle = s->nr_idle;
			manager = s->manager_active;
			disassociated = s->disassociated;
			progress = s->last_progress;
			for (altwq_work &work : s->worklist)
				pending += is_cursor(work) ? 0 : 1;
		}
		out.print("pool id=%d cpu=%d highpri=%d bh=%d workers=%d idle=%d running=%d manager=%d "
			  "disassociated=%d pending=%d last_progress_ms=%u",
			  id, pool.cpu, pool.highpri ? 1 : 0, pool.bh ? 1 : 0, workers, idle,
			  pool.nr_running.load(Relaxed), manager ? 1 : 0, disassociated ? 1 : 0, pending,
			  progress ? jiffies_to_msecs(now - progress) : 0U);
		// Unbound pools: what they are keyed by, and how many pwqs use them.
		if (const altwq_workqueue_attrs *a = pool.attrs) {
			out.print(" nice=%d", a->nice);
			out.print_mask(" cpus=", a->mask());
			out.print_mask(" pod_cpus=", a->pod_mask());
			out.print(" strict=%d node=%d refcnt=%d", a->affn_strict ? 1 : 0, pool.node, pool.refcnt);
		}
		out.print("\n");
	}
}

namespace altwq::wq {

void stats_init()
{
	g->debugfs_dir = DebugfsEntry::dir("altwq", nullptr);
	if (!g->debugfs_dir)
		return;
	g->debugfs_pools = DebugfsEntry::file<&Globals::show_pools>("pools", g->debugfs_dir, g);
	g->debugfs_pods = DebugfsEntry::file<&Globals::show_pods>("pods", g->debugfs_dir, g);
	g->debugfs_workers = DebugfsEntry::file<&Globals::show_workers>("workers", g->debugfs_dir, g);
}

void stats_exit()
{
	g->debugfs_workers.reset();
	g->debugfs_pods.reset();
	g->debugfs_pools.reset();
	g->debugfs_dir.reset();
}

void stats_add_queue(altwq_workqueue *wq)
{
	if (!g->debugfs_dir)
		return;
	// A file name has no '/' (in-tree queue names may: "xfs-buf/%s").
	char base[sizeof(wq->name)];
	format(base, sizeof(base), "%s", wq->name);
	for (char *c = base; *c; c++)
		if (*c == '/')
			*c = '!';
	// Taken names get -2, -3...; a name taken meanwhile by a queue made at
	// the same moment fails the create, and the next number is tried.
	char name[sizeof(base) + 8];
	format(name, sizeof(name), "%s", base);
	for (int n = 2; n < 100; n++) {
		if (!g->debugfs_dir.holds(name)) {
			wq->stats_file = DebugfsEntry::file<&altwq_workqueue::show_stats>(name, g->debugfs_dir, wq);
			if (wq->stats_file)
				return;
		}
		format(name, sizeof(name), "%s-%d", base, n);
	}
}

} // namespace altwq::wq
