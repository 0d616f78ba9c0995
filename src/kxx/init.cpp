// SPDX-License-Identifier: GPL-2.0
// altwq.ko load and unload.
#include "kabi/cpuhp.h"
#include "kabi/log.h"
#include "kabi/preempt_notifier.h"
#include "kxx/errno.hpp"
#include "kxx/exports.h"

// May sleep.
extern "C" int altwq_kxx_init(void)
{
	if (!kabi_preempt_notifiers_available()) {
		kabi_log(KABI_LOG_ERR,
			 "this kernel lacks CONFIG_PREEMPT_NOTIFIERS (selected by CONFIG_KVM): "
			 "concurrency management cannot see workers sleep; refusing to load");
		return kxx::err::NotSupp;
	}
	int err = kabi_cpuhp_init();
	if (err) {
		kabi_log(KABI_LOG_ERR, "cannot set up a CPU hotplug state: %d", err);
		return err;
	}
	kabi_preempt_notifiers_enable();
	return 0;
}

// May sleep.
extern "C" void altwq_kxx_exit(void)
{
	kabi_preempt_notifiers_disable();
	kabi_cpuhp_exit();
}
