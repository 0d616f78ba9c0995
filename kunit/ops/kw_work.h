/* SPDX-License-Identifier: GPL-2.0 */
/* C only: the work of struct kw_ops, for callers that embed it. */
#ifndef ALTWQ_OPS_KW_WORK_H
#define ALTWQ_OPS_KW_WORK_H
#include <linux/kthread.h>
#include <altwq/kthread_worker.h>
#include "ops/kw_ops.h"

struct kw_ops_work {
	union {
		struct kthread_delayed_work intree;
		struct altwq_kthread_delayed_work altwq;
	} u;
	kw_ops_fn fn;
	void *ctx;
};

#endif
