// SPDX-License-Identifier: GPL-2.0
/* The test kernel's freezer test level, driven from the test module. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/suspend.h>
#include "file_glue.h"
#include "pm_glue.h"

#define PM_TEST_PATH "/sys/power/pm_test"
#define PM_TEST_DELAY_PATH "/sys/module/suspend/parameters/pm_test_delay"

int altwq_test_freeze_system(unsigned int delay_s)
{
	char buf[128] = "", delay[16], saved_delay[16] = "5";
	int err;

	err = altwq_test_write_file(PM_TEST_PATH, "freezer", false);
	if (!err && altwq_test_read_file(PM_TEST_PATH, buf, sizeof(buf)) < 0)
		buf[0] = '\0';
	/* The current level is shown in brackets: anything else would suspend for real. */
	if (err || !strstr(buf, "[freezer]")) {
		pr_err("altwq_test: pm_test cannot be set to freezer (%d): not suspending\n", err);
		return err ? err : -ENODEV;
	}
	if (altwq_test_read_file(PM_TEST_DELAY_PATH, saved_delay, sizeof(saved_delay)) >= 0)
		strim(saved_delay);
	snprintf(delay, sizeof(delay), "%u", delay_s);
	(void)altwq_test_write_file(PM_TEST_DELAY_PATH, delay, false);
	err = pm_suspend(PM_SUSPEND_TO_IDLE);
	(void)altwq_test_write_file(PM_TEST_DELAY_PATH, saved_delay, false);
	(void)altwq_test_write_file(PM_TEST_PATH, "none", false);
	return err;
}
