// SPDX-License-Identifier: GPL-2.0
// WQ_SYSFS queues under /sys/bus/<bus>/devices/<name>/, read and written as
// a shell would: the same cases on altwq (bus altwq) and on the in-tree
// workqueue (bus workqueue) wherever 6.12 defines the behaviour: the files
// and formats, writes that take effect, bad writes refused with -EINVAL and
// changing nothing, and the device's life. What only altwq promises (a
// cpumask write with nothing online refused, its pools) is marked so.
#include <altwq/workqueue_api.h>
#include "attrs_glue.h"
#include "file_glue.h"
#include "kxx/cpu_hotplug.hpp"
#include "kxx/warn.hpp"
#include "wq/test_hooks.h"
#include "wq/wq_test.hpp"

using namespace altwq::wqtest;

namespace {

constexpr int ENOENT_ = -2;

// Defines one case run twice: suite workqueue_sysfs (altwq) and suite
// workqueue_sysfs_intree (the kernel's), from the same body.
#define SYSFS_TEST(name) \
	static void sysfs_case_##name(struct kunit *test, const wq_ops *ops); \
	KXX_TEST(workqueue_sysfs, name) { sysfs_case_##name(test, &altwq_wq_ops_altwq); } \
	KXX_TEST(workqueue_sysfs_intree, name) { sysfs_case_##name(test, &altwq_wq_ops_intree); } \
	static void sysfs_case_##name(struct kunit *test, const wq_ops *ops)

bool is_altwq(const wq_ops *ops) { return ops == &altwq_wq_ops_altwq; }

// A WQ_SYSFS queue of ops' implementation.
class SysfsWq : Pinned {
public:
	SysfsWq(const wq_ops *ops, const char *name, unsigned int flags, int max_active)
		: ops_(ops), wq_(ops->alloc(name, flags | TWQ_SYSFS, max_active))
	{
	}
	~SysfsWq() { destroy(); }
	void *get() const { return wq_; }
	explicit operator bool() const { return wq_ != nullptr; }
	void destroy()
	{
		if (wq_)
			ops_->destroy(exchange(wq_, nullptr));
	}

private:
	const wq_ops *ops_;
	void *wq_;
};

// One file of a queue's directory.
class Knob {
public:
	Knob(const wq_ops *ops, const char *wq_name, const char *file)
	{
		format(path_, sizeof(path_), "/sys/bus/%s/devices/%s/%s", ops->sysfs_bus, wq_name, file);
	}
	// The file's text, or "" (and err set) if it cannot be read.
	const char *read()
	{
		long n = altwq_test_read_file(path_, buf_, sizeof(buf_));
		err_ = n < 0 ? static_cast<int>(n) : 0;
		if (n < 0)
			buf_[0] = '\0';
		return buf_;
	}
	int write(const char *val) { return altwq_test_write_file(path_, val, false); }
	// As a shell would: echo val > file; the shell's exit code (0: written).
	int echo(const char *val)
	{
		char cmd[160];
		format(cmd, sizeof(cmd), "echo %s > %s", val, path_);
		return altwq_test_shell(cmd);
	}
	int err() const { return err_; }
	bool reads(const char *want) { return __builtin_strcmp(read(), want) == 0; }

private:
	char path_[80];
	char buf_[64];
	int err_ = 0;
};

// 6.1's in-tree queues have no affinity_scope and affinity_strict files
// (scopes came in 6.5): there the cases check that they are absent.
bool has_scopes(struct kunit *test, const wq_ops *ops)
{
	return wq_has(test, ops, TWQ_LACKS_AFFINITY_SCOPES, "affinity_scope and affinity_strict (6.5)");
}

bool starts_with(const char *s, const char *prefix) { return __builtin_strncmp(s, prefix, __builtin_strlen(prefix)) == 0; }

} // namespace

SYSFS_TEST(files_show_6_12s_formats)
{
	SysfsWq unbound(ops, "altwq_sysfs_u", TWQ_UNBOUND, 16), percpu(ops, "altwq_sysfs_p", 0, 7);
	KT_ASSERT(test, unbound && percpu);
	KT_EXPECT(test, Knob(ops, "altwq_sysfs_u", "per_cpu").reads("0\n"));
	KT_EXPECT(test, Knob(ops, "altwq_sysfs_u", "max_active").reads("16\n"));
	KT_EXPECT(test, Knob(ops, "altwq_sysfs_u", "nice").reads("0\n"));
	Knob scope(ops, "altwq_sysfs_u", "affinity_scope");
	const char *s = scope.read();
	if (has_scopes(test, ops)) {
		KT_EXPECT(test, Knob(ops, "altwq_sysfs_u", "affinity_strict").reads("0\n"));
		KT_EXPECT(test, starts_with(s, "default (") && __builtin_strlen(s) > 11 &&
					__builtin_strcmp(s + __builtin_strlen(s) - 2, ")\n") == 0);
	} else {
		KT_EXPECT_EQ(test, scope.err(), ENOENT_);
	}
	// Every possible CPU, in hex words: 4 CPUs are "f".
	char want[16];
	format(want, sizeof(want), "%llx\n", (1ULL << nr_cpu_ids()) - 1);
	Knob cpumask(ops, "altwq_sysfs_u", "cpumask");
	KT_EXPECT(test, cpumask.reads(want));
	altwq_kunit_log(test, "affinity_scope %s cpumask %s", s, cpumask.read());
	// A per-CPU queue has only per_cpu and max_active.
	KT_EXPECT(test, Knob(ops, "altwq_sysfs_p", "per_cpu").reads("1\n"));
	KT_EXPECT(test, Knob(ops, "altwq_sysfs_p", "max_active").reads("7\n"));
	Knob no_nice(ops, "altwq_sysfs_p", "nice");
	no_nice.read();
	KT_EXPECT_EQ(test, no_nice.err(), ENOENT_);
	KT_EXPECT_EQ(test, no_nice.write("1"), ENOENT_);
}

SYSFS_TEST(writes_change_the_queue)
{
	SysfsWq wq(ops, "altwq_sysfs_w", TWQ_UNBOUND, 16);
	KT_ASSERT(test, wq);
	Body body;
	TestWork w(ops, body);
	KT_ASSERT(test, w);
	Knob max_active(ops, "altwq_sysfs_w", "max_active"), nice(ops, "altwq_sysfs_w", "nice"),
		cpumask(ops, "altwq_sysfs_w", "cpumask"), scope(ops, "altwq_sysfs_w", "affinity_scope"),
		strict(ops, "altwq_sysfs_w", "affinity_strict");
	KT_EXPECT_EQ(test, max_active.write("3\n"), 0);
	KT_EXPECT(test, max_active.reads("3\n"));
	const int pool_before = is_altwq(ops) ? altwq_wq_unbound_pool_id(wq.get(), 0) : 0;
	KT_EXPECT_EQ(test, nice.write("5\n"), 0);
	KT_EXPECT(test, nice.reads("5\n"));
	if (is_altwq(ops)) {
		KT_EXPECT_EQ(test, altwq_wq_node_max_active(wq.get(), -1), 3);
		KT_EXPECT_NE(test, altwq_wq_unbound_pool_id(wq.get(), 0), pool_before);
	}
	if (!has_scopes(test, ops)) {
		KT_EXPECT_EQ(test, scope.write("smt"), ENOENT_);
		KT_EXPECT_EQ(test, strict.write("1"), ENOENT_);
	} else {
	// From the shell, as a user would.
	KT_EXPECT_EQ(test, scope.echo("numa"), 0);
	KT_EXPECT(test, scope.reads("numa\n"));
	KT_EXPECT_EQ(test, scope.write("smt\n"), 0);
	KT_EXPECT(test, scope.reads("smt\n"));
	KT_EXPECT_EQ(test, scope.write("CPU"), 0); // names are case-blind, as 6.12's
	KT_EXPECT(test, scope.reads("cpu\n"));
	KT_EXPECT_EQ(test, scope.write("smt"), 0);
	KT_EXPECT_EQ(test, strict.write("1\n"), 0);
	KT_EXPECT(test, strict.reads("1\n"));
	// Strict smt: a work runs among the SMT siblings of the CPU it was
	// queued from.
	for (int cpu : online_cpus()) {
		for (int round = 0; round < 2; round++) {
			KT_EXPECT(test, ops->queue_on(cpu, wq.get(), w.get()));
			(void)ops->flush_work(w.get());
			KT_EXPECT(test, (altwq_test_smt_cpus(cpu) >> body.start_cpu.load(Relaxed) & 1) != 0);
		}
	}
	KT_EXPECT_EQ(test, strict.write("7"), 0); // any non-zero integer is true
	KT_EXPECT(test, strict.reads("1\n"));
	KT_EXPECT_EQ(test, strict.write("0"), 0);
	KT_EXPECT(test, strict.reads("0\n"));
	}
	// One CPU in the mask: every work runs there.
	const int only = last_online_cpu();
	char mask[16];
	format(mask, sizeof(mask), "%llx\n", 1ULL << only);
	KT_EXPECT_EQ(test, cpumask.write(mask), 0);
	KT_EXPECT(test, cpumask.reads(mask));
	for (int cpu : online_cpus()) {
		KT_EXPECT(test, ops->queue_on(cpu, wq.get(), w.get()));
		(void)ops->flush_work(w.get());
		KT_EXPECT_EQ(test, body.start_cpu.load(Relaxed), only);
	}
	// Back to the default scope.
	if (!(ops->lacks & TWQ_LACKS_AFFINITY_SCOPES)) {
		KT_EXPECT_EQ(test, scope.write("default"), 0);
		KT_EXPECT(test, starts_with(scope.read(), "default ("));
	}
}

SYSFS_TEST(bad_writes_are_einval_and_change_nothing)
{
	SysfsWq wq(ops, "altwq_sysfs_bad", TWQ_UNBOUND, 16);
	KT_ASSERT(test, wq);
	Knob max_active(ops, "altwq_sysfs_bad", "max_active"), nice(ops, "altwq_sysfs_bad", "nice"),
		cpumask(ops, "altwq_sysfs_bad", "cpumask"), scope(ops, "altwq_sysfs_bad", "affinity_scope"),
		strict(ops, "altwq_sysfs_bad", "affinity_strict");
	const bool scopes = has_scopes(test, ops);
	KT_ASSERT_EQ(test, nice.write("3"), 0);
	if (scopes)
		KT_ASSERT_EQ(test, scope.write("numa"), 0);
	ops->quiesce();
	char mask_before[32];
	format(mask_before, sizeof(mask_before), "%s", cpumask.read());
	const int pwqs = is_altwq(ops) ? altwq_wq_nr_pwqs(wq.get()) : 0;
	const int pool = is_altwq(ops) ? altwq_wq_unbound_pool_id(wq.get(), 0) : 0;
	KT_EXPECT_EQ(test, max_active.write("0"), err::Inval);
	KT_EXPECT_EQ(test, max_active.write("-4"), err::Inval);
	KT_EXPECT_EQ(test, max_active.write("lots"), err::Inval);
	KT_EXPECT_EQ(test, nice.write("20"), err::Inval);
	KT_EXPECT_EQ(test, nice.write("-21"), err::Inval);
	KT_EXPECT_EQ(test, nice.write("nice"), err::Inval);
	KT_EXPECT_EQ(test, cpumask.write("zz"), err::Inval);
	if (scopes) {
		KT_EXPECT_EQ(test, scope.write("bogus"), err::Inval);
		KT_EXPECT_EQ(test, scope.write("\n"), err::Inval);
		KT_EXPECT_EQ(test, strict.write("yes"), err::Inval);
	}
	KT_EXPECT_NE(test, nice.echo("99"), 0); // the shell's write fails too
	if (is_altwq(ops)) {
		// altwq only: a mask with no online CPU (6.12 takes it and falls
		// back to every CPU).
		KT_EXPECT_EQ(test, cpumask.write("0"), err::Inval);
		const int far = last_online_cpu();
		KT_ASSERT(test, far != 0 && cpu_down(far).ok());
		char offline[16];
		format(offline, sizeof(offline), "%llx", 1ULL << far);
		KT_EXPECT_EQ(test, cpumask.write(offline), err::Inval);
		KT_EXPECT(test, cpu_up(far).ok());
	}
	KT_EXPECT(test, max_active.reads("16\n"));
	KT_EXPECT(test, nice.reads("3\n"));
	KT_EXPECT(test, cpumask.reads(mask_before));
	if (scopes) {
		KT_EXPECT(test, scope.reads("numa\n"));
		KT_EXPECT(test, strict.reads("0\n"));
	}
	if (is_altwq(ops)) {
		altwq_wq_flush_releases();
		KT_EXPECT_EQ(test, altwq_wq_nr_pwqs(wq.get()), pwqs);
		KT_EXPECT_EQ(test, altwq_wq_unbound_pool_id(wq.get(), 0), pool);
	}
}

SYSFS_TEST(the_directory_lives_as_long_as_the_queue)
{
	Knob per_cpu(ops, "altwq_sysfs_life", "per_cpu");
	{
		SysfsWq wq(ops, "altwq_sysfs_life", TWQ_UNBOUND, 0);
		KT_ASSERT(test, wq);
		KT_EXPECT(test, per_cpu.reads("0\n"));
		// A second queue of that name cannot have the directory.
		SysfsWq twin(ops, "altwq_sysfs_life", TWQ_UNBOUND, 0);
		KT_EXPECT(test, !twin);
	}
	per_cpu.read();
	KT_EXPECT_EQ(test, per_cpu.err(), ENOENT_);
	// The name is free again.
	SysfsWq again(ops, "altwq_sysfs_life", 0, 0);
	KT_EXPECT(test, again && per_cpu.reads("1\n"));
	// Ordered queues are refused, as 6.12 does (whose WARN would fail the
	// boot's log check: altwq's warning is counted instead).
	if (!is_altwq(ops))
		return;
	ExpectWarnings warnings;
	altwq_workqueue *ordered =
		altwq_alloc_workqueue("altwq_sysfs_ord", ALTWQ_UNBOUND | __ALTWQ_ORDERED | ALTWQ_SYSFS, 1);
	KT_EXPECT(test, ordered == nullptr);
	if (ordered)
		altwq_destroy_workqueue(ordered);
	KT_EXPECT_EQ(test, warnings.finish(), 1);
}

// Attrs written while works block on the pwqs they replace: none is lost or
// run twice, and a flush begun after the writes waits for the old pwqs'.
SYSFS_TEST(writes_while_works_block_lose_none)
{
	enum { N = 16 };
	SysfsWq wq(ops, "altwq_sysfs_load", TWQ_UNBOUND, 0);
	WorkSet a(ops, N), b(ops, N);
	Completion gate;
	KT_ASSERT(test, wq && a.ok() && b.ok());
	Knob nice(ops, "altwq_sysfs_load", "nice"), scope(ops, "altwq_sysfs_load", "affinity_scope"),
		strict(ops, "altwq_sysfs_load", "affinity_strict");
	for (int i = 0; i < N; i++) {
		a.body(i).gate = &gate;
		b.body(i).gate = &gate;
		KT_EXPECT(test, ops->queue_on(test::nth_online_cpu(i), wq.get(), a.work(i)));
	}
	const bool scopes = has_scopes(test, ops);
	KT_EXPECT_EQ(test, nice.write("2"), 0);
	if (scopes)
		KT_EXPECT_EQ(test, scope.write("cpu"), 0);
	for (int i = 0; i < N; i++)
		KT_EXPECT(test, ops->queue_on(test::nth_online_cpu(i), wq.get(), b.work(i)));
	if (scopes) {
		KT_EXPECT_EQ(test, strict.write("1"), 0);
		KT_EXPECT_EQ(test, scope.write("system"), 0);
	} else {
		KT_EXPECT_EQ(test, nice.write("-3"), 0); // a second attrs change under load
	}
	KT_EXPECT_EQ(test, flush_waits_for_gate(ops, wq.get(), gate), 1);
	KT_EXPECT_EQ(test, a.total(&Body::runs), (int)N);
	KT_EXPECT_EQ(test, b.total(&Body::runs), (int)N);
	KT_EXPECT_EQ(test, a.total(&Body::overlapped) + b.total(&Body::overlapped), 0);
	if (is_altwq(ops)) {
		altwq_wq_flush_releases();
		KT_EXPECT_EQ(test, altwq_wq_nr_pwqs(wq.get()), 1); // system: its one pod is the default pwq
	}
}
