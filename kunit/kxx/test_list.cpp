// SPDX-License-Identifier: GPL-2.0
// kxx typed intrusive list.
#include "kxx/list.hpp"
#include "kxx_test.hpp"

using namespace kxx;

namespace {
struct Item {
	explicit Item(int v) : value(v) {}
	int value;
	ListNode node;
	ListNode other_node; // the same item can sit on a second, different list
};
using ItemList = List<&Item::node>;

// The values on the list, front to back, as a decimal number (1,2,3 -> 123).
long digits(ItemList &list)
{
	long n = 0;
	for (Item &it : list)
		n = n * 10 + it.value;
	return n;
}
} // namespace

KXX_TEST(kxx_list, push_back_is_fifo_push_front_is_lifo)
{
	Item a(1), b(2), c(3);
	ItemList list;
	KT_EXPECT(test, list.empty());
	list.push_back(a);
	list.push_back(b);
	list.push_front(c);
	KT_EXPECT_EQ(test, digits(list), 312L);
	KT_EXPECT_EQ(test, list.count(), size_t(3));
	KT_EXPECT(test, list.front() == &c);
	KT_EXPECT(test, list.back() == &b);
	KT_EXPECT(test, list.pop_front() == &c);
	KT_EXPECT(test, list.pop_front() == &a);
	KT_EXPECT(test, list.pop_front() == &b);
	KT_EXPECT(test, list.pop_front() == nullptr);
	KT_EXPECT(test, !ItemList::on_a_list(a));
}

KXX_TEST(kxx_list, remove_and_insert_after_keep_links)
{
	Item a(1), b(2), c(3), d(4);
	ItemList list;
	list.push_back(a);
	list.push_back(b);
	list.push_back(c);
	list.remove(b);
	KT_EXPECT(test, !ItemList::on_a_list(b));
	KT_EXPECT_EQ(test, digits(list), 13L);
	list.insert_after(a, d);
	KT_EXPECT_EQ(test, digits(list), 143L);
	KT_EXPECT(test, list.next(a) == &d);
	KT_EXPECT(test, list.next(c) == nullptr);
	while (list.pop_front())
		;
}

KXX_TEST(kxx_list, iteration_survives_unlinking_current)
{
	Item items[] = {Item(1), Item(2), Item(3), Item(4), Item(5)};
	ItemList list;
	for (Item &it : items)
		list.push_back(it);
	for (Item &it : list)
		if (it.value % 2)
			list.remove(it);
	KT_EXPECT_EQ(test, digits(list), 24L);
	while (list.pop_front())
		;
}

KXX_TEST(kxx_list, splice_moves_everything_in_order)
{
	Item a(1), b(2), c(3), d(4);
	ItemList left, right;
	left.push_back(a);
	right.push_back(b);
	right.push_back(c);
	right.push_back(d);
	left.splice_back(right);
	KT_EXPECT(test, right.empty());
	KT_EXPECT_EQ(test, digits(left), 1234L);
	left.splice_back(right); // empty: no change
	KT_EXPECT_EQ(test, digits(left), 1234L);
	while (left.pop_front())
		;
}

KXX_TEST(kxx_list, one_item_on_two_lists_and_double_add_refused)
{
	Item a(1), b(2);
	ItemList by_node;
	List<&Item::other_node> by_other;
	by_node.push_back(a);
	by_node.push_back(b);
	by_other.push_back(b);
	KT_EXPECT_EQ(test, by_node.count(), size_t(2));
	KT_EXPECT(test, by_other.front() == &b);
	{
		ExpectWarnings warnings;
		by_node.push_back(a); // already linked: refused with a warning
		KT_EXPECT_EQ(test, warnings.finish(), 1);
	}
	KT_EXPECT_EQ(test, by_node.count(), size_t(2));
	while (by_node.pop_front())
		;
	by_other.pop_front();
}
