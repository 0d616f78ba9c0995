/* SPDX-License-Identifier: GPL-2.0 */
/* Every KUnit suite and case; the bodies are C++ (KXX_TEST in kunit/kxx/). */
ALTWQ_SUITE(kxx_lock,
	ALTWQ_CASE(kxx_lock, raw_spinlock_excludes)
	ALTWQ_CASE(kxx_lock, spinlock_irqsave_excludes)
	ALTWQ_CASE(kxx_lock, mutex_excludes_sleepers)
	ALTWQ_CASE(kxx_lock, irq_modes_set_irq_state)
	ALTWQ_CASE(kxx_lock, irq_guard_holds_off_interrupts)
	ALTWQ_CASE(kxx_lock, call_unlocked_drops_and_retakes)
	ALTWQ_CASE(kxx_lock, locked_by_takes_the_guard)
	ALTWQ_CASE(kxx_lock, lock_class_per_site)
)
