// SPDX-License-Identifier: GPL-2.0
// struct completion. complete/complete_all/try_wait/done: any context;
// wait and wait_for: may sleep.
#pragma once
#include "kabi/completion.h"
#include "kabi/kthread.h"
#include "kxx/sizes.hpp"

namespace kxx {

class Completion : Pinned {
public:
	Completion() { kabi_completion_init(raw()); }
	void reinit() { kabi_completion_reinit(raw()); }
	void complete() { kabi_complete(raw()); }
	void complete_all() { kabi_complete_all(raw()); }
	void wait() { kabi_completion_wait(raw()); } // may sleep
	// May sleep. Returns false on timeout.
	bool wait_for(unsigned long timeout_jiffies) { return kabi_completion_wait_timeout(raw(), timeout_jiffies) != 0; }
	bool try_wait() { return kabi_completion_try_wait(raw()); }
	bool done() { return kabi_completion_done(raw()); }
	// From a kthread that ends itself: completes this and exits, never
	// returning into module code (so a module may unload once it is done).
	[[noreturn]] void complete_and_exit_kthread() { kabi_kthread_complete_and_exit(raw()); }

private:
	kabi_completion *raw() { return storage_.as<kabi_completion>(); }
	KXX_OPAQUE(COMPLETION) storage_;
};

// The wrappers are exactly the kernel objects (checked against src/kabi/sizes.c).
static_assert(sizeof(Completion) == KABI_SIZEOF_COMPLETION && alignof(Completion) == KABI_ALIGNOF_COMPLETION);

} // namespace kxx
