// SPDX-License-Identifier: GPL-2.0
/* altwq.ko entry points: the C++ layer does the work. */
#include <linux/module.h>
#include <linux/init.h>
#include "kxx/exports.h"

/* The engines' own load/unload (C++), in dependency order. */
int altwq_kthread_worker_init(void);
void altwq_kthread_worker_exit(void);

static int __init altwq_module_init(void)
{
	int err = altwq_kxx_init();

	if (err)
		return err;
	err = altwq_kthread_worker_init();
	if (err)
		altwq_kxx_exit();
	return err;
}

static void __exit altwq_module_exit(void)
{
	altwq_kthread_worker_exit();
	altwq_kxx_exit();
}

module_init(altwq_module_init);
module_exit(altwq_module_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("altwq: an alternate concurrency-managed workqueue and kthread_worker, in C++");
