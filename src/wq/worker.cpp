// SPDX-License-Identifier: GPL-2.0
// Workers: the thread loop of a pool worker and of a rescuer, running one
// work, the concurrency bookkeeping the scheduler hooks keep, and a dying
// worker's exit (it detaches and frees itself).
//
// Concurrency management: pool->nr_running counts the workers of a per-CPU
// pool that are running a work and not asleep. A worker's `counted` is 1
// exactly while it adds 1 to nr_running; every 0<->1 change of `counted` is
// an atomic exchange followed by the matching nr_running change, so the sum
// stays right whoever races: the worker's own sched_out/sched_in, the worker
// changing its flags, or CPU hotplug unbinding it.
#include "kxx/cpu.hpp"
#include "kxx/hrtimer.hpp"
#include "kxx/params.hpp"
#include "kxx/sched.hpp"
#include "kxx/task.hpp"
#include "wq/wq.hpp"

using namespace kxx;

namespace altwq::wq {

Worker::Worker(Pool *pool_, altwq_workqueue *rescue_wq_)
	: pool(pool_), rescue_wq(rescue_wq_),
	  notifier(PreemptNotifier::callbacks<&Worker::notifier, &Worker::sched_in, &Worker::sched_out>())
{
	if (rescue_wq)
		flags.store(WorkerRescuer, Relaxed);
}

void Worker::recount()
{
	if (flags.load(Relaxed) & WorkerNotRunning) {
		if (counted.exchange(0, Full))
			pool->nr_running.fetch_sub(1, Full);
		return;
	}
	int zero = 0;
	if (!counted.compare_exchange(zero, 1, Full))
		return;
	pool->nr_running.fetch_add(1, Full);
	// Hotplug may have set WorkerUnbound between our flags read and the
	// exchange; it then exchanges `counted` too, and only one of us wins.
	if ((flags.load(Relaxed) & WorkerNotRunning) && counted.exchange(0, Full))
		pool->nr_running.fetch_sub(1, Full);
}

// Scheduler context: the runqueue lock is held, IRQs are off. Takes no lock
// and wakes nothing; a worker that has to be woken is woken by irq_work.
void Worker::sched_out(bool blocking)
{
	if (!blocking || counted.load(Relaxed) == 0)
		return;
	if (counted.exchange(0, Full) == 0)
		return;
	// Fully ordered: pairs with the smp_mb() in kick() (see there).
	if (pool->nr_running.sub_return(1, Full) > 0)
		return;
	if (params::stall_window_us()) // when the stall window started (kick())
		pool->last_block_ns.store(ktime_ns(), Relaxed);
	if (pool->has_work.load(Relaxed) && pool->kick_irq_work.queue())
		pool->nr_kicks.fetch_add(1, Relaxed);
}

// After the switch, preemption off. A bound worker that finds itself off
// its pool's CPU was moved by the scheduler (a wakeup while the CPU was
// going down, before our hotplug callback ran): it stops counting, and
// binds itself again once the CPU is back (rebind_misplaced()).
void Worker::sched_in(int cpu)
{
	const unsigned int f = flags.load(Relaxed);
	if (KXX_UNLIKELY(cpu != pool->cpu) && !(f & (WorkerUnbound | WorkerMisplaced))) {
		flags.fetch_or(WorkerMisplaced, Full);
		pool->nr_misplaced.fetch_add(1, Relaxed);
		recount();
		return;
	}
	if (counted.load(Relaxed) == 0 && !(f & WorkerNotRunning)) {
		// Back from a block: the work's CPU time without a sleep starts
		// again. Before recount(): the hog watch (hardirq, on this CPU,
		// IRQs are on here) looks only at counted workers, and with the
		// old start it would take the work's every stretch since it began
		// for one. Ordered by recount()'s full CAS of `counted`, which the
		// watch reads before this.
		const bool in_work = current_work.load(Relaxed) != nullptr;
		if (in_work)
			runtime_at_start.store(thread.task().runtime_ns(), Relaxed);
		recount();
		// And the pool's stall window (if any) is over.
		if (pool->last_block_ns.load(Relaxed))
			pool->last_block_ns.store(0, Relaxed);
		if (in_work)
			hog_watch_wake(*this);
	}
}

Worker *current_worker()
{
	if (!in_task())
		return nullptr;
	void *w = Kthread::current_data_if(&worker_thread);
	if (!w)
		w = Kthread::current_data_if(&rescuer_thread);
	return static_cast<Worker *>(w);
}

void worker_set_flags(Worker &w, unsigned int f, PoolLocked &)
{
	w.flags.fetch_or(f, Full);
	if (f & WorkerNotRunning)
		w.recount();
}

void worker_clr_flags(Worker &w, unsigned int f, PoolLocked &)
{
	w.flags.fetch_and(~f, Full);
	if (f & WorkerNotRunning)
		w.recount();
}

void move_linked_works(altwq_work *work, WorkList &to)
{
	for (altwq_work *w = work;;) {
		bool more = w->data.load(Relaxed) & WorkLinked;
		altwq_work *next = more ? &WorkList::successor(*w) : nullptr;
		WorkList::unlink(*w);
		to.push_back(*w);
		if (!more)
			break;
		w = next;
	}
}

namespace {

// L held. Gives work (and what is linked to it) to w, unless another worker
// of the pool is running it: then that worker gets it, so a work never runs
// beside itself. True if w got it.
bool assign_work(Worker &w, altwq_work *work, PoolLocked &s)
{
	// A rescuer's cursor left on the list: a worker takes it off (the
	// rescuer then starts from the front again).
	if (KXX_UNLIKELY(is_cursor(*work))) {
		KXX_WARN_ON_ONCE(w.rescue_wq);
		WorkList::unlink(*work);
		return false;
	}
	if (Worker *running = find_worker_executing(s, work)) {
		move_linked_works(work, running->scheduled.get(s));
		return false;
	}
	move_linked_works(work, w.scheduled.get(s));
	return true;
}

// L held: pins the worker while it is still on its pool's CPU (in the down
// window, so the next work starts there; or to sleep idle pinned).
void pin_for_next_work(Worker &w)
{
	if (w.pinned)
		return;
	current::migrate_disable();
	if (this_cpu_hint() == w.pool->cpu) { // stable: pinned, and L held
		w.pinned = true;
		return;
	}
	current::migrate_enable(); // already moved: sched_in() marked it Misplaced
}

// Drops the pin, if any (L held or not).
void unpin(Worker &w)
{
	if (w.pinned) {
		current::migrate_enable();
		w.pinned = false;
	}
}

// L not held, just before a work function: a reschedule that is due is
// taken now, while pinned (so the worker stays), and then the pin goes. No
// work runs pinned: a pinned task holds up its CPU's hotplug, and a work
// may wait for that hotplug to finish.
void unpin_for_work(Worker &w)
{
	if (!w.pinned)
		return;
	current::resched_if_needed();
	unpin(w);
}

// L held. A worker the scheduler moved off its pool's CPU while the pool
// is still bound there leaves the pool's works to a worker asleep pinned
// on the CPU, if there is one: true if it woke one.
bool hand_off_to_pinned(PoolLocked &s, Worker &w)
{
	if (!(w.flags.load(Relaxed) & WorkerMisplaced) || s->disassociated)
		return false;
	for (Worker &idle : s->idle_list) {
		if (idle.pinned) {
			idle.thread.task().wake();
			return true;
		}
	}
	return false;
}

// L held; dropped while the work's function runs (which may sleep).
void process_one_work(Worker &w, altwq_work *work, PoolLocked &s)
{
	Pool &pool = *w.pool;
	const unsigned long data = work->data.load(Relaxed);
	Pwq *pwq = data_pwq(data);
	WorkList::unlink(*work);
	if (KXX_WARN_ON_ONCE(!pwq))
		return;
	debugobj::work_deactivate(work);
	busy_add(pool, s, w, work);
	PwqStats &stats = pwq->stats(s);
	stats.started++;
	s->last_progress = jiffies();
	// Read once for the stats and the hog watch (in softirq the current
	// task is whoever was interrupted: neither looks). w's thread is the
	// current task here, known without asking.
	const uint64_t runtime_now = pool.bh ? 0 : w.thread.task().runtime_ns();
	w.work_runtime_start = runtime_now;
	w.work_started = s->last_progress;
	w.current_work.store(work, Relaxed);
	w.current_func = work->func;
	w.current_pwq = pwq;
	w.current_color = data_color(data);
	w.desc[0] = '\0'; // a desc describes one work (set_worker_desc)
	if (pwq->wq->flags & ALTWQ_CPU_INTENSIVE)
		worker_set_flags(w, WorkerCpuIntensive, s);
	else if (!pool.bh && pool.cpu >= 0)
		watch_for_hog(pool, s, w, runtime_now);
	// More queued and nobody counted as running (unbound pools, a CPU
	// intensive work): another worker takes the next one, woken once L is
	// dropped.
	WakeLater later;
	kick(pool, s, later);
	// After busy_add(): see may_be_running().
	set_offq_and_clear_pending(work, offq_left(static_cast<unsigned long>(pool.id)));

	// While the CPU goes down, the work starts here: pinned from the pick
	// to the call, so no switch in between can move us (whether we were
	// woken pinned for it or were awake anyway).
	if (KXX_UNLIKELY(!pool.bh && in_down_window(pool, s)))
		pin_for_next_work(w);
	void (*fn)(altwq_work *) = w.current_func;
	// No preemption between the unlock and the wakeup it was deferred for.
	const bool waking = static_cast<bool>(later);
	if (waking)
		preempt_disable();
	s.call_unlocked([&] {
		later.wake();
		if (waking)
			preempt_enable();
		unpin_for_work(w);
		// Lockdep: the queue's map and the work's are held while it runs
		// (a copy of the work's: it may be freed by its function).
		LockdepMap work_map;
		work_map.copy_from(work->lockdep_map);
		LockdepMap *wq_map = lockdep_enabled ? pwq->wq->lockdep_map : nullptr; // folds away without lockdep
		if (wq_map)
			wq_map->acquire();
		work_map.acquire();
		trace::execute_start(work, fn);
		fn(work);
		// The work may be freed now: only its address is used below.
		trace::execute_end(work, fn);
		work_map.release();
		if (wq_map)
			wq_map->release();
		if (!pool.bh) // a tasklet must not sleep
			cond_resched();
	});

	PwqStats &done = pwq->stats(s);
	done.completed++;
	if (!pool.bh)
		done.cpu_time_us += (w.thread.task().runtime_ns() - w.work_runtime_start) / 1000;
	// Set by the queue's flag, or by the hog watch while it ran.
	if (w.flags.load(Relaxed) & WorkerCpuIntensive)
		worker_clr_flags(w, WorkerCpuIntensive, s);
	busy_del(pool, s, w, work);
	w.current_work.store(nullptr, Relaxed);
	w.current_func = nullptr;
	w.current_pwq = nullptr;
	w.current_color = NoColor;
	pwq_dec_nr_in_flight(*pwq, s, data);
}

// L held. Runs w's scheduled works (barriers may be added meanwhile).
void process_scheduled_works(Worker &w, PoolLocked &s)
{
	while (altwq_work *work = w.scheduled.get(s).front())
		process_one_work(w, work, s);
}

// A dying worker: leaves its pool and frees itself. Never returns; its last
// instruction completes worker_exits (kthread_complete_and_exit), so module
// unload, which waits for every exit, cannot pull the code from under it.
[[noreturn]] void worker_exit(Worker *w)
{
	if (w->notifier_on) {
		w->notifier.unregister_current();
		w->notifier_on = false;
	}
	Pool &pool = *w->pool;
	{
		Guard<AttachMutex, MaySleep> a(g->attach);
		auto &workers = pool.workers.get(a);
		workers.remove(*w);
		if (workers.empty() && pool.detach_done)
			pool.detach_done->complete();
	}
	w->thread.forget();
	delete w;
	g->worker_exits.complete_and_exit_kthread();
}

// L held. Whether the rescuer should take another of pwq's works: it has
// active works and its pool still cannot get a worker.
bool needs_rescue(Pwq &pwq, PoolLocked &s)
{
	return pwq.c.get(s).nr_active > 0 && need_to_create_worker(*pwq.pool, s);
}

// L held. Gives the rescuer the next of pwq's works (with what is linked
// to it), searching from the cursor, and leaves the cursor right after
// them: true if it got one.
bool assign_rescuer_work(Worker &r, Pwq &pwq, PoolLocked &s)
{
	if (!needs_rescue(pwq, s))
		return false;
	altwq_work &cursor = pwq.mayday_cursor;
	altwq_work *work = WorkList::on_a_list(cursor) ? s->worklist.next(cursor) : s->worklist.front();
	while (work) {
		altwq_work *last = work;
		while (last->data.load(Relaxed) & WorkLinked)
			last = &WorkList::successor(*last);
		altwq_work *next = s->worklist.next(*last);
		if (data_pwq(work->data.load(Relaxed)) == &pwq && !is_cursor(*work) && assign_work(r, work, s)) {
			if (WorkList::on_a_list(cursor))
				WorkList::unlink(cursor);
			if (next)
				s->worklist.insert_before(*next, cursor);
			else
				s->worklist.push_back(cursor);
			return true;
		}
		work = next;
	}
	return false;
}

// May sleep. The rescuer runs pwq's works on its pool, as a worker of that
// pool that needs no creating: one work at a time, taken from the pool's
// worklist (the rest stay there for the pool's own workers once one can
// be made), for as long as the pool cannot make a worker. After
// RescuerBatch works, if other pwqs of the queue wait for it, pwq goes to
// the back of the maydays.
void rescue(Worker &r, Pwq &pwq)
{
	Pool &pool = *pwq.pool;
	{
		Guard<AttachMutex, MaySleep> a(g->attach);
		r.pool = &pool;
		bool bound;
		{
			auto s = pool.lock();
			bound = pool.cpu >= 0 && !s->disassociated;
		}
		TaskRef self = TaskRef::current();
		KXX_WARN_ON_ONCE(!(bound ? self.allow_cpu(pool.cpu) : self.allow_active_cpus()).ok());
	}
	{
		auto s = pool.lock();
		int count = 0;
		while (assign_rescuer_work(r, pwq, s)) {
			sync_has_work(pool, s);
			process_scheduled_works(r, s);
			pool.nr_rescued.fetch_add(1, Relaxed);
			pwq.stats(s).rescued++;
			if (++count > RescuerBatch && needs_rescue(pwq, s) && has_other_maydays(pwq.wq)) {
				send_mayday(pwq, s); // keeps the cursor
				break;
			}
		}
		// The cursor stays only while a turn of the rescuer is due.
		if (WorkList::on_a_list(pwq.mayday_cursor) && !is_mayday(pwq))
			WorkList::unlink(pwq.mayday_cursor);
		sync_has_work(pool, s);
		kick(pool, s); // the pool's workers may take what is left
	}
	{
		Guard<AttachMutex, MaySleep> a(g->attach);
		r.pool = nullptr;
	}
	// The reference send_mayday() took, dropped only once the rescuer has
	// left the pool (a release may free the pool with its last pwq).
	auto s = pool.lock();
	put_pwq(pwq, s);
}

} // namespace

// A pool worker's thread. May sleep.
int worker_thread(void *arg)
{
	Worker &w = *static_cast<Worker *>(arg);
	Pool &pool = *w.pool;
	if (pool.cpu >= 0) {
		w.notifier.register_current();
		w.notifier_on = true;
	}
	{
		auto s = pool.lock();
		for (;;) {
			// Woken pinned: while the CPU goes down (and the pool is
			// still bound), each work of this round starts pinned there;
			// otherwise the pin goes now.
			const bool dying = w.flags.load(Relaxed) & WorkerDie;
			if (w.pinned && (dying || !in_down_window(pool, s)))
				unpin(w);
			if (dying)
				break;
			if (KXX_UNLIKELY(w.flags.load(Relaxed) & WorkerMisplaced)) {
				s.call_unlocked([&] { rebind_misplaced(w); });
				// Idle meanwhile: it may have been reaped.
				if (w.flags.load(Relaxed) & WorkerDie)
					break;
			}
			worker_leave_idle(s, w);
			for (;;) {
				if (!need_more_worker(pool, s) || hand_off_to_pinned(s, w))
					break;
				// Keep one idle worker for the next sleep: be the manager
				// first (unpinned: making a worker sleeps, and takes A,
				// which our hotplug callback holds while it waits for
				// pinned workers). Not while woken pinned in the down
				// window: unpinned, it would lose the CPU, and a worker
				// made now could not run there either; it runs the works
				// pinned, and the spare is made once the pool is unbound.
				if (!may_start_working(s) && !(w.pinned && in_down_window(pool, s))) {
					unpin(w);
					if (manage_workers(pool, s))
						continue;
				}
				worker_clr_flags(w, WorkerPrep | WorkerRebound, s);
				do {
					altwq_work *work = s->worklist.front();
					bool mine = assign_work(w, work, s);
					sync_has_work(pool, s);
					if (mine)
						process_scheduled_works(w, s);
				} while (keep_working(pool, s) && !hand_off_to_pinned(s, w));
				worker_set_flags(w, WorkerPrep, s);
				break;
			}
			worker_enter_idle(pool, s, w);
			// One idle worker of a bound pool sleeps pinned to its CPU: a
			// wakeup that comes while the CPU is going down (after the
			// scheduler stops placing ordinary kthreads there, before our
			// hotplug callback unbinds the pool) still runs it there, as the
			// kernel's per-CPU kworkers are run.
			if (!w.pinned && should_pin_idle(pool, s, w))
				pin_for_next_work(w);
			s.sleep_unlocked();
		}
	}
	worker_exit(&w);
}

// A workqueue's rescuer thread. May sleep.
int rescuer_thread(void *arg)
{
	Worker &r = *static_cast<Worker *>(arg);
	altwq_workqueue *wq = r.rescue_wq;
	for (;;) {
		current::set_interruptible();
		// Read before the maydays: a stop asked for later still finds them done.
		const bool stop = Kthread::should_stop();
		while (Pwq *pwq = pop_mayday(wq)) {
			current::set_running();
			rescue(r, *pwq);
		}
		if (stop) {
			current::set_running();
			return 0;
		}
		current::schedule();
	}
}

BhPool::BhPool(int id_, int cpu_, bool highpri_)
	: Pool(id_, cpu_, highpri_, true), tasklet(Tasklet::callback<&BhPool::tasklet, &BhPool::run>()), remote_raise(this),
	  worker(this, nullptr)
{
}

void BhPool::raise()
{
	// IRQs are off (L): the CPU cannot change under us.
	if (cpu == this_cpu_hint() || !cpu_online(cpu)) {
		tasklet.schedule(highpri);
		return;
	}
	// Counted before it is sent: raise_here() may run before call_on returns.
	remote_raises.fetch_add(1, Full);
	auto sent = remote_raise.call_on(cpu);
	if (sent == decltype(sent)::Now)
		return;
	remote_raises.fetch_sub(1, Full);
	if (sent == decltype(sent)::No)
		tasklet.schedule(highpri); // went offline meanwhile: here
}

void BhPool::raise_here()
{
	tasklet.schedule(highpri);
	// Last: teardown may free the pool once this reads 0.
	remote_raises.fetch_sub(1, Release);
}

void BhPool::run()
{
	const unsigned long end = jiffies() + msecs_to_jiffies(BhBudgetMs);
	int budget = BhRestarts;
	auto s = lock();
	while (altwq_work *work = s->worklist.front()) {
		bool mine = assign_work(worker, work, s);
		sync_has_work(*this, s);
		if (mine)
			process_scheduled_works(worker, s);
		if (--budget == 0 || time_after(jiffies(), end))
			break;
	}
	// Out of budget: the rest in the next round, after other softirq work.
	if (!s->worklist.empty())
		raise();
}

} // namespace altwq::wq
