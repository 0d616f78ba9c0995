// SPDX-License-Identifier: GPL-2.0
// The kthread_worker's trace events, read from tracefs: altwq's
// altwq:altwq_kthread_work_* and the kernel's sched:sched_kthread_work_*
// show the same fields in the same format.
#include "kw_test.hpp"
#include "trace_text.hpp"

using namespace altwq::kwtest;
using kxx::test::find_event;
using kxx::test::TraceSession;
using kxx::test::TraceText;

// Queueing (work, function, worker), then execute_start and _end.
KW_TEST(trace_events_show_each_work_with_its_function_and_worker)
{
	OneWork one(ops);
	auto copy = KT_ASSERT_OK(test, make_box<TraceText>(GfpKernel));
	KT_ASSERT(test, one.ok());
	const void *fn = ops->raw_func(one.work.get());
	char sym[96], work[24], worker[24], filter[48], payload[192];
	altwq_test_format_sym(sym, sizeof(sym), fn);
	altwq_test_format_ptr(work, sizeof(work), ops->raw_work(one.work.get()));
	altwq_test_format_ptr(worker, sizeof(worker), one.worker.get());
	format(filter, sizeof(filter), "function == 0x%lx", reinterpret_cast<unsigned long>(fn));
	const char *const events[3] = {ops->trace_events[0], ops->trace_events[1], ops->trace_events[2]};
	TraceSession on(ops->trace_system, events, filter);
	KT_ASSERT(test, on.ok());
	KT_EXPECT(test, ops->queue(one.worker.get(), one.work.get()));
	ops->flush_work(one.work.get());
	on.stop();
	const long len = on.read(copy->text, TraceText::Size);
	KT_ASSERT(test, len > 0);
	KT_EXPECT_EQ(test, one.body.runs.load(Acquire), 1);
	format(payload, sizeof(payload), "work struct=%s function=%s worker=%s", work, sym, worker);
	const long queued = find_event(copy->text, events[0], payload);
	format(payload, sizeof(payload), "work struct %s: function %s", work, sym);
	const long started = find_event(copy->text, events[1], payload);
	const long ended = find_event(copy->text, events[2], payload);
	KT_EXPECT_GE(test, queued, 0L);
	KT_EXPECT_GT(test, started, queued);
	KT_EXPECT_GT(test, ended, started);
	altwq_kunit_log(test, "%s: %s, %s and %s in %ld bytes", ops->name, events[0], events[1], events[2], len);
}
