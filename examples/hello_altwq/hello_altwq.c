// SPDX-License-Identifier: GPL-2.0
/*
 * hello_altwq: another out-of-tree module using altwq, as a driver would.
 * A queue with a work and a delayed work, and a kthread_worker with a work;
 * its load logs what ran. See Makefile for how it builds against altwq.
 */
#include <linux/atomic.h>
#include <linux/module.h>
#include <altwq/kthread_worker.h>
#include <altwq/workqueue.h>

static struct altwq_workqueue *hello_wq;
static struct altwq_work hello_work;
static struct altwq_delayed_work hello_dwork;
static struct altwq_kthread_worker *hello_worker;
static struct altwq_kthread_work hello_kwork;
static atomic_t hello_runs = ATOMIC_INIT(0);

static void hello_fn(struct altwq_work *work)
{
	atomic_inc(&hello_runs);
}

static void hello_kfn(struct altwq_kthread_work *work)
{
	atomic_inc(&hello_runs);
}

static int __init hello_altwq_init(void)
{
	hello_wq = altwq_alloc_workqueue("hello_altwq", ALTWQ_UNBOUND, 0);
	if (!hello_wq)
		return -ENOMEM;
	hello_worker = altwq_kthread_create_worker(0, "hello_altwq");
	if (IS_ERR(hello_worker)) {
		altwq_destroy_workqueue(hello_wq);
		return PTR_ERR(hello_worker);
	}
	ALTWQ_INIT_WORK(&hello_work, hello_fn);
	ALTWQ_INIT_DELAYED_WORK(&hello_dwork, hello_fn);
	ALTWQ_KTHREAD_INIT_WORK(&hello_kwork, hello_kfn);
	altwq_queue_work(hello_wq, &hello_work);
	altwq_queue_delayed_work(hello_wq, &hello_dwork, 1);
	altwq_kthread_queue_work(hello_worker, &hello_kwork);
	altwq_flush_work(&hello_work);
	altwq_flush_delayed_work(&hello_dwork);
	altwq_kthread_flush_work(&hello_kwork);
	pr_info("hello_altwq: %d of 3 works ran (a work, a delayed work, a kthread work)\n", atomic_read(&hello_runs));
	return 0;
}

static void __exit hello_altwq_exit(void)
{
	altwq_kthread_destroy_worker(hello_worker);
	altwq_destroy_workqueue(hello_wq);
}

module_init(hello_altwq_init);
module_exit(hello_altwq_exit);
MODULE_DESCRIPTION("A module that uses altwq's workqueue and kthread_worker");
MODULE_LICENSE("GPL");
