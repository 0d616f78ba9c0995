/* SPDX-License-Identifier: GPL-2.0 */
/*
 * debugobjects for altwq works (CONFIG_DEBUG_OBJECTS_WORK; without it,
 * KABI_CONFIG_DEBUG_OBJECTS_WORK is 0 and nothing calls these), as 6.12
 * tracks work_structs: init (the init macros), active from queueing to the
 * start of its run or its cancel, freed by destroy_work_on_stack. Init of
 * an active work and free of one are reported by ODEBUG and fixed up by
 * cancelling it first (may sleep then); activating a freed one is reported.
 * Any context otherwise.
 */
#ifndef ALTWQ_KABI_DEBUGOBJ_H
#define ALTWQ_KABI_DEBUGOBJ_H
#include "kabi/types.h"
KABI_BEGIN

struct altwq_work;

void kabi_work_debug_activate(struct altwq_work *work);
void kabi_work_debug_deactivate(struct altwq_work *work);
void kabi_work_debug_init(struct altwq_work *work, bool onstack);
void kabi_work_debug_free(struct altwq_work *work);

KABI_END
#endif
