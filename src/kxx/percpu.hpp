// SPDX-License-Identifier: GPL-2.0
// One T per possible CPU (dynamic per-CPU memory), built by create() with
// the same arguments on every CPU. create: context per GFP flags; the
// destructor: may sleep. on(cpu): any context; local(): preemption disabled,
// proved by the PreemptGuard argument.
#pragma once
#include "kabi/percpu.h"
#include "kxx/alloc.hpp"
#include "kxx/cpu.hpp"
#include "kxx/sched.hpp"

namespace kxx {

template <typename T> class PerCpu {
public:
	template <typename... Args> static Result<PerCpu> create(Gfp gfp, const Args &...args)
	{
		void *cookie = kabi_percpu_alloc(sizeof(T), alignof(T), gfp.bits());
		if (!cookie)
			return Error{err::NoMem};
		for (int cpu : possible_cpus())
			new (kabi_per_cpu_ptr(cookie, cpu)) T(args...);
		return PerCpu(cookie);
	}

	PerCpu(PerCpu &&o) : cookie_(exchange(o.cookie_, nullptr)) {}
	PerCpu(const PerCpu &) = delete;
	PerCpu &operator=(const PerCpu &) = delete;
	PerCpu &operator=(PerCpu &&) = delete;
	~PerCpu()
	{
		if (!cookie_)
			return;
		for (int cpu : possible_cpus())
			on(cpu).~T();
		kabi_percpu_free(cookie_);
	}

	T &on(int cpu) { return *static_cast<T *>(kabi_per_cpu_ptr(cookie_, cpu)); }
	T &local(const PreemptGuard &) { return *static_cast<T *>(kabi_this_cpu_ptr(cookie_)); }

private:
	explicit PerCpu(void *cookie) : cookie_(cookie) {}
	void *cookie_;
};

} // namespace kxx
