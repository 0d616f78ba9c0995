// SPDX-License-Identifier: GPL-2.0
/* failslab for the tests (see fault_glue.h). */
#include <linux/kernel.h>
#include <linux/sched.h>
#include "fault_glue.h"
#include "file_glue.h"

/* debugfs files have no write_iter, so kernel_write() cannot reach them:
 * the guest's shell writes them. */
int altwq_test_fail_nth(unsigned int n)
{
	/* Slab only, GFP_KERNEL too, without a backtrace per failure. */
	int ret = altwq_test_shell("echo N > /sys/kernel/debug/failslab/ignore-gfp-wait && "
				   "echo 0 > /sys/kernel/debug/failslab/verbose");

	if (ret)
		return ret < 0 ? ret : -EIO;
	WRITE_ONCE(current->fail_nth, n);
	return 0;
}

bool altwq_test_fail_nth_stop(void)
{
	bool fired = READ_ONCE(current->fail_nth) == 0;

	WRITE_ONCE(current->fail_nth, 0);
	return fired;
}
