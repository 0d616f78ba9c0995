// SPDX-License-Identifier: GPL-2.0
// Trace events, read from tracefs as a person reads them: altwq's
// altwq:altwq_* and the kernel's workqueue:workqueue_* must show the same
// fields in the same format for the same works.
#include <altwq/workqueue_api.h>
#include "file_glue.h"
#include "wq/wq_test.hpp"

using namespace altwq::wqtest;

namespace {

constexpr const char *EventNames[] = {"queue_work", "activate_work", "execute_start", "execute_end"};
// Where the shell copies the trace to (the initramfs: a file the kernel
// can read, which tracefs's are not).
constexpr const char *TraceCopy = "/altwq_trace.txt";
enum : unsigned long { TraceBufSize = 128 * 1024 };
struct TraceText {
	char text[TraceBufSize];
};

// May sleep. The backend's four work events, on (only for works with the
// ops trampoline as their function, which only this case queues) while
// it lives; set and read through the shell, as a person would.
class WorkEventsOn : Pinned {
public:
	WorkEventsOn(const wq_ops *ops, const void *fn) : ops_(ops)
	{
		// An empty buffer first (a write to trace truncates it).
		ok_ = sh("echo > /sys/kernel/tracing/trace");
		for (const char *ev : EventNames) {
			char cmd[192];
			format(cmd, sizeof(cmd), "echo 'function == 0x%lx' > %s/filter", reinterpret_cast<unsigned long>(fn),
			       dir(ev));
			ok_ = sh(cmd) && ok_;
			format(cmd, sizeof(cmd), "echo 1 > %s/enable", dir(ev));
			ok_ = sh(cmd) && ok_;
		}
	}
	~WorkEventsOn() { off(); }
	void off()
	{
		for (const char *ev : EventNames) {
			char cmd[192];
			format(cmd, sizeof(cmd), "echo 0 > %s/enable; echo 0 > %s/filter", dir(ev), dir(ev));
			(void)sh(cmd);
		}
	}
	bool ok() const { return ok_; }
	static bool sh(const char *cmd) { return altwq_test_shell(cmd) == 0; }

private:
	const char *dir(const char *event)
	{
		format(dir_, sizeof(dir_), "/sys/kernel/tracing/events/%s/%s%s", ops_->trace_system, ops_->trace_prefix,
		       event);
		return dir_;
	}
	const wq_ops *ops_;
	bool ok_ = false;
	char dir_[96];
};

// The position of "<prefix><event>: <payload>\n" in the trace text, or -1.
long find_event(const char *trace, const wq_ops *ops, const char *event, const char *payload)
{
	char line[256];
	format(line, sizeof(line), "%s%s: %s\n", ops->trace_prefix, event, payload);
	const char *at = altwq_test_find(trace, line);
	return at ? at - trace : -1;
}

} // namespace

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

	{
		WorkEventsOn on(ops, fn);
		KT_ASSERT(test, on.ok());
		KT_EXPECT(test, ops->queue_on(cpu, wq.get(), first.get()));
		KT_EXPECT(test, wait_until([&] { return first_body.started.load(Acquire) == 1; }, 5000));
		KT_EXPECT(test, ops->queue_on(cpu, wq.get(), second.get())); // waits: max_active 1
		KT_EXPECT(test, ops->queue_on(ops->cpu_unbound, uwq.get(), unbound.get()));
		gate.complete_all();
		ops->flush_wq(wq.get());
		ops->flush_wq(uwq.get());
	}
	char cmd[64];
	format(cmd, sizeof(cmd), "cat /sys/kernel/tracing/trace > %s", TraceCopy);
	KT_ASSERT(test, WorkEventsOn::sh(cmd));
	const long len = altwq_test_read_file(TraceCopy, trace, TraceBufSize);
	format(cmd, sizeof(cmd), "rm -f %s", TraceCopy);
	(void)WorkEventsOn::sh(cmd);
	KT_ASSERT(test, len > 0);

	long queued[3], activated[3], started[3], ended[3];
	const int req_cpu[3] = {cpu, cpu, ALTWQ_WORK_CPU_UNBOUND}, pool_cpu[3] = {cpu, cpu, -1};
	const char *names[3] = {"twq", "twq", "twq"};
	for (int i = 0; i < 3; i++) {
		format(payload, sizeof(payload), "work struct=%s function=%s workqueue=%s req_cpu=%d cpu=%d", pw[i], sym,
		       names[i], req_cpu[i], pool_cpu[i]);
		queued[i] = find_event(trace, ops, "queue_work", payload);
		format(payload, sizeof(payload), "work struct %s function=%s ", pw[i], sym);
		activated[i] = find_event(trace, ops, "activate_work", payload);
		format(payload, sizeof(payload), "work struct %s: function %s", pw[i], sym);
		started[i] = find_event(trace, ops, "execute_start", payload);
		ended[i] = find_event(trace, ops, "execute_end", payload);
		KT_EXPECT_GE(test, queued[i], 0L);
		KT_EXPECT_GT(test, activated[i], queued[i]);
		KT_EXPECT_GT(test, started[i], activated[i]);
		KT_EXPECT_GT(test, ended[i], started[i]);
	}
	// The second was let in only once the first had ended.
	KT_EXPECT_GT(test, activated[1], ended[0]);
	if (queued[0] < 0)
		altwq_kunit_log(test, "%s: no queue_work line for %s in %ld bytes of trace", ops->name, pw[0], len);
	altwq_kunit_log(test, "%s: %s%s, %s%s, %s%s and %s%s for 3 works in %ld bytes", ops->name, ops->trace_prefix,
			EventNames[0], ops->trace_prefix, EventNames[1], ops->trace_prefix, EventNames[2],
			ops->trace_prefix, EventNames[3], len);
}
