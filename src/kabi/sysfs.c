// SPDX-License-Identifier: GPL-2.0
/* Our sysfs bus and its devices for the engines (see kabi/sysfs.h). */
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include "kabi/sysfs.h"

struct kabi_sysfs_dev {
	struct device dev;
	void *data;
	const struct kabi_sysfs_attr *attrs;
	struct device_attribute *dattrs;	/* [n], in attrs' order */
	struct attribute **list;		/* [n + 1], NULL-terminated */
	struct attribute_group group;
	const struct attribute_group *groups[2];
};

static struct bus_type kabi_sysfs_bus;

static struct kabi_sysfs_dev *to_kdev(struct device *dev) { return container_of(dev, struct kabi_sysfs_dev, dev); }

static ssize_t kabi_sysfs_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct kabi_sysfs_dev *d = to_kdev(dev);

	return d->attrs[attr - d->dattrs].show(d->data, buf, PAGE_SIZE);
}

static ssize_t kabi_sysfs_store(struct device *dev, struct device_attribute *attr, const char *buf, size_t count)
{
	struct kabi_sysfs_dev *d = to_kdev(dev);
	int ret = d->attrs[attr - d->dattrs].store(d->data, buf, count);

	return ret ? ret : (ssize_t)count;
}

static void kabi_sysfs_release(struct device *dev)
{
	struct kabi_sysfs_dev *d = to_kdev(dev);

	kfree(d->list);
	kfree(d->dattrs);
	kfree(d);
}

int kabi_sysfs_bus_register(const char *name)
{
	kabi_sysfs_bus.name = name;
	return subsys_virtual_register(&kabi_sysfs_bus, NULL);
}

void kabi_sysfs_bus_unregister(void) { bus_unregister(&kabi_sysfs_bus); }

struct kabi_sysfs_dev *kabi_sysfs_dev_add(const char *name, const struct kabi_sysfs_attr *attrs, int n, void *data)
{
	struct kabi_sysfs_dev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	int i;

	if (!d)
		return NULL;
	d->dattrs = kcalloc(n, sizeof(*d->dattrs), GFP_KERNEL);
	d->list = kcalloc(n + 1, sizeof(*d->list), GFP_KERNEL);
	if (!d->dattrs || !d->list) {
		kfree(d->list);
		kfree(d->dattrs);
		kfree(d);
		return NULL;
	}
	d->data = data;
	d->attrs = attrs;
	for (i = 0; i < n; i++) {
		struct device_attribute *da = &d->dattrs[i];

		sysfs_attr_init(&da->attr);
		da->attr.name = attrs[i].name;
		da->attr.mode = attrs[i].store ? 0644 : 0444;
		da->show = kabi_sysfs_show;
		da->store = attrs[i].store ? kabi_sysfs_store : NULL;
		d->list[i] = &da->attr;
	}
	d->group.attrs = d->list;
	d->groups[0] = &d->group;
	d->dev.bus = &kabi_sysfs_bus;
	d->dev.groups = d->groups;
	d->dev.release = kabi_sysfs_release;
	if (dev_set_name(&d->dev, "%s", name)) {
		kabi_sysfs_release(&d->dev);
		return NULL;
	}
	if (device_register(&d->dev)) {
		put_device(&d->dev); /* frees the name and, through release, d */
		return NULL;
	}
	return d;
}

void kabi_sysfs_dev_remove(struct kabi_sysfs_dev *d)
{
	if (d)
		device_unregister(&d->dev);
}

long kabi_sysfs_printf(char *buf, unsigned long size, const char *fmt, ...)
{
	va_list args;
	long len;

	va_start(args, fmt);
	len = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}

bool kabi_sysfs_scan_int(const char *buf, int *val) { return sscanf(buf, "%d", val) == 1; }
