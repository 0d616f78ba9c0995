// SPDX-License-Identifier: GPL-2.0
// sysfs devices on a bus of our own (kabi/sysfs.h): attribute files whose
// show and store are functions of the device's owner. Adding and removing
// may sleep; so may show and store.
//
//   constinit const SysfsAttr attrs[] = {
//   	sysfs_attr<Queue, &show_max, &store_max>("max_active"),
//   };
//   KXX_TRY(q->dev.add(q->name, attrs, q));	// /sys/bus/<bus>/devices/<name>/
//   void show_max(Queue &q, SysfsText &out) { out.print("%d\n", q.max); }
//   int store_max(Queue &q, const char *buf) { ... return 0 or -errno; }
#pragma once
#include "kabi/sysfs.h"
#include "kxx/cpu.hpp"
#include "kxx/errno.hpp"
#include "kxx/result.hpp"

namespace kxx {

using SysfsAttr = kabi_sysfs_attr;

// The page a show fills.
class SysfsText {
public:
	SysfsText(char *buf, unsigned long size) : buf_(buf), size_(size) {}
	template <typename... Args> void print(const char *fmt, Args... args)
	{
		len_ += kabi_sysfs_printf(buf_ + len_, size_ - len_, fmt, args...);
	}
	// The mask in hex words, as cpumask files show it (no newline).
	void print_cpumask(const CpuMask &mask)
	{
		len_ += mask.print_hex(buf_ + len_, static_cast<unsigned int>(size_ - len_));
	}
	long length() const { return len_; }

private:
	char *buf_;
	unsigned long size_;
	long len_ = 0;
};

// What a store was given: sscanf's "%d".
inline bool sysfs_scan_int(const char *buf, int &val) { return kabi_sysfs_scan_int(buf, &val); }

template <typename T, void (*Show)(T &, SysfsText &), int (*Store)(T &, const char *) = nullptr>
constexpr SysfsAttr sysfs_attr(const char *name)
{
	SysfsAttr a = {name, nullptr, nullptr};
	a.show = [](void *data, char *buf, unsigned long size) -> long {
		SysfsText out(buf, size);
		Show(*static_cast<T *>(data), out);
		return out.length();
	};
	if constexpr (Store != nullptr)
		a.store = [](void *data, const char *buf, unsigned long) -> int { return Store(*static_cast<T *>(data), buf); };
	return a;
}

// The bus of our devices (one per module), its root device's files calling
// back with owner. May sleep.
template <typename T, unsigned int N>
[[nodiscard]] inline Status sysfs_bus_register(const char *name, const SysfsAttr (&root_attrs)[N], T *owner)
{
	int ret = kabi_sysfs_bus_register(name, root_attrs, N, owner);
	return ret ? Status(Error{ret}) : Status();
}
inline void sysfs_bus_unregister() { kabi_sysfs_bus_unregister(); }

class SysfsDevice : Pinned {
public:
	~SysfsDevice() { remove(); }
	// May sleep. Fails with -EEXIST-like errors as the driver core does
	// (another device of this name), or -ENOMEM.
	template <typename T, unsigned int N> [[nodiscard]] Status add(const char *name, const SysfsAttr (&attrs)[N], T *owner)
	{
		return add_n(name, attrs, N, owner);
	}
	[[nodiscard]] Status add_n(const char *name, const SysfsAttr *attrs, int n, void *owner)
	{
		dev_ = kabi_sysfs_dev_add(name, attrs, n, owner);
		return dev_ ? Status() : Status(Error{err::Inval});
	}
	// May sleep. Waits for running shows and stores; none runs after.
	void remove() { kabi_sysfs_dev_remove(exchange(dev_, nullptr)); }
	bool added() const { return dev_ != nullptr; }

private:
	kabi_sysfs_dev *dev_ = nullptr;
};

} // namespace kxx
