// expect: incomplete type
// A mutex sleeps: the only mode it takes is MaySleep.
#include "kxx/lock.hpp"

using Lock = kxx::Mutex<struct TestRole>;

void take(Lock &m)
{
#ifdef KXX_MISUSE
	kxx::Guard<Lock, kxx::IrqSave> g(m);
#else
	kxx::Guard<Lock, kxx::MaySleep> g(m);
#endif
}
