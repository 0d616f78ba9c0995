// SPDX-License-Identifier: GPL-2.0
// Worker lifetime: create (on a CPU), the thread loop, destroy; the registry
// of live workers that lets every entry point refuse a dead one.
#include "kxx/trace.hpp"
#include "kthread_worker/worker.hpp"
#include "kxx/alloc.hpp"
#include "kxx/cpu.hpp"
#include "kxx/string.hpp"
#include "kxx/task.hpp"

using namespace kxx;
using namespace altwq::kw;

constinit Registry *altwq::kw::registry = nullptr;
constinit EmbeddedSet *altwq::kw::embedded = nullptr;

altwq_kthread_worker::altwq_kthread_worker(unsigned int flags_, int cpu_)
	: queues(KXX_LOCK_CLASS("altwq_kthread_worker.lock")), flags(flags_), cpu(cpu_)
{
}

// The thread: runs queued works one at a time until stopped. May sleep.
int altwq_kthread_worker::run()
{
	if (flags & ALTWQ_KTW_FREEZABLE)
		current::set_freezable();
	for (;;) {
		// A full barrier: pairs with the wakeup in insert_work() and in
		// kthread_stop(), so neither is lost before schedule().
		current::set_interruptible();
		if (Kthread::should_stop()) {
			current::set_running();
			queues.lock<Irq>()->current_work = nullptr;
			return 0;
		}
		altwq_kthread_work *work;
		{
			auto q = queues.lock<Irq>();
			work = q->work_list.pop_front();
			q->current_work = work;
		}
		if (work) {
			current::set_running();
			const auto func = work->func;
			trace::kthread_work_execute_start(work, func);
			func(work);
			// The function may have freed the work: no touching it now.
			trace::kthread_work_execute_end(work, func);
		} else if (!current::freezing()) {
			current::schedule();
		} else {
			// Not frozen with a sleeping state set (might_sleep would object).
			current::set_running();
		}
		// Every pass, so a worker that is never idle still freezes.
		if (flags & ALTWQ_KTW_FREEZABLE)
			current::try_to_freeze();
		cond_resched();
	}
}

namespace {

// May sleep. cpu: Kthread::AnyCpu or an online CPU; node: with AnyCpu, where
// the thread's memory goes (NoNode: anywhere).
altwq_kthread_worker *create_worker(int cpu, int node, unsigned int flags, const char *namefmt,
				    __builtin_va_list args)
{
	if (KXX_WARN_ON_ONCE(!namefmt) || KXX_WARN_ON_ONCE(flags & ~ALTWQ_KTW_FREEZABLE))
		return err_ptr<altwq_kthread_worker>(err::Inval);
	auto name = String::vformat(GfpKernel, namefmt, args);
	if (!name.ok())
		return err_ptr<altwq_kthread_worker>(name.error());
	auto worker = make_box<altwq_kthread_worker>(GfpKernel, flags, cpu);
	if (!worker.ok())
		return err_ptr<altwq_kthread_worker>(worker.error());
	altwq_kthread_worker *w = worker.value().get();
	auto thread = Kthread::create<&altwq_kthread_worker::run>(w, name.value().get(), cpu, node);
	if (!thread.ok())
		return err_ptr<altwq_kthread_worker>(thread.error());
	w->thread = thread.take();
	w->task = reinterpret_cast<task_struct *>(w->thread.task().raw());
	registry->insert(*w);
	w->thread.wake();
	return worker.take().release();
}

} // namespace

extern "C" altwq_kthread_worker *altwq_kthread_create_worker(unsigned int flags, const char namefmt[], ...)
{
	__builtin_va_list args;
	__builtin_va_start(args, namefmt);
	altwq_kthread_worker *w = create_worker(Kthread::AnyCpu, NoNode, flags, namefmt, args);
	__builtin_va_end(args);
	return w;
}

extern "C" altwq_kthread_worker *altwq_kthread_create_worker_on_node(unsigned int flags, int node, const char namefmt[],
								      ...)
{
	if (KXX_WARN_ONCE(node != NoNode && !node_possible(node), "kthread_create_worker_on_node: node %d does not exist",
			  node))
		return err_ptr<altwq_kthread_worker>(err::Inval);
	__builtin_va_list args;
	__builtin_va_start(args, namefmt);
	altwq_kthread_worker *w = create_worker(Kthread::AnyCpu, node, flags, namefmt, args);
	__builtin_va_end(args);
	return w;
}

// cpu -1 makes an unbound worker, as in 6.12; a CPU that does not exist or
// is offline is refused with a warning (6.12 binds to it anyway, and the
// thread then runs wherever the scheduler puts it).
extern "C" altwq_kthread_worker *altwq_kthread_create_worker_on_cpu(int cpu, unsigned int flags, const char namefmt[], ...)
{
	if (cpu != Kthread::AnyCpu &&
	    KXX_WARN_ONCE(!cpu_online(cpu), "kthread_create_worker_on_cpu: CPU %d is offline or does not exist", cpu))
		return err_ptr<altwq_kthread_worker>(err::Inval);
	__builtin_va_list args;
	__builtin_va_start(args, namefmt);
	altwq_kthread_worker *w = create_worker(cpu, NoNode, flags, namefmt, args);
	__builtin_va_end(args);
	return w;
}

extern "C" void altwq_kthread_init_worker(altwq_kthread_worker *worker)
{
	KXX_MIGHT_SLEEP();
	if (KXX_WARN_ON_ONCE(!worker))
		return;
	{
		RcuReadGuard rcu;
		if (KXX_WARN_ONCE(registry->contains(worker, rcu),
				  "kthread_init_worker: %p was made by kthread_create_worker", worker))
			return;
	}
	// As 6.12, init makes a fresh worker of whatever the memory held: the
	// struct of a driver that freed an initialised worker whose thread never
	// ran, say, and got the same memory back (its address is still in the
	// set, which is fine).
	altwq_kthread_worker *w = new (static_cast<void *>(worker)) altwq_kthread_worker(0, Kthread::AnyCpu);
	w->embedded = true;
	// Not in the set (out of memory): every call on it is refused.
	Status st = embedded->insert(w);
	KXX_WARN_ONCE(!st.ok() && st.error() != err::Exist, "kthread_init_worker: cannot track worker %p (%d)", w,
		      st.error());
}

// The caller's kthread. May sleep.
extern "C" int altwq_kthread_worker_fn(void *worker_ptr)
{
	auto *w = static_cast<altwq_kthread_worker *>(worker_ptr);
	{
		RcuReadGuard rcu;
		if (KXX_WARN_ONCE(!w || !is_live(w, rcu) || !w->embedded,
				  "kthread_worker_fn: %p is not a worker made by kthread_init_worker", w))
			return err::Inval;
	}
	task_struct *self = reinterpret_cast<task_struct *>(TaskRef::current().raw());
	{
		auto q = w->queues.lock<Irq>();
		if (KXX_WARN_ONCE(w->task, "kthread_worker_fn: worker %p runs in another thread already", w))
			return err::Busy;
		w->task = self;
	}
	int ret = w->run();
	{
		auto q = w->queues.lock<Irq>();
		w->task = nullptr;
	}
	// From here every call is refused. Once the calls in progress are done
	// (RCU readers, and the counted users of the sleeping ones), the memory
	// is the caller's again; nothing in it needs undoing.
	(void)embedded->remove(w);
	if (w->users.sub_return(1, Full) != 0)
		w->released.wait();
	return ret;
}

// May sleep. Refused while delayed works are armed: their timers would fire
// into freed memory, and cancelling them is the owner's decision.
extern "C" void altwq_kthread_destroy_worker(altwq_kthread_worker *worker)
{
	KXX_MIGHT_SLEEP();
	{
		WorkerRef ref = WorkerRef::of(worker);
		if (!ref)
			return;
		if (KXX_WARN_ONCE(worker->embedded, "kthread_destroy_worker: %p was made by kthread_init_worker; "
						    "stop its thread instead", worker))
			return;
		auto q = worker->queues.lock<IrqSave>();
		if (KXX_WARN_ONCE(q->dying, "kthread_destroy_worker: already being destroyed"))
			return; // a concurrent destroy owns it
		if (KXX_WARN_ONCE(!q->delayed_list.empty(),
				  "kthread_destroy_worker refused: delayed works still armed; cancel them first"))
			return;
		q->dying = true; // from here every entry point refuses
	}
	flush_all(worker);
	registry->remove(*worker);
	rcu::synchronize(); // users inside RCU are gone; WorkerRefs are counted
	if (worker->users.sub_return(1, Full) != 0)
		worker->released.wait();
	// Every call that was in progress has returned, and each looked at
	// `dying` after its last lock drop, so none armed a timer after destroy
	// began. Should one be armed anyway, it is stopped here rather than
	// left to fire into freed memory.
	for (;;) {
		auto q = worker->queues.lock<IrqSave>();
		altwq_kthread_work *work = q->delayed_list.front();
		if (!work)
			break;
		KXX_WARN_ONCE(true, "kthread_destroy_worker: delayed work %ps armed during destroy", work->func);
		auto *dwork = owner_of<&altwq_kthread_delayed_work::work>(work);
		stop_timer(q, dwork);
		(void)dequeue(*q, q, work);
	}
	// Nobody can insert work now, so nobody looks at the thread handle.
	(void)worker->thread.stop();
	{
		auto q = worker->queues.lock<IrqSave>();
		KXX_WARN_ON_ONCE(!q->work_list.empty() || !q->delayed_list.empty() || !q->delayed_flushers.empty());
	}
	delete worker;
}

extern "C" int altwq_kthread_worker_init(void)
{
	registry = new (GfpKernel) Registry(KXX_LOCK_CLASS("altwq_kthread_worker.registry"));
	embedded = new (GfpKernel) EmbeddedSet(KXX_LOCK_CLASS("altwq_kthread_worker.embedded"));
	if (registry && embedded)
		return 0;
	delete registry;
	delete embedded;
	registry = nullptr;
	embedded = nullptr;
	return err::NoMem;
}

extern "C" void altwq_kthread_worker_exit(void)
{
	size_t live = registry->size();
	KXX_WARN_ONCE(live, "%zu kthread_worker(s) never destroyed at unload", live);
	delete registry;
	registry = nullptr;
	// Embedded workers whose thread never ran: their entries only.
	delete embedded;
	embedded = nullptr;
}
