// expect: constraints not satisfied
// GCC's __atomic arithmetic on a pointer adds bytes, not elements: refused.
#include "kxx/atomic.hpp"

void bump(kxx::Atomic<int *> &p, kxx::Atomic<long> &n)
{
#ifdef KXX_MISUSE
	(void)p.fetch_add(nullptr, kxx::Relaxed);
#else
	(void)p;
	(void)n.fetch_add(1, kxx::Relaxed);
#endif
}
