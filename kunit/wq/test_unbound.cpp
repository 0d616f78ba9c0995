// SPDX-License-Identifier: GPL-2.0
// altwq's unbound half: attrs and their refusals, pools shared by queues
// with equal attrs, pods cut from the kernel's topology, strict and
// non-strict placement, apply_workqueue_attrs while works run (nothing lost,
// flush and order kept, old pwqs freed), and a pod whose CPUs all go down.
// The guest scripts/qemu-test boots has SMT pairs, two LLCs and two nodes.
#include <altwq/workqueue_api.h>
#include "attrs_glue.h"
#include "fault_glue.h"
#include "file_glue.h"
#include "kxx/cpu_hotplug.hpp"
#include "kxx/task.hpp"
#include "kxx/warn.hpp"
#include "wq/test_hooks.h"
#include "wq/wq_test.hpp"

using namespace altwq::wqtest;
using kxx::test::MaxThreads;
using kxx::test::nth_online_cpu;
using kxx::test::run_on_threads;

namespace {

const wq_ops *const ops = &altwq_wq_ops_altwq;
constexpr unsigned long long AllCpus = ~0ULL;

class Attrs : Pinned {
public:
	Attrs() : a_(altwq_alloc_workqueue_attrs()) {}
	~Attrs() { altwq_free_workqueue_attrs(a_); }
	altwq_workqueue_attrs *get() const { return a_; }
	explicit operator bool() const { return a_ != nullptr; }

private:
	altwq_workqueue_attrs *a_;
};

altwq_workqueue *as_wq(void *wq) { return static_cast<altwq_workqueue *>(wq); }

// May sleep. altwq_apply_workqueue_attrs() with these attrs (cpus: a bit set).
int apply(void *wq, int nice, int scope, bool strict, unsigned long long cpus = AllCpus)
{
	Attrs a;
	if (!a)
		return err::NoMem;
	altwq_test_attrs_set(a.get(), nice, scope, strict);
	if (cpus != AllCpus)
		altwq_test_attrs_set_cpus(a.get(), cpus);
	return altwq_apply_workqueue_attrs(as_wq(wq), a.get());
}

bool same_pod(int scope, int a, int b) { return altwq_wq_pod_of(scope, a) == altwq_wq_pod_of(scope, b); }

int nr_possible()
{
	int n = 0;
	for (int cpu : possible_cpus())
		n += cpu >= 0;
	return n;
}

// An online CPU outside cpu's pod of scope, or -1.
int online_outside_pod(int scope, int cpu)
{
	for (int other : online_cpus())
		if (!same_pod(scope, cpu, other))
			return other;
	return -1;
}

} // namespace

KXX_TEST(workqueue_unbound, new_attrs_have_6_12s_defaults)
{
	Attrs a;
	KT_ASSERT(test, a);
	KT_EXPECT_EQ(test, altwq_test_attrs_nice(a.get()), 0);
	KT_EXPECT_EQ(test, altwq_test_attrs_scope(a.get()), (int)ALTWQ_AFFN_DFL);
	KT_EXPECT(test, !altwq_test_attrs_strict(a.get()));
	KT_EXPECT(test, altwq_test_attrs_all_possible(a.get()));
	altwq_free_workqueue_attrs(nullptr); // as kfree(NULL)
}

KXX_TEST(workqueue_unbound, bad_attrs_are_refused_and_change_nothing)
{
	TestWq percpu(ops, 0, 0), wq(ops, TWQ_UNBOUND, 0);
	KT_ASSERT(test, percpu && wq);
	KT_ASSERT_EQ(test, apply(wq.get(), 3, ALTWQ_AFFN_SYSTEM, false), 0);
	altwq_wq_flush_releases(); // the first attrs' pwqs are gone
	const int pool = altwq_wq_unbound_pool_id(wq.get(), 0);
	const int dfl = altwq_wq_unbound_pool_id(wq.get(), -1);
	const int pwqs = altwq_wq_nr_pwqs(wq.get());
	KT_EXPECT_GE(test, pool, 0);
	{
		ExpectWarnings warnings; // each refusal below is a caller's bug
		KT_EXPECT_EQ(test, apply(percpu.get(), 0, ALTWQ_AFFN_CPU, false), err::Inval);
		KT_EXPECT_EQ(test, apply(wq.get(), 0, ALTWQ_AFFN_NR_TYPES, false), err::Inval);
		KT_EXPECT_EQ(test, apply(wq.get(), 0, -1, false), err::Inval);
		KT_EXPECT_EQ(test, altwq_apply_workqueue_attrs(as_wq(wq.get()), nullptr), err::Inval);
	}
	KT_EXPECT_EQ(test, apply(wq.get(), -21, ALTWQ_AFFN_CPU, false), err::Inval);
	KT_EXPECT_EQ(test, apply(wq.get(), 20, ALTWQ_AFFN_CPU, false), err::Inval);
	KT_EXPECT_EQ(test, altwq_wq_unbound_pool_id(wq.get(), 0), pool);
	KT_EXPECT_EQ(test, altwq_wq_unbound_pool_id(wq.get(), -1), dfl);
	KT_EXPECT_EQ(test, altwq_wq_nr_pwqs(wq.get()), pwqs);
	KT_EXPECT_EQ(test, altwq_wq_unbound_pool_id(percpu.get(), 0), err::Inval);
	// The edges of the nice range are good.
	KT_EXPECT_EQ(test, apply(wq.get(), -20, ALTWQ_AFFN_SYSTEM, false), 0);
	KT_EXPECT_EQ(test, apply(wq.get(), 19, ALTWQ_AFFN_SYSTEM, false), 0);
}

KXX_TEST(workqueue_unbound, queues_with_equal_attrs_share_pools_and_the_last_user_frees_them)
{
	altwq_wq_flush_releases();
	const int base = altwq_wq_nr_unbound_pools();
	{
		TestWq a(ops, TWQ_UNBOUND, 0), b(ops, TWQ_UNBOUND, 0);
		KT_ASSERT(test, a && b);
		KT_ASSERT_EQ(test, apply(a.get(), 7, ALTWQ_AFFN_CPU, false), 0);
		altwq_wq_flush_releases();
		const int with_a = altwq_wq_nr_unbound_pools();
		KT_ASSERT_EQ(test, apply(b.get(), 7, ALTWQ_AFFN_CPU, false), 0);
		altwq_wq_flush_releases();
		// b found every pool a made: one per online CPU, one for the default.
		KT_EXPECT_EQ(test, altwq_wq_nr_unbound_pools(), with_a);
		for (int cpu : online_cpus())
			KT_EXPECT_EQ(test, altwq_wq_unbound_pool_id(a.get(), cpu), altwq_wq_unbound_pool_id(b.get(), cpu));
		KT_EXPECT_EQ(test, altwq_wq_unbound_pool_id(a.get(), -1), altwq_wq_unbound_pool_id(b.get(), -1));
		KT_EXPECT_NE(test, altwq_wq_unbound_pool_id(a.get(), 0), altwq_wq_unbound_pool_id(a.get(), -1));
		// Another nice is another pool.
		KT_ASSERT_EQ(test, apply(b.get(), 8, ALTWQ_AFFN_CPU, false), 0);
		KT_EXPECT_NE(test, altwq_wq_unbound_pool_id(a.get(), 0), altwq_wq_unbound_pool_id(b.get(), 0));
		// A work runs in the pool of the pod of the CPU it was queued from
		// (not strict: on whichever CPU the scheduler picks).
		Body body;
		TestWork w(ops, body);
		KT_ASSERT(test, w);
		const int cpu = last_online_cpu();
		altwq_wq_pool_stats st_before = {}, st_after = {};
		KT_ASSERT_EQ(test, altwq_wq_get_pool_stats_by_id(altwq_wq_unbound_pool_id(a.get(), cpu), &st_before), 0);
		KT_EXPECT(test, ops->queue_on(cpu, a.get(), w.get()));
		(void)ops->flush_work(w.get());
		KT_ASSERT_EQ(test, altwq_wq_get_pool_stats_by_id(altwq_wq_unbound_pool_id(a.get(), cpu), &st_after), 0);
		KT_EXPECT_GE(test, st_after.nr_workers, 1);
		KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	}
	altwq_wq_flush_releases();
	KT_EXPECT_EQ(test, altwq_wq_nr_unbound_pools(), base);
	altwq_wq_pool_stats none = {};
	KT_EXPECT_EQ(test, altwq_wq_get_pool_stats_by_id(-1, &none), err::Inval);
}

KXX_TEST(workqueue_unbound, pods_are_cut_from_the_kernels_topology)
{
	const int n = nr_possible();
	KT_EXPECT_EQ(test, altwq_wq_nr_pods(ALTWQ_AFFN_CPU), n);
	KT_EXPECT_EQ(test, altwq_wq_nr_pods(ALTWQ_AFFN_SYSTEM), 1);
	for (int a : possible_cpus()) {
		for (int b : possible_cpus()) {
			KT_EXPECT_EQ(test, same_pod(ALTWQ_AFFN_CPU, a, b), a == b);
			KT_EXPECT_EQ(test, same_pod(ALTWQ_AFFN_SMT, a, b), (altwq_test_smt_cpus(a) >> b & 1) != 0);
			KT_EXPECT_EQ(test, same_pod(ALTWQ_AFFN_CACHE, a, b), (altwq_test_llc_cpus(a) >> b & 1) != 0);
			KT_EXPECT_EQ(test, same_pod(ALTWQ_AFFN_NUMA, a, b), (altwq_test_node_cpus(a) >> b & 1) != 0);
			KT_EXPECT(test, same_pod(ALTWQ_AFFN_SYSTEM, a, b));
			// A shard lies inside one LLC and never splits a core.
			if (same_pod(ALTWQ_AFFN_CACHE_SHARD, a, b))
				KT_EXPECT(test, same_pod(ALTWQ_AFFN_CACHE, a, b));
			if (same_pod(ALTWQ_AFFN_SMT, a, b))
				KT_EXPECT(test, same_pod(ALTWQ_AFFN_CACHE_SHARD, a, b));
		}
	}
	// No shard has more cores than cache_shard_size.
	const int size = static_cast<int>(altwq_wq_cache_shard_size());
	for (int shard = 0; shard < altwq_wq_nr_pods(ALTWQ_AFFN_CACHE_SHARD); shard++) {
		int cores = 0;
		for (int cpu : possible_cpus())
			if (altwq_wq_pod_of(ALTWQ_AFFN_CACHE_SHARD, cpu) == shard &&
			    (altwq_test_smt_cpus(cpu) & ((1ULL << cpu) - 1)) == 0) // the core's first CPU
				cores++;
		KT_EXPECT_GE(test, cores, 1);
		KT_EXPECT_LE(test, cores, size);
	}
	// The test guest's topology makes the scopes differ.
	KT_EXPECT_LT(test, altwq_wq_nr_pods(ALTWQ_AFFN_SMT), n);
	KT_EXPECT_GE(test, altwq_wq_nr_pods(ALTWQ_AFFN_CACHE), 2);
	KT_EXPECT_EQ(test, altwq_wq_nr_pods(ALTWQ_AFFN_NUMA), altwq_test_nr_online_nodes());
	KT_EXPECT_GE(test, altwq_wq_nr_pods(ALTWQ_AFFN_NUMA), 2);
	// The default scope is one of them.
	const int dfl = altwq_wq_nr_pods(ALTWQ_AFFN_DFL);
	KT_EXPECT(test, dfl == altwq_wq_nr_pods(ALTWQ_AFFN_CACHE) || dfl == altwq_wq_nr_pods(ALTWQ_AFFN_CACHE_SHARD) ||
				dfl == altwq_wq_nr_pods(ALTWQ_AFFN_CPU) || dfl == altwq_wq_nr_pods(ALTWQ_AFFN_SMT) ||
				dfl == altwq_wq_nr_pods(ALTWQ_AFFN_NUMA) || dfl == 1);
	KT_EXPECT_EQ(test, altwq_wq_nr_pods(ALTWQ_AFFN_NR_TYPES), err::Inval);
	KT_EXPECT_EQ(test, altwq_wq_pod_of(ALTWQ_AFFN_CPU, -1), err::Inval);
	KT_EXPECT_EQ(test, altwq_wq_pod_of(ALTWQ_AFFN_CPU, static_cast<int>(nr_cpu_ids())), err::Inval);
}

KXX_TEST(workqueue_unbound, strict_works_run_inside_the_pod_of_the_cpu_that_queued_them)
{
	TestWq wq(ops, TWQ_UNBOUND, 0);
	Body body;
	TestWork w(ops, body);
	KT_ASSERT(test, wq && w);
	KT_ASSERT_EQ(test, apply(wq.get(), 0, ALTWQ_AFFN_SMT, true), 0);
	for (int cpu : online_cpus()) {
		const int id = altwq_wq_unbound_pool_id(wq.get(), cpu);
		KT_EXPECT_GE(test, id, 0);
		for (int other : possible_cpus()) {
			const int in_pod = same_pod(ALTWQ_AFFN_SMT, cpu, other);
			KT_EXPECT_EQ(test, altwq_wq_unbound_pool_pod_has(id, other), in_pod);
			KT_EXPECT_EQ(test, altwq_wq_unbound_pool_allows(id, other), in_pod);
		}
		for (int round = 0; round < 4; round++) {
			KT_EXPECT(test, ops->queue_on(cpu, wq.get(), w.get()));
			(void)ops->flush_work(w.get());
			KT_EXPECT(test, same_pod(ALTWQ_AFFN_SMT, cpu, body.start_cpu.load(Relaxed)));
			KT_EXPECT(test, same_pod(ALTWQ_AFFN_SMT, cpu, body.last_cpu.load(Relaxed)));
		}
	}
	// Not strict: the pool's workers may run on every CPU of the queue,
	// and its pod is still the queueing CPU's.
	KT_ASSERT_EQ(test, apply(wq.get(), 0, ALTWQ_AFFN_SMT, false), 0);
	for (int cpu : online_cpus()) {
		const int id = altwq_wq_unbound_pool_id(wq.get(), cpu);
		for (int other : possible_cpus()) {
			KT_EXPECT_EQ(test, altwq_wq_unbound_pool_pod_has(id, other), (int)same_pod(ALTWQ_AFFN_SMT, cpu, other));
			KT_EXPECT_EQ(test, altwq_wq_unbound_pool_allows(id, other), 1);
		}
	}
	// A cpumask of one CPU: every work runs there, from wherever queued.
	const int only = last_online_cpu();
	KT_ASSERT_EQ(test, apply(wq.get(), 0, ALTWQ_AFFN_CPU, false, 1ULL << only), 0);
	for (int cpu : online_cpus()) {
		KT_EXPECT(test, ops->queue_on(cpu, wq.get(), w.get()));
		(void)ops->flush_work(w.get());
		KT_EXPECT_EQ(test, body.start_cpu.load(Relaxed), only);
	}
	KT_EXPECT_EQ(test, altwq_wq_unbound_pool_allows(altwq_wq_unbound_pool_id(wq.get(), 0), 0), only == 0 ? 1 : 0);
}

namespace {

// Moves its worker to CPU `away` (and lets it run anywhere again), so the
// worker goes idle outside its pool's pod.
struct Mover {
	int away = -1;
	Atomic<int> moved{0};
	Atomic<int> failed{0};
};
void mover_fn(wq_ops_work *, void *ctx)
{
	Mover *m = static_cast<Mover *>(ctx);
	CpuMask *mask = new (GfpKernel) CpuMask();
	if (!mask) {
		m->failed.fetch_add(1, Relaxed);
		return;
	}
	mask->set(m->away);
	const TaskRef self = TaskRef::current();
	if (self.allow_cpus(*mask).ok() && this_cpu_hint() == m->away)
		m->moved.fetch_add(1, Relaxed);
	else
		m->failed.fetch_add(1, Relaxed);
	mask->copy_possible();
	if (!self.allow_cpus(*mask).ok())
		m->failed.fetch_add(1, Relaxed);
	delete mask;
}

} // namespace

KXX_TEST(workqueue_unbound, non_strict_workers_woken_outside_their_pod_are_steered_back)
{
	const int home = 0;
	Mover mover;
	mover.away = online_outside_pod(ALTWQ_AFFN_SMT, home);
	KT_ASSERT(test, mover.away >= 0); // the guest has more than one SMT pod
	TestWq wq(ops, TWQ_UNBOUND, 0);
	Body body;
	TestWork plain(ops, body);
	wq_ops_work *move = ops->new_work(mover_fn, &mover);
	KT_ASSERT(test, wq && plain && move);
	KT_ASSERT_EQ(test, apply(wq.get(), 0, ALTWQ_AFFN_SMT, false), 0);
	KT_EXPECT_EQ(test, altwq_wq_repatriated(wq.get()), 0L);
	// The worker that ran the mover sleeps on `away` and is the first idle
	// one the next kick wakes; the kick sends it home first.
	for (int round = 0; round < 20 && altwq_wq_repatriated(wq.get()) == 0; round++) {
		KT_EXPECT(test, ops->queue_on(home, wq.get(), move));
		(void)ops->flush_work(move);
		KT_EXPECT(test, ops->queue_on(home, wq.get(), plain.get()));
		(void)ops->flush_work(plain.get());
	}
	KT_EXPECT_GT(test, altwq_wq_repatriated(wq.get()), 0L);
	KT_EXPECT_GT(test, mover.moved.load(Relaxed), 0);
	KT_EXPECT_EQ(test, mover.failed.load(Relaxed), 0);
	altwq_kunit_log(test, "home %d, away %d: %d moves, %ld repatriated", home, mover.away,
			mover.moved.load(Relaxed), altwq_wq_repatriated(wq.get()));
	// Strict pools never leave their pod, so nothing is steered.
	KT_ASSERT_EQ(test, apply(wq.get(), 0, ALTWQ_AFFN_SMT, true), 0);
	altwq_wq_flush_releases();
	KT_EXPECT_EQ(test, altwq_wq_repatriated(wq.get()), 0L);
	for (int round = 0; round < 3; round++) {
		KT_EXPECT(test, ops->queue_on(home, wq.get(), plain.get()));
		(void)ops->flush_work(plain.get());
	}
	KT_EXPECT_EQ(test, altwq_wq_repatriated(wq.get()), 0L);
	(void)ops->cancel_sync(move);
	ops->free_work(move);
}

KXX_TEST(workqueue_unbound, apply_while_works_run_loses_none_and_frees_the_old_pwqs)
{
	enum { Sets = 4 };
	altwq_wq_flush_releases();
	const long live_before = altwq_wq_live_pwqs();
	{
		TestWq wq(ops, TWQ_UNBOUND, 0);
		WorkSet s0(ops, MaxWorks), s1(ops, MaxWorks), s2(ops, MaxWorks), s3(ops, MaxWorks);
		WorkSet *sets[Sets] = {&s0, &s1, &s2, &s3};
		Completion gate;
		KT_ASSERT(test, wq && s0.ok() && s1.ok() && s2.ok() && s3.ok());
		for (WorkSet *s : sets)
			for (int i = 0; i < MaxWorks; i++)
				s->body(i).gate = &gate;
		auto queue_set = [&](WorkSet &s) {
			for (int i = 0; i < MaxWorks; i++)
				KT_EXPECT(test, ops->queue_on(nth_online_cpu(i), wq.get(), s.work(i)));
		};
		queue_set(s0);
		KT_ASSERT_EQ(test, apply(wq.get(), 1, ALTWQ_AFFN_CPU, false), 0);
		queue_set(s1);
		KT_ASSERT_EQ(test, apply(wq.get(), 2, ALTWQ_AFFN_SYSTEM, false), 0);
		queue_set(s2);
		KT_ASSERT_EQ(test, apply(wq.get(), 0, ALTWQ_AFFN_SMT, true), 0);
		queue_set(s3);
		// The old pwqs still hold blocked works, so they are still listed.
		const int installed = altwq_wq_nr_pods(ALTWQ_AFFN_SMT) + 1;
		KT_EXPECT_GT(test, altwq_wq_nr_pwqs(wq.get()), installed);
		// A flush begun now waits for the works of the old pwqs too.
		KT_EXPECT_EQ(test, flush_waits_for_gate(ops, wq.get(), gate), 1);
		for (WorkSet *s : sets) {
			KT_EXPECT_EQ(test, s->total(&Body::runs), (int)MaxWorks);
			KT_EXPECT_EQ(test, s->total(&Body::overlapped), 0);
		}
		// Drained old pwqs went through the release worker and are gone.
		altwq_wq_flush_releases();
		KT_EXPECT_EQ(test, altwq_wq_nr_pwqs(wq.get()), installed);
	}
	altwq_wq_flush_releases();
	KT_EXPECT_EQ(test, altwq_wq_live_pwqs(), live_before);
}

KXX_TEST(workqueue_unbound, an_ordered_queue_keeps_its_order_across_an_attrs_change)
{
	TestWq wq(ops, 0, 0, true);
	WorkSet a(ops, MaxWorks), b(ops, MaxWorks);
	Completion gate;
	Concurrency concurrency;
	Atomic<int> next{0}, violations{0};
	KT_ASSERT(test, wq && a.ok() && b.ok());
	WorkSet *sets[2] = {&a, &b};
	for (int s = 0; s < 2; s++) {
		for (int i = 0; i < MaxWorks; i++) {
			Body &body = sets[s]->body(i);
			body.index = s * MaxWorks + i;
			body.next_index = &next;
			body.order_violations = &violations;
			body.concurrency = &concurrency;
		}
	}
	a.body(0).gate = &gate;
	for (int i = 0; i < MaxWorks; i++)
		KT_EXPECT(test, ops->queue_on(nth_online_cpu(i), wq.get(), a.work(i)));
	KT_EXPECT(test, wait_until([&] { return a.body(0).started.load(Acquire) == 1; }, 5000));
	KT_ASSERT_EQ(test, apply(wq.get(), 5, ALTWQ_AFFN_SYSTEM, false), 0);
	for (int i = 0; i < MaxWorks / 2; i++)
		KT_EXPECT(test, ops->queue_on(nth_online_cpu(i), wq.get(), b.work(i)));
	KT_ASSERT_EQ(test, apply(wq.get(), 0, ALTWQ_AFFN_CPU, false, 1ULL << last_online_cpu()), 0);
	for (int i = MaxWorks / 2; i < MaxWorks; i++)
		KT_EXPECT(test, ops->queue_on(nth_online_cpu(i), wq.get(), b.work(i)));
	// Nothing after the blocked first work has started.
	msleep(20);
	KT_EXPECT_EQ(test, next.load(Acquire), 1);
	gate.complete_all();
	ops->flush_wq(wq.get());
	KT_EXPECT_EQ(test, next.load(Acquire), 2 * MaxWorks);
	KT_EXPECT_EQ(test, violations.load(Relaxed), 0);
	KT_EXPECT_EQ(test, concurrency.max.load(Relaxed), 1);
	// The last works ran where the last attrs put them.
	KT_EXPECT_EQ(test, b.body(MaxWorks - 1).start_cpu.load(Relaxed), last_online_cpu());
	altwq_wq_flush_releases();
	KT_EXPECT_EQ(test, altwq_wq_nr_pwqs(wq.get()), 1); // ordered: one pwq
}

KXX_TEST(workqueue_unbound, a_pod_with_no_cpu_online_falls_back_to_the_default_pwq)
{
	TestWq wq(ops, TWQ_UNBOUND, 0);
	Body body;
	TestWork w(ops, body);
	WorkSet load(ops, 8);
	Completion gate;
	KT_ASSERT(test, wq && w && load.ok());
	KT_ASSERT_EQ(test, apply(wq.get(), 0, ALTWQ_AFFN_SMT, true), 0);
	// A pod without CPU 0 (the boot CPU stays up).
	const int first = online_outside_pod(ALTWQ_AFFN_SMT, 0);
	KT_ASSERT(test, first > 0);
	const int dfl = altwq_wq_unbound_pool_id(wq.get(), -1);
	const int pod_pool = altwq_wq_unbound_pool_id(wq.get(), first);
	KT_EXPECT_NE(test, pod_pool, dfl);
	// Under load: works of the pod's pwq blocked while its CPUs go.
	for (int i = 0; i < 8; i++) {
		load.body(i).gate = &gate;
		KT_EXPECT(test, ops->queue_on(first, wq.get(), load.work(i)));
	}
	KT_EXPECT(test, wait_until([&] { return load.total(&Body::started) == 8; }, 5000));
	int down[MaxThreads], nr_down = 0;
	for (int cpu : online_cpus())
		if (cpu != 0 && same_pod(ALTWQ_AFFN_SMT, first, cpu) && nr_down < MaxThreads)
			down[nr_down++] = cpu;
	for (int i = 0; i < nr_down; i++) {
		KT_EXPECT(test, cpu_down(down[i]).ok());
		// Until the pod's last CPU goes, the pod keeps its pool.
		if (i + 1 < nr_down)
			KT_EXPECT_EQ(test, altwq_wq_unbound_pool_id(wq.get(), first), pod_pool);
	}
	for (int i = 0; i < nr_down; i++) {
		KT_EXPECT(test, !cpu_online(down[i]));
		KT_EXPECT_EQ(test, altwq_wq_unbound_pool_id(wq.get(), down[i]), dfl);
	}
	// A work queued for the gone pod runs on the default pwq's CPUs, while
	// the old pod's works still wait; then they end on CPUs still up.
	KT_EXPECT(test, ops->queue_on(first, wq.get(), w.get()));
	(void)ops->flush_work(w.get());
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 1);
	KT_EXPECT(test, cpu_online(body.start_cpu.load(Relaxed)));
	gate.complete_all();
	ops->flush_wq(wq.get());
	KT_EXPECT_EQ(test, load.total(&Body::runs), 8);
	for (int i = 0; i < 8; i++)
		KT_EXPECT(test, cpu_online(load.body(i).last_cpu.load(Relaxed)));
	for (int i = 0; i < nr_down; i++)
		KT_EXPECT(test, cpu_up(down[i]).ok());
	// Back up: the pod has a pool of its own again, and its works run there.
	const int back = altwq_wq_unbound_pool_id(wq.get(), first);
	KT_EXPECT_NE(test, back, dfl);
	KT_EXPECT_EQ(test, altwq_wq_unbound_pool_pod_has(back, first), 1);
	for (int round = 0; round < 3; round++) {
		KT_EXPECT(test, ops->queue_on(first, wq.get(), w.get()));
		(void)ops->flush_work(w.get());
		KT_EXPECT(test, same_pod(ALTWQ_AFFN_SMT, first, body.start_cpu.load(Relaxed)));
	}
	KT_EXPECT_EQ(test, body.runs.load(Acquire), 4);
}

namespace {

// 6.9+'s share of a node with `cpus` of the queue's `total` online CPUs.
int node_share(int max_active, int min_active, int cpus, int total)
{
	const int share = (max_active * cpus + total - 1) / total;
	return share < min_active ? min_active : share > max_active ? max_active : share;
}

int online_on_node(int node)
{
	int n = 0;
	for (int cpu : online_cpus())
		n += cpu_to_node(cpu) == node;
	return n;
}

} // namespace

KXX_TEST(workqueue_unbound, max_active_is_shared_out_per_node_above_min_active)
{
	const int n0 = cpu_to_node(0), n1 = cpu_to_node(last_online_cpu());
	KT_ASSERT(test, n0 != n1); // the guest has two nodes
	const int total = static_cast<int>(num_online_cpus());
	const int c0 = online_on_node(n0), c1 = online_on_node(n1);
	TestWq wq(ops, TWQ_UNBOUND, 16);
	KT_ASSERT(test, wq);
	auto expect_shares = [&](int max_active, int min_active) {
		KT_EXPECT_EQ(test, altwq_wq_node_max_active(wq.get(), n0), node_share(max_active, min_active, c0, total));
		KT_EXPECT_EQ(test, altwq_wq_node_max_active(wq.get(), n1), node_share(max_active, min_active, c1, total));
		KT_EXPECT_EQ(test, altwq_wq_node_max_active(wq.get(), -1), max_active);
	};
	expect_shares(16, 8); // min_active starts as min(max_active, 8)
	altwq_workqueue_set_max_active(as_wq(wq.get()), 4);
	expect_shares(4, 4); // lowering max_active lowers min_active with it
	altwq_workqueue_set_min_active(as_wq(wq.get()), 1);
	expect_shares(4, 1);
	altwq_workqueue_set_min_active(as_wq(wq.get()), 100); // clamped to max_active
	expect_shares(4, 4);
	altwq_workqueue_set_min_active(as_wq(wq.get()), -5); // clamped to 0
	expect_shares(4, 0);
	altwq_workqueue_set_max_active(as_wq(wq.get()), 32); // min_active stays
	expect_shares(32, 0);
	KT_EXPECT_EQ(test, altwq_wq_node_max_active(wq.get(), nr_node_ids()), err::Inval);
	// Only unbound queues that are not ordered have a min_active.
	TestWq percpu(ops, 0, 0), ordered(ops, 0, 0, true);
	KT_ASSERT(test, percpu && ordered);
	{
		ExpectWarnings warnings;
		altwq_workqueue_set_min_active(as_wq(percpu.get()), 2);
		altwq_workqueue_set_min_active(as_wq(ordered.get()), 0);
		KT_EXPECT_GE(test, warnings.finish(), 1);
	}
	KT_EXPECT_EQ(test, altwq_wq_node_max_active(ordered.get(), n0), 1);
	KT_EXPECT_EQ(test, altwq_wq_node_max_active(percpu.get(), n0), err::Inval);
}

KXX_TEST(workqueue_unbound, works_of_one_node_run_up_to_that_nodes_share)
{
	const int n0 = cpu_to_node(0), far = last_online_cpu();
	KT_ASSERT(test, cpu_to_node(far) != n0);
	TestWq wq(ops, TWQ_UNBOUND, 4);
	WorkSet set(ops, 8);
	KT_ASSERT(test, wq && set.ok());
	altwq_workqueue_set_min_active(as_wq(wq.get()), 1);
	KT_ASSERT_EQ(test, apply(wq.get(), 0, ALTWQ_AFFN_NUMA, false), 0);
	const int share = altwq_wq_node_max_active(wq.get(), n0);
	KT_EXPECT_EQ(test, share, 2); // 4 of 4 CPUs, two on each node
	// Eight works from node 0: its share runs, the rest waits.
	Completion gate1;
	for (int i = 0; i < 8; i++) {
		set.body(i).gate = &gate1;
		KT_EXPECT(test, ops->queue_on(0, wq.get(), set.work(i)));
	}
	KT_EXPECT(test, wait_until([&] { return set.total(&Body::started) == share; }, 5000));
	msleep(50);
	KT_EXPECT_EQ(test, set.total(&Body::started), share);
	KT_EXPECT_EQ(test, altwq_wq_node_nr_active(wq.get(), n0), share);
	gate1.complete_all();
	ops->flush_wq(wq.get());
	KT_EXPECT_EQ(test, set.total(&Body::runs), 8);
	KT_EXPECT_EQ(test, altwq_wq_node_nr_active(wq.get(), n0), 0);
	// Four from each node: both shares run at once, max_active in all.
	Completion gate2;
	for (int i = 0; i < 8; i++) {
		set.body(i).gate = &gate2;
		KT_EXPECT(test, ops->queue_on(i < 4 ? 0 : far, wq.get(), set.work(i)));
	}
	KT_EXPECT(test, wait_until([&] { return set.total(&Body::started) == 8 + 2 * share; }, 5000));
	msleep(50);
	KT_EXPECT_EQ(test, set.total(&Body::started), 8 + 2 * share);
	gate2.complete_all();
	ops->flush_wq(wq.get());
	KT_EXPECT_EQ(test, set.total(&Body::runs), 16);
}

KXX_TEST(workqueue_unbound, node_shares_follow_cpu_hotplug)
{
	const int n0 = cpu_to_node(0), far = last_online_cpu(), n1 = cpu_to_node(far);
	KT_ASSERT(test, n1 != n0 && far != 0);
	TestWq wq(ops, TWQ_UNBOUND, 6);
	KT_ASSERT(test, wq);
	altwq_workqueue_set_min_active(as_wq(wq.get()), 1);
	const int total = static_cast<int>(num_online_cpus());
	const int c0 = online_on_node(n0), c1 = online_on_node(n1);
	KT_EXPECT_EQ(test, altwq_wq_node_max_active(wq.get(), n1), node_share(6, 1, c1, total));
	KT_ASSERT(test, cpu_down(far).ok());
	KT_EXPECT_EQ(test, altwq_wq_node_max_active(wq.get(), n0), node_share(6, 1, c0, total - 1));
	KT_EXPECT_EQ(test, altwq_wq_node_max_active(wq.get(), n1), node_share(6, 1, c1 - 1, total - 1));
	KT_EXPECT(test, cpu_up(far).ok());
	KT_EXPECT_EQ(test, altwq_wq_node_max_active(wq.get(), n0), node_share(6, 1, c0, total));
	KT_EXPECT_EQ(test, altwq_wq_node_max_active(wq.get(), n1), node_share(6, 1, c1, total));
}

namespace {

constexpr const char DefaultScopeParam[] = "/sys/module/altwq/parameters/default_affinity_scope";

// Puts default_affinity_scope back as it was.
class DefaultScope : Pinned {
public:
	DefaultScope() { ok_ = altwq_test_read_file(DefaultScopeParam, saved_, sizeof(saved_)) > 0; }
	~DefaultScope()
	{
		if (ok_)
			(void)altwq_test_write_file(DefaultScopeParam, saved_, false);
	}
	bool ok() const { return ok_; }
	const char *saved() const { return saved_; }

private:
	char saved_[32] = {};
	bool ok_ = false;
};

} // namespace

KXX_TEST(workqueue_unbound, default_affinity_scope_is_writable_and_moves_the_default_queues)
{
	DefaultScope restore;
	KT_ASSERT(test, restore.ok());
	altwq_kunit_log(test, "default_affinity_scope was %s", restore.saved());
	TestWq dfl(ops, TWQ_UNBOUND, 0), cpu_scoped(ops, TWQ_UNBOUND, 0);
	KT_ASSERT(test, dfl && cpu_scoped);
	KT_ASSERT_EQ(test, apply(cpu_scoped.get(), 0, ALTWQ_AFFN_CPU, false), 0);
	KT_ASSERT_EQ(test, altwq_test_write_file(DefaultScopeParam, "smt\n", false), 0);
	char buf[32];
	KT_EXPECT_GT(test, altwq_test_read_file(DefaultScopeParam, buf, sizeof(buf)), 0L);
	KT_EXPECT_EQ(test, __builtin_strcmp(buf, "smt\n"), 0);
	KT_EXPECT_EQ(test, altwq_wq_nr_pods(ALTWQ_AFFN_DFL), altwq_wq_nr_pods(ALTWQ_AFFN_SMT));
	// The queue on the default now has a pool per SMT pod; the other kept
	// its own scope.
	for (int cpu : online_cpus()) {
		const int id = altwq_wq_unbound_pool_id(dfl.get(), cpu);
		for (int other : possible_cpus()) {
			KT_EXPECT_EQ(test, altwq_wq_unbound_pool_pod_has(id, other), (int)same_pod(ALTWQ_AFFN_SMT, cpu, other));
			KT_EXPECT_EQ(test, altwq_wq_unbound_pool_pod_has(altwq_wq_unbound_pool_id(cpu_scoped.get(), cpu), other),
				     (int)(cpu == other));
		}
	}
	// Not a scope, or the default itself: refused, nothing changes.
	KT_EXPECT_EQ(test, altwq_test_write_file(DefaultScopeParam, "bogus", false), err::Inval);
	KT_EXPECT_EQ(test, altwq_test_write_file(DefaultScopeParam, "default", false), err::Inval);
	KT_EXPECT_GT(test, altwq_test_read_file(DefaultScopeParam, buf, sizeof(buf)), 0L);
	KT_EXPECT_EQ(test, __builtin_strcmp(buf, "smt\n"), 0);
	KT_EXPECT_EQ(test, altwq_wq_nr_pods(ALTWQ_AFFN_DFL), altwq_wq_nr_pods(ALTWQ_AFFN_SMT));
}

KXX_TEST(workqueue_unbound, the_bus_roots_cpumask_confines_every_unbound_queue)
{
	constexpr const char Root[] = "/sys/devices/virtual/altwq/cpumask";
	constexpr const char Requested[] = "/sys/devices/virtual/altwq/cpumask_requested";
	char all[16], only_last[16], buf[32];
	const int last = last_online_cpu();
	KT_ASSERT(test, last > 0);
	format(all, sizeof(all), "%llx\n", (1ULL << nr_cpu_ids()) - 1);
	format(only_last, sizeof(only_last), "%llx\n", 1ULL << last);
	auto reads = [&](const char *path, const char *want) {
		return altwq_test_read_file(path, buf, sizeof(buf)) > 0 && __builtin_strcmp(buf, want) == 0;
	};
	KT_EXPECT(test, reads(Root, all));
	KT_EXPECT(test, reads(Requested, all));
	KT_EXPECT(test, reads("/sys/devices/virtual/altwq/cpumask_isolated", "0\n"));
	TestWq wq(ops, TWQ_UNBOUND, 0), elsewhere(ops, TWQ_UNBOUND, 0), ordered(ops, 0, 0, true);
	Body body;
	TestWork w(ops, body);
	KT_ASSERT(test, wq && elsewhere && ordered && w);
	KT_ASSERT_EQ(test, apply(wq.get(), 0, ALTWQ_AFFN_SMT, false), 0);
	// A queue whose own cpumask misses the unbound one gets all of it.
	KT_ASSERT_EQ(test, apply(elsewhere.get(), 0, ALTWQ_AFFN_SYSTEM, false, 1ULL), 0);
	KT_ASSERT_EQ(test, altwq_test_write_file(Root, only_last, false), 0);
	KT_EXPECT(test, reads(Root, only_last));
	KT_EXPECT(test, reads(Requested, only_last));
	void *const queues[] = {wq.get(), elsewhere.get(), ordered.get()};
	for (void *q : queues) {
		for (int cpu : online_cpus()) {
			const int id = altwq_wq_unbound_pool_id(q, cpu);
			for (int other : possible_cpus())
				KT_EXPECT_EQ(test, altwq_wq_unbound_pool_allows(id, other), other == last ? 1 : 0);
			KT_EXPECT(test, ops->queue_on(cpu, q, w.get()));
			(void)ops->flush_work(w.get());
			KT_EXPECT_EQ(test, body.start_cpu.load(Relaxed), last);
		}
	}
	// Nothing possible and online in it, or not a mask: refused, kept.
	KT_EXPECT_EQ(test, altwq_test_write_file(Root, "0", false), err::Inval);
	KT_EXPECT_EQ(test, altwq_test_write_file(Root, "zz", false), err::Inval);
	KT_EXPECT(test, reads(Root, only_last));
	// Back to every CPU: the queues' own cpumasks again.
	KT_ASSERT_EQ(test, altwq_test_write_file(Root, all, false), 0);
	KT_EXPECT(test, reads(Root, all));
	KT_EXPECT_EQ(test, altwq_wq_unbound_pool_allows(altwq_wq_unbound_pool_id(wq.get(), 0), 0), 1);
	KT_EXPECT_EQ(test, altwq_wq_unbound_pool_allows(altwq_wq_unbound_pool_id(elsewhere.get(), 0), last), 0);
}

namespace {

// What a queue leaves behind: live queues, pwqs and unbound pools, taken
// once the pwq releases in flight are done.
struct LiveObjects {
	long wqs, pwqs;
	int pools;
	static LiveObjects now()
	{
		altwq_wq_flush_releases();
		return {altwq_wq_live_workqueues(), altwq_wq_live_pwqs(), altwq_wq_nr_unbound_pools()};
	}
	// Expects the same counts as `before` again.
	static void expect_back(struct kunit *test, const LiveObjects &before)
	{
		const LiveObjects after = now();
		KT_EXPECT_EQ(test, after.wqs, before.wqs);
		KT_EXPECT_EQ(test, after.pwqs, before.pwqs);
		KT_EXPECT_EQ(test, after.pools, before.pools);
	}
};

} // namespace

// Every allocation of alloc_workqueue() and apply_workqueue_attrs() in turn
// fails (the kernel's fail-nth): each call fails cleanly or succeeds, the
// queues made work, and nothing is left behind (kmemleak checks the rest).
KXX_TEST(workqueue_unbound, allocation_failures_leave_nothing_behind)
{
	const LiveObjects before = LiveObjects::now();
	Body body;
	TestWork w(ops, body);
	KT_ASSERT(test, w);
	const unsigned int kinds[] = {ALTWQ_UNBOUND, ALTWQ_UNBOUND | ALTWQ_MEM_RECLAIM, ALTWQ_UNBOUND | ALTWQ_SYSFS,
				      0, ALTWQ_MEM_RECLAIM, ALTWQ_UNBOUND | __ALTWQ_ORDERED};
	int refused = 0, made = 0;
	for (unsigned int flags : kinds) {
		const int max_active = (flags & __ALTWQ_ORDERED) ? 1 : 0;
		for (unsigned int nth = 1; nth < 400; nth++) {
			KT_ASSERT_EQ(test, altwq_test_fail_nth(nth), 0);
			altwq_workqueue *wq = altwq_alloc_workqueue("altwq_fault", flags, max_active);
			const bool fired = altwq_test_fail_nth_stop();
			if (!wq) {
				refused++;
				KT_EXPECT(test, fired);
				continue;
			}
			made++;
			KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, wq, w.get()));
			(void)ops->flush_work(w.get());
			altwq_destroy_workqueue(wq);
			if (!fired) // it needed fewer than nth allocations: all were tried
				break;
		}
	}
	TestWq q(ops, TWQ_UNBOUND, 0);
	KT_ASSERT(test, q);
	int apply_refused = 0;
	for (unsigned int nth = 1; nth < 400; nth++) {
		KT_ASSERT_EQ(test, altwq_test_fail_nth(nth), 0);
		const int ret = apply(q.get(), nth % 2 ? 3 : 4, nth % 3 ? ALTWQ_AFFN_SMT : ALTWQ_AFFN_CPU, false);
		const bool fired = altwq_test_fail_nth_stop();
		if (ret) {
			apply_refused++;
			KT_EXPECT_EQ(test, ret, err::NoMem);
			KT_EXPECT(test, fired);
		}
		for (int cpu : online_cpus()) {
			KT_EXPECT(test, ops->queue_on(cpu, q.get(), w.get()));
			(void)ops->flush_work(w.get());
		}
		if (!fired)
			break;
	}
	q.destroy();
	KT_EXPECT_GT(test, refused, 0);
	KT_EXPECT_GT(test, apply_refused, 0);
	LiveObjects::expect_back(test, before);
	altwq_kunit_log(test, "%d allocs refused, %d made; %d applies refused; %d works run", refused, made,
			apply_refused, body.runs.load(Relaxed));
}

// destroy_workqueue() with each of this task's allocations in turn failing
// (the kernel's fail-nth): a sysfs queue's device removal and uevent, a
// rescuer's stop and the pwqs' release may allocate, and none may be needed
// to finish. Every queue goes, with its pwqs and pools; nothing is left
// visible in sysfs (kmemleak checks the rest).
KXX_TEST(workqueue_unbound, destruction_under_allocation_failures_still_destroys)
{
	const LiveObjects before = LiveObjects::now();
	Body body;
	TestWork w(ops, body);
	KT_ASSERT(test, w);
	const unsigned int kinds[] = {ALTWQ_UNBOUND | ALTWQ_SYSFS, ALTWQ_UNBOUND | ALTWQ_MEM_RECLAIM, ALTWQ_MEM_RECLAIM,
				      ALTWQ_UNBOUND | __ALTWQ_ORDERED};
	int injected = 0;
	char gone[16];
	for (unsigned int flags : kinds) {
		const int max_active = (flags & __ALTWQ_ORDERED) ? 1 : 0;
		for (unsigned int nth = 1; nth < 200; nth++) {
			altwq_workqueue *wq = altwq_alloc_workqueue("altwq_fault_destroy", flags, max_active);
			KT_ASSERT(test, wq != nullptr);
			KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, wq, w.get()));
			KT_ASSERT_EQ(test, altwq_test_fail_nth(nth), 0);
			altwq_destroy_workqueue(wq);
			const bool fired = altwq_test_fail_nth_stop();
			LiveObjects::expect_back(test, before);
			if (flags & ALTWQ_SYSFS)
				KT_EXPECT(test, altwq_test_read_file("/sys/bus/altwq/devices/altwq_fault_destroy/per_cpu",
								     gone, sizeof(gone)) < 0);
			if (!fired) // destroy made fewer than nth allocations: all were tried
				break;
			injected++;
		}
	}
	// Every queue ran its work before it went.
	KT_EXPECT_EQ(test, body.runs.load(Acquire), int(sizeof(kinds) / sizeof(kinds[0])) + injected);
	altwq_kunit_log(test, "%d allocation failures injected into destroy_workqueue()", injected);
}

// Everything that replaces pwqs at once for two seconds: sysfs attrs
// writes, the bus root's cpumask, default_affinity_scope, a CPU going down
// and up, and works queued and flushed from every CPU. Nothing is lost,
// nothing hangs, lockdep stays quiet (the boot's log check).
KXX_TEST(workqueue_unbound, attrs_writers_hotplug_and_queueing_together)
{
	DefaultScope restore;
	KT_ASSERT(test, restore.ok());
	const int far = last_online_cpu();
	KT_ASSERT(test, far > 0);
	altwq_workqueue *wq = altwq_alloc_workqueue("altwq_mix", ALTWQ_UNBOUND | ALTWQ_SYSFS, 0);
	KT_ASSERT(test, wq);
	WorkSet set(ops, 8);
	KT_ASSERT(test, set.ok());
	Atomic<int> queued{0}, errors{0};
	char root_all[16], root_far[16];
	format(root_all, sizeof(root_all), "%llx", (1ULL << nr_cpu_ids()) - 1);
	format(root_far, sizeof(root_far), "%llx", (1ULL << far) | 1ULL); // CPU 0 stays up
	const uint64_t end = ktime_ns() + 2000000000ULL;
	const int err = run_on_threads(4, [&](int t) {
		static const char *const scopes[] = {"cpu", "smt", "cache", "cache_shard", "numa", "system", "default"};
		for (unsigned int round = 0; ktime_ns() < end; round++) {
			switch (t) {
			case 0: { // the queue's own files
				char nice[8];
				format(nice, sizeof(nice), "%d", static_cast<int>(random_u32() % 5));
				if (altwq_test_write_file("/sys/bus/altwq/devices/altwq_mix/nice", nice, false) ||
				    altwq_test_write_file("/sys/bus/altwq/devices/altwq_mix/affinity_scope",
							  scopes[random_u32() % 7], false) ||
				    altwq_test_write_file("/sys/bus/altwq/devices/altwq_mix/affinity_strict",
							  round % 2 ? "1" : "0", false))
					errors.fetch_add(1, Relaxed);
				break;
			}
			case 1: // the unbound defaults
				if (altwq_test_write_file("/sys/devices/virtual/altwq/cpumask", round % 2 ? root_far : root_all,
							  false) ||
				    altwq_test_write_file(DefaultScopeParam, scopes[round % 6], false))
					errors.fetch_add(1, Relaxed);
				break;
			case 2: // hotplug
				if (!cpu_down(far).ok() || !cpu_up(far).ok())
					errors.fetch_add(1, Relaxed);
				msleep(50);
				break;
			default: // works
				for (int i = 0; i < 8; i++) {
					const int cpu = static_cast<int>(random_u32() % nr_cpu_ids());
					if (ops->queue_on(cpu_online(cpu) ? cpu : 0, wq, set.work(i)))
						queued.fetch_add(1, Relaxed);
				}
				for (int i = 0; i < 8; i++)
					(void)ops->flush_work(set.work(i));
				break;
			}
		}
	});
	KT_EXPECT_EQ(test, err, 0);
	ops->flush_wq(wq);
	KT_EXPECT_EQ(test, errors.load(Relaxed), 0);
	KT_EXPECT(test, cpu_online(far));
	KT_EXPECT_GT(test, queued.load(Relaxed), 0);
	KT_EXPECT_EQ(test, set.total(&Body::runs), queued.load(Relaxed));
	KT_EXPECT_EQ(test, set.total(&Body::overlapped), 0);
	KT_EXPECT_EQ(test, altwq_test_write_file("/sys/devices/virtual/altwq/cpumask", root_all, false), 0);
	altwq_destroy_workqueue(wq);
	altwq_kunit_log(test, "%d works queued and run", queued.load(Relaxed));
}
