// SPDX-License-Identifier: GPL-2.0
// Typed intrusive doubly-linked list. ListNode has struct list_head's layout
// (next, prev; self-linked when unlinked), so it can sit where C code expects
// a list_head. List<&T::node> holds only T objects linked through that
// member. No allocation. Not thread-safe: the owner's lock protects it.
#pragma once
#include "kabi_sizes.h"
#include "kxx/types.hpp"
#include "kxx/warn.hpp"

namespace kxx {

class ListNode {
public:
	constexpr ListNode() : next_(this), prev_(this) {}
	ListNode(const ListNode &) = delete;
	ListNode &operator=(const ListNode &) = delete;
	// A node must be unlinked before its object dies.
	~ListNode() { KXX_WARN_ON_ONCE(linked()); }

	bool linked() const { return next_ != this; }
	// Resets a node whose memory C code initialised or reused.
	void reinit() { next_ = prev_ = this; }

private:
	template <auto Member> friend class List;
	// list_del_init(): only through the List (which its lock guards).
	void unlink()
	{
		next_->prev_ = prev_;
		prev_->next_ = next_;
		next_ = prev_ = this;
	}
	void insert_between(ListNode *prev, ListNode *next)
	{
		next->prev_ = this;
		next_ = next;
		prev_ = prev;
		prev->next_ = this;
	}
	ListNode *next_;
	ListNode *prev_;
};

static_assert(sizeof(ListNode) == KABI_SIZEOF_LIST_HEAD && alignof(ListNode) == KABI_ALIGNOF_LIST_HEAD,
	      "ListNode must have struct list_head's layout");

template <auto Member> class List {
public:
	using T = typename member_traits<decltype(Member)>::owner;
	static_assert(is_same_v<typename member_traits<decltype(Member)>::type, ListNode>,
		      "List<&T::member> needs a ListNode member");

	List() = default;
	List(const List &) = delete;
	List &operator=(const List &) = delete;
	~List() { KXX_WARN_ON_ONCE(!empty()); }

	bool empty() const { return !head_.linked(); }
	void push_back(T &item) { link(item, head_.prev_, &head_); }
	void push_front(T &item) { link(item, &head_, head_.next_); }
	// Inserts item right before pos (which must be on this list).
	void insert_before(T &pos, T &item) { link(item, (pos.*Member).prev_, &(pos.*Member)); }
	// Inserts item right after pos (which must be on this list).
	void insert_after(T &pos, T &item) { link(item, &(pos.*Member), (pos.*Member).next_); }
	// Inserts item right after pos on whichever list of this type pos is on.
	static void link_after(T &pos, T &item) { link(item, &(pos.*Member), (pos.*Member).next_); }
	// The item after item on its list, which the caller knows is not the last.
	static T &successor(T &item) { return *owner((item.*Member).next_); }
	// Unlinks item from whichever list of this type it is on.
	static void unlink(T &item) { (item.*Member).unlink(); }
	T *front() const { return empty() ? nullptr : owner(head_.next_); }
	T *back() const { return empty() ? nullptr : owner(head_.prev_); }
	T *pop_front()
	{
		T *item = front();
		if (item)
			(item->*Member).unlink();
		return item;
	}
	// Unlinks item, which must be on this list.
	void remove(T &item) { (item.*Member).unlink(); }
	static bool on_a_list(const T &item) { return (item.*Member).linked(); }
	// The item after `item`, or nullptr at the end.
	T *next(const T &item) const
	{
		const ListNode *n = (item.*Member).next_;
		return n == &head_ ? nullptr : owner(const_cast<ListNode *>(n));
	}
	// The item before `item`, or nullptr at the head.
	T *prev(const T &item) const
	{
		const ListNode *p = (item.*Member).prev_;
		return p == &head_ ? nullptr : owner(const_cast<ListNode *>(p));
	}
	// Moves every item of `other` to the tail of this list, in order.
	void splice_back(List &other)
	{
		if (other.empty())
			return;
		ListNode *first = other.head_.next_, *last = other.head_.prev_;
		other.head_.reinit();
		first->prev_ = head_.prev_;
		head_.prev_->next_ = first;
		last->next_ = &head_;
		head_.prev_ = last;
	}
	size_t count() const
	{
		size_t n = 0;
		for (const ListNode *p = head_.next_; p != &head_; p = p->next_)
			n++;
		return n;
	}

	// Iteration that tolerates unlinking the current item.
	class Iterator {
	public:
		Iterator(ListNode *n, ListNode *head) : n_(n), next_(n->next_), head_(head) {}
		T &operator*() const { return *owner(n_); }
		Iterator &operator++()
		{
			n_ = next_;
			next_ = n_->next_;
			return *this;
		}
		bool operator!=(const Iterator &o) const { return n_ != o.n_; }

	private:
		ListNode *n_, *next_, *head_;
	};
	Iterator begin() { return Iterator(head_.next_, &head_); }
	Iterator end() { return Iterator(&head_, &head_); }

private:
	static T *owner(ListNode *n) { return owner_of<Member>(n); }
	static void link(T &item, ListNode *prev, ListNode *next)
	{
		ListNode &node = item.*Member;
		if (KXX_WARN_ON_ONCE(node.linked()))
			return;
		node.insert_between(prev, next);
	}
	ListNode head_;
};

} // namespace kxx
