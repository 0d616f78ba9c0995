// SPDX-License-Identifier: GPL-2.0
// kxx CPU iteration, CpuMask and PerCpu.
#include "kxx/alloc.hpp"
#include "kxx/cpu.hpp"
#include "kxx/percpu.hpp"
#include "kxx_test.hpp"
#include "threads.hpp"

using namespace kxx;

KXX_TEST(kxx_cpu, online_iteration_matches_count)
{
	CpusReadGuard hotplug;
	unsigned int seen = 0;
	int prev = -1;
	for (int cpu : online_cpus()) {
		KT_EXPECT(test, cpu_online(cpu));
		KT_EXPECT(test, cpu_possible(cpu));
		KT_EXPECT_GT(test, cpu, prev);
		prev = cpu;
		seen++;
	}
	KT_EXPECT_EQ(test, seen, num_online_cpus());
	KT_EXPECT_GE(test, num_online_cpus(), 2U);
	KT_EXPECT_LT(test, prev, int(nr_cpu_ids()));
	unsigned int possible = 0;
	for (int cpu : possible_cpus())
		possible += cpu_possible(cpu);
	KT_EXPECT_GE(test, possible, seen);
	KT_EXPECT(test, !cpu_online(-1));
	KT_EXPECT(test, !cpu_online(int(nr_cpu_ids())));
}

KXX_TEST(kxx_cpu, cpumask_set_test_weight_next)
{
	auto mask = KT_ASSERT_OK(test, make_box<CpuMask>(GfpKernel));
	CpuMask &m = *mask;
	KT_EXPECT_EQ(test, m.weight(), 0U);
	m.set(0);
	m.set(2);
	KT_EXPECT(test, m.test(0));
	KT_EXPECT(test, !m.test(1));
	KT_EXPECT(test, m.test(2));
	KT_EXPECT_EQ(test, m.weight(), 2U);
	KT_EXPECT_EQ(test, m.next(-1), 0);
	KT_EXPECT_EQ(test, m.next(0), 2);
	KT_EXPECT_GE(test, m.next(2), int(nr_cpu_ids()));
	m.clear(0);
	KT_EXPECT_EQ(test, m.next(-1), 2);
	m.copy_online();
	KT_EXPECT_EQ(test, m.weight(), num_online_cpus());
}

namespace {
struct Slot {
	long hits = 0;
	int owner_cpu = -1;
};
constinit Atomic<int> built_live{0};
struct Built {
	Built() { built_live.fetch_add(1, Full); }
	~Built() { built_live.fetch_sub(1, Full); }
	long pad[4] = {};
};
} // namespace

KXX_TEST(kxx_cpu, percpu_slots_are_private_to_each_cpu)
{
	auto slots = KT_ASSERT_OK(test, PerCpu<Slot>::create(GfpKernel));
	const int n = test::online_thread_count();
	constexpr int Rounds = 1000;
	int err = test::run_on_threads(n, [&](int) {
		for (int r = 0; r < Rounds; r++) {
			PreemptGuard pinned;
			Slot &mine = slots.local(pinned);
			mine.hits++; // no lock: nobody else touches this CPU's slot
			mine.owner_cpu = pinned.cpu();
		}
	});
	KT_EXPECT_EQ(test, err, 0);
	long total = 0;
	for (int cpu : online_cpus()) {
		Slot &s = slots.on(cpu);
		total += s.hits;
		if (s.hits)
			KT_EXPECT_EQ(test, s.owner_cpu, cpu);
		for (int other : online_cpus())
			if (other != cpu)
				KT_EXPECT(test, &slots.on(other) != &s);
	}
	KT_EXPECT_EQ(test, total, long(n) * Rounds);
}

KXX_TEST(kxx_cpu, percpu_constructs_and_destroys_each_copy)
{
	unsigned int possible = 0;
	for (int cpu : possible_cpus())
		possible += cpu_possible(cpu);
	{
		auto copies = KT_ASSERT_OK(test, PerCpu<Built>::create(GfpKernel));
		KT_EXPECT_EQ(test, built_live.load(Acquire), int(possible));
	}
	KT_EXPECT_EQ(test, built_live.load(Acquire), 0);
}
