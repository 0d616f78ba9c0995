// expect: cannot convert|no matching function
// A typed list links only the type whose member it names.
#include "kxx/list.hpp"

struct A {
	kxx::ListNode node;
};
struct B {
	kxx::ListNode node;
};

void link(kxx::List<&A::node> &list, A &a, B &b)
{
#ifdef KXX_MISUSE
	list.push_back(b);
#else
	(void)b;
	list.push_back(a);
#endif
	list.pop_front();
}
