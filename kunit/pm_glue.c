// SPDX-License-Identifier: GPL-2.0
/* The test kernel's freezer test level, driven from the test module. */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/suspend.h>
#include "pm_glue.h"

#define PM_TEST_PATH "/sys/power/pm_test"
#define PM_TEST_DELAY_PATH "/sys/module/suspend/parameters/pm_test_delay"

/* May sleep. Writes val to a sysfs file: 0 or a negative errno. */
static int write_sysfs(const char *path, const char *val)
{
	struct file *f = filp_open(path, O_WRONLY, 0);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, val, strlen(val), &pos);
	filp_close(f, NULL);
	return n < 0 ? (int)n : 0;
}

/* May sleep. Reads a sysfs file into buf (NUL-terminated). */
static int read_sysfs(const char *path, char *buf, size_t size)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, buf, size - 1, &pos);
	filp_close(f, NULL);
	if (n < 0)
		return (int)n;
	buf[n] = '\0';
	return 0;
}

int altwq_test_freeze_system(unsigned int delay_s)
{
	char buf[128], delay[16], saved_delay[16] = "5";
	int err;

	err = write_sysfs(PM_TEST_PATH, "freezer");
	if (!err)
		err = read_sysfs(PM_TEST_PATH, buf, sizeof(buf));
	/* The current level is shown in brackets: anything else would suspend for real. */
	if (err || !strstr(buf, "[freezer]")) {
		pr_err("altwq_test: pm_test cannot be set to freezer (%d): not suspending\n", err);
		return err ? err : -ENODEV;
	}
	if (read_sysfs(PM_TEST_DELAY_PATH, saved_delay, sizeof(saved_delay)) == 0)
		strim(saved_delay);
	snprintf(delay, sizeof(delay), "%u", delay_s);
	(void)write_sysfs(PM_TEST_DELAY_PATH, delay);
	err = pm_suspend(PM_SUSPEND_TO_IDLE);
	(void)write_sysfs(PM_TEST_DELAY_PATH, saved_delay);
	(void)write_sysfs(PM_TEST_PATH, "none");
	return err;
}
