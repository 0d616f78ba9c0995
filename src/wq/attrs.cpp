// SPDX-License-Identifier: GPL-2.0
// Unbound queues' attributes: their allocation (the public C API and the
// engine's own), copying, and the affinity scopes' names.
#include "kxx/alloc.hpp"
#include "kxx/cpu.hpp"
#include "kxx/params.hpp"
#include "wq/wq.hpp"

using namespace kxx;

namespace altwq::wq {

namespace {

constinit const char *const scope_names[ALTWQ_AFFN_NR_TYPES] = {
	"default", "cpu", "smt", "cache", "cache_shard", "numa", "system",
};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether a and b are the same word, case aside; b may end in a newline (a
// sysfs write).
bool same_word(const char *a, const char *b)
{
	while (*a && *a == lower(*b)) {
		a++;
		b++;
	}
	return !*a && (!*b || (b[0] == '\n' && !b[1]));
}

} // namespace

const char *scope_name(altwq_affn_scope scope)
{
	return scope >= 0 && scope < ALTWQ_AFFN_NR_TYPES ? scope_names[scope] : "?";
}

altwq_affn_scope scope_by_name(const char *name)
{
	for (int i = 0; i < ALTWQ_AFFN_NR_TYPES; i++)
		if (same_word(scope_names[i], name))
			return static_cast<altwq_affn_scope>(i);
	return ALTWQ_AFFN_NR_TYPES;
}

namespace {

// What ALTWQ_AFFN_DFL means: the module parameter default_affinity_scope
// (set at insmod or later; 6.12's default).
constinit Atomic<int> default_scope{ALTWQ_AFFN_CACHE};

} // namespace

void set_default_scope(altwq_affn_scope scope) { default_scope.store(scope, Relaxed); }

altwq_affn_scope resolve_scope(altwq_affn_scope scope)
{
	return scope != ALTWQ_AFFN_DFL ? scope : static_cast<altwq_affn_scope>(default_scope.load(Relaxed));
}

altwq_workqueue_attrs *alloc_attrs()
{
	KXX_MIGHT_SLEEP();
	auto *attrs = new (GfpKernel | GfpZero) altwq_workqueue_attrs();
	if (!attrs)
		return nullptr;
	if (!alloc_cpumask_var(attrs->cpumask))
		goto fail_mask;
	if (!alloc_cpumask_var(attrs->__pod_cpumask))
		goto fail_pod;
	attrs->mask().copy_possible();
	attrs->affn_scope = ALTWQ_AFFN_DFL;
	return attrs;
fail_pod:
	free_cpumask_var(attrs->cpumask);
fail_mask:
	delete attrs;
	return nullptr;
}

void free_attrs(altwq_workqueue_attrs *attrs)
{
	if (!attrs)
		return;
	free_cpumask_var(attrs->__pod_cpumask);
	free_cpumask_var(attrs->cpumask);
	delete attrs;
}

void copy_attrs(altwq_workqueue_attrs &to, const altwq_workqueue_attrs &from)
{
	to.nice = from.nice;
	to.mask().copy(from.mask());
	to.pod_mask().copy(from.pod_mask());
	to.affn_strict = from.affn_strict;
	to.affn_scope = from.affn_scope;
	to.ordered = from.ordered;
}

} // namespace altwq::wq

// As 6.12's: nice 0, every possible CPU, the default scope, not strict.
extern "C" altwq_workqueue_attrs *altwq_alloc_workqueue_attrs(void) { return altwq::wq::alloc_attrs(); }
extern "C" void altwq_free_workqueue_attrs(altwq_workqueue_attrs *attrs) { altwq::wq::free_attrs(attrs); }
