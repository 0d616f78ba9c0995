// SPDX-License-Identifier: GPL-2.0
// Trace events, read from tracefs as a person reads them: altwq's
// altwq:altwq_* and the kernel's workqueue:workqueue_* must show the same
// fields in the same format for the same works.
#include <altwq/workqueue_api.h>
#include "trace_text.hpp"
#include "wq/altwq_knobs.hpp"
#include "wq/test_hooks.h"
#include "wq/wq_test.hpp"

using namespace altwq::wqtest;
using kxx::test::find_event;
using kxx::test::TraceSession;

using kxx::test::find_event_with;
using kxx::test::TraceText;

// queue_work (work, function, queue name, the CPU asked for and the
// pool's: -1 for unbound), activate_work at once or when max_active lets it
// (after the work ahead ended), execute_start and _end.
WQ_TEST(trace_events_show_each_work_with_its_queue_function_and_cpus)
{
	const int cpu = last_online_cpu();
	TestWq wq(ops, 0, 1), uwq(ops, TWQ_UNBOUND, 0);
	Completion gate;
	// On the heap: the frame stays small under KASAN.
	struct Bodies {
		Body first, second, unbound;
		char sym[96], pw[3][24], payload[192];
	};
	auto heap = KT_ASSERT_OK(test, make_box<Bodies>(GfpKernel));
	auto &[first_body, second_body, unbound_body, sym, pw, payload] = *heap;
	first_body.gate = &gate;
	TestWork first(ops, first_body), second(ops, second_body), unbound(ops, unbound_body);
	auto copy = KT_ASSERT_OK(test, make_box<TraceText>(GfpKernel));
	char *trace = copy->text;
	KT_ASSERT(test, wq && uwq && first && second && unbound);
	const void *fn = ops->raw_func(first.get());
	altwq_test_format_sym(sym, sizeof(sym), fn);
	wq_ops_work *works[] = {first.get(), second.get(), unbound.get()};
	for (int i = 0; i < 3; i++)
		altwq_test_format_ptr(pw[i], sizeof(pw[i]), ops->raw_work(works[i]));

	char names[4][48], filter[112];
	const char *suffixes[4] = {"queue_work", "activate_work", "execute_start", "execute_end"};
	for (int i = 0; i < 4; i++)
		format(names[i], sizeof(names[i]), "%s%s", ops->trace_prefix, suffixes[i]);
	const char *const events[4] = {names[0], names[1], names[2], names[3]};
	// Only this case's three works (every event of both has the work's
	// address; 6.1's activate_work has no function).
	format(filter, sizeof(filter), "work == 0x%lx || work == 0x%lx || work == 0x%lx",
	       reinterpret_cast<unsigned long>(ops->raw_work(works[0])),
	       reinterpret_cast<unsigned long>(ops->raw_work(works[1])),
	       reinterpret_cast<unsigned long>(ops->raw_work(works[2])));
	const bool activate_has_function = !(ops->lacks & TWQ_LACKS_ACTIVATE_FUNCTION);
	TraceSession on(ops->trace_system, events, filter);
	KT_ASSERT(test, on.ok());
	KT_EXPECT(test, ops->queue_on(cpu, wq.get(), first.get()));
	KT_EXPECT(test, wait_until([&] { return first_body.started.load(Acquire) == 1; }, 5000));
	KT_EXPECT(test, ops->queue_on(cpu, wq.get(), second.get())); // waits: max_active 1
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, uwq.get(), unbound.get()));
	gate.complete_all();
	ops->flush_wq(wq.get());
	ops->flush_wq(uwq.get());
	on.stop();
	const long len = on.read(trace, TraceText::Size);
	KT_ASSERT(test, len > 0);

	long queued[3], activated[3], started[3], ended[3];
	const int req_cpu[3] = {cpu, cpu, ALTWQ_WORK_CPU_UNBOUND}, pool_cpu[3] = {cpu, cpu, -1};
	for (int i = 0; i < 3; i++) {
		format(payload, sizeof(payload), "work struct=%s function=%s workqueue=twq req_cpu=%d cpu=%d", pw[i], sym,
		       req_cpu[i], pool_cpu[i]);
		queued[i] = find_event(trace, names[0], payload);
		if (activate_has_function)
			format(payload, sizeof(payload), "work struct %s function=%s ", pw[i], sym);
		else
			format(payload, sizeof(payload), "work struct %s", pw[i]);
		activated[i] = find_event(trace, names[1], payload);
		format(payload, sizeof(payload), "work struct %s: function %s", pw[i], sym);
		started[i] = find_event(trace, names[2], payload);
		ended[i] = find_event(trace, names[3], payload);
		KT_EXPECT_GE(test, queued[i], 0L);
		KT_EXPECT_GT(test, activated[i], queued[i]);
		KT_EXPECT_GT(test, started[i], activated[i]);
		KT_EXPECT_GT(test, ended[i], started[i]);
	}
	// The second was let in only once the first had ended.
	KT_EXPECT_GT(test, activated[1], ended[0]);
	if (queued[0] < 0)
		altwq_kunit_log(test, "%s: no queue_work line for %s in %ld bytes of trace", ops->name, pw[0], len);
	altwq_kunit_log(test, "%s: %s, %s, %s and %s for 3 works in %ld bytes", ops->name, names[0], names[1], names[2],
			names[3], len);
	// The unbound work's lines, as tracefs shows them.
	const long lines[] = {queued[2], activated[2], started[2], ended[2]};
	for (long at : lines) {
		int n = 0;
		while (at >= 0 && trace[at + n] && trace[at + n] != '\n')
			n++;
		if (at >= 0)
			altwq_kunit_log(test, "%.*s", n, trace + at);
	}
}

namespace {

// The number after key in text (up to its line's end), or -1.
long number_after(const char *text, const char *key)
{
	const char *at = altwq_test_find(text, key);
	if (!at)
		return -1;
	long n = -1;
	for (at += __builtin_strlen(key); *at >= '0' && *at <= '9'; at++)
		n = (n < 0 ? 0 : n * 10) + (*at - '0');
	return n;
}

} // namespace

// altwq's own events: workers made under blocking load and reaped when
// idle (pool, worker number, CPU), and a work the hog watch marks
// CPU-intensive (work, function, how long it had run).
KXX_TEST(workqueue_altwq_only, trace_events_show_workers_made_and_reaped_and_a_hog_marked)
{
	enum { N = 6 };
	const wq_ops *ops = &altwq_wq_ops_altwq;
	const int cpu = last_online_cpu();
	IdleTimeout timeout(300);
	CpuIntensiveThresh thresh(10000);
	TestWq wq(ops, 0, 0);
	WorkSet set(ops, N);
	Completion gate;
	struct Heap {
		Body hog;
		TraceText copy;
		char sym[96], hog_work[24], cpu_part[16];
	};
	auto heap = KT_ASSERT_OK(test, make_box<Heap>(GfpKernel));
	Heap &h = *heap;
	h.hog.spin_cpu_us = 30000; // three thresholds
	TestWork hog(ops, h.hog);
	KT_ASSERT(test, wq && set.ok() && hog);
	altwq_test_format_sym(h.sym, sizeof(h.sym), ops->raw_func(hog.get()));
	altwq_test_format_ptr(h.hog_work, sizeof(h.hog_work), ops->raw_work(hog.get()));
	format(h.cpu_part, sizeof(h.cpu_part), " cpu=%d", cpu);
	const char *const events[] = {"altwq_worker_create", "altwq_worker_destroy", "altwq_cpu_intensive"};
	TraceSession on("altwq", events);
	KT_ASSERT(test, on.ok());
	altwq_wq_pool_stats before = {};
	(void)altwq_wq_get_pool_stats(cpu, false, &before);
	for (int i = 0; i < N; i++) {
		set.body(i).gate = &gate;
		KT_EXPECT(test, ops->queue_on(cpu, wq.get(), set.work(i)));
	}
	KT_EXPECT(test, wait_until([&] { return set.total(&Body::started) == N; }, 10000));
	gate.complete_all();
	ops->flush_wq(wq.get());
	// Surplus idle workers go after the idle timeout.
	altwq_wq_pool_stats st = {};
	KT_EXPECT(test, wait_until([&] {
		(void)altwq_wq_get_pool_stats(cpu, false, &st);
		return st.nr_reaped > before.nr_reaped && st.nr_created > before.nr_created;
	}, 10000));
	KT_EXPECT(test, ops->queue_on(cpu, wq.get(), hog.get()));
	(void)ops->flush_work(hog.get());
	on.stop();
	const long len = on.read(h.copy.text, TraceText::Size);
	KT_ASSERT(test, len > 0);
	const char *const on_cpu[] = {"pool=", " worker=", h.cpu_part};
	KT_EXPECT_GE(test, find_event_with(h.copy.text, "altwq_worker_create", on_cpu), 0L);
	KT_EXPECT_GE(test, find_event_with(h.copy.text, "altwq_worker_destroy", on_cpu), 0L);
	char hog_head[160];
	format(hog_head, sizeof(hog_head), "work struct %s: function %s runtime_us=", h.hog_work, h.sym);
	const char *const hog_parts[] = {hog_head};
	const long marked = find_event_with(h.copy.text, "altwq_cpu_intensive", hog_parts);
	KT_EXPECT_GE(test, marked, 0L);
	const long runtime_us = marked >= 0 ? number_after(h.copy.text + marked, "runtime_us=") : -1;
	KT_EXPECT_GE(test, runtime_us, 10000L);
	KT_EXPECT_LT(test, runtime_us, 40000L); // marked on the way, not at its end
	altwq_kunit_log(test, "%ld workers made, %ld reaped on cpu %d; the hog was marked after %ld us (%ld bytes)",
			st.nr_created - before.nr_created, st.nr_reaped - before.nr_reaped, cpu, runtime_us, len);
}

// /sys/kernel/debug/altwq/: a queue's file shows its pwqs with 6.12's
// counters (started, completed, cpu_time_us, cpu_intensive, ...) and their
// total; "pools" has the CPU's pool with its workers. Read with cat, as a
// person would.
KXX_TEST(workqueue_altwq_only, debugfs_shows_each_queues_counters_and_the_pools)
{
	enum { N = 4 };
	const wq_ops *ops = &altwq_wq_ops_altwq;
	const int cpu = last_online_cpu();
	CpuIntensiveThresh thresh(10000);
	struct OwnQueue : Pinned { // destroyed whatever ends the case
		const wq_ops *ops;
		void *wq;
		~OwnQueue()
		{
			if (wq)
				ops->destroy(wq);
		}
	} own{{}, ops, ops->alloc("altwq_stats_case", 0, 0)};
	void *wq = own.wq;
	struct Heap {
		Body plain[N], hog;
		TraceText copy;
		char pool_line[64];
	};
	auto heap = KT_ASSERT_OK(test, make_box<Heap>(GfpKernel));
	Heap &h = *heap;
	h.hog.spin_cpu_us = 30000;
	TestWork hog(ops, h.hog), w0(ops, h.plain[0]), w1(ops, h.plain[1]), w2(ops, h.plain[2]), w3(ops, h.plain[3]);
	KT_ASSERT(test, wq && hog && w0 && w1 && w2 && w3);
	wq_ops_work *works[N] = {w0.get(), w1.get(), w2.get(), w3.get()};
	for (wq_ops_work *w : works)
		KT_EXPECT(test, ops->queue_on(cpu, wq, w));
	KT_EXPECT(test, ops->queue_on(cpu, wq, hog.get()));
	ops->flush_wq(wq);
	KT_EXPECT(test, TraceSession::sh("cat /sys/kernel/debug/altwq/altwq_stats_case > /altwq_stats.txt"));
	long len = altwq_test_read_file("/altwq_stats.txt", h.copy.text, TraceText::Size);
	KT_ASSERT(test, len > 0);
	// One line per record (a printk record holds 1 KB): qemu-test hands
	// them to altwq-monitor.
	for (const char *line = h.copy.text; *line;) {
		int n = 0;
		while (line[n] && line[n] != '\n')
			n++;
		altwq_kunit_log(test, "%.*s", n, line);
		line += line[n] ? n + 1 : n;
	}
	KT_EXPECT(test, altwq_test_find(h.copy.text, "workqueue name=altwq_stats_case flags=0x"));
	const char *total = altwq_test_find(h.copy.text, "\ntotal ");
	KT_ASSERT(test, total);
	KT_EXPECT_EQ(test, number_after(total, "started="), (long)N + 1);
	KT_EXPECT_EQ(test, number_after(total, "completed="), (long)N + 1);
	KT_EXPECT_EQ(test, number_after(total, "cpu_intensive="), 1L);
	KT_EXPECT_GE(test, number_after(total, "cpu_time_us="), 30000L); // the hog's own 30 ms at least
	KT_EXPECT_EQ(test, number_after(total, "mayday="), 0L);
	// The CPU's pwq holds them all.
	char pwq_head[48];
	format(pwq_head, sizeof(pwq_head), "pwq pool=%d cpu=%d ", cpu * 2, cpu);
	const char *pwq = altwq_test_find(h.copy.text, pwq_head);
	KT_EXPECT(test, pwq);
	if (pwq)
		KT_EXPECT_EQ(test, number_after(pwq, "started="), (long)N + 1);
	// Destroyed, the file goes.
	ops->destroy(exchange(own.wq, nullptr));
	KT_EXPECT_EQ(test, altwq_test_read_file("/sys/kernel/debug/altwq/altwq_stats_case", h.pool_line,
						 sizeof(h.pool_line)), (long)err::NoEnt);

	KT_EXPECT(test, TraceSession::sh("cat /sys/kernel/debug/altwq/pools > /altwq_stats.txt"));
	len = altwq_test_read_file("/altwq_stats.txt", h.copy.text, TraceText::Size);
	(void)TraceSession::sh("rm -f /altwq_stats.txt");
	KT_ASSERT(test, len > 0);
	format(h.pool_line, sizeof(h.pool_line), "pool id=%d cpu=%d highpri=0 bh=0 workers=", cpu * 2, cpu);
	const char *pool = altwq_test_find(h.copy.text, h.pool_line);
	KT_EXPECT(test, pool);
	if (pool)
		KT_EXPECT_GE(test, number_after(pool, "workers="), 1L);
}

namespace {

// A work that names itself (set_worker_desc) and waits at a gate.
struct DescribedBlock {
	Completion started, gate;
};

void described_block_fn(wq_ops_work *, void *ctx)
{
	DescribedBlock *d = static_cast<DescribedBlock *>(ctx);
	altwq_set_worker_desc("dump-case %d", 7);
	d->started.complete();
	d->gate.wait();
}

// Logs text one line per record (a printk record holds 1 KB).
void log_lines(struct kunit *test, const char *text)
{
	for (const char *line = text; *line;) {
		int n = 0;
		while (line[n] && line[n] != '\n')
			n++;
		altwq_kunit_log(test, "%.*s", n, line);
		line += line[n] ? n + 1 : n;
	}
}

} // namespace

// What scripts/altwq-dump reads: "pods" (each scope's pods), "pools" (an
// unbound pool with its cpumask and pod), "workers" (a busy worker with
// its function and set_worker_desc text) and a queue's file with the pool
// for each CPU. The files are logged between "=== NAME" lines; qemu-test
// runs altwq-dump on them.
KXX_TEST(workqueue_altwq_only, dump_files_show_pods_pools_workers_and_each_cpus_pool)
{
	const wq_ops *ops = &altwq_wq_ops_altwq;
	TestWq wq(ops, TWQ_UNBOUND, 0);
	struct Heap {
		DescribedBlock block;
		TraceText copy;
	};
	auto heap = KT_ASSERT_OK(test, make_box<Heap>(GfpKernel));
	Heap &h = *heap;
	KT_ASSERT(test, wq);
	wq_ops_work *w = ops->new_work(described_block_fn, &h.block);
	KT_ASSERT(test, w);
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, wq.get(), w));
	h.block.started.wait();
	const bool copied = TraceSession::sh("cd /sys/kernel/debug/altwq && for f in pods pools workers twq; do "
					     "echo \"=== $f\"; cat $f; done > /altwq_dump.txt; echo '=== end' >> /altwq_dump.txt");
	h.block.gate.complete();
	(void)ops->flush_work(w);
	ops->free_work(w);
	KT_ASSERT(test, copied);
	const long len = altwq_test_read_file("/altwq_dump.txt", h.copy.text, TraceText::Size);
	(void)TraceSession::sh("rm -f /altwq_dump.txt");
	KT_ASSERT(test, len > 0);
	log_lines(test, h.copy.text);
	// The guest's topology (two sockets of two threads): two LLCs.
	KT_EXPECT(test, altwq_test_find(h.copy.text, "\nscope name=cache nr_pods=2\n"));
	KT_EXPECT(test, altwq_test_find(h.copy.text, "\npod scope=cache id=1 cpus=c\n"));
	KT_EXPECT(test, altwq_test_find(h.copy.text, " nice=0 cpus=f pod_cpus="));
	KT_EXPECT(test, altwq_test_find(h.copy.text, " state=busy func=altwq_wqb_trampoline [altwq_test] desc=dump-case 7\n"));
	KT_EXPECT(test, altwq_test_find(h.copy.text, "workqueue name=twq flags=0x2 kind=unbound\ncpu_pools cpu0="));
	KT_EXPECT(test, altwq_test_find(h.copy.text, " dfl="));
}

namespace {

struct NameSeen {
	char comm[24] = {};
	Atomic<int> runs{0};
};
void record_name(wq_ops_work *, void *ctx)
{
	NameSeen *n = static_cast<NameSeen *>(ctx);
	TaskRef::current().name(n->comm, sizeof(n->comm));
	n->runs.fetch_add(1, Release);
}

// Skips a run of digits at s: where it ends, or nullptr if there is none.
const char *digits(const char *s)
{
	const char *d = s;
	while (*d >= '0' && *d <= '9')
		d++;
	return d == s ? nullptr : d;
}

// Whether s is head, a number, (if numbered_pool: ':' and a number,) then
// suffix, and nothing more.
bool named(const char *s, const char *head, bool numbered_pool, const char *suffix)
{
	const size_t n = __builtin_strlen(head);
	if (__builtin_strncmp(s, head, n) != 0 || !(s = digits(s + n)))
		return false;
	if (numbered_pool && (*s++ != ':' || !(s = digits(s))))
		return false;
	return __builtin_strcmp(s, suffix) == 0;
}

} // namespace

// Workers are named as ps shows kworkers: altwq/<cpu>:<n> (H for the
// high-priority pools), altwq/u<pool>:<n> for unbound ones.
KXX_TEST(workqueue_altwq_only, workers_are_named_like_kworkers)
{
	const wq_ops *ops = &altwq_wq_ops_altwq;
	const int cpu = last_online_cpu();
	TestWq bound(ops, 0, 0), highpri(ops, TWQ_HIGHPRI, 0), unbound(ops, TWQ_UNBOUND, 0);
	NameSeen seen[3];
	wq_ops_work *works[3] = {ops->new_work(record_name, &seen[0]), ops->new_work(record_name, &seen[1]),
				 ops->new_work(record_name, &seen[2])};
	KT_ASSERT(test, bound && highpri && unbound && works[0] && works[1] && works[2]);
	KT_EXPECT(test, ops->queue_on(cpu, bound.get(), works[0]));
	KT_EXPECT(test, ops->queue_on(cpu, highpri.get(), works[1]));
	KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, unbound.get(), works[2]));
	for (wq_ops_work *w : works)
		(void)ops->flush_work(w);
	char head[16];
	format(head, sizeof(head), "altwq/%d:", cpu);
	KT_EXPECT(test, named(seen[0].comm, head, false, ""));
	KT_EXPECT(test, named(seen[1].comm, head, false, "H"));
	KT_EXPECT(test, named(seen[2].comm, "altwq/u", true, ""));
	altwq_kunit_log(test, "per-CPU %s, high-priority %s, unbound %s", seen[0].comm, seen[1].comm, seen[2].comm);
	for (wq_ops_work *w : works)
		ops->free_work(w);
}
