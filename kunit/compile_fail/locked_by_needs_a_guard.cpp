// expect: no matching function
// Data locked by another object's lock needs that lock's guard as proof.
#include "kxx/lock.hpp"

int read(kxx::LockedBy<int, kxx::RawSpinLock> &field, kxx::RawSpinLock &lock)
{
#ifdef KXX_MISUSE
	(void)lock;
	return field.get();
#else
	kxx::Guard<kxx::RawSpinLock, kxx::IrqSave> g(lock);
	return field.get(g);
#endif
}
