// SPDX-License-Identifier: GPL-2.0
/* altwq_torture.ko's copy of the operation tables (generated from the
 * backends in kunit/ops, as altwq_bench.ko's and altwq_test.ko's). */
#include "ops/ops_tables.h"
