/* SPDX-License-Identifier: GPL-2.0 */
/*
 * debugfs directories and read-only text files whose contents a callback
 * prints (seq_file). Valid C and C++, no kernel header. May sleep.
 */
#ifndef ALTWQ_KABI_DEBUGFS_H
#define ALTWQ_KABI_DEBUGFS_H
#include "kabi/types.h"
KABI_BEGIN

struct kabi_debugfs_entry;	/* a dentry */
struct kabi_seq;		/* a seq_file being filled */

/* Prints the file's text into seq; data as given at creation. May sleep. */
typedef void (*kabi_debugfs_show_fn)(struct kabi_seq *seq, void *data);

/* NULL if debugfs is missing or the entry could not be made (not fatal). */
struct kabi_debugfs_entry *kabi_debugfs_create_dir(const char *name, struct kabi_debugfs_entry *parent);
struct kabi_debugfs_entry *kabi_debugfs_create_file(const char *name, struct kabi_debugfs_entry *parent,
						    kabi_debugfs_show_fn show, void *data);
/* Whether parent holds an entry of this name. */
bool kabi_debugfs_exists(const char *name, struct kabi_debugfs_entry *parent);
/* Removes the entry (and what is under it); once it returns no show
 * callback of it runs or will run. NULL: nothing. */
void kabi_debugfs_remove(struct kabi_debugfs_entry *entry);
void kabi_seq_printf(struct kabi_seq *seq, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A cpumask as hex ("%*pb"), with prefix before it. */
struct kabi_cpumask;
void kabi_seq_print_cpumask(struct kabi_seq *seq, const char *prefix, const struct kabi_cpumask *mask);

KABI_END
#endif
