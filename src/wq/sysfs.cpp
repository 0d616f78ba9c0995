// SPDX-License-Identifier: GPL-2.0
// ALTWQ_SYSFS: a queue's knobs under /sys/bus/altwq/devices/<name>/, the
// files, formats and write rules of 6.12's /sys/bus/workqueue/devices/, so
// a tool written for one works with the other by the bus name alone:
//
//   per_cpu          "1\n" for a per-CPU queue, "0\n" for an unbound one
//   max_active       "%d\n"; a write of n > 0 sets it, anything else -EINVAL
//   nice             unbound: "%d\n"; -20..19, else -EINVAL
//   cpumask          unbound: hex words ("f\n"); a mask with no online CPU
//                    (or none at all) is -EINVAL, a malformed one its errno
//   affinity_scope   unbound: a scope name ("default (cache)\n" for the
//                    default); an unknown name is -EINVAL
//   affinity_strict  unbound: "0\n" or "1\n"; a write is any integer
//
// A refused write changes nothing. Ordered queues are refused (changing
// max_active would break their order), as 6.12 does. The bus root holds
// the unbound cpumask: cpumask, cpumask_requested, cpumask_isolated.
#include "kxx/sysfs.hpp"
#include "wq/wq.hpp"

using namespace kxx;

namespace altwq::wq {

namespace {

void show_per_cpu(altwq_workqueue &wq, SysfsText &out) { out.print("%d\n", !(wq.flags & ALTWQ_UNBOUND)); }

void show_max_active(altwq_workqueue &wq, SysfsText &out)
{
	out.print("%d\n", wq.shared.lock<MaySleep>()->saved_max_active);
}

int store_max_active(altwq_workqueue &wq, const char *buf)
{
	int val;
	if (!sysfs_scan_int(buf, val) || val <= 0)
		return err::Inval;
	altwq_workqueue_set_max_active(&wq, val);
	return 0;
}

// M held by the caller's guard: the attrs as last applied.
template <typename F> void with_attrs(altwq_workqueue &wq, F &&f)
{
	auto m = wq.shared.lock<MaySleep>();
	f(*m->attrs);
}

void show_nice(altwq_workqueue &wq, SysfsText &out)
{
	with_attrs(wq, [&](const altwq_workqueue_attrs &a) { out.print("%d\n", a.nice); });
}

int edit_nice(altwq_workqueue_attrs &a, const char *buf)
{
	int nice;
	if (!sysfs_scan_int(buf, nice) || nice < NiceMin || nice > NiceMax)
		return err::Inval;
	a.nice = nice;
	return 0;
}

int store_nice(altwq_workqueue &wq, const char *buf) { return edit_workqueue_attrs(&wq, edit_nice, buf); }

void show_cpumask(altwq_workqueue &wq, SysfsText &out)
{
	with_attrs(wq, [&](const altwq_workqueue_attrs &a) {
		out.print_cpumask(a.mask());
		out.print("\n");
	});
}

// The hotplug lock is held (edit_workqueue_attrs): online CPUs stay.
int edit_cpumask(altwq_workqueue_attrs &a, const char *buf)
{
	if (int ret = a.mask().parse_hex(buf))
		return ret;
	for (int cpu : online_cpus())
		if (a.mask().test(cpu))
			return 0;
	return err::Inval;
}

int store_cpumask(altwq_workqueue &wq, const char *buf) { return edit_workqueue_attrs(&wq, edit_cpumask, buf); }

void show_affinity_scope(altwq_workqueue &wq, SysfsText &out)
{
	with_attrs(wq, [&](const altwq_workqueue_attrs &a) {
		if (a.affn_scope == ALTWQ_AFFN_DFL)
			out.print("%s (%s)\n", scope_name(ALTWQ_AFFN_DFL), scope_name(resolve_scope(ALTWQ_AFFN_DFL)));
		else
			out.print("%s\n", scope_name(a.affn_scope));
	});
}

int edit_affinity_scope(altwq_workqueue_attrs &a, const char *buf)
{
	const altwq_affn_scope scope = scope_by_name(buf);
	if (scope >= ALTWQ_AFFN_NR_TYPES)
		return err::Inval;
	a.affn_scope = scope;
	return 0;
}

int store_affinity_scope(altwq_workqueue &wq, const char *buf)
{
	return edit_workqueue_attrs(&wq, edit_affinity_scope, buf);
}

void show_affinity_strict(altwq_workqueue &wq, SysfsText &out)
{
	with_attrs(wq, [&](const altwq_workqueue_attrs &a) { out.print("%d\n", a.affn_strict ? 1 : 0); });
}

int edit_affinity_strict(altwq_workqueue_attrs &a, const char *buf)
{
	int v;
	if (!sysfs_scan_int(buf, v))
		return err::Inval;
	a.affn_strict = v != 0;
	return 0;
}

int store_affinity_strict(altwq_workqueue &wq, const char *buf)
{
	return edit_workqueue_attrs(&wq, edit_affinity_strict, buf);
}

using Wq = altwq_workqueue;

constinit const SysfsAttr bound_attrs[] = {
	sysfs_attr<Wq, show_per_cpu>("per_cpu"),
	sysfs_attr<Wq, show_max_active, store_max_active>("max_active"),
};

constinit const SysfsAttr unbound_attrs[] = {
	sysfs_attr<Wq, show_per_cpu>("per_cpu"),
	sysfs_attr<Wq, show_max_active, store_max_active>("max_active"),
	sysfs_attr<Wq, show_nice, store_nice>("nice"),
	sysfs_attr<Wq, show_cpumask, store_cpumask>("cpumask"),
	sysfs_attr<Wq, show_affinity_scope, store_affinity_scope>("affinity_scope"),
	sysfs_attr<Wq, show_affinity_strict, store_affinity_strict>("affinity_strict"),
};

// The bus root (/sys/devices/virtual/altwq/), as 6.12's
// /sys/devices/virtual/workqueue/: the unbound cpumask, what was asked of
// it, and the CPUs taken from it by cpuset isolated partitions (altwq
// follows none, so none).
void show_root_cpumask(Globals &, SysfsText &out) { show_unbound_cpumask(out, UnboundMask::Effective); }
int store_root_cpumask(Globals &, const char *buf) { return store_unbound_cpumask(buf); }
void show_root_cpumask_requested(Globals &, SysfsText &out) { show_unbound_cpumask(out, UnboundMask::Requested); }
void show_root_cpumask_isolated(Globals &, SysfsText &out)
{
	Box<CpuMask> none(new (GfpKernel) CpuMask());
	if (none)
		out.print_cpumask(*none);
	out.print("\n");
}

constinit const SysfsAttr root_attrs[] = {
	sysfs_attr<Globals, show_root_cpumask, store_root_cpumask>("cpumask"),
	sysfs_attr<Globals, show_root_cpumask_requested>("cpumask_requested"),
	sysfs_attr<Globals, show_root_cpumask_isolated>("cpumask_isolated"),
};

} // namespace

Status sysfs_init()
{
	KXX_TRY(sysfs_bus_register("altwq", root_attrs, g));
	g->sysfs_bus = true;
	return {};
}

void sysfs_exit()
{
	if (exchange(g->sysfs_bus, false))
		sysfs_bus_unregister();
}

Status sysfs_add_queue(altwq_workqueue *wq)
{
	if (KXX_WARN_ONCE(wq->flags & __ALTWQ_ORDERED, "ordered workqueue %s cannot be in sysfs", wq->name))
		return Error{err::Inval};
	if (wq->flags & ALTWQ_UNBOUND)
		return wq->sysfs_dev.add(wq->name, unbound_attrs, wq);
	return wq->sysfs_dev.add(wq->name, bound_attrs, wq);
}

} // namespace altwq::wq
