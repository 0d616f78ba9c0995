// SPDX-License-Identifier: GPL-2.0
/* altwq_bench.ko's copy of the operation tables (generated from the
 * backends in kunit/ops; altwq_test.ko has the same). */
#include "ops/ops_tables.h"
