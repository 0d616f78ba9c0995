// SPDX-License-Identifier: GPL-2.0
// Worker pools: the pool table, the busy hash, idle workers and their
// reaping, the manager that makes workers, mayday, CPU hotplug, and the
// teardown that waits for every worker to detach and exit.
#include "kxx/alloc.hpp"
#include "kxx/cpu.hpp"
#include "kxx/params.hpp"
#include "kxx/sched.hpp"
#include "kxx/task.hpp"
#include "wq/wq.hpp"

using namespace kxx;

namespace altwq::wq {

constinit Globals *g = nullptr;

namespace {

enum : unsigned int {
	MaydayInitialMs = 10,	// the manager has been trying this long: ask rescuers
	MaydayIntervalMs = 100,	// and again this often while it keeps failing
	CreateCooldownMs = 100,	// between failed attempts to make a worker
};
enum : int { HighpriNice = -20 };

unsigned long idle_timeout() { return msecs_to_jiffies(params::idle_timeout_ms()); }

List<&Worker::busy_node> &busy_bucket(PoolLocked &s, const altwq_work *work)
{
	return s->busy[(reinterpret_cast<uintptr_t>(work) >> 6) % BusyBuckets];
}

// The idle worker to wake for the pool's works: the most recently idle,
// but while the CPU goes down the one asleep pinned (any other would be
// placed on another CPU).
Worker *pick_idle(Pool &pool, PoolLocked &s)
{
	Worker *w = s->idle_list.front();
	if (w && !w->pinned && in_down_window(pool, s)) {
		for (Worker &idle : s->idle_list) {
			if (idle.pinned) {
				w = &idle;
				break;
			}
		}
	}
	return w;
}


// Every idle worker, so each looks at the pool again (a pinned one unpins).
void wake_all_idle(PoolLocked &s)
{
	for (Worker &w : s->idle_list)
		w.thread.task().wake();
}

// L held. Takes an idle worker off the books and tells it to exit.
void set_worker_dying(Pool &pool, PoolLocked &s, Worker &w)
{
	worker_leave_idle(s, w);
	s->nr_workers--;
	w.flags.fetch_or(WorkerDie, Relaxed);
	g->nr_dying.fetch_add(1, Relaxed);
	pool.nr_reaped.fetch_add(1, Relaxed);
	trace::worker_destroy(pool.id, w.id, pool.cpu);
	w.thread.task().wake();
}

// L not held; may sleep. The manager's job: make workers until the pool
// has an idle one or no longer needs one.
void maybe_create_worker(Pool &pool)
{
	for (;;) {
		pool.mayday_timer.arm(msecs_to_jiffies(MaydayInitialMs));
		for (;;) {
			if (create_worker(pool).ok())
				break;
			{
				auto s = pool.lock();
				if (!need_to_create_worker(pool, s))
					break;
			}
			msleep(CreateCooldownMs);
		}
		pool.mayday_timer.del_sync();
		auto s = pool.lock();
		if (!need_to_create_worker(pool, s))
			return;
	}
}

} // namespace

Globals::Globals()
	: attach(KXX_LOCK_CLASS("altwq_attach_mutex")), mayday(KXX_LOCK_CLASS("altwq_mayday_lock")),
	  registry(KXX_LOCK_CLASS("altwq_workqueue_registry")), unbound(KXX_LOCK_CLASS("altwq_unbound_pools_mutex")),
	  released(KXX_LOCK_CLASS("altwq_released_pwqs_mutex")), freeze(KXX_LOCK_CLASS("altwq_freeze_mutex")),
	  hotplug(CpuHotplugWatch::callbacks<&Globals::hotplug, &Globals::cpu_online, &Globals::cpu_going_down>())
{
}

Pool::Pool(int id_, int cpu_, bool highpri_, bool bh_)
	: state(KXX_LOCK_CLASS("altwq_pool.lock")), id(id_), cpu(cpu_), highpri(highpri_), bh(bh_),
	  idle_timer(Timer::callback<&Pool::idle_timer, &Pool::idle_timer_fired>(), KXX_LOCK_CLASS("altwq_pool.idle_timer")),
	  mayday_timer(Timer::callback<&Pool::mayday_timer, &Pool::mayday_timer_fired>(),
		       KXX_LOCK_CLASS("altwq_pool.mayday_timer")),
	  kick_irq_work(IrqWork::callback<&Pool::kick_irq_work, &Pool::kick_from_irq>()),
	  hog_timer(HrTimer::callback<&Pool::hog_timer, &Pool::hog_timer_fired>()),
	  stall_timer(HrTimer::callback<&Pool::stall_timer, &Pool::stall_timer_fired>())
{
}

Pool::~Pool() { free_attrs(attrs); }

int unbound_pool_id(bool highpri) { return static_cast<int>(nr_cpu_ids()) * 2 + (highpri ? 1 : 0); }
int bh_pool_id(int cpu, bool highpri) { return unbound_pool_id(false) + 2 + pool_id_of(cpu, highpri); }
int first_dynamic_pool_id() { return bh_pool_id(0, false) + static_cast<int>(nr_cpu_ids()) * 2; }

void sync_has_work(Pool &pool, PoolLocked &s) { pool.has_work.store(!s->worklist.empty(), Relaxed); }

namespace {

// L held, need_more_worker(). Whether the wakeup waits: the pool's last
// running worker blocked less than stall_window_us ago and still counts as
// busy. The window's timer (opened here if it is not yet) wakes a worker at
// its end if none came back by then.
bool in_stall_window(Pool &pool, PoolLocked &s)
{
	const uint64_t window_ns = static_cast<uint64_t>(params::stall_window_us()) * 1000;
	const uint64_t blocked_at = window_ns ? pool.last_block_ns.load(Relaxed) : 0;
	const uint64_t since = blocked_at ? ktime_ns() - blocked_at : 0;
	// Looked at afresh each time: the worker may be back, the window over,
	// or the pool unbound, with the window's timer still queued.
	if (!blocked_at || pool.cpu < 0 || s->disassociated || since >= window_ns) {
		if (s->stall_window_open && pool.stall_timer.try_cancel())
			s->stall_window_open = false;
		return false;
	}
	if (s->stall_window_open)
		return true;
	s->stall_window_open = true;
	pool.nr_stall_windows.fetch_add(1, Relaxed);
	pool.stall_timer.start_pinned(window_ns - since);
	return true;
}

} // namespace

void kick(Pool &pool, PoolLocked &s, WakeLater &later)
{
	sync_has_work(pool, s);
	if (pool.bh) {
		if (!s->worklist.empty())
			static_cast<BhPool &>(pool).raise();
		return;
	}
	// Pairs with the fully ordered nr_running drop in Worker::sched_out():
	// either it sees has_work and kicks through irq_work, or we see its
	// nr_running and wake a worker (once L is dropped).
	smp_mb();
	if (need_more_worker(pool, s) && !in_stall_window(pool, s)) {
		if (Worker *w = pick_idle(pool, s)) {
			if (pool.attrs && !pool.attrs->affn_strict)
				steer_into_pod(pool, s, *w);
			later.set(w->thread.task());
		}
	}
	if (g->wake_under_lock.load(Relaxed))
		later.wake();
}

void kick(Pool &pool, PoolLocked &s)
{
	WakeLater now;
	kick(pool, s, now);
}

Worker *find_worker_executing(PoolLocked &s, const altwq_work *work)
{
	for (Worker &w : busy_bucket(s, work))
		if (w.current_work.load(Relaxed) == work && w.current_func == work->func)
			return &w;
	return nullptr;
}

void busy_add(Pool &pool, PoolLocked &s, Worker &w, const altwq_work *work)
{
	busy_bucket(s, work).push_back(w);
	pool.nr_busy.store(pool.nr_busy.load(Relaxed) + 1, Relaxed);
}

void busy_del(Pool &pool, PoolLocked &s, Worker &w, const altwq_work *work)
{
	busy_bucket(s, work).remove(w);
	pool.nr_busy.store(pool.nr_busy.load(Relaxed) - 1, Relaxed);
}

void worker_enter_idle(Pool &pool, PoolLocked &s, Worker &w)
{
	if (KXX_WARN_ON_ONCE(w.flags.load(Relaxed) & WorkerIdle))
		return;
	w.flags.fetch_or(WorkerIdle, Relaxed);
	s->nr_idle++;
	w.last_active.get(s) = jiffies();
	s->idle_list.push_front(w);
	// Armed for the oldest surplus worker; a timeout shortened since (the
	// module parameter) takes effect here.
	if (too_many_workers(s)) {
		unsigned long expires = jiffies() + idle_timeout();
		if (!pool.idle_timer.pending() || time_after(pool.idle_timer.expires(), expires))
			pool.idle_timer.modify(expires);
	}
}

void worker_leave_idle(PoolLocked &s, Worker &w)
{
	if (!(w.flags.load(Relaxed) & WorkerIdle))
		return;
	w.flags.fetch_and(~static_cast<unsigned int>(WorkerIdle), Relaxed);
	s->nr_idle--;
	s->idle_list.remove(w);
}

bool manage_workers(Pool &pool, PoolLocked &s)
{
	if (s->manager_active)
		return false;
	s->manager_active = true;
	s.call_unlocked([&] { maybe_create_worker(pool); });
	s->manager_active = false;
	return true;
}

void send_mayday(Pwq &pwq, PoolLocked &s)
{
	altwq_workqueue *wq = pwq.wq;
	Guard<MaydayLock, IrqSave> y(g->mayday);
	if (!wq->rescuer || pwq.mayday_node.linked())
		return;
	get_pwq(pwq, s); // the rescuer puts it
	pwq.stats(s).mayday++;
	wq->maydays.get(y).push_back(pwq);
	trace::mayday(wq->name, pwq.pool->id, pwq.pool->cpu);
	wq->rescuer->thread.wake();
}

Pwq *pop_mayday(altwq_workqueue *wq)
{
	Guard<MaydayLock, IrqSave> y(g->mayday);
	return wq->maydays.get(y).pop_front();
}

bool has_other_maydays(altwq_workqueue *wq)
{
	Guard<MaydayLock, IrqSave> y(g->mayday);
	return !wq->maydays.get(y).empty();
}

bool is_mayday(Pwq &pwq)
{
	Guard<MaydayLock, IrqSave> y(g->mayday);
	return pwq.mayday_node.linked();
}

// Softirq. Reaps the idle workers that have been idle too long, oldest
// first, but for the one asleep pinned (see should_pin_idle()).
void Pool::idle_timer_fired()
{
	auto s = lock();
	while (too_many_workers(s)) {
		Worker *w = s->idle_list.back();
		if (w->pinned && s->idle_list.prev(*w))
			w = s->idle_list.prev(*w);
		unsigned long expires = w->last_active.get(s) + idle_timeout();
		if (time_after(expires, jiffies())) {
			idle_timer.modify(expires);
			break;
		}
		set_worker_dying(*this, s, *w);
	}
}

// Softirq. The manager cannot make a worker: every queue with a rescuer
// that has work waiting here is asked to help.
void Pool::mayday_timer_fired()
{
	auto s = lock();
	if (need_to_create_worker(*this, s)) {
		for (altwq_work &work : s->worklist)
			if (Pwq *pwq = data_pwq(work.data.load(Relaxed)); pwq && !is_cursor(work))
				send_mayday(*pwq, s);
	}
	mayday_timer.arm(msecs_to_jiffies(MaydayIntervalMs));
}

// Hardirq: the stall window ends; wake a worker if the blocked one has not
// come back and works still wait.
uint64_t Pool::stall_timer_fired()
{
	WakeLater later;
	auto s = lock();
	s->stall_window_open = false;
	if (need_more_worker(*this, s)) {
		if (Worker *w = pick_idle(*this, s)) {
			later.set(w->thread.task());
			nr_stall_wakeups.fetch_add(1, Relaxed);
			count_cm_wakeup(s);
		}
	}
	return 0;
}

// Hardirq, raised by a worker's sched_out (which may wake nothing itself)
// on the CPU the worker blocked on. In a stall window the wakeup waits.
void Pool::kick_from_irq()
{
	WakeLater later;
	auto s = lock();
	if (!need_more_worker(*this, s) || in_stall_window(*this, s))
		return;
	if (Worker *w = pick_idle(*this, s)) {
		later.set(w->thread.task());
		nr_kick_wakeups.fetch_add(1, Relaxed);
		count_cm_wakeup(s);
	}
}

void count_cm_wakeup(PoolLocked &s)
{
	if (altwq_work *next = s->worklist.front(); next && !is_cursor(*next))
		if (Pwq *pwq = data_pwq(next->data.load(Relaxed)))
			pwq->stats(s).cm_wakeup++;
}

Status create_worker(Pool &pool)
{
	KXX_MIGHT_SLEEP();
	if (g->fail_creations.load(Relaxed) > 0 && g->fail_creations.fetch_sub(1, Full) > 0)
		return Error{err::NoMem};
	Worker *w = new (GfpKernel) Worker(&pool, nullptr);
	if (!w)
		return Error{err::NoMem};
	int id;
	{
		auto s = pool.lock();
		if (s->dying) {
			delete w;
			return Error{err::NoDev};
		}
		id = s->next_worker_id++;
	}
	w->id = id;
	if (pool.cpu >= 0)
		format(w->name, sizeof(w->name), "altwq/%d:%d%s", pool.cpu, id, pool.highpri ? "H" : "");
	else
		format(w->name, sizeof(w->name), "altwq/u%d:%d", pool.id, id); // as kworker/u<pool>:<id>
	auto thread = Kthread::create(&worker_thread, w, w->name, Kthread::AnyCpu);
	if (!thread.ok()) {
		delete w;
		return Error{thread.error()};
	}
	w->thread = thread.take();
	// kthread_bind(): besides the CPU, it keeps user space (taskset,
	// cpusets) from moving the worker. Hotplug moves it from here on.
	if (pool.cpu >= 0)
		w->thread.bind(pool.cpu);
	if (pool.attrs) {
		// Unbound: the pool's nice; strict, only its pod's CPUs, else the
		// queue's whole cpumask (wakeups are steered into the pod).
		if (pool.attrs->nice)
			KXX_WARN_ON_ONCE(!w->thread.task().set_nice(pool.attrs->nice).ok());
		const CpuMask &mask = pool.attrs->affn_strict ? pool.attrs->pod_mask() : pool.attrs->mask();
		if (!w->thread.task().allow_cpus(mask).ok())
			KXX_WARN_ON_ONCE(!w->thread.task().allow_active_cpus().ok()); // none of them online
	} else if (pool.highpri) {
		KXX_WARN_ON_ONCE(!w->thread.task().set_nice(HighpriNice).ok());
	}

	Guard<AttachMutex, MaySleep> a(g->attach);
	pool.workers.get(a).push_back(*w);
	bool bound;
	{
		auto s = pool.lock();
		bound = pool.cpu >= 0 && !s->disassociated;
		if (!bound)
			w->flags.fetch_or(WorkerUnbound, Relaxed);
	}
	if (!bound && pool.cpu >= 0)
		KXX_WARN_ON_ONCE(!w->thread.task().allow_active_cpus().ok());

	auto s = pool.lock();
	s->nr_workers++;
	worker_enter_idle(pool, s, *w);
	pool.nr_created.fetch_add(1, Relaxed);
	trace::worker_create(pool.id, id, pool.cpu);
	w->thread.wake();
	return {};
}

void rebind_misplaced(Worker &w)
{
	Pool &pool = *w.pool;
	// A: the hotplug callbacks move workers under it, and set disassociated.
	Guard<AttachMutex, MaySleep> a(g->attach);
	bool associated;
	{
		auto s = pool.lock();
		associated = !s->disassociated;
	}
	// Not yet active (still going down, or not yet back): stay misplaced;
	// the teardown, or the next look, settles it.
	if (!associated || !cpu_active(pool.cpu) || !TaskRef::current().allow_cpu(pool.cpu).ok())
		return;
	auto s = pool.lock();
	worker_clr_flags(w, WorkerMisplaced, s);
	pool.nr_self_rebinds.fetch_add(1, Relaxed);
}

// On that CPU, before it goes (may sleep): the pool's workers become
// unbound and stop counting for concurrency, as in an unbound pool.
int Globals::cpu_going_down(unsigned int cpu)
{
	cpu_going_down_bound(cpu);
	unbound_update_pods(static_cast<int>(cpu), true); // P, after A is dropped (P -> A)
	return 0;
}

void Globals::cpu_going_down_bound(unsigned int cpu)
{
	Guard<AttachMutex, MaySleep> a(attach);
	for (int hp = 0; hp < 2; hp++) {
		Pool &pool = *pool_at(pool_id_of(static_cast<int>(cpu), hp != 0));
		{
			auto s = pool.lock();
			s->disassociated = true;
			for (Worker &w : pool.workers.get(a)) {
				w.flags.fetch_or(WorkerUnbound, Full);
				w.recount();
			}
			// An idle worker sleeps pinned to this CPU; woken, it sees the
			// pool disassociated and unpins before this CPU's hotplug
			// waits for pinned tasks (after this callback).
			wake_all_idle(s);
		}
		// Waits for a pinned worker to unpin and move.
		for (Worker &w : pool.workers.get(a))
			KXX_WARN_ON_ONCE(!w.thread.task().allow_active_cpus().ok());
		auto s = pool.lock();
		kick(pool, s);
	}
}

// On that CPU, once it is up (may sleep): rebinds the pool's workers, or
// makes its first one. A rebound worker counts again once it clears
// WorkerRebound itself, so nr_running never counts a sleeper.
int Globals::cpu_online(unsigned int cpu)
{
	for (int hp = 0; hp < 2; hp++) {
		Pool &pool = *pool_at(pool_id_of(static_cast<int>(cpu), hp != 0));
		bool first;
		{
			Guard<AttachMutex, MaySleep> a(attach);
			for (Worker &w : pool.workers.get(a))
				KXX_WARN_ON_ONCE(!w.thread.task().allow_cpu(static_cast<int>(cpu)).ok());
			auto s = pool.lock();
			s->disassociated = false;
			for (Worker &w : pool.workers.get(a)) {
				unsigned int f = w.flags.load(Relaxed);
				if (f & (WorkerUnbound | WorkerMisplaced))
					w.flags.store((f & ~static_cast<unsigned int>(WorkerUnbound | WorkerMisplaced)) |
							      WorkerRebound,
						      Full);
			}
			first = s->nr_workers == 0;
			// Idle workers went to sleep unpinned while the pool was
			// unbound: woken, each looks again and sleeps pinned.
			wake_all_idle(s);
		}
		if (first) {
			Status st = create_worker(pool);
			if (!st.ok()) {
				// The bring-up is rolled back without telling us: undo.
				(void)cpu_going_down(cpu);
				return st.error();
			}
		}
	}
	unbound_update_pods(static_cast<int>(cpu), false);
	return 0;
}

void pool_teardown(Pool &pool)
{
	if (pool.bh) {
		// Every queue is gone, so nothing raises it any more; wait for the
		// raises still in flight to other CPUs (an asynchronous call is not
		// ordered behind a synchronous one), then for the tasklet.
		auto &bh = static_cast<BhPool &>(pool);
		// Acquire: pairs with the release in raise_here().
		while (bh.remote_raises.load(Acquire))
			msleep(1);
		bh.tasklet.kill();
		return;
	}
	Completion detached;
	{
		Guard<AttachMutex, MaySleep> a(g->attach);
		pool.detach_done = &detached;
	}
	for (;;) {
		{
			auto s = pool.lock();
			s->dying = true;
			if (s->nr_idle == s->nr_workers && !s->manager_active) {
				while (Worker *w = s->idle_list.front())
					set_worker_dying(pool, s, *w);
				break;
			}
		}
		msleep(1);
	}
	bool wait;
	{
		Guard<AttachMutex, MaySleep> a(g->attach);
		wait = !pool.workers.get(a).empty();
	}
	if (wait)
		detached.wait();
	{
		Guard<AttachMutex, MaySleep> a(g->attach);
		pool.detach_done = nullptr;
	}
	pool.idle_timer.del_sync();
	pool.mayday_timer.del_sync();
	pool.kick_irq_work.sync();
	pool.hog_timer.cancel();
	pool.stall_timer.cancel();
}

Status pools_init()
{
	g->nr_pools = first_dynamic_pool_id() + MaxUnboundPools;
	g->pools = new (GfpKernel | GfpZero) Atomic<Pool *>[g->nr_pools];
	if (!g->pools)
		return Error{err::NoMem};
	auto publish = [](int id, Pool *pool) {
		if (pool)
			g->pools[id].store(pool, Release);
		return pool != nullptr;
	};
	for (int cpu : possible_cpus()) {
		for (int hp = 0; hp < 2; hp++) {
			int id = pool_id_of(cpu, hp != 0);
			Pool *pool = new (GfpKernel) Pool(id, cpu, hp != 0);
			if (!publish(id, pool))
				return Error{err::NoMem};
			pool->lock()->disassociated = true; // until its CPU is seen online
		}
	}
	for (int cpu : possible_cpus()) {
		for (int hp = 0; hp < 2; hp++) {
			int id = bh_pool_id(cpu, hp != 0);
			if (!publish(id, new (GfpKernel) BhPool(id, cpu, hp != 0)))
				return Error{err::NoMem};
		}
	}
	KXX_TRY(unbound_init());
	KXX_TRY(g->hotplug.start());
	g->hotplug_started = true;
	return {};
}

void pools_exit()
{
	if (g->hotplug_started) {
		g->hotplug.stop();
		g->hotplug_started = false;
	}
	unbound_exit();
	if (g->pools) {
		for (int id = 0; id < g->nr_pools; id++) {
			if (Pool *pool = pool_at(id)) {
				pool_teardown(*pool);
				if (pool->bh)
					delete static_cast<BhPool *>(pool);
				else
					delete pool;
			}
		}
		delete[] g->pools;
		g->pools = nullptr;
	}
	// Each exited worker completed this once, from its last instruction.
	for (long n = g->nr_dying.load(Relaxed); n > 0; n--)
		g->worker_exits.wait();
	g->nr_dying.store(0, Relaxed);
}

} // namespace altwq::wq
