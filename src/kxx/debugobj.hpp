// SPDX-License-Identifier: GPL-2.0
// debugobjects for works (src/kabi/debugobj.h): each call compiles to
// nothing on a kernel without CONFIG_DEBUG_OBJECTS_WORK. Any context, but
// init and free, which may cancel (and so sleep) to fix a misuse up.
#pragma once
#include "kabi/debugobj.h"
#include "kxx/sizes.hpp"

namespace kxx::debugobj {

constexpr bool works_tracked = KABI_CONFIG_DEBUG_OBJECTS_WORK != 0;

inline void work_init(altwq_work *work, bool onstack)
{
	if constexpr (works_tracked)
		kabi_work_debug_init(work, onstack);
}
// Queued: from here until it starts or is cancelled.
inline void work_activate(altwq_work *work)
{
	if constexpr (works_tracked)
		kabi_work_debug_activate(work);
}
inline void work_deactivate(altwq_work *work)
{
	if constexpr (works_tracked)
		kabi_work_debug_deactivate(work);
}
// An on-stack work's frame goes.
inline void work_free(altwq_work *work)
{
	if constexpr (works_tracked)
		kabi_work_debug_free(work);
}

} // namespace kxx::debugobj
