/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A bus of our own in sysfs (/sys/bus/<name>/, its devices under
 * /sys/devices/virtual/<name>/) and devices on it whose attribute files
 * call back into the engine. Valid C and C++, no kernel header. May sleep.
 */
#ifndef ALTWQ_KABI_SYSFS_H
#define ALTWQ_KABI_SYSFS_H
#include "kabi/types.h"
KABI_BEGIN

struct kabi_sysfs_dev;

/* One attribute file. show prints at most size bytes into buf and returns
 * the length or a negative errno; store gets the count bytes written
 * (NUL-terminated by sysfs) and returns 0 or a negative errno. No store:
 * read-only (0444), else 0644. May sleep. */
struct kabi_sysfs_attr {
	const char *name;
	long (*show)(void *data, char *buf, unsigned long size);
	int (*store)(void *data, const char *buf, unsigned long count);
};

/* The bus; name must outlive it. Its root device (/sys/devices/virtual/
 * <name>/) gets the attribute files root_attrs[0..n) (the array must
 * outlive the bus) calling back with data. 0 or a negative errno. */
int kabi_sysfs_bus_register(const char *name, const struct kabi_sysfs_attr *root_attrs, int n, void *data);
void kabi_sysfs_bus_unregister(void);
/* A device on the bus named name, with attribute files attrs[0..n) (the
 * array must outlive the device) calling back with data. NULL on failure
 * (a name in use, out of memory). */
struct kabi_sysfs_dev *kabi_sysfs_dev_add(const char *name, const struct kabi_sysfs_attr *attrs, int n, void *data);
/* Once it returns, no callback of the device runs or will run. NULL: nothing. */
void kabi_sysfs_dev_remove(struct kabi_sysfs_dev *dev);

/* What a show or store needs, as sysfs files do it: scnprintf() into buf
 * (the length written); sscanf(buf, "%d") (true if it found one). */
long kabi_sysfs_printf(char *buf, unsigned long size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
bool kabi_sysfs_scan_int(const char *buf, int *val);

KABI_END
#endif
