// expect: wrong number of template arguments
// A spinlock guard must say what it does with IRQs.
#include "kxx/lock.hpp"

void take(kxx::RawSpinLock &lock)
{
#ifdef KXX_MISUSE
	kxx::Guard<kxx::RawSpinLock> g(lock);
#else
	kxx::Guard<kxx::RawSpinLock, kxx::NoIrq> g(lock);
#endif
}
