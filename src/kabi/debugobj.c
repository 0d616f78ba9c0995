// SPDX-License-Identifier: GPL-2.0
#include <linux/debugobjects.h>
#include <altwq/workqueue.h>
#include "kabi/debugobj.h"

#ifdef CONFIG_DEBUG_OBJECTS_WORK

static const struct debug_obj_descr altwq_work_debug_descr;

/* Reports name the work by its function. */
static void *altwq_work_debug_hint(void *addr)
{
	return ((struct altwq_work *)addr)->func;
}

/* A DECLARE_WORK work, never queued: its initialiser marks it. */
static bool altwq_work_is_static_object(void *addr)
{
	return atomic_long_read(&((struct altwq_work *)addr)->data) & __ALTWQ_WORK_STATIC;
}

/* A queued work initialised or freed: cancel it, then do what was asked. */
static bool altwq_work_fixup(void *addr, enum debug_obj_state state,
			     void (*then)(void *addr, const struct debug_obj_descr *descr))
{
	if (state != ODEBUG_STATE_ACTIVE)
		return false;
	altwq_cancel_work_sync(addr);
	then(addr, &altwq_work_debug_descr);
	return true;
}

static bool altwq_work_fixup_init(void *addr, enum debug_obj_state state)
{
	return altwq_work_fixup(addr, state, debug_object_init);
}

static bool altwq_work_fixup_free(void *addr, enum debug_obj_state state)
{
	return altwq_work_fixup(addr, state, debug_object_free);
}

static const struct debug_obj_descr altwq_work_debug_descr = {
	.name = "altwq_work",
	.debug_hint = altwq_work_debug_hint,
	.is_static_object = altwq_work_is_static_object,
	.fixup_init = altwq_work_fixup_init,
	.fixup_free = altwq_work_fixup_free,
};

void kabi_work_debug_activate(struct altwq_work *work) { debug_object_activate(work, &altwq_work_debug_descr); }
void kabi_work_debug_deactivate(struct altwq_work *work) { debug_object_deactivate(work, &altwq_work_debug_descr); }
void kabi_work_debug_free(struct altwq_work *work) { debug_object_free(work, &altwq_work_debug_descr); }
void kabi_work_debug_init(struct altwq_work *work, bool onstack)
{
	if (onstack)
		debug_object_init_on_stack(work, &altwq_work_debug_descr);
	else
		debug_object_init(work, &altwq_work_debug_descr);
}

#else
void kabi_work_debug_activate(struct altwq_work *work) { }
void kabi_work_debug_deactivate(struct altwq_work *work) { }
void kabi_work_debug_free(struct altwq_work *work) { }
void kabi_work_debug_init(struct altwq_work *work, bool onstack) { }
#endif

/* 6.12's __init_work(), for the init macros. */
void __altwq_init_work(struct altwq_work *work, int onstack)
{
	kabi_work_debug_init(work, onstack);
}
EXPORT_SYMBOL_GPL(__altwq_init_work);
