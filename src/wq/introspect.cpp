// SPDX-License-Identifier: GPL-2.0
// Questions about queues and workers, and the dump of busy queues and
// pools to the kernel log (show_all_workqueues, for a hang or a sysrq).
// Any context: nothing here sleeps; the dumps take each pool's lock in turn.
#include "kxx/kthread.hpp"
#include "kxx/log.hpp"
#include "kxx/sched.hpp"
#include "kxx/task.hpp"
#include "wq/wq.hpp"

using namespace kxx;
using namespace altwq::wq;

namespace {

// The pwq wq uses for works queued on cpu (valid, or "this CPU"). Under RCU.
Pwq *pwq_for(altwq_workqueue *wq, int cpu)
{
	return wq->cpu_pwqs[cpu == ALTWQ_WORK_CPU_UNBOUND ? this_cpu_hint() : cpu].load(Acquire);
}

// f(pwq) for each pwq in wq's table, once each (an unbound queue's pods
// share theirs). Under RCU: an unbound pwq replaced meanwhile stays valid.
template <typename F> void for_each_pwq(altwq_workqueue *wq, F &&f)
{
	for (int cpu : possible_cpus()) {
		Pwq *pwq = wq->cpu_pwqs[cpu].load(Acquire);
		bool seen = false;
		for (int prev : possible_cpus()) {
			if (prev >= cpu)
				break;
			seen = seen || wq->cpu_pwqs[prev].load(Acquire) == pwq;
		}
		if (!seen)
			f(*pwq);
	}
}

} // namespace

void altwq::wq::print_pool(const Pool &pool)
{
	if (pool.cpu >= 0)
		log::printk_lvl(log::Cont, " cpu=%d", pool.cpu);
	else
		log::printk_lvl(log::Cont, " unbound");
	if (pool.bh)
		log::printk_lvl(log::Cont, " bh%s", pool.highpri ? "-hi" : "");
	else
		log::printk_lvl(log::Cont, " nice=%d", pool.attrs ? pool.attrs->nice : pool.highpri ? -20 : 0);
}

namespace {

// Prints works of list that belong to pwq (all of them if pwq is null),
// with repeats of one function folded into N*func.
template <typename List> void print_works(const char *what, List &list, const Pwq *pwq)
{
	void (*last)(altwq_work *) = nullptr;
	int repeats = 0;
	bool any = false;
	auto flush = [&] {
		if (repeats == 1)
			log::printk_lvl(log::Cont, " %ps", last);
		else if (repeats > 1)
			log::printk_lvl(log::Cont, " %d*%ps", repeats, last);
		repeats = 0;
	};
	for (altwq_work &work : list) {
		if (is_cursor(work) || (pwq && data_pwq(work.data.load(Relaxed)) != pwq))
			continue;
		if (!any)
			log::printk_lvl(log::Info, "    %s:", what);
		any = true;
		if (work.func != last)
			flush();
		last = work.func;
		repeats++;
	}
	flush();
	if (any)
		log::printk_lvl(log::Cont, "\n");
}

// L held. Whether pwq has anything to show.
bool pwq_busy(Pwq &pwq, PoolLocked &s)
{
	PwqCounts &c = pwq.c.get(s);
	return c.nr_active > 0 || !c.inactive.empty();
}

void show_pwq(Pwq &pwq, PoolLocked &s)
{
	PwqCounts &c = pwq.c.get(s);
	log::printk_lvl(log::Info, "  pwq %d:", pwq.pool->id);
	print_pool(*pwq.pool);
	log::printk_lvl(log::Cont, " active=%d/%d refcnt=%d\n", c.nr_active, c.max_active, c.refcnt);
	bool any = false;
	for (auto &bucket : s->busy) {
		for (Worker &w : bucket) {
			if (w.current_pwq != &pwq)
				continue;
			if (!any)
				log::printk_lvl(log::Info, "    in-flight:");
			if (w.thread.running()) // a BH pool's worker has no thread
				log::printk_lvl(log::Cont, "%s %d%s:%ps", any ? "," : "", w.thread.task().pid(),
						w.rescue_wq ? "(RESCUER)" : "", w.current_func);
			else
				log::printk_lvl(log::Cont, "%s bh:%ps", any ? "," : "", w.current_func);
			any = true;
		}
	}
	if (any)
		log::printk_lvl(log::Cont, "\n");
	print_works("pending", s->worklist, &pwq);
	print_works("inactive", c.inactive, nullptr);
}

} // namespace

int altwq::wq::show_one(altwq_workqueue *wq)
{
	int shown = 0;
	for_each_pwq(wq, [&](Pwq &pwq) {
		auto s = pwq.pool->lock();
		if (!pwq_busy(pwq, s))
			return;
		if (!shown)
			log::printk_lvl(log::Info, "workqueue %s: flags=0x%x\n", wq->name, wq->flags);
		shown++;
		show_pwq(pwq, s);
	});
	return shown;
}

namespace {

void show_pool(Pool &pool)
{
	auto s = pool.lock();
	if (s->nr_workers == s->nr_idle)
		return;
	log::printk_lvl(log::Info, "pool %d:", pool.id);
	print_pool(pool);
	log::printk_lvl(log::Cont, " workers=%d", s->nr_workers);
	if (s->manager_active)
		log::printk_lvl(log::Cont, " manager active");
	bool first = true;
	for (Worker &w : s->idle_list) {
		log::printk_lvl(log::Cont, " %s%d", first ? "idle: " : "", w.thread.task().pid());
		first = false;
	}
	log::printk_lvl(log::Cont, "\n");
}

// The worker that task is, or nullptr (task kept alive by the caller).
Worker *worker_of_task(TaskRef task)
{
	void *w = Kthread::data_if(task, &worker_thread);
	if (!w)
		w = Kthread::data_if(task, &rescuer_thread);
	return static_cast<Worker *>(w);
}

} // namespace

extern "C" bool altwq_current_is_workqueue_rescuer(void)
{
	Worker *w = current_worker();
	return w && w->rescue_wq;
}

extern "C" bool altwq_workqueue_congested(int cpu, altwq_workqueue *wq)
{
	if (KXX_WARN_ON_ONCE(!wq) ||
	    KXX_WARN_ONCE(cpu != ALTWQ_WORK_CPU_UNBOUND && !cpu_possible(cpu), "CPU %d does not exist", cpu))
		return false;
	IrqOffGuard irq; // "this CPU" stays this one
	RcuReadGuard rcu;
	if (!is_live_wq(wq, rcu))
		return false;
	Pwq *pwq = pwq_for(wq, cpu);
	auto s = pwq->pool->lock();
	return !pwq->c.get(s).inactive.empty();
}

extern "C" void altwq_set_worker_desc(const char *fmt, ...)
{
	Worker *w = current_worker();
	if (!w || KXX_WARN_ON_ONCE(!fmt))
		return;
	__builtin_va_list args;
	__builtin_va_start(args, fmt);
	vformat(w->desc, sizeof(w->desc), fmt, args);
	__builtin_va_end(args);
}

extern "C" void altwq_print_worker_info(const char *log_lvl, task_struct *task)
{
	if (KXX_WARN_ON_ONCE(!task))
		return;
	Worker *w = worker_of_task(TaskRef::of(task));
	if (!w)
		return;
	// The task may be anywhere in its work: read what it points at as
	// memory that may be gone, and keep each string's last NUL.
	void (*fn)(altwq_work *) = nullptr;
	Pwq *pwq = nullptr;
	altwq_workqueue *wq = nullptr;
	char name[sizeof(wq->name)] = {};
	char desc[sizeof(w->desc)] = {};
	(void)read_nofault(fn, &w->current_func);
	if (read_nofault(pwq, &w->current_pwq) && pwq && read_nofault(wq, &pwq->wq) && wq)
		(void)read_string_nofault(name, wq->name, sizeof(name));
	(void)read_string_nofault(desc, w->desc, sizeof(desc));
	if (!fn && !name[0] && !desc[0])
		return;
	log::printk_lvl(log_lvl, "Workqueue: %s %ps", name, fn);
	if (desc[0])
		log::printk_lvl(log::Cont, " (%s)", desc);
	log::printk_lvl(log::Cont, "\n");
}

extern "C" void altwq_show_one_workqueue(altwq_workqueue *wq)
{
	if (KXX_WARN_ON_ONCE(!wq))
		return;
	RcuReadGuard rcu;
	if (is_live_wq(wq, rcu))
		show_one(wq);
}

extern "C" void altwq_show_all_workqueues(void)
{
	RcuReadGuard rcu;
	log::printk_lvl(log::Info, "altwq: showing busy workqueues and worker pools:\n");
	g->registry.for_each(rcu, [](altwq_workqueue &wq) { show_one(&wq); });
	for (int id = 0; id < g->nr_pools; id++)
		if (Pool *pool = pool_at(id))
			show_pool(*pool);
}

extern "C" void __altwq_warn_flushing_systemwide_wq(void)
{
	log::warning("flushing a system-wide workqueue: it waits for every user's works; "
		     "flush your own queue or works instead");
	dump_stack();
}
