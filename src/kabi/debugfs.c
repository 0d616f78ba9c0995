// SPDX-License-Identifier: GPL-2.0
/* debugfs text files for the engines (see kabi/debugfs.h). */
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include "kabi/debugfs.h"
#include "kabi/export.h"

#define DENTRY(e) ((struct dentry *)(e))

/* What a file's i_private points to: freed when the file is removed. */
struct kabi_debugfs_show {
	kabi_debugfs_show_fn show;
	void *data;
};

static int kabi_debugfs_seq_show(struct seq_file *m, void *unused)
{
	struct kabi_debugfs_show *s = m->private;

	s->show((struct kabi_seq *)m, s->data);
	return 0;
}

static int kabi_debugfs_open(struct inode *inode, struct file *file)
{
	return single_open(file, kabi_debugfs_seq_show, inode->i_private);
}

static const struct file_operations kabi_debugfs_fops = {
	.owner = THIS_MODULE,
	.open = kabi_debugfs_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

struct kabi_debugfs_entry *kabi_debugfs_create_dir(const char *name, struct kabi_debugfs_entry *parent)
{
	struct dentry *d = debugfs_create_dir(name, DENTRY(parent));

	return IS_ERR_OR_NULL(d) ? NULL : (struct kabi_debugfs_entry *)d;
}

struct kabi_debugfs_entry *kabi_debugfs_create_file(const char *name, struct kabi_debugfs_entry *parent,
						    kabi_debugfs_show_fn show, void *data)
{
	struct kabi_debugfs_show *s;
	struct dentry *d;

	if (!parent)
		return NULL;
	s = kmalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return NULL;
	s->show = show;
	s->data = data;
	d = debugfs_create_file(name, 0444, DENTRY(parent), s, &kabi_debugfs_fops);
	if (IS_ERR_OR_NULL(d)) {
		kfree(s);
		return NULL;
	}
	return (struct kabi_debugfs_entry *)d;
}

bool kabi_debugfs_exists(const char *name, struct kabi_debugfs_entry *parent)
{
	struct dentry *d;

	if (!parent)
		return false;
	d = debugfs_lookup(name, DENTRY(parent));
	if (!d)
		return false;
	dput(d);
	return true;
}

void kabi_debugfs_remove(struct kabi_debugfs_entry *entry)
{
	struct dentry *d = DENTRY(entry);
	void *priv;

	if (!d)
		return;
	/* A file's show data goes after it: debugfs_remove() waits for readers. */
	priv = d_is_reg(d) ? d_inode(d)->i_private : NULL;
	debugfs_remove(d);
	kfree(priv);
}

void kabi_seq_print_cpumask(struct kabi_seq *seq, const char *prefix, const struct kabi_cpumask *mask)
{
	seq_printf((struct seq_file *)seq, "%s%*pb", prefix, cpumask_pr_args((const struct cpumask *)mask));
}

void kabi_seq_printf(struct kabi_seq *seq, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	seq_vprintf((struct seq_file *)seq, fmt, args);
	va_end(args);
}
