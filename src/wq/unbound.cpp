// SPDX-License-Identifier: GPL-2.0
// The unbound half: pools keyed by attrs (nice, cpumask, pod cpumask,
// strict), shared by every queue that asks for equal ones and torn down
// when the last pwq using one is released; each unbound queue's table of
// pwqs, one per pod of its affinity scope plus a default one for CPUs whose
// pod has nothing online; apply_workqueue_attrs, which installs new pwqs
// while the old ones drain (their release, on the pwq release
// kthread_worker, puts their pool); and the pods' updates on CPU hotplug.
//
// Pools are looked up and made under P, which also orders every change of
// a queue's table (apply and hotplug); the table itself is written under M
// too, and read by queueing under RCU.
#include "kxx/alloc.hpp"
#include "kxx/cpu.hpp"
#include "kxx/log.hpp"
#include "kxx/rcu.hpp"
#include "kxx/sched.hpp"
#include "kxx/task.hpp"
#include "wq/wq.hpp"

using namespace kxx;

namespace altwq::wq {

namespace {

using PLocked = Locked<UnboundPools, UnboundPoolsMutex, MaySleep>;

unsigned int attrs_hash(const altwq_workqueue_attrs &a)
{
	unsigned int h = static_cast<unsigned int>(a.nice + 64) * 2 + (a.affn_strict ? 1 : 0);
	for (int cpu : possible_cpus()) {
		if (a.mask().test(cpu))
			h = h * 131 + static_cast<unsigned int>(cpu) + 1;
		if (a.pod_mask().test(cpu))
			h = h * 137 + static_cast<unsigned int>(cpu) + 7;
	}
	return h;
}

bool same_pool_attrs(const altwq_workqueue_attrs &a, const altwq_workqueue_attrs &b)
{
	return a.nice == b.nice && a.affn_strict == b.affn_strict && a.mask().equals(b.mask()) &&
	       a.pod_mask().equals(b.pod_mask());
}

// P held. The pool with these attrs, or nullptr; no reference taken.
Pool *find_pool(PLocked &p, const altwq_workqueue_attrs &key, unsigned int hash)
{
	for (Pool &pool : p->buckets[hash % 16])
		if (pool.attrs_hash == hash && same_pool_attrs(*pool.attrs, key))
			return &pool;
	return nullptr;
}

// The node every CPU of pod is on, or -1 if they are on several.
int node_of_pod(const CpuMask &pod)
{
	int node = -1;
	for (int cpu = pod.next(-1); cpu < static_cast<int>(nr_cpu_ids()); cpu = pod.next(cpu)) {
		if (node >= 0 && cpu_to_node(cpu) != node)
			return -1;
		node = cpu_to_node(cpu);
	}
	return node;
}

// P held; may sleep. A reference to the pool with these attrs, made (with
// its first worker) if there is none yet. nullptr if out of memory or ids.

Pool *get_pool(PLocked &p, const altwq_workqueue_attrs &key, int want_id = -1)
{
	const unsigned int hash = attrs_hash(key);
	if (Pool *pool = find_pool(p, key, hash)) {
		pool->refcnt++;
		return pool;
	}
	int id = want_id;
	for (int i = first_dynamic_pool_id(); i < g->nr_pools && id < 0; i++)
		if (!pool_at(i))
			id = i;
	if (id < 0) {
		log::warning("all %d unbound pools are in use", MaxUnboundPools);
		return nullptr;
	}
	altwq_workqueue_attrs *attrs = alloc_attrs();
	Pool *pool = attrs ? new (GfpKernel) Pool(id, -1, key.nice < 0) : nullptr;
	if (!pool) {
		free_attrs(attrs);
		return nullptr;
	}
	copy_attrs(*attrs, key);
	attrs->affn_scope = ALTWQ_AFFN_DFL; // not a property of a pool
	attrs->ordered = false;
	pool->attrs = attrs;
	pool->node = node_of_pod(attrs->pod_mask());
	pool->attrs_hash = hash;
	pool->refcnt = 1;
	if (!create_worker(*pool).ok()) {
		delete pool;
		return nullptr;
	}
	p->buckets[hash % 16].push_back(*pool);
	g->pools[id].store(pool, Release); // pairs with pool_at()'s acquire
	return pool;
}

// P held; may sleep. The last user tears the pool down; readers of its id
// (off-queue work data, under RCU) are waited for before it is freed.
void put_pool(PLocked &p, Pool *pool)
{
	if (KXX_WARN_ON_ONCE(pool->refcnt <= 0) || --pool->refcnt)
		return;
	p->buckets[pool->attrs_hash % 16].remove(*pool);
	pool_teardown(*pool);
	g->pools[pool->id].store(nullptr, Release);
	rcu::synchronize();
	delete pool;
}

// The key of a pool for attrs a over pod: a strict pool's cpumask is its
// pod (the queue's wider mask is no property of it).
void pool_key(altwq_workqueue_attrs &key, const altwq_workqueue_attrs &a, const CpuMask &pod)
{
	copy_attrs(key, a);
	key.pod_mask().copy(pod);
	if (key.affn_strict)
		key.mask().copy(pod);
}

// A queue's new table, built under P before it is installed under M.
struct Table : Pinned {
	Pwq **cpu = nullptr;		// by possible CPU
	Pwq *dfl = nullptr;
	PwqList made;			// new pwqs, not yet on the queue's list
	altwq_workqueue_attrs *key = nullptr;
	altwq_workqueue_attrs *eff = nullptr;	// the attrs within the unbound cpumask
	CpuMask *pod = nullptr;
	CpuMask *up = nullptr;

	~Table()
	{
		delete[] cpu;
		free_attrs(key);
		free_attrs(eff);
		delete pod;
		delete up;
	}
	bool holds(const Pwq *pwq) const
	{
		if (pwq == dfl)
			return true;
		for (int c : possible_cpus())
			if (cpu[c] == pwq)
				return true;
		return false;
	}
};

// P held; may sleep. The pwq for pool key: one of the table's or the
// queue's current ones on that pool, or a new one (with a pool reference).
Pwq *pwq_for_key(PLocked &p, altwq_workqueue *wq, Table &t, const altwq_workqueue_attrs &key, int max_active)
{
	const unsigned int hash = attrs_hash(key);
	if (Pool *pool = find_pool(p, key, hash)) {
		for (Pwq &pwq : t.made)
			if (pwq.pool == pool)
				return &pwq;
		// The queue's installed pwqs: the table's (P keeps it stable).
		for (int c : possible_cpus())
			if (Pwq *cur = wq->cpu_pwqs[c].load(Relaxed); cur && cur->pool == pool && cur->installed)
				return cur;
	}
	Pool *pool = get_pool(p, key);
	if (!pool)
		return nullptr;
	Pwq *pwq = new_pwq(wq, pool, max_active);
	if (!pwq) {
		put_pool(p, pool);
		return nullptr;
	}
	t.made.push_back(*pwq);
	return pwq;
}

// P held; may sleep. The pwq of every possible CPU for attrs `req` (cpumask
// already within the possible CPUs) within the unbound cpumask, without
// going_down counted as up.
Status build_table(PLocked &p, altwq_workqueue *wq, const altwq_workqueue_attrs &req, int going_down, int max_active,
		   Table &t)
{
	t.cpu = new (GfpKernel | GfpZero) Pwq *[nr_cpu_ids()];
	t.key = alloc_attrs();
	t.eff = alloc_attrs();
	t.pod = new (GfpKernel) CpuMask();
	t.up = new (GfpKernel) CpuMask();
	if (!t.cpu || !t.key || !t.eff || !t.pod || !t.up)
		return Error{err::NoMem};
	copy_attrs(*t.eff, req);
	t.eff->mask().set_and(req.mask(), *p->cpumask);
	if (t.eff->mask().empty())
		t.eff->mask().copy(*p->cpumask);
	const altwq_workqueue_attrs &a = *t.eff;
	pool_key(*t.key, a, a.mask());
	t.dfl = pwq_for_key(p, wq, t, *t.key, max_active);
	if (!t.dfl)
		return Error{err::NoMem};
	for (int cpu : possible_cpus()) {
		t.cpu[cpu] = t.dfl;
		if (a.ordered)
			continue;
		t.pod->set_and(pod_cpus_of(a.affn_scope, cpu), a.mask());
		t.up->set_online_of(*t.pod, going_down);
		// A pod with nothing up, or as wide as the queue: the default.
		if (t.up->empty() || t.pod->equals(a.mask()))
			continue;
		pool_key(*t.key, a, *t.pod);
		t.cpu[cpu] = pwq_for_key(p, wq, t, *t.key, max_active);
		if (!t.cpu[cpu])
			return Error{err::NoMem};
	}
	return {};
}

// P held; may sleep. Undoes the new pwqs of a table that is not installed.
void discard_made(PLocked &p, Table &t)
{
	while (Pwq *pwq = t.made.pop_front()) {
		Pool *pool = pwq->pool;
		workqueue_put_user(pwq->wq);
		delete pwq;
		g->nr_live_pwqs.fetch_sub(1, Relaxed);
		put_pool(p, pool);
	}
}

// P held, then M. The new table goes in; pwqs it no longer holds give up
// the queue's reference and drain. Ordered: a new pwq waits for the older.
void install(altwq_workqueue *wq, Table &t, altwq_workqueue_attrs *attrs, int going_down)
{
	auto m = wq->shared.lock<MaySleep>();
	const bool ordered = wq->flags & __ALTWQ_ORDERED;
	const bool has_older = !m->pwqs.empty();
	while (Pwq *pwq = t.made.pop_front()) {
		pwq->installed = true;
		if (ordered && has_older)
			pwq->plugged.store(true, Relaxed);
		m->pwqs.push_back(*pwq); // its max_active: apply_max_active() below

	}
	for (int cpu : possible_cpus())
		wq->cpu_pwqs[cpu].store(t.cpu[cpu], Release); // pairs with insert_owned_work()'s acquire
	m->dfl_pwq = t.dfl;
	free_attrs(exchange(m->attrs, attrs));
	for (Pwq &pwq : m->pwqs) {
		if (!pwq.installed || t.holds(&pwq))
			continue;
		pwq.installed = false;
		auto s = pwq.pool->lock();
		put_pwq(pwq, s); // after the table's store: a queuer seeing refcnt 0 finds the new one
	}
	// The queue's CPUs changed (attrs, hotplug): so did the nodes' shares.
	apply_max_active(wq, *m, going_down);
}

// P held (and the hotplug lock); may sleep. Builds and installs wq's table
// for attrs (taken over on success, freed on failure).
Status apply_locked(PLocked &p, altwq_workqueue *wq, altwq_workqueue_attrs *attrs, int going_down)
{
	int max_active;
	{
		auto m = wq->shared.lock<MaySleep>();
		max_active = m->frozen ? 0 : m->saved_max_active;
	}
	Table t;
	Status st = build_table(p, wq, *attrs, going_down, max_active, t);
	if (!st.ok()) {
		discard_made(p, t);
		free_attrs(attrs);
		return st;
	}
	install(wq, t, attrs, going_down);
	return {};
}

// May sleep. attrs made into what a queue keeps: within the possible CPUs
// (all of them if none is left), the queue's order. nullptr if out of memory.
altwq_workqueue_attrs *actualize(altwq_workqueue *wq, const altwq_workqueue_attrs &from)
{
	altwq_workqueue_attrs *a = alloc_attrs();
	if (!a)
		return nullptr;
	copy_attrs(*a, from);
	CpuMask &mask = a->mask();
	for (int cpu = mask.next(-1); cpu < static_cast<int>(nr_cpu_ids()); cpu = mask.next(cpu))
		if (!cpu_possible(cpu))
			mask.clear(cpu);
	if (mask.empty())
		mask.copy_possible();
	a->pod_mask().copy(mask);
	a->ordered = wq->flags & __ALTWQ_ORDERED;
	return a;
}

} // namespace

void update_node_max_active(altwq_workqueue *wq, WqShared &m, int off_cpu)
{
	const int max_active = m.frozen ? 0 : m.saved_max_active;
	const int min_active = m.frozen ? 0 : m.saved_min_active;
	const int nodes = nr_node_ids();
	for (int node = 0; node < nodes; node++)
		wq->node_active[node].online_cpus = 0;
	int total = 0;
	// The queue's CPUs as its pools have them: the default pwq's pool's.
	if (m.dfl_pwq) {
		const CpuMask &mask = m.dfl_pwq->pool->attrs->mask();
		for (int cpu : online_cpus()) {
			if (cpu == off_cpu || !mask.test(cpu))
				continue;
			const int node = cpu_to_node(cpu);
			if (node >= 0 && node < nodes)
				wq->node_active[node].online_cpus++;
			total++;
		}
	}
	for (int node = 0; node < nodes; node++) {
		// max_active * cpus / total rounded up, then into [min, max];
		// with no CPU of the queue online, every node gets min_active.
		int share = min_active;
		if (total)
			share = clamp((max_active * wq->node_active[node].online_cpus + total - 1) / total, min_active,
				      max_active);
		wq->node_active[node].active.lock<IrqSave>()->max = share;
	}
	wq->node_active[nodes].active.lock<IrqSave>()->max = max_active;
}

Status unbound_init()
{
	KXX_TRY(pods_init());
	auto p = g->unbound.lock<MaySleep>();
	p->cpumask = new (GfpKernel) CpuMask();
	p->cpumask_requested = new (GfpKernel) CpuMask();
	if (!p->cpumask || !p->cpumask_requested)
		return Error{err::NoMem};
	p->cpumask->copy_possible();
	p->cpumask_requested->copy_possible();
	for (int hp = 0; hp < 2; hp++) {
		altwq_workqueue_attrs *key = alloc_attrs();
		if (!key)
			return Error{err::NoMem};
		key->nice = hp ? -20 : 0;
		key->pod_mask().copy(key->mask());
		Pool *pool = get_pool(p, *key, unbound_pool_id(hp != 0));
		free_attrs(key);
		if (!pool)
			return Error{err::NoMem};
		p->std[hp] = pool; // the module's reference
	}
	return {};
}

void unbound_exit()
{
	{
		auto p = g->unbound.lock<MaySleep>();
		for (int hp = 0; hp < 2; hp++)
			if (Pool *pool = exchange(p->std[hp], nullptr))
				put_pool(p, pool);
		for (auto &bucket : p->buckets)
			while (Pool *pool = bucket.pop_front())
				log::err("unbound pool %d still has %d users", pool->id, pool->refcnt);
		delete exchange(p->cpumask, nullptr);
		delete exchange(p->cpumask_requested, nullptr);
	}
	pods_exit();
}

Status unbound_make_pwqs(altwq_workqueue *wq, int max_active)
{
	wq->node_active = new (GfpKernel) NodeActiveSlot[nr_node_ids() + 1];
	if (!wq->node_active)
		return Error{err::NoMem};
	{
		auto m = wq->shared.lock<MaySleep>();
		m->saved_max_active = max_active;
		m->saved_min_active = min(max_active, DflMinActive);
	}
	altwq_workqueue_attrs *dfl = alloc_attrs();
	if (!dfl)
		return Error{err::NoMem};
	dfl->nice = (wq->flags & ALTWQ_HIGHPRI) ? -20 : 0;
	altwq_workqueue_attrs *a = actualize(wq, *dfl);
	free_attrs(dfl);
	if (!a)
		return Error{err::NoMem};
	CpusReadGuard cpus;
	auto p = g->unbound.lock<MaySleep>();
	KXX_TRY(apply_locked(p, wq, a, -1));
	p->queues.push_back(*wq);
	return {};
}

void unbound_forget_queue(altwq_workqueue *wq)
{
	auto p = g->unbound.lock<MaySleep>();
	if (wq->unbound_node.linked())
		p->queues.remove(*wq);
}

void unbound_put_pool_of(Pwq &pwq)
{
	auto p = g->unbound.lock<MaySleep>();
	put_pool(p, pwq.pool);
}

namespace {

// P held (and the hotplug lock); may sleep. wq's attrs applied again (the
// CPUs or the default scope changed), unless only_default and wq chose its
// scope. False if that failed (out of memory): the pods stay as they were;
// works queued there still run (their workers are moved off a CPU that goes).
bool reapply(PLocked &p, altwq_workqueue &wq, int going_down, bool only_default)
{
	altwq_workqueue_attrs *a = alloc_attrs();
	if (!a)
		return false;
	{
		auto m = wq.shared.lock<MaySleep>();
		copy_attrs(*a, *m->attrs);
	}
	if (only_default && a->affn_scope != ALTWQ_AFFN_DFL) {
		free_attrs(a);
		return true;
	}
	return apply_locked(p, &wq, a, going_down).ok();
}

} // namespace

void unbound_update_pods(int cpu, bool going_down)
{
	auto p = g->unbound.lock<MaySleep>();
	for (altwq_workqueue &wq : p->queues)
		if (!reapply(p, wq, going_down ? cpu : -1, false))
			log::warning("%s keeps its pods after CPU %d went %s", wq.name, cpu,
				     going_down ? "down" : "up");
	if (going_down)
		return;
	// Workers whose CPUs were all down may have been moved anywhere.
	Guard<AttachMutex, MaySleep> att(g->attach);
	for (auto &bucket : p->buckets) {
		for (Pool &pool : bucket) {
			const CpuMask &mask = pool.attrs->affn_strict ? pool.attrs->pod_mask() : pool.attrs->mask();
			if (!mask.test(cpu))
				continue;
			for (Worker &w : pool.workers.get(att))
				(void)w.thread.task().allow_cpus(mask);
		}
	}
}

void steer_into_pod(Pool &pool, PoolLocked &s, Worker &w)
{
	const CpuMask &pod = pool.attrs->pod_mask();
	if (pod.test(w.thread.task().wake_cpu()))
		return;
	const int cpu = pod.any_online_distribute();
	if (cpu >= static_cast<int>(nr_cpu_ids()))
		return;
	w.thread.task().set_wake_cpu(cpu);
	if (altwq_work *next = s->worklist.front(); next && !is_cursor(*next))
		if (Pwq *pwq = data_pwq(next->data.load(Relaxed)))
			pwq->stats(s).repatriated++;
}

} // namespace altwq::wq

namespace altwq::wq {

namespace {

// P held (and the hotplug lock); may sleep. attrs applied to wq, unless
// they or wq are refused (as 6.12: a caller's bug warns).
int apply_checked(PLocked &p, altwq_workqueue *wq, const altwq_workqueue_attrs &attrs)
{
	// As 6.12: only unbound queues have attributes.
	if (KXX_WARN_ON_ONCE(!(wq->flags & ALTWQ_UNBOUND)) ||
	    KXX_WARN_ON_ONCE(attrs.affn_scope < 0 || attrs.affn_scope >= ALTWQ_AFFN_NR_TYPES))
		return err::Inval;
	if (attrs.nice < NiceMin || attrs.nice > NiceMax)
		return err::Inval;
	// Off the unbound queues' list once destroy began (under P): too late.
	if ((wq->state.load(Relaxed) & (WqTearingDown | WqDestroying)) || !wq->unbound_node.linked())
		return err::Inval;
	altwq_workqueue_attrs *a = actualize(wq, attrs);
	if (!a)
		return err::NoMem;
	Status st = apply_locked(p, wq, a, -1);
	return st.ok() ? 0 : st.error();
}

} // namespace

int edit_workqueue_attrs(altwq_workqueue *wq, int (*edit)(altwq_workqueue_attrs &, const char *), const char *arg)
{
	KXX_MIGHT_SLEEP();
	WqRef ref = WqRef::of(wq);
	if (!ref || !(wq->flags & ALTWQ_UNBOUND))
		return err::Inval;
	altwq_workqueue_attrs *attrs = alloc_attrs();
	if (!attrs)
		return err::NoMem;
	int ret;
	{
		CpusReadGuard cpus;
		auto p = g->unbound.lock<MaySleep>();
		{
			auto m = wq->shared.lock<MaySleep>();
			copy_attrs(*attrs, *m->attrs);
		}
		ret = edit(*attrs, arg);
		if (!ret)
			ret = apply_checked(p, wq, *attrs);
	}
	free_attrs(attrs);
	return ret;
}

} // namespace altwq::wq

extern "C" int altwq_apply_workqueue_attrs(altwq_workqueue *wq, const altwq_workqueue_attrs *attrs)
{
	using namespace altwq::wq;
	KXX_MIGHT_SLEEP();
	if (KXX_WARN_ON_ONCE(!attrs))
		return err::Inval;
	WqRef ref = WqRef::of(wq);
	if (!ref)
		return err::Inval;
	CpusReadGuard cpus;
	auto p = g->unbound.lock<MaySleep>();
	return apply_checked(p, wq, *attrs);
}

namespace altwq::wq {

void show_unbound_cpumask(SysfsText &out, UnboundMask which)
{
	auto p = g->unbound.lock<MaySleep>();
	out.print_cpumask(which == UnboundMask::Effective ? *p->cpumask : *p->cpumask_requested);
	out.print("\n");
}

// As 6.12's workqueue_set_unbound_cpumask(): within the possible CPUs, and
// (altwq) with one of them online; every unbound queue gets its pools
// within it, or keeps the old mask if one cannot (out of memory).
int store_unbound_cpumask(const char *buf)
{
	Box<CpuMask> mask(new (GfpKernel) CpuMask());
	Box<CpuMask> possible(new (GfpKernel) CpuMask());
	if (!mask || !possible)
		return err::NoMem;
	if (int ret = mask->parse_hex(buf))
		return ret;
	possible->copy_possible();
	mask->set_and(*mask, *possible);
	CpusReadGuard cpus;
	bool online = false;
	for (int cpu : online_cpus())
		online = online || mask->test(cpu);
	if (!online)
		return err::Inval;
	auto p = g->unbound.lock<MaySleep>();
	if (!mask->equals(*p->cpumask)) {
		possible->copy(*p->cpumask); // the old one, for a retreat
		p->cpumask->copy(*mask);
		bool failed = false;
		for (altwq_workqueue &wq : p->queues)
			failed = failed || !reapply(p, wq, -1, false);
		if (failed) {
			p->cpumask->copy(*possible);
			for (altwq_workqueue &wq : p->queues)
				if (!reapply(p, wq, -1, false))
					log::warning("%s: its pools may not follow the unbound cpumask", wq.name);
			return err::NoMem;
		}
	}
	p->cpumask_requested->copy(*mask);
	return 0;
}

} // namespace altwq::wq

// The setter of the module parameter default_affinity_scope (kabi/module.c),
// as 6.12's workqueue.default_affinity_scope: a scope by name ("default" is
// none), or -EINVAL; the queues that use the default get its pods. May sleep.
extern "C" int altwq_wq_set_default_scope(const char *name);
extern "C" int altwq_wq_set_default_scope(const char *name)
{
	using namespace altwq::wq;
	const altwq_affn_scope scope = scope_by_name(name);
	if (scope == ALTWQ_AFFN_DFL || scope >= ALTWQ_AFFN_NR_TYPES)
		return err::Inval;
	if (!g) { // insmod's parameters, before the engine is up
		set_default_scope(scope);
		return 0;
	}
	CpusReadGuard cpus;
	auto p = g->unbound.lock<MaySleep>();
	set_default_scope(scope);
	for (altwq_workqueue &wq : p->queues)
		if (!reapply(p, wq, -1, true))
			log::warning("%s keeps its pods of the previous default scope", wq.name);
	return 0;
}
