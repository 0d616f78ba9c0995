// expect: no matching function|invalid initialization|cannot bind
// A Guarded<T, Lock> hands its lock only to a guard of its own role.
#include "kxx/lock.hpp"

using ArmedLock = kxx::RawSpinLock<struct ArmedRole>;
using PoolLock = kxx::RawSpinLock<struct PoolRole>;

struct Armed {
	int n;
};

int count(kxx::Guarded<Armed, ArmedLock> &armed)
{
#ifdef KXX_MISUSE
	kxx::Guard<PoolLock, kxx::IrqSave> g(armed.raw_lock());
	return 0;
#else
	return armed.lock<kxx::IrqSave>()->n;
#endif
}
