// SPDX-License-Identifier: GPL-2.0
#include <linux/printk.h>
#include <linux/bug.h>
#include "kabi/export.h"
#include "kabi/log.h"

void kabi_log(enum kabi_log_level level, const char *fmt, ...)
{
	static const char *const prefix[] = {
		[KABI_LOG_ERR] = KERN_ERR, [KABI_LOG_WARNING] = KERN_WARNING,
		[KABI_LOG_NOTICE] = KERN_NOTICE, [KABI_LOG_INFO] = KERN_INFO,
		[KABI_LOG_DEBUG] = KERN_DEBUG,
	};
	struct va_format vaf;
	va_list args;

	if ((unsigned int)level > KABI_LOG_DEBUG)
		level = KABI_LOG_ERR;
	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	printk("%saltwq: %pV\n", prefix[level], &vaf);
	va_end(args);
}

void kabi_warn(const char *file, int line, const char *what)
{
	WARN(1, "altwq: %s (%s:%d)\n", what, file, line);
}

/* For altwq_test.ko, whose C++ tests call kxx inlines. */
KABI_EXPORT(kabi_log);
KABI_EXPORT(kabi_warn);
