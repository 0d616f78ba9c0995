// SPDX-License-Identifier: GPL-2.0
/* Our sysfs bus and its devices for the engines (see kabi/sysfs.h). */
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include "kabi/sysfs.h"

/* Attribute files made from kabi_sysfs_attrs: the kernel's side of them. */
struct kabi_sysfs_files {
	void *data;
	const struct kabi_sysfs_attr *attrs;
	struct device_attribute *dattrs;	/* [n], in attrs' order */
	struct attribute **list;		/* [n + 1], NULL-terminated */
	struct attribute_group group;
	const struct attribute_group *groups[2];
};

struct kabi_sysfs_dev {
	struct device dev;
	struct kabi_sysfs_files files;
};

static struct bus_type kabi_sysfs_bus;
static struct kabi_sysfs_files kabi_sysfs_root;	/* the bus root device's */

static struct kabi_sysfs_files *files_of(struct device *dev)
{
	/* The root device is the subsystem's own, on no bus. */
	return dev->bus == &kabi_sysfs_bus ? &container_of(dev, struct kabi_sysfs_dev, dev)->files : &kabi_sysfs_root;
}

static ssize_t kabi_sysfs_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct kabi_sysfs_files *f = files_of(dev);

	return f->attrs[attr - f->dattrs].show(f->data, buf, PAGE_SIZE);
}

static ssize_t kabi_sysfs_store(struct device *dev, struct device_attribute *attr, const char *buf, size_t count)
{
	struct kabi_sysfs_files *f = files_of(dev);
	int ret = f->attrs[attr - f->dattrs].store(f->data, buf, count);

	return ret ? ret : (ssize_t)count;
}

static void files_free(struct kabi_sysfs_files *f)
{
	kfree(f->list);
	kfree(f->dattrs);
	f->list = NULL;
	f->dattrs = NULL;
}

static int files_make(struct kabi_sysfs_files *f, const struct kabi_sysfs_attr *attrs, int n, void *data)
{
	int i;

	f->dattrs = kcalloc(n, sizeof(*f->dattrs), GFP_KERNEL);
	f->list = kcalloc(n + 1, sizeof(*f->list), GFP_KERNEL);
	if (!f->dattrs || !f->list) {
		files_free(f);
		return -ENOMEM;
	}
	f->data = data;
	f->attrs = attrs;
	for (i = 0; i < n; i++) {
		struct device_attribute *da = &f->dattrs[i];

		sysfs_attr_init(&da->attr);
		da->attr.name = attrs[i].name;
		da->attr.mode = attrs[i].store ? 0644 : 0444;
		da->show = kabi_sysfs_show;
		da->store = attrs[i].store ? kabi_sysfs_store : NULL;
		f->list[i] = &da->attr;
	}
	f->group.attrs = f->list;
	f->groups[0] = &f->group;
	f->groups[1] = NULL;
	return 0;
}

static void kabi_sysfs_release(struct device *dev)
{
	struct kabi_sysfs_dev *d = container_of(dev, struct kabi_sysfs_dev, dev);

	files_free(&d->files);
	kfree(d);
}

int kabi_sysfs_bus_register(const char *name, const struct kabi_sysfs_attr *root_attrs, int n, void *data)
{
	int ret = files_make(&kabi_sysfs_root, root_attrs, n, data);

	if (ret)
		return ret;
	kabi_sysfs_bus.name = name;
	ret = subsys_virtual_register(&kabi_sysfs_bus, kabi_sysfs_root.groups);
	if (ret)
		files_free(&kabi_sysfs_root);
	return ret;
}

void kabi_sysfs_bus_unregister(void)
{
	bus_unregister(&kabi_sysfs_bus);
	files_free(&kabi_sysfs_root);
}

struct kabi_sysfs_dev *kabi_sysfs_dev_add(const char *name, const struct kabi_sysfs_attr *attrs, int n, void *data)
{
	struct kabi_sysfs_dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return NULL;
	if (files_make(&d->files, attrs, n, data)) {
		kfree(d);
		return NULL;
	}
	d->dev.bus = &kabi_sysfs_bus;
	d->dev.groups = d->files.groups;
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
