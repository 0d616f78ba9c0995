/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's failslab, driven from a case through debugfs: the calling
 * task's slab allocations (GFP_KERNEL ones too) fail once their budget is
 * spent. Valid C and C++. May sleep.
 */
#ifndef ALTWQ_KUNIT_FAULT_GLUE_H
#define ALTWQ_KUNIT_FAULT_GLUE_H
#include "kabi/types.h"
KABI_BEGIN

/* From now on the calling task's nth slab allocation (n >= 1) fails, once
 * (the kernel's fail-nth). 0 or a negative errno (no failslab). */
int altwq_test_fail_nth(unsigned int n);
/* Stops it; true if the failure was injected. */
bool altwq_test_fail_nth_stop(void);

KABI_END
#endif
