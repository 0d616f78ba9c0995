// expect: ignoring return(ed)? value
// A Result (an allocation, say) cannot be dropped unchecked.
#include "kxx/alloc.hpp"

void make()
{
#ifdef KXX_MISUSE
	kxx::make_box<int>(kxx::GfpKernel, 1);
#else
	auto r = kxx::make_box<int>(kxx::GfpKernel, 1);
	(void)r;
#endif
}
