// expect: wrong number of template arguments
// A spinlock guard must say what it does with IRQs.
#include "kxx/lock.hpp"

using Lock = kxx::RawSpinLock<struct TestRole>;

void take(Lock &lock)
{
#ifdef KXX_MISUSE
	kxx::Guard<Lock> g(lock);
#else
	kxx::Guard<Lock, kxx::NoIrq> g(lock);
#endif
}
