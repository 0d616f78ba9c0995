// SPDX-License-Identifier: GPL-2.0
// Test helper: run body(i) for i in [0, n) on n new kthreads, all released
// together, and wait for them all. Thread i is bound to the i-th online CPU
// (wrapping around), or all to one given CPU. May sleep.
#pragma once
#include "kxx/alloc.hpp"
#include "kxx/atomic.hpp"
#include "kxx/cpu.hpp"
#include "kxx/kthread.hpp"
#include "kxx/sched.hpp"

namespace kxx::test {

constexpr int MaxThreads = 8;

// The i-th online CPU, wrapping around.
inline int nth_online_cpu(int i)
{
	int n = static_cast<int>(num_online_cpus());
	int want = i % n, seen = 0;
	for (int cpu : online_cpus())
		if (seen++ == want)
			return cpu;
	return 0;
}

template <typename F> class ThreadGroup {
public:
	// Returns 0 or a negative errno (thread creation failed; nothing ran).
	enum : int { SpreadCpus = -2 };
	static int run(int n, F &body, int cpu)
	{
		auto group = make_box<ThreadGroup>(GfpKernel, body, n);
		if (!group.ok())
			return group.error();
		return group.value()->start_and_wait(cpu);
	}

	ThreadGroup(F &body, int n) : body_(body), n_(n) {}

private:
	struct Slot {
		ThreadGroup *group;
		int index;
		int run()
		{
			group->ready_.fetch_add(1, Full);
			while (group->go_.load(Acquire) == 0)
				cpu_relax();
			group->body_(index);
			return 0;
		}
	};

	int start_and_wait(int cpu)
	{
		if (n_ > MaxThreads)
			return err::Inval;
		Kthread *threads[MaxThreads] = {};
		alignas(Kthread) unsigned char storage[MaxThreads][sizeof(Kthread)];
		int made = 0, ret = 0;
		for (; made < n_; made++) {
			slots_[made] = {this, made};
			auto t = Kthread::create<&Slot::run>(&slots_[made], "kxx-test", cpu == SpreadCpus ? nth_online_cpu(made) : cpu);
			if (!t.ok()) {
				ret = t.error();
				break;
			}
			threads[made] = new (storage[made]) Kthread(t.take());
		}
		if (ret == 0) {
			for (int i = 0; i < made; i++)
				threads[i]->wake();
			while (ready_.load(Acquire) < made)
				msleep(1);
			go_.store(1, Release); // pairs with the acquire in Slot::run
		}
		// stop() waits for each body to return; a thread never woken (after
		// a failed create) exits without running its body.
		for (int i = 0; i < made; i++) {
			(void)threads[i]->stop();
			threads[i]->~Kthread();
		}
		return ret;
	}

	F &body_;
	int n_;
	Slot slots_[MaxThreads] = {};
	Atomic<int> ready_{0};
	Atomic<int> go_{0};
};

template <typename F> int run_on_threads(int n, F &&body)
{
	using Group = ThreadGroup<remove_reference_t<F>>;
	return Group::run(n, body, Group::SpreadCpus);
}

template <typename F> int run_on_threads_on_cpu(int n, int cpu, F &&body)
{
	return ThreadGroup<remove_reference_t<F>>::run(n, body, cpu);
}

// Waits (sleeping) until cond() holds or about `ms` milliseconds pass.
template <typename Cond> bool wait_until(Cond cond, unsigned int ms = 1000)
{
	for (unsigned int i = 0; i < ms; i++) {
		if (cond())
			return true;
		msleep(1);
	}
	return cond();
}

// The highest-numbered online CPU (not the boot CPU when there are more).
inline int last_online_cpu()
{
	int last = 0;
	for (int cpu : online_cpus())
		last = cpu;
	return last;
}

// n threads: one per online CPU, at most MaxThreads.
inline int online_thread_count()
{
	return min<int>(static_cast<int>(num_online_cpus()), MaxThreads);
}

} // namespace kxx::test
