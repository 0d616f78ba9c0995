// SPDX-License-Identifier: GPL-2.0
// A CPU hotplug state of a test's own, set up after altwq's: its going-down
// callback runs on the CPU going down, after the scheduler has stopped
// placing ordinary tasks there and before altwq's (and the in-tree
// workqueue's) own callbacks. May sleep.
//
//   auto hook = KT_ASSERT_OK(test, make_box<LateDownHook<decltype(fn)>>(GfpKernel, fn));
//   KT_ASSERT_OK(test, hook->start(cpu));   // fn(cpu) runs when cpu goes down
//   ... cpu_down(cpu) ...                   // fn's non-zero result fails it
//   hook->stop();
#pragma once
#include "kxx/cpu_hotplug.hpp"

namespace kxx::test {

template <typename F> class LateDownHook : Pinned {
public:
	explicit LateDownHook(F &fn) : fn_(fn) {}
	~LateDownHook() { stop(); }

	// Calls fn(cpu) from cpu's going-down callback, from now on.
	Status start(int cpu)
	{
		KXX_TRY(state_.setup());
		KXX_TRY(watch_.start(&state_));
		started_ = true;
		target_ = cpu;
		return {};
	}
	void stop()
	{
		target_ = -1;
		if (started_)
			watch_.stop();
		started_ = false;
	}
	// Whether it runs before altwq's callback when a CPU goes down.
	bool runs_before_altwq() const { return state_.number() > CpuHotplugState::altwq_number(); }

private:
	int online(unsigned int) { return 0; }
	int going_down(unsigned int cpu) { return int(cpu) == target_ ? fn_(int(cpu)) : 0; }

	F &fn_;
	CpuHotplugState state_{"altwq_test:late"};
	CpuHotplugWatch watch_{CpuHotplugWatch::callbacks<&LateDownHook::watch_, &LateDownHook::online,
							  &LateDownHook::going_down>()};
	bool started_ = false;
	int target_ = -1;
};

} // namespace kxx::test
