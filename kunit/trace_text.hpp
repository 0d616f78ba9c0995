// SPDX-License-Identifier: GPL-2.0
// Trace events as a person reads them: set through the shell (a user-mode
// helper: the kernel cannot read or write tracefs's files itself), the
// trace copied by cat to a file the test then reads. May sleep.
//
//   TraceSession on("altwq", {"altwq_queue_work", ...}, "function == 0x...");
//   ... the works ...
//   on.stop(); long len = on.read(text, size);
//   find_event(text, "altwq_queue_work", "work struct=... cpu=3") >= 0
#pragma once
#include "file_glue.h"
#include "kxx/sched.hpp"
#include "kxx/types.hpp"

namespace kxx::test {

// noinline below: their line buffers stay out of the case's frame (KASAN
// makes frames large).

// Room for a case's trace (on the heap: make_box<TraceText>).
struct TraceText {
	enum : unsigned long { Size = 128 * 1024 };
	char text[Size];
};

class TraceSession : Pinned {
public:
	enum { MaxEvents = 8 };
	// Empties the trace buffer, then sets filter (if any) on each event of
	// system and enables it.
	template <int N>
	__attribute__((noinline)) TraceSession(const char *system, const char *const (&events)[N], const char *filter = nullptr)
		: system_(system), nr_(N)
	{
		static_assert(N <= MaxEvents);
		for (int i = 0; i < N; i++)
			events_[i] = events[i];
		// A write to trace truncates it; the global clock orders events
		// of different CPUs as they happened.
		ok_ = sh("echo > /sys/kernel/tracing/trace && echo global > /sys/kernel/tracing/trace_clock");
		for (int i = 0; i < nr_; i++) {
			char cmd[224];
			if (filter) {
				format(cmd, sizeof(cmd), "echo '%s' > %s/filter", filter, dir(i));
				ok_ = sh(cmd) && ok_;
			}
			format(cmd, sizeof(cmd), "echo 1 > %s/enable", dir(i));
			ok_ = sh(cmd) && ok_;
		}
	}
	// The clock goes back last: setting it empties the buffer.
	~TraceSession()
	{
		stop();
		(void)sh("echo local > /sys/kernel/tracing/trace_clock");
	}
	// Disables the events and clears their filters.
	__attribute__((noinline)) void stop()
	{
		for (int i = 0; i < nr_ && !stopped_; i++) {
			char cmd[224];
			format(cmd, sizeof(cmd), "echo 0 > %s/enable; echo 0 > %s/filter", dir(i), dir(i));
			(void)sh(cmd);
		}
		stopped_ = true;
	}
	bool ok() const { return ok_; }
	// The trace so far into text (NUL-terminated): its length, or < 0.
	__attribute__((noinline)) long read(char *text, unsigned long size)
	{
		if (!sh("cat /sys/kernel/tracing/trace > /altwq_trace.txt"))
			return -1;
		const long len = altwq_test_read_file("/altwq_trace.txt", text, size);
		(void)sh("rm -f /altwq_trace.txt");
		return len;
	}
	static bool sh(const char *cmd) { return altwq_test_shell(cmd) == 0; }

private:
	const char *dir(int i)
	{
		format(dir_, sizeof(dir_), "/sys/kernel/tracing/events/%s/%s", system_, events_[i]);
		return dir_;
	}
	const char *system_;
	const char *events_[MaxEvents] = {};
	int nr_;
	bool ok_ = false;
	bool stopped_ = false;
	char dir_[112];
};

// Where the line "<event>: <payload>\n" starts in text, or -1.
__attribute__((noinline)) inline long find_event(const char *text, const char *event, const char *payload)
{
	char line[256];
	format(line, sizeof(line), "%s: %s\n", event, payload);
	const char *at = altwq_test_find(text, line);
	return at ? at - text : -1;
}
// Where the first line of event whose payload holds all of parts starts
// (from offset from), or -1.
template <int N> __attribute__((noinline)) long find_event_with(const char *text, const char *event, const char *const (&parts)[N], long from = 0)
{
	char head[96];
	format(head, sizeof(head), "%s: ", event);
	for (const char *at = altwq_test_find(text + from, head); at; at = altwq_test_find(at + 1, head)) {
		char line[256];
		int n = 0;
		while (at[n] && at[n] != '\n' && n < (int)sizeof(line) - 1) {
			line[n] = at[n];
			n++;
		}
		line[n] = '\0';
		bool all = true;
		for (const char *p : parts)
			all = all && altwq_test_find(line, p);
		if (all)
			return at - text;
	}
	return -1;
}

} // namespace kxx::test
