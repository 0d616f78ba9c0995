// SPDX-License-Identifier: GPL-2.0
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/panic.h>
#include "kabi/export.h"
#include "kabi/log.h"

void kabi_vlog(enum kabi_log_level level, const char *fmt, va_list args)
{
	static const char *const prefix[] = {
		[KABI_LOG_ERR] = KERN_ERR, [KABI_LOG_WARNING] = KERN_WARNING,
		[KABI_LOG_NOTICE] = KERN_NOTICE, [KABI_LOG_INFO] = KERN_INFO,
		[KABI_LOG_DEBUG] = KERN_DEBUG,
	};
	struct va_format vaf;
	va_list copy;

	if ((unsigned int)level > KABI_LOG_DEBUG)
		level = KABI_LOG_ERR;
	va_copy(copy, args);
	vaf.fmt = fmt;
	vaf.va = &copy;
	printk("%saltwq: %pV\n", prefix[level], &vaf);
	va_end(copy);
}

static_assert(sizeof(KABI_INFO) == sizeof(KERN_INFO) && sizeof(KABI_CONT) == sizeof(KERN_CONT));

void kabi_vprintk_lvl(const char *lvl, const char *fmt, va_list args)
{
	struct va_format vaf;
	va_list copy;

	va_copy(copy, args);
	vaf.fmt = fmt;
	vaf.va = &copy;
	printk("%s%pV", lvl ? lvl : "", &vaf);
	va_end(copy);
}

void kabi_log(enum kabi_log_level level, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	kabi_vlog(level, fmt, args);
	va_end(args);
}

void kabi_warn(const char *file, int line, const char *what)
{
	WARN(1, "altwq: %s (%s:%d)\n", what, file, line);
}

/* A formatted warning: a real WARN(), or (expected by a test) a quiet note. */
static void warn_fmt(bool expected, const char *file, int line, const char *fmt, va_list args)
{
	struct va_format vaf;
	va_list copy;

	va_copy(copy, args);
	vaf.fmt = fmt;
	vaf.va = &copy;
	if (expected)
		pr_info("altwq: expected warning: %pV (%s:%d)\n", &vaf, file, line);
	else
		WARN(1, "altwq: %pV (%s:%d)\n", &vaf, file, line);
	va_end(copy);
}

void kabi_warn_fmt(const char *file, int line, const char *fmt, va_list args)
{
	warn_fmt(false, file, line, fmt, args);
}

void kabi_log_expected_fmt(const char *file, int line, const char *fmt, va_list args)
{
	warn_fmt(true, file, line, fmt, args);
}

/* For altwq_test.ko, whose C++ tests call kxx inlines. */
KABI_EXPORT(kabi_log);
KABI_EXPORT(kabi_vlog);
KABI_EXPORT(kabi_warn);
KABI_EXPORT(kabi_warn_fmt);
KABI_EXPORT(kabi_log_expected_fmt);

void kabi_panic(const char *msg)
{
	panic("%s", msg);
}
