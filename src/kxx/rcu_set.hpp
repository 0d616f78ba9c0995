// SPDX-License-Identifier: GPL-2.0
// A set of live objects, tested by address without a lock: readers walk a
// bucket under RcuReadGuard; insert/remove serialise on a mutex (may sleep).
// After remove(), wait for rcu::synchronize() before freeing the object, so
// a reader that still found it is done with it. Used to refuse a pointer to
// an object that was destroyed (or never made) instead of touching it.
#pragma once
#include "kxx/alloc.hpp"
#include "kxx/atomic.hpp"
#include "kxx/lock.hpp"
#include "kxx/rcu.hpp"
#include "kxx/result.hpp"

namespace kxx {

struct RcuSetLink {
	Atomic<RcuSetLink *> next{nullptr};
};

template <auto Link, size_t Buckets = 64> class RcuSet : Pinned {
	using T = typename member_traits<decltype(Link)>::owner;
	struct WritersRole;

public:
	explicit RcuSet(LockClass &cls) : writers_(cls) {}

	// Any context, under the caller's RcuReadGuard.
	bool contains(const void *obj, const RcuReadGuard &) const
	{
		if (!obj)
			return false;
		// Acquire: rcu_dereference(); pairs with the release in insert().
		for (RcuSetLink *l = bucket(obj).load(Acquire); l; l = l->next.load(Acquire))
			if (owner_of<Link>(l) == obj)
				return true;
		return false;
	}
	// f(obj) for every object in the set, under the caller's RcuReadGuard.
	template <typename F> void for_each(const RcuReadGuard &, F &&f) const
	{
		for (const Atomic<RcuSetLink *> &head : heads_)
			for (RcuSetLink *l = head.load(Acquire); l; l = l->next.load(Acquire))
				f(*owner_of<Link>(l));
	}
	// May sleep.
	void insert(T &obj)
	{
		Guard<Mutex<WritersRole>, MaySleep> g(writers_);
		RcuSetLink &link = obj.*Link;
		Atomic<RcuSetLink *> &head = bucket(&obj);
		link.next.store(head.load(Relaxed), Relaxed);
		head.store(&link, Release); // rcu_assign_pointer()
		count_++;
	}
	// May sleep. Returns false if obj was not in the set.
	bool remove(T &obj)
	{
		Guard<Mutex<WritersRole>, MaySleep> g(writers_);
		RcuSetLink &link = obj.*Link;
		for (Atomic<RcuSetLink *> *p = &bucket(&obj); RcuSetLink *l = p->load(Relaxed); p = &l->next) {
			if (l == &link) {
				// Readers standing on `link` still see its next.
				p->store(link.next.load(Relaxed), Release);
				count_--;
				return true;
			}
		}
		return false;
	}
	// May sleep.
	size_t size()
	{
		Guard<Mutex<WritersRole>, MaySleep> g(writers_);
		return count_;
	}

private:
	Atomic<RcuSetLink *> &bucket(const void *obj) const
	{
		return const_cast<Atomic<RcuSetLink *> &>(heads_[(reinterpret_cast<uintptr_t>(obj) >> 6) % Buckets]);
	}
	Atomic<RcuSetLink *> heads_[Buckets];
	Mutex<WritersRole> writers_;
	size_t count_ = 0;
};

} // namespace kxx

namespace kxx {

// A set of addresses, for objects that cannot carry a link of ours (they
// live in a caller's memory that may be freed without telling us): each
// entry is allocated apart. contains(): any context under RcuReadGuard;
// insert, remove and the destructor: may sleep.
template <size_t Buckets = 16> class RcuAddressSet : Pinned {
	struct Node {
		Atomic<Node *> next{nullptr};
		const void *addr = nullptr;
	};
	struct WritersRole;

public:
	explicit RcuAddressSet(LockClass &cls) : writers_(cls) {}
	~RcuAddressSet()
	{
		for (Atomic<Node *> &head : heads_)
			while (Node *n = head.load(Relaxed)) {
				head.store(n->next.load(Relaxed), Relaxed);
				delete n;
			}
	}
	bool contains(const void *addr, const RcuReadGuard &) const
	{
		// Acquire: rcu_dereference(); pairs with the release in insert().
		for (Node *n = bucket(addr).load(Acquire); n; n = n->next.load(Acquire))
			if (n->addr == addr)
				return true;
		return false;
	}
	// -ENOMEM, or -EEXIST if addr is in the set already.
	[[nodiscard]] Status insert(const void *addr)
	{
		Guard<Mutex<WritersRole>, MaySleep> g(writers_);
		for (Node *n = bucket(addr).load(Relaxed); n; n = n->next.load(Relaxed))
			if (n->addr == addr)
				return Error{err::Exist};
		Node *n = new (GfpKernel) Node;
		if (!n)
			return Error{err::NoMem};
		n->addr = addr;
		n->next.store(bucket(addr).load(Relaxed), Relaxed);
		bucket(addr).store(n, Release); // rcu_assign_pointer()
		return {};
	}
	// False if addr was not in the set. Waits for readers that may still
	// stand on its entry.
	bool remove(const void *addr)
	{
		Node *gone = nullptr;
		{
			Guard<Mutex<WritersRole>, MaySleep> g(writers_);
			for (Atomic<Node *> *p = &bucket(addr); Node *n = p->load(Relaxed); p = &n->next) {
				if (n->addr == addr) {
					p->store(n->next.load(Relaxed), Release);
					gone = n;
					break;
				}
			}
		}
		if (!gone)
			return false;
		rcu::synchronize();
		delete gone;
		return true;
	}

private:
	Atomic<Node *> &bucket(const void *addr) const
	{
		return const_cast<Atomic<Node *> &>(heads_[(reinterpret_cast<uintptr_t>(addr) >> 6) % Buckets]);
	}
	Atomic<Node *> heads_[Buckets];
	Mutex<WritersRole> writers_;
};

} // namespace kxx
