// SPDX-License-Identifier: GPL-2.0
// CPU pods: for each affinity scope, the possible CPUs cut into groups from
// the topology the kernel exports (SMT siblings, last-level caches, NUMA
// nodes), each the home of one unbound pool per set of attrs. Made at load
// and fixed after (as 6.12: pods are of possible CPUs; hotplug only decides
// which pods have an online CPU).
//
// cache_shard (7.1): each LLC pod cut into shards of at most
// cache_shard_size cores, an SMT group never split, the cores dealt out so
// that the shards of one LLC differ by at most one core.
#include "kxx/alloc.hpp"
#include "kxx/cpu.hpp"
#include "kxx/params.hpp"
#include "wq/wq.hpp"

using namespace kxx;

namespace altwq::wq {

namespace {

struct PodType {
	int nr_pods = 0;
	int *cpu_pod = nullptr;		// by CPU
	CpuMask **pod_cpus = nullptr;	// by pod
};

constinit PodType pod_types[ALTWQ_AFFN_NR_TYPES];

bool share_nothing(int, int) { return false; }
bool share_numa(int a, int b) { return cpu_to_node(a) == cpu_to_node(b); }
bool share_all(int, int) { return true; }

// cpu_pod[] from pod_of(cpu) (already filled), then the pods' masks.
Status fill_masks(PodType &pt)
{
	pt.pod_cpus = new (GfpKernel | GfpZero) CpuMask *[pt.nr_pods];
	if (!pt.pod_cpus)
		return Error{err::NoMem};
	for (int pod = 0; pod < pt.nr_pods; pod++) {
		pt.pod_cpus[pod] = new (GfpKernel) CpuMask();
		if (!pt.pod_cpus[pod])
			return Error{err::NoMem};
	}
	for (int cpu : possible_cpus())
		pt.pod_cpus[pt.cpu_pod[cpu]]->set(cpu);
	return {};
}

// Pods as the classes of `share`: a CPU joins the pod of the first earlier
// CPU it shares with.
Status init_by_relation(PodType &pt, bool (*share)(int, int))
{
	pt.cpu_pod = new (GfpKernel | GfpZero) int[nr_cpu_ids()];
	if (!pt.cpu_pod)
		return Error{err::NoMem};
	for (int cpu : possible_cpus()) {
		pt.cpu_pod[cpu] = -1;
		for (int prev : possible_cpus()) {
			if (prev >= cpu)
				break;
			if (share(cpu, prev)) {
				pt.cpu_pod[cpu] = pt.cpu_pod[prev];
				break;
			}
		}
		if (pt.cpu_pod[cpu] < 0)
			pt.cpu_pod[cpu] = pt.nr_pods++;
	}
	return fill_masks(pt);
}

// The LLC pods cut into shards of whole SMT groups (cores).
Status init_cache_shards(PodType &pt, const PodType &llc, const PodType &smt)
{
	pt.cpu_pod = new (GfpKernel | GfpZero) int[nr_cpu_ids()];
	if (!pt.cpu_pod)
		return Error{err::NoMem};
	const int size = static_cast<int>(params::cache_shard_size());
	for (int l = 0; l < llc.nr_pods; l++) {
		// The cores of this LLC, in CPU order of their first CPU.
		int cores = 0;
		for (int cpu : possible_cpus())
			if (llc.cpu_pod[cpu] == l && smt.pod_cpus[smt.cpu_pod[cpu]]->next(-1) == cpu)
				cores++;
		const int shards = (cores + size - 1) / size;
		int core = 0;
		for (int cpu : possible_cpus()) {
			if (llc.cpu_pod[cpu] != l)
				continue;
			const int first = smt.pod_cpus[smt.cpu_pod[cpu]]->next(-1);
			if (first != cpu) { // a sibling: its core's shard
				pt.cpu_pod[cpu] = pt.cpu_pod[first];
				continue;
			}
			// Core k of n goes to shard k * shards / n: even shards.
			pt.cpu_pod[cpu] = pt.nr_pods + core * shards / cores;
			core++;
		}
		pt.nr_pods += shards;
	}
	return fill_masks(pt);
}

} // namespace

Status pods_init()
{
	KXX_TRY(init_by_relation(pod_types[ALTWQ_AFFN_CPU], share_nothing));
	KXX_TRY(init_by_relation(pod_types[ALTWQ_AFFN_SMT], cpus_share_smt));
	KXX_TRY(init_by_relation(pod_types[ALTWQ_AFFN_CACHE], cpus_share_llc));
	KXX_TRY(init_cache_shards(pod_types[ALTWQ_AFFN_CACHE_SHARD], pod_types[ALTWQ_AFFN_CACHE],
				  pod_types[ALTWQ_AFFN_SMT]));
	KXX_TRY(init_by_relation(pod_types[ALTWQ_AFFN_NUMA], share_numa));
	KXX_TRY(init_by_relation(pod_types[ALTWQ_AFFN_SYSTEM], share_all));
	return {};
}

void pods_exit()
{
	for (PodType &pt : pod_types) {
		if (pt.pod_cpus)
			for (int pod = 0; pod < pt.nr_pods; pod++)
				delete pt.pod_cpus[pod];
		delete[] pt.pod_cpus;
		delete[] pt.cpu_pod;
		pt = PodType();
	}
}

const CpuMask &pod_cpus_of(altwq_affn_scope scope, int cpu)
{
	const PodType &pt = pod_types[resolve_scope(scope)];
	return *pt.pod_cpus[pt.cpu_pod[cpu]];
}

int pod_of(altwq_affn_scope scope, int cpu) { return pod_types[resolve_scope(scope)].cpu_pod[cpu]; }

int nr_pods(altwq_affn_scope scope) { return pod_types[resolve_scope(scope)].nr_pods; }

const CpuMask *pod_cpus(altwq_affn_scope scope, int pod)
{
	const PodType &pt = pod_types[resolve_scope(scope)];
	return pod >= 0 && pod < pt.nr_pods ? pt.pod_cpus[pod] : nullptr;
}

} // namespace altwq::wq
