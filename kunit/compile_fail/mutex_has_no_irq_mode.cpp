// expect: incomplete type
// A mutex sleeps: the only mode it takes is MaySleep.
#include "kxx/lock.hpp"

void take(kxx::Mutex &m)
{
#ifdef KXX_MISUSE
	kxx::Guard<kxx::Mutex, kxx::IrqSave> g(m);
#else
	kxx::Guard<kxx::Mutex, kxx::MaySleep> g(m);
#endif
}
