// SPDX-License-Identifier: GPL-2.0
// The freestanding C++ runtime: allocation operators on kmalloc/kfree and
// the pure-virtual trap. Linked into every altwq module (each keeps its own
// copy; none is exported). There is deliberately no operator new(size_t):
// an allocation without GFP flags fails the module link.
#include "kabi/alloc.h"
#include "kabi/log.h"
#include "kxx/alloc.hpp"

void *operator new(size_t size, kxx::Gfp gfp) noexcept { return kabi_kmalloc(size, gfp.bits()); }
void *operator new[](size_t size, kxx::Gfp gfp) noexcept { return kabi_kmalloc(size, gfp.bits()); }

// kmalloc returns power-of-two sizes naturally aligned: round up to one that
// is a multiple of the alignment.
void *operator new(size_t size, std::align_val_t align, kxx::Gfp gfp) noexcept
{
	size_t a = static_cast<size_t>(align);
	size_t rounded = size < a ? a : size;
	if (rounded & (rounded - 1))
		rounded = size_t(1) << (64 - __builtin_clzl(rounded));
	void *p = kabi_kmalloc(rounded, gfp.bits());
	if (KXX_WARN_ON_ONCE(p && (reinterpret_cast<uintptr_t>(p) & (a - 1)))) {
		kabi_kfree(p);
		return nullptr;
	}
	return p;
}

void operator delete(void *p) noexcept { kabi_kfree(p); }
void operator delete(void *p, size_t) noexcept { kabi_kfree(p); }
void operator delete[](void *p) noexcept { kabi_kfree(p); }
void operator delete[](void *p, size_t) noexcept { kabi_kfree(p); }
void operator delete(void *p, std::align_val_t) noexcept { kabi_kfree(p); }
void operator delete(void *p, size_t, std::align_val_t) noexcept { kabi_kfree(p); }

extern "C" void __cxa_pure_virtual();
extern "C" void __cxa_pure_virtual()
{
	kabi_warn(__FILE__, __LINE__, "pure virtual function called");
}
