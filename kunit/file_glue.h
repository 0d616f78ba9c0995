/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Files of sysfs and tracefs, read and written from a test as a shell
 * would. Valid C and C++. May sleep.
 */
#ifndef ALTWQ_KUNIT_FILE_GLUE_H
#define ALTWQ_KUNIT_FILE_GLUE_H
#include "kabi/types.h"
KABI_BEGIN

/* Writes val (truncating the file first if truncate): 0 or a negative errno. */
int altwq_test_write_file(const char *path, const char *val, bool truncate);
/* Reads the whole file (up to size - 1 bytes) into buf, NUL-terminated:
 * the length read, or a negative errno. */
long altwq_test_read_file(const char *path, char *buf, unsigned long size);
/* snprintf's %p of ptr (hashed as the trace output prints it) into buf. */
void altwq_test_format_ptr(char *buf, unsigned long size, const void *ptr);
/* Runs cmd with the guest's /bin/sh as a user-space helper and waits for
 * it: its exit code (0: success), or a negative errno. Files such as
 * tracefs's, which the kernel cannot read or write itself, this way. */
int altwq_test_shell(const char *cmd);
/* strstr(): where needle first occurs in haystack, or NULL. */
const char *altwq_test_find(const char *haystack, const char *needle);
/* Likewise %ps: the symbol a trace event prints for a function. */
void altwq_test_format_sym(char *buf, unsigned long size, const void *fn);

KABI_END
#endif
