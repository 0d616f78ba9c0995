// SPDX-License-Identifier: GPL-2.0
/* Files of sysfs and tracefs for the tests (see file_glue.h). */
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/umh.h>
#include "file_glue.h"

int altwq_test_write_file(const char *path, const char *val, bool truncate)
{
	struct file *f = filp_open(path, O_WRONLY | (truncate ? O_TRUNC : 0), 0);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, val, strlen(val), &pos);
	filp_close(f, NULL);
	return n < 0 ? (int)n : 0;
}

long altwq_test_read_file(const char *path, char *buf, unsigned long size)
{
	struct file *f;
	loff_t pos = 0;
	long len = 0;

	if (!size)
		return -EINVAL;
	f = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(f))
		return PTR_ERR(f);
	/* sysfs gives a page at most per read, tracefs what it has: loop. */
	while (len < (long)size - 1) {
		ssize_t n = kernel_read(f, buf + len, size - 1 - len, &pos);

		if (n < 0) {
			len = n;
			break;
		}
		if (n == 0)
			break;
		len += n;
	}
	filp_close(f, NULL);
	if (len >= 0)
		buf[len] = '\0';
	return len;
}

void altwq_test_format_ptr(char *buf, unsigned long size, const void *ptr)
{
	snprintf(buf, size, "%p", ptr);
}

int altwq_test_shell(const char *cmd)
{
	char *argv[] = {"/bin/sh", "-c", (char *)cmd, NULL};
	static char *envp[] = {"HOME=/", "PATH=/bin:/sbin:/usr/bin:/usr/sbin", NULL};
	/* Killable: a stuck command does not wedge the case's thread for good. */
	int ret = call_usermodehelper(argv[0], argv, envp, UMH_WAIT_PROC | UMH_KILLABLE);

	/* A positive result is a wait status: killed by a signal, or exited
	 * with the code in its high byte. */
	if (ret > 0 && (ret & 0x7f))
		return -EINTR;
	return ret > 0 ? (ret >> 8) & 0xff : ret;
}

const char *altwq_test_find(const char *haystack, const char *needle) { return strstr(haystack, needle); }

void altwq_test_format_sym(char *buf, unsigned long size, const void *fn)
{
	snprintf(buf, size, "%ps", fn);
}
