/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What altwq_bench.ko may read inside the kthread_worker engine (exported in
 * the ALTWQ_INTERNAL namespace). Valid C and C++. Any context.
 */
#ifndef ALTWQ_KW_TEST_HOOKS_H
#define ALTWQ_KW_TEST_HOOKS_H
#include "kabi/types.h"
KABI_BEGIN

/* cancel_[delayed_]work_sync calls since load, and those that waited for a
 * running instance. */
void altwq_kw_cancel_counts(long *cancels, long *waited);

KABI_END
#endif
