/* SPDX-License-Identifier: GPL-2.0 */
/* C only: the layout behind struct kabi_cpuhp_instance (sized in sizes.c). */
#ifndef ALTWQ_KABI_CPUHP_TYPES_H
#define ALTWQ_KABI_CPUHP_TYPES_H
#include <linux/types.h>
#include "kabi/cpuhp.h"

struct kabi_cpuhp_instance {
	struct hlist_node node;
	kabi_cpuhp_fn online;
	kabi_cpuhp_fn offline;
};

#endif
