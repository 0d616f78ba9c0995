/* SPDX-License-Identifier: GPL-2.0 */
/* C only: the layout behind struct kabi_hrtimer (sized in sizes.c). */
#ifndef ALTWQ_KABI_HRTIMER_TYPES_H
#define ALTWQ_KABI_HRTIMER_TYPES_H
#include <linux/hrtimer.h>
#include "kabi/hrtimer.h"

struct kabi_hrtimer {
	struct hrtimer timer;
	kabi_hrtimer_fn fn;
};

#endif
