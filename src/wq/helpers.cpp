// SPDX-License-Identifier: GPL-2.0
// The calls built on queueing and flushing: run a function on every CPU,
// on one CPU, or in process context.
#include "kxx/alloc.hpp"
#include "kxx/cpu.hpp"
#include "kxx/errno.hpp"
#include "kxx/sched.hpp"
#include "wq/wq.hpp"

using namespace kxx;
using namespace altwq::wq;

namespace {

// A function and its result, run by a work on the caller's stack.
struct WorkForCpu {
	altwq_work work;
	long (*fn)(void *);
	void *arg;
	long ret;
};

void work_for_cpu_fn(altwq_work *work)
{
	WorkForCpu *w = owner_of<&WorkForCpu::work>(work);
	w->ret = w->fn(w->arg);
}

bool valid_cpu_call(int cpu, long (*fn)(void *))
{
	if (KXX_WARN_ON_ONCE(!fn))
		return false;
	return !KXX_WARN_ONCE(cpu < 0 || !cpu_possible(cpu), "CPU %d does not exist", cpu);
}

// May sleep. fn(arg) in a work on cpu's pool of the system queue; cpu is valid.
long run_on_cpu(int cpu, long (*fn)(void *), void *arg)
{
	WorkForCpu w{{}, fn, arg, 0};
	init_work(w.work, work_for_cpu_fn, KXX_LOCK_CLASS("(work_completion)work_on_cpu"), true);
	const bool queued = altwq_queue_work_on(cpu, altwq_system_wq, &w.work);
	if (queued)
		(void)altwq_flush_work(&w.work);
	debugobj::work_free(&w.work);
	return queued ? w.ret : err::Inval;
}

} // namespace

extern "C" int altwq_schedule_on_each_cpu(altwq_work_func_t func)
{
	KXX_MIGHT_SLEEP();
	if (KXX_WARN_ON_ONCE(!func))
		return err::Inval;
	altwq_work *works = new (GfpKernel) altwq_work[nr_cpu_ids()];
	if (!works)
		return err::NoMem;
	{
		CpusReadGuard cpus;
		for (int cpu : online_cpus()) {
			init_work(works[cpu], func, KXX_LOCK_CLASS("(work_completion)schedule_on_each_cpu"));
			(void)altwq_queue_work_on(cpu, altwq_system_wq, &works[cpu]);
		}
		for (int cpu : online_cpus())
			(void)altwq_flush_work(&works[cpu]);
	}
	delete[] works;
	return 0;
}

extern "C" int altwq_execute_in_process_context(altwq_work_func_t fn, altwq_execute_work *ew)
{
	if (KXX_WARN_ON_ONCE(!fn) || KXX_WARN_ON_ONCE(!ew))
		return err::Inval;
	if (!in_interrupt()) {
		fn(&ew->work);
		return 0;
	}
	init_work(ew->work, fn, KXX_LOCK_CLASS("(work_completion)execute_in_process_context"));
	(void)altwq_queue_work_on(ALTWQ_WORK_CPU_UNBOUND, altwq_system_wq, &ew->work);
	return 1;
}

extern "C" long altwq_work_on_cpu(int cpu, long (*fn)(void *), void *arg)
{
	KXX_MIGHT_SLEEP();
	return valid_cpu_call(cpu, fn) ? run_on_cpu(cpu, fn, arg) : err::Inval;
}

extern "C" long altwq_work_on_cpu_safe(int cpu, long (*fn)(void *), void *arg)
{
	KXX_MIGHT_SLEEP();
	if (!valid_cpu_call(cpu, fn))
		return err::Inval;
	CpusReadGuard cpus;
	return cpu_online(cpu) ? run_on_cpu(cpu, fn, arg) : err::NoDev;
}
