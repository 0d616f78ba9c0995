// expect: use of deleted function
// A guard cannot be copied (or moved) out of its scope.
#include "kxx/lock.hpp"

void take(kxx::SpinLock &lock)
{
	kxx::Guard<kxx::SpinLock, kxx::Irq> g(lock);
#ifdef KXX_MISUSE
	kxx::Guard<kxx::SpinLock, kxx::Irq> copy(g);
#endif
}
