// SPDX-License-Identifier: GPL-2.0
/* altwq.ko entry points: the C++ layer does the work. */
#include <linux/module.h>
#include <linux/init.h>
#include "kxx/exports.h"

static int __init altwq_module_init(void)
{
	return altwq_kxx_init();
}

static void __exit altwq_module_exit(void)
{
	altwq_kxx_exit();
}

module_init(altwq_module_init);
module_exit(altwq_module_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("altwq: an alternate concurrency-managed workqueue and kthread_worker, in C++");
