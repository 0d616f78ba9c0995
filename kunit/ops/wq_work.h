/* SPDX-License-Identifier: GPL-2.0 */
/* C only: the work of struct wq_ops, for callers that embed it. */
#ifndef ALTWQ_OPS_WQ_WORK_H
#define ALTWQ_OPS_WQ_WORK_H
#include <linux/workqueue.h>
#include <altwq/workqueue.h>
#include "ops/wq_ops.h"

struct wq_ops_work {
	union {
		struct delayed_work intree;
		struct altwq_delayed_work altwq;
		struct rcu_work intree_rcu;
		struct altwq_rcu_work altwq_rcu;
		struct execute_work intree_ew;
		struct altwq_execute_work altwq_ew;
	} u;
	wq_ops_fn fn;
	void *ctx;
};

#endif
