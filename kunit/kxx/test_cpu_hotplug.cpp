// SPDX-License-Identifier: GPL-2.0
// kxx CpuHotplugWatch: told of every online CPU at start, of a CPU taken
// down (on that CPU, before it goes) and brought back, and of all at stop.
#include "kxx/cpu.hpp"
#include "kxx/cpu_hotplug.hpp"
#include "kxx_test.hpp"
#include "threads.hpp"

using namespace kxx;
using kxx::test::last_online_cpu;

namespace {
constexpr int MaxCpus = 64;

struct Watcher {
	CpuHotplugWatch hotplug{CpuHotplugWatch::callbacks<&Watcher::hotplug, &Watcher::online, &Watcher::offline>()};
	Atomic<int> ups[MaxCpus];
	Atomic<int> downs[MaxCpus];
	Atomic<int> wrong_cpu{0};
	int refuse_cpu = -1;
	int online(unsigned int cpu)
	{
		if (cpu >= MaxCpus)
			return 0;
		if (this_cpu_hint() != int(cpu))
			wrong_cpu.fetch_add(1, Relaxed);
		ups[cpu].fetch_add(1, Full);
		return int(cpu) == refuse_cpu ? err::Busy : 0;
	}
	int offline(unsigned int cpu)
	{
		if (cpu >= MaxCpus)
			return 0;
		if (this_cpu_hint() != int(cpu))
			wrong_cpu.fetch_add(1, Relaxed);
		downs[cpu].fetch_add(1, Full);
		return 0;
	}
};
} // namespace

KXX_TEST(kxx_cpu_hotplug, start_and_stop_visit_every_online_cpu)
{
	auto w = KT_ASSERT_OK(test, make_box<Watcher>(GfpKernel));
	KT_ASSERT_OK(test, w->hotplug.start());
	for (int cpu : online_cpus())
		if (cpu < MaxCpus)
			KT_EXPECT_EQ(test, w->ups[cpu].load(Acquire), 1);
	w->hotplug.stop();
	for (int cpu : online_cpus())
		if (cpu < MaxCpus)
			KT_EXPECT_EQ(test, w->downs[cpu].load(Acquire), 1);
	KT_EXPECT_EQ(test, w->wrong_cpu.load(Relaxed), 0);
}

KXX_TEST(kxx_cpu_hotplug, cpu_down_and_up_are_seen_on_that_cpu)
{
	auto w = KT_ASSERT_OK(test, make_box<Watcher>(GfpKernel));
	const int cpu = last_online_cpu();
	KT_ASSERT(test, cpu > 0 && cpu < MaxCpus);
	const unsigned int online_before = num_online_cpus();
	KT_ASSERT_OK(test, w->hotplug.start());
	auto down = cpu_down(cpu);
	KT_EXPECT(test, down.ok());
	if (down.ok()) {
		KT_EXPECT(test, !cpu_online(cpu));
		KT_EXPECT_EQ(test, num_online_cpus(), online_before - 1);
		KT_EXPECT_EQ(test, w->downs[cpu].load(Acquire), 1);
		KT_EXPECT(test, cpu_up(cpu).ok());
		KT_EXPECT(test, cpu_online(cpu));
		KT_EXPECT_EQ(test, w->ups[cpu].load(Acquire), 2);
	}
	w->hotplug.stop();
	KT_EXPECT_EQ(test, num_online_cpus(), online_before);
	KT_EXPECT_EQ(test, w->wrong_cpu.load(Relaxed), 0);
}

KXX_TEST(kxx_cpu_hotplug, failing_online_callback_keeps_the_cpu_down)
{
	auto w = KT_ASSERT_OK(test, make_box<Watcher>(GfpKernel));
	const int cpu = last_online_cpu();
	KT_ASSERT(test, cpu > 0 && cpu < MaxCpus);
	KT_ASSERT_OK(test, w->hotplug.start());
	KT_ASSERT(test, cpu_down(cpu).ok());
	w->refuse_cpu = cpu;
	KT_EXPECT(test, !cpu_up(cpu).ok()); // our callback refused it
	KT_EXPECT(test, !cpu_online(cpu));
	w->refuse_cpu = -1;
	KT_EXPECT(test, cpu_up(cpu).ok());
	KT_EXPECT(test, cpu_online(cpu));
	w->hotplug.stop();
}
