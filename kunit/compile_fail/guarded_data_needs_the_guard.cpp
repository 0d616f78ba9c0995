// expect: is private
// Data in a Guarded<> cannot be reached without taking the lock.
#include "kxx/lock.hpp"

using Lock = kxx::RawSpinLock<struct TestRole>;

struct Stats {
	long hits;
};

void touch(kxx::Guarded<Stats, Lock> &stats)
{
#ifdef KXX_MISUSE
	stats.data_.hits++;
#else
	stats.lock<kxx::IrqSave>()->hits++;
#endif
}
