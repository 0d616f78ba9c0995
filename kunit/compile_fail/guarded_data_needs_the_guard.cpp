// expect: is private
// Data in a Guarded<> cannot be reached without taking the lock.
#include "kxx/lock.hpp"

struct Stats {
	long hits;
};

void touch(kxx::Guarded<Stats, kxx::RawSpinLock> &stats)
{
#ifdef KXX_MISUSE
	stats.data_.hits++;
#else
	stats.lock<kxx::IrqSave>()->hits++;
#endif
}
