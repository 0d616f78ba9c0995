// expect: constraints not satisfied
// A load has no release semantics.
#include "kxx/atomic.hpp"

int read(kxx::Atomic<int> &v)
{
#ifdef KXX_MISUSE
	return v.load(kxx::Release);
#else
	return v.load(kxx::Acquire);
#endif
}
