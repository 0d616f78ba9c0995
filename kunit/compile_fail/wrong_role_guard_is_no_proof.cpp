// expect: no matching function
// A guard of one lock role is no proof for data another role protects, even
// when both locks are of the same kind (a pool lock guard cannot reach a
// field of the mayday lock).
#include "kxx/lock.hpp"

using PoolLock = kxx::RawSpinLock<struct PoolRole>;
using MaydayLock = kxx::RawSpinLock<struct MaydayRole>;

int read(kxx::LockedBy<int, MaydayLock> &maydays, PoolLock &pool, MaydayLock &mayday)
{
#ifdef KXX_MISUSE
	(void)mayday;
	kxx::Guard<PoolLock, kxx::IrqSave> g(pool);
	return maydays.get(g);
#else
	(void)pool;
	kxx::Guard<MaydayLock, kxx::IrqSave> g(mayday);
	return maydays.get(g);
#endif
}
