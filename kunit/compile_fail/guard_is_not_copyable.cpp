// expect: use of deleted function
// A guard cannot be copied (or moved) out of its scope.
#include "kxx/lock.hpp"

using Lock = kxx::SpinLock<struct TestRole>;

void take(Lock &lock)
{
	kxx::Guard<Lock, kxx::Irq> g(lock);
#ifdef KXX_MISUSE
	kxx::Guard<Lock, kxx::Irq> copy(g);
#endif
}
