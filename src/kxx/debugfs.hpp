// SPDX-License-Identifier: GPL-2.0
// debugfs text files (kabi/debugfs.h): a directory or a read-only file
// whose text a member function prints, removed when its handle goes.
// Creating and removing may sleep; a missing debugfs just gives empty
// handles.
//
//   DebugfsEntry dir = DebugfsEntry::dir("altwq", nullptr);
//   DebugfsEntry f = DebugfsEntry::file<&Pool::show>("pools", dir, pool);
//   void Pool::show(SeqOut &out) { out.print("workers=%d\n", n); }
#pragma once
#include "kabi/debugfs.h"
#include "kxx/cpu.hpp"
#include "kxx/types.hpp"

namespace kxx {

class SeqOut {
public:
	explicit SeqOut(kabi_seq *seq) : seq_(seq) {}
	template <typename... Args> void print(const char *fmt, Args... args)
	{
		kabi_seq_printf(seq_, fmt, args...);
	}
	// prefix, then the mask in hex (as the kernel's cpumask files).
	void print_mask(const char *prefix, const CpuMask &mask) { kabi_seq_print_cpumask(seq_, prefix, mask.kernel()); }

private:
	kabi_seq *seq_;
};

class DebugfsEntry : Pinned {
public:
	DebugfsEntry() = default;
	DebugfsEntry(DebugfsEntry &&o) : e_(exchange(o.e_, nullptr)) {}
	DebugfsEntry &operator=(DebugfsEntry &&o)
	{
		reset();
		e_ = exchange(o.e_, nullptr);
		return *this;
	}
	~DebugfsEntry() { reset(); }

	static DebugfsEntry dir(const char *name, const DebugfsEntry *parent)
	{
		return DebugfsEntry(kabi_debugfs_create_dir(name, parent ? parent->e_ : nullptr));
	}
	// owner->Show(SeqOut &) prints the text; it may sleep.
	template <auto Show, typename Owner>
	static DebugfsEntry file(const char *name, const DebugfsEntry &parent, Owner *owner)
	{
		return DebugfsEntry(kabi_debugfs_create_file(name, parent.e_, &show_member<Show, Owner>, owner));
	}
	bool holds(const char *name) const { return kabi_debugfs_exists(name, e_); }
	explicit operator bool() const { return e_ != nullptr; }
	void reset() { kabi_debugfs_remove(exchange(e_, nullptr)); }

private:
	explicit DebugfsEntry(kabi_debugfs_entry *e) : e_(e) {}
	template <auto Show, typename Owner> static void show_member(kabi_seq *seq, void *data)
	{
		SeqOut out(seq);
		(static_cast<Owner *>(data)->*Show)(out);
	}
	kabi_debugfs_entry *e_ = nullptr;
};

} // namespace kxx
