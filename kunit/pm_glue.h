/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The system freeze for the WQ_FREEZABLE suite: a suspend to idle that
 * stops at /sys/power/pm_test's "freezer" level (tasks are frozen, held
 * for the delay, and thawed; no device is suspended). Valid C and C++.
 */
#ifndef ALTWQ_KUNIT_PM_GLUE_H
#define ALTWQ_KUNIT_PM_GLUE_H
#include "kabi/types.h"
KABI_BEGIN

/*
 * May sleep; from a task that may suspend the system (not a KUnit case's
 * kthread: see kunit_glue.c). Sets pm_test to "freezer" and pm_test_delay
 * to delay_s, checks that the kernel took them (it refuses to suspend for
 * real: -ENODEV without CONFIG_PM_DEBUG), suspends, and puts both back.
 * pm_suspend()'s result.
 */
int altwq_test_freeze_system(unsigned int delay_s);

KABI_END
#endif
