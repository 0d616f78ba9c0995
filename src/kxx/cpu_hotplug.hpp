// SPDX-License-Identifier: GPL-2.0
// Being told of CPUs coming and going, into member functions:
//
//   struct Pools {
//           kxx::CpuHotplugWatch hotplug{kxx::CpuHotplugWatch::callbacks<
//                   &Pools::hotplug, &Pools::cpu_online, &Pools::cpu_going_down>()};
//           int cpu_online(unsigned int cpu);      // on that CPU, after it is up
//           int cpu_going_down(unsigned int cpu);  // on that CPU, before it goes
//   };
//   KXX_TRY(pools->hotplug.start());  // online() for every online CPU first
//
// Everything here may sleep, and so may the callbacks. A non-zero return
// from the online callback makes the CPU's bring-up fail and roll back; from
// the offline callback, its take-down. The going-down callback runs after
// the scheduler stopped placing ordinary tasks on that CPU.
//
// Watches go into altwq's own state unless given a CpuHotplugState: a
// state of its own, with its own place in the order (one set up later is
// told later of a CPU coming up and earlier of one going down).
#pragma once
#include "kabi/cpuhp.h"
#include "kxx/callback.hpp"
#include "kxx/result.hpp"
#include "kxx/sizes.hpp"

namespace kxx {

class CpuHotplugState : Pinned {
public:
	explicit CpuHotplugState(const char *name) : name_(name) {}
	~CpuHotplugState() { kabi_cpuhp_state_free(number_); }
	Status setup()
	{
		if (KXX_WARN_ON_ONCE(number_ > 0))
			return Error{err::Busy};
		int n = kabi_cpuhp_state_new(name_);
		if (n < 0)
			return Error{n};
		number_ = n;
		return {};
	}
	// Its place in the order (> 0 once set up).
	int number() const { return number_; }
	// altwq's own state's place.
	static int altwq_number() { return kabi_cpuhp_altwq_state(); }

private:
	const char *name_;
	int number_ = 0;
};

class CpuHotplugWatch : Pinned {
public:
	struct Callbacks {
		kabi_cpuhp_fn online;
		kabi_cpuhp_fn offline;
	};
	template <auto Field, auto Online, auto Offline> static Callbacks callbacks()
	{
		return {&member_trampoline<Field, Online, kabi_cpuhp_instance, unsigned int>,
			&member_trampoline<Field, Offline, kabi_cpuhp_instance, unsigned int>};
	}

	explicit CpuHotplugWatch(Callbacks cb) { kabi_cpuhp_instance_init(raw(), cb.online, cb.offline); }
	~CpuHotplugWatch() { KXX_WARN_ON_ONCE(started_); }

	// Calls online() on every online CPU, then on each CPU that comes up.
	Status start(const CpuHotplugState *state = nullptr)
	{
		if (KXX_WARN_ON_ONCE(started_) || KXX_WARN_ON_ONCE(state && state->number() <= 0))
			return Error{err::Busy};
		state_ = state ? state->number() : 0;
		int ret = kabi_cpuhp_instance_add(state_, raw());
		if (ret)
			return Error{ret};
		started_ = true;
		return {};
	}
	// Calls offline() on every online CPU and stops the notifications.
	void stop()
	{
		if (KXX_WARN_ON_ONCE(!started_))
			return;
		KXX_WARN_ON_ONCE(kabi_cpuhp_instance_remove(state_, raw()) != 0);
		started_ = false;
	}

private:
	kabi_cpuhp_instance *raw() { return storage_.as<kabi_cpuhp_instance>(); }
	KXX_OPAQUE(CPUHP_INSTANCE) storage_; // first: the kernel's pointer is ours
	bool started_ = false;
	int state_ = 0;
};

// Takes a CPU down / brings it back (remove_cpu/add_cpu). May sleep.
inline Status cpu_down(unsigned int cpu)
{
	int ret = kabi_cpu_down(cpu);
	return ret ? Status(Error{ret}) : Status();
}
inline Status cpu_up(unsigned int cpu)
{
	int ret = kabi_cpu_up(cpu);
	return ret ? Status(Error{ret}) : Status();
}

} // namespace kxx
