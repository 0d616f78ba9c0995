// SPDX-License-Identifier: GPL-2.0
// kxx locks: exclusion, the IRQ mode tags, call_unlocked, LockedBy, classes.
#include "kxx/irq_work.hpp"
#include "kxx/lock.hpp"
#include "kxx_test.hpp"
#include "threads.hpp"

using namespace kxx;

namespace {

// The tests' lock roles.
struct TestRole;
using TestRawLock = RawSpinLock<TestRole>;
using TestSpinLock = SpinLock<TestRole>;
using TestMutex = Mutex<TestRole>;

struct Counter {
	long value = 0;
};

// A read-modify-write with a gap: without exclusion, concurrent updates get lost.
void slow_increment(Counter &c)
{
	long v = c.value;
	compiler_barrier();
	cpu_relax();
	c.value = v + 1;
}

constexpr int Iterations = 1000;

template <typename Lock, typename Mode> void check_exclusion(struct kunit *test, Guarded<Counter, Lock> &counter)
{
	const int n = test::online_thread_count();
	KT_ASSERT(test, n >= 2);
	int err = test::run_on_threads(n, [&](int) {
		for (int i = 0; i < Iterations; i++) {
			auto locked = counter.template lock<Mode>();
			slow_increment(*locked);
		}
	});
	KT_EXPECT_EQ(test, err, 0);
	KT_EXPECT_EQ(test, counter.template lock<Mode>()->value, long(n) * Iterations);
}

} // namespace

KXX_TEST(kxx_lock, raw_spinlock_excludes)
{
	auto counter = KT_ASSERT_OK(test, (make_box<Guarded<Counter, TestRawLock>>(GfpKernel, KXX_LOCK_CLASS("test.raw"))));
	check_exclusion<TestRawLock, NoIrq>(test, *counter);
}

KXX_TEST(kxx_lock, spinlock_irqsave_excludes)
{
	auto counter = KT_ASSERT_OK(test, (make_box<Guarded<Counter, TestSpinLock>>(GfpKernel, KXX_LOCK_CLASS("test.spin"))));
	check_exclusion<TestSpinLock, IrqSave>(test, *counter);
}

KXX_TEST(kxx_lock, mutex_excludes_sleepers)
{
	struct Shared {
		long value = 0;
		int inside = 0;
		int max_inside = 0;
	};
	auto shared = KT_ASSERT_OK(test, (make_box<Guarded<Shared, TestMutex>>(GfpKernel, KXX_LOCK_CLASS("test.mutex"))));
	const int n = test::online_thread_count();
	int err = test::run_on_threads(n, [&](int) {
		for (int i = 0; i < 20; i++) {
			auto locked = shared->lock<MaySleep>();
			locked->inside++;
			locked->max_inside = max(locked->max_inside, locked->inside);
			long v = locked->value;
			usleep_range(50, 100); // sleeping while holding it is the point
			locked->value = v + 1;
			locked->inside--;
		}
	});
	KT_EXPECT_EQ(test, err, 0);
	auto locked = shared->lock<MaySleep>();
	KT_EXPECT_EQ(test, locked->value, long(n) * 20);
	KT_EXPECT_EQ(test, locked->max_inside, 1);
}

KXX_TEST(kxx_lock, irq_modes_set_irq_state)
{
	auto a = KT_ASSERT_OK(test, (make_box<Guarded<Counter, TestRawLock>>(GfpKernel, KXX_LOCK_CLASS("test.irq.a"))));
	auto b = KT_ASSERT_OK(test, (make_box<Guarded<Counter, TestSpinLock>>(GfpKernel, KXX_LOCK_CLASS("test.irq.b"))));

	KT_ASSERT(test, !irqs_disabled());
	{
		auto la = a->lock<NoIrq>();
		KT_EXPECT(test, !irqs_disabled());
		KT_EXPECT(test, !preemptible());
		KT_EXPECT(test, a->raw_lock().is_locked());
	}
	KT_EXPECT(test, !a->raw_lock().is_locked());
	KT_EXPECT(test, preemptible());
	{
		auto la = a->lock<Irq>();
		KT_EXPECT(test, irqs_disabled());
		{
			// IrqSave inside: restores "disabled", not "enabled".
			auto lb = b->lock<IrqSave>();
			KT_EXPECT(test, irqs_disabled());
		}
		KT_EXPECT(test, irqs_disabled());
	}
	KT_EXPECT(test, !irqs_disabled());
	{
		auto lb = b->lock<IrqSave>();
		KT_EXPECT(test, irqs_disabled());
	}
	KT_EXPECT(test, !irqs_disabled());
}

namespace {
struct IrqProbe {
	IrqWork work{IrqWork::callback<&IrqProbe::work, &IrqProbe::run>()};
	Atomic<int> ran{0};
	void run() { ran.store(1, Release); }
};
} // namespace

// An interrupt raised on this CPU while an Irq guard is held is only
// delivered once the guard goes: the guard really masks IRQs.
KXX_TEST(kxx_lock, irq_guard_holds_off_interrupts)
{
	auto lock = KT_ASSERT_OK(test, (make_box<Guarded<Counter, TestRawLock>>(GfpKernel, KXX_LOCK_CLASS("test.irqoff"))));
	auto probe = KT_ASSERT_OK(test, make_box<IrqProbe>(GfpKernel));
	int during = -1;
	{
		auto locked = lock->lock<Irq>();
		probe->work.queue(); // self-IPI on this CPU
		mdelay(20);
		during = probe->ran.load(Acquire);
	}
	probe->work.sync();
	KT_EXPECT_EQ(test, during, 0);
	KT_EXPECT_EQ(test, probe->ran.load(Acquire), 1);
}

KXX_TEST(kxx_lock, call_unlocked_drops_and_retakes)
{
	auto g = KT_ASSERT_OK(test, (make_box<Guarded<Counter, TestSpinLock>>(GfpKernel, KXX_LOCK_CLASS("test.unlocked"))));
	auto locked = g->lock<Irq>();
	locked->value = 1;
	bool held_inside = true, irqs_off_inside = true;
	locked.call_unlocked([&] {
		held_inside = g->raw_lock().is_locked();
		irqs_off_inside = irqs_disabled();
	});
	KT_EXPECT(test, !held_inside);
	KT_EXPECT(test, !irqs_off_inside);
	KT_EXPECT(test, g->raw_lock().is_locked());
	KT_EXPECT(test, irqs_disabled());
	KT_EXPECT_EQ(test, locked->value, 1L);
}

namespace {
// An owner whose field names the lock that guards it.
struct Owner;
const TestRawLock *owner_lock(const void *field);
struct Owner {
	explicit Owner(LockClass &c) : lock(c) {}
	TestRawLock lock;
	LockedBy<int, TestRawLock, &owner_lock> field{7};
	LockedBy<int, TestRawLock> any_of_the_role{1};
};
const TestRawLock *owner_lock(const void *field)
{
	return &reinterpret_cast<const Owner *>(static_cast<const char *>(field) - offsetof(Owner, field))->lock;
}
} // namespace

KXX_TEST(kxx_lock, locked_by_takes_the_guard)
{
	auto a = KT_ASSERT_OK(test, make_box<Owner>(GfpKernel, KXX_LOCK_CLASS("test.lockedby.a")));
	auto b = KT_ASSERT_OK(test, make_box<Owner>(GfpKernel, KXX_LOCK_CLASS("test.lockedby.b")));
	Guard<TestRawLock, IrqSave> guard(a->lock);
	KT_EXPECT(test, guard.holds(a->lock));
	KT_EXPECT(test, !guard.holds(b->lock));
	a->field.get(guard)++;
	KT_EXPECT_EQ(test, a->field.get(guard), 8);
	// A field without an owner check takes any guard of its role.
	KT_EXPECT_EQ(test, b->any_of_the_role.get(guard), 1);
}

// The owner check: b's field reached under a's lock is reported (and, being
// a proof failure rather than a crash, still read).
KXX_TEST(kxx_lock, locked_by_refuses_another_instances_guard)
{
	auto a = KT_ASSERT_OK(test, make_box<Owner>(GfpKernel, KXX_LOCK_CLASS("test.lockedby.owner.a")));
	auto b = KT_ASSERT_OK(test, make_box<Owner>(GfpKernel, KXX_LOCK_CLASS("test.lockedby.owner.b")));
	Guard<TestRawLock, IrqSave> guard(a->lock);
	ExpectWarnings warnings;
	(void)a->field.get(guard);
	KT_EXPECT_EQ(test, warnings.finish(), 0);
	ExpectWarnings foreign;
	KT_EXPECT_EQ(test, b->field.get(guard), 7);
	KT_EXPECT_EQ(test, foreign.finish(), 1);
}

KXX_TEST(kxx_lock, lock_class_per_site)
{
	LockClass *seen[3];
	for (int i = 0; i < 2; i++)
		seen[i] = &KXX_LOCK_CLASS("test.site.loop");
	seen[2] = &KXX_LOCK_CLASS("test.site.other");
	KT_EXPECT(test, seen[0] == seen[1]);
	KT_EXPECT(test, seen[0] != seen[2]);
	KT_EXPECT(test, seen[0]->key() != seen[2]->key());
}
