// expect: constraints not satisfied
// A store has no acquire semantics.
#include "kxx/atomic.hpp"

void write(kxx::Atomic<int> &v)
{
#ifdef KXX_MISUSE
	v.store(1, kxx::Acquire);
#else
	v.store(1, kxx::Release);
#endif
}
