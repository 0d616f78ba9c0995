// expect: no matching function
// Data locked by another object's lock needs that lock's guard as proof.
#include "kxx/lock.hpp"

using Lock = kxx::RawSpinLock<struct TestRole>;

int read(kxx::LockedBy<int, Lock> &field, Lock &lock)
{
#ifdef KXX_MISUSE
	(void)lock;
	return field.get();
#else
	kxx::Guard<Lock, kxx::IrqSave> g(lock);
	return field.get(g);
#endif
}
