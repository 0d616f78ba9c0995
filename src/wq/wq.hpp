// SPDX-License-Identifier: GPL-2.0
// The altwq cmwq engine: the C++ definitions of the public structs (their C
// layout in <altwq/workqueue.h> is checked against these at build time), of
// worker pools, workers and pool_workqueues, and what the engine's files
// share. The work item's states are drawn in <altwq/workqueue.h>.
//
// The shape is the kernel's: every CPU has a normal and a high-priority
// pool, and one shared unbound pool of each priority serves unbound and
// ordered queues. Every CPU also has two BH pools (ALTWQ_BH queues): no
// threads; their works run from a tasklet, in softirq context, on that CPU. A workqueue has one pool_workqueue (pwq) per pool it
// uses; a pwq carries max_active, the inactive list and the flush colours.
// Pools own the workers; a pool's manager (one at a time) creates them.
//
// Locking rules, written on each field. Each lock has a role type (below),
// so data of one rule cannot be reached under a guard of another:
//   L  the pool's lock (raw spinlock; always taken IRQ-safe)
//   A  the attach mutex (which workers belong to a pool; CPU affinity)
//   M  the workqueue's mutex (its pwq lists, max_active, drainers)
//   F  the workqueue's flush mutex (one flush_workqueue at a time)
//   Y  the mayday lock (rescue requests)
//   P  the unbound pools' mutex (their table by attrs, their refcnt, pods)
//   N  an unbound queue's active lock (its queue-wide max_active count)
//   D  the workqueue's armed-timer lock (taken with IRQs off: NoIrq where
//      the caller has them off already)
//   S  written by the worker itself; read by it, or by others under L
//   I  set before publication, then read-only
//   X  atomic; the comment at the use names the pairing
// Lock order, outer first: the CPU hotplug lock -> P -> M;
// F -> M -> L -> Y;  L -> N;  A -> L;  D -> L;
// L -> the release kthread_worker's lock (a pwq's last put queues it).
// Waits: destroy_workqueue may flush the release worker (a backlog past
// the bound), whose works take M, L, N, P, A and wait for a dying pool's
// workers: it must be called with none of them held (a plain completion
// wait, which lockdep does not see).
//
// A pwq's life (its refcnt is L):
//
//   made by alloc (refcnt 1: the queue's) -- each queued work, barrier and
//   mayday request holds one more -- destroy puts the queue's once drained
//   -- refcnt 0, under L: its release work goes to the release
//   kthread_worker -- pwq_release (M): off the queue's list, onto the
//   released list (R); drops a queue user -- a reap on the same worker
//   frees every released pwq after one RCU grace period, and with them
//   every queue whose last user went: one grace period for the lot, so
//   queues destroyed faster than grace periods end do not pile up.
//
// A queue's teardown (state, X, written under M):
//
//   live --destroy--> TearingDown (only its own works may queue, and
//   without delay; armed timers are fired now) --drained--> Destroying
//   (nothing may queue; it leaves the registry) --last user--> freed
#pragma once
#include <altwq/workqueue_api.h>
#include "kthread_worker/worker.hpp"
#include "kxx/atomic.hpp"
#include "kxx/completion.hpp"
#include "kxx/cpu.hpp"
#include "kxx/cpu_hotplug.hpp"
#include "kxx/debugfs.hpp"
#include "kxx/debugobj.hpp"
#include "kxx/hrtimer.hpp"
#include "kxx/irq_work.hpp"
#include "kxx/kthread.hpp"
#include "kxx/list.hpp"
#include "kxx/lock.hpp"
#include "kxx/lockdep.hpp"
#include "kxx/params.hpp"
#include "kxx/preempt_notifier.hpp"
#include "kxx/rcu.hpp"
#include "kxx/rcu_set.hpp"
#include "kxx/sizes.hpp"
#include "kxx/softirq.hpp"
#include "kxx/sysfs.hpp"
#include "kxx/timer.hpp"
#include "kxx/wake_later.hpp"
#include "kxx/trace.hpp"

namespace altwq::wq {
struct PoolLockRole;
struct AttachRole;
struct WqMutexRole;
struct FlushMutexRole;
struct MaydayRole;
struct ArmedRole;
struct FreezeRole;
struct UnboundPoolsRole;
struct ActiveRole;
struct ReleasedRole;
using PoolLock = kxx::RawSpinLock<PoolLockRole>;	// L
using AttachMutex = kxx::Mutex<AttachRole>;		// A
using WqMutex = kxx::Mutex<WqMutexRole>;		// M
using FlushMutex = kxx::Mutex<FlushMutexRole>;		// F
using MaydayLock = kxx::RawSpinLock<MaydayRole>;	// Y
using ArmedLock = kxx::RawSpinLock<ArmedRole>;		// D
using FreezeMutex = kxx::Mutex<FreezeRole>;		// Z (outside M)
using UnboundPoolsMutex = kxx::Mutex<UnboundPoolsRole>;	// P (outside M)
using ActiveLock = kxx::RawSpinLock<ActiveRole>;	// N (inside L)
using ReleasedMutex = kxx::Mutex<ReleasedRole>;		// R (innermost; may sleep)
} // namespace altwq::wq

struct altwq_work {
	kxx::Atomic<unsigned long> data;	// X: the encoding is below
	kxx::ListNode entry;			// L of the pool it is queued on
	void (*func)(altwq_work *work);		// I
	// Held while it runs; flushes touch it (empty without lockdep).
	[[no_unique_address]] kxx::LockdepMap lockdep_map; // I
};

struct altwq_delayed_work {
	altwq_work work;
	kxx::Timer timer;			// set up by the C init macro, IRQ-safe
	altwq_workqueue *wq;			// D of that queue: set while armed, else nullptr
	int cpu;				// likewise
	kxx::ListNode armed_entry;		// D: on wq->armed while the timer is armed
};

struct altwq_rcu_work {
	altwq_work work;
	kxx::RcuHead rcu;			// in flight while PENDING and not yet queued
	altwq_workqueue *wq;			// the PENDING owner's: where rcu queues it
	void grace_period_passed();		// softirq
};

struct altwq_execute_work {
	altwq_work work;
};

struct altwq_workqueue_attrs {
	int nice;
	kxx::CpuMaskVar cpumask;
	kxx::CpuMaskVar __pod_cpumask;
	bool affn_strict;
	altwq_affn_scope affn_scope;
	bool ordered;

	kxx::CpuMask &mask() { return kxx::mask_of(cpumask); }
	const kxx::CpuMask &mask() const { return kxx::mask_of(cpumask); }
	kxx::CpuMask &pod_mask() { return kxx::mask_of(__pod_cpumask); }
	const kxx::CpuMask &pod_mask() const { return kxx::mask_of(__pod_cpumask); }
};

namespace altwq::wq {

// work->data: the low byte is flags; the rest is a pwq pointer (WorkPwq set:
// the work is queued) or, off queue, a disable count and the id of the pool
// the work last ran on (or was last queued on).
enum : unsigned long {
	WorkPending = 1UL << 0,		// owned by a queuer, a timer or a canceller
	WorkInactive = 1UL << 1,	// not counted in nr_active (inactive list, barriers)
	WorkPwq = 1UL << 2,		// the high bits are the pwq
	WorkLinked = 1UL << 3,		// the next work runs right after it, same worker
	ColorShift = 4,		// off queue, bit 4 may hold __ALTWQ_WORK_STATIC (debugobjects)
	ColorMask = 0xfUL << ColorShift,
	FlagBits = 8,
	PwqAlign = 1UL << FlagBits,
	FlagMask = PwqAlign - 1,
	// Off queue: a cancel_*_sync waiting for a running instance holds one
	// disable count; queueing a disabled work is refused.
	OffqDisableShift = FlagBits,
	OffqDisableBits = 16,
	OffqDisableMax = (1UL << OffqDisableBits) - 1,
	OffqDisableMask = OffqDisableMax << OffqDisableShift,
	OffqPoolShift = OffqDisableShift + OffqDisableBits,
	PoolIdNone = ~0UL >> OffqPoolShift,
	WorkDataInit = PoolIdNone << OffqPoolShift,
};
enum : int {
	NrColors = 15,		// flush colours 0..14
	NoColor = 15,		// counted by no flush
	BusyBuckets = 16,
};

struct Pool;
struct NodeActive;
struct Pwq;
struct Worker;

using WorkList = kxx::List<&altwq_work::entry>;

// The pool whose lock guards a worker's L fields (a rescuer's: the pool it
// is helping), for LockedBy's owner check. Defined below.
inline const PoolLock *worker_pool_lock(const void *scheduled_field);
inline const PoolLock *worker_pool_lock_of_last_active(const void *last_active_field);

// Worker flags. The NotRunning ones keep a worker out of nr_running.
//
//            create                     picks up work              the work ends,
//   (new) ---------> Prep|Idle --------------------------> (running) ----> Prep|Idle
//                       ^        Prep, Rebound cleared    counted unless     ...
//                       |        by the worker itself     another NotRunning
//                       |                                 flag is set
//   its CPU goes down: Unbound (hotplug; uncounted, runs anywhere)
//   its CPU comes back: Unbound -> Rebound (bound again; counted once it picks
//                       up work, so a worker asleep in a work is not counted)
//   a bound worker found running off its CPU (sched_in): Misplaced
//                       (uncounted); cleared by the worker once it has
//                       bound itself again, or by the CPU's return
//   CpuIntensive: while running an ALTWQ_CPU_INTENSIVE work, or one that
//                       ran cpu_intensive_thresh_us without sleeping (the
//                       pool's hog watch marks it; cleared when it ends)
//   Die: told to exit (reaped or torn down)
//
// `counted` is 1 exactly while the worker adds 1 to nr_running: every flag
// change that may move it goes through recount(), which changes `counted`
// only by atomic exchange and nr_running right after.
enum : unsigned int {
	WorkerDie = 1U << 1,		// reaped or torn down: exit
	WorkerIdle = 1U << 2,		// on the idle list
	WorkerPrep = 1U << 3,		// between works, or before its first
	WorkerCpuIntensive = 1U << 6,	// running an ALTWQ_CPU_INTENSIVE work
	WorkerUnbound = 1U << 7,	// unbound pool, or its CPU went away
	WorkerRebound = 1U << 8,	// its CPU came back; cleared by the worker itself
	WorkerRescuer = 1U << 9,	// a workqueue's rescuer
	WorkerMisplaced = 1U << 10,	// bound, but found running off its CPU
	WorkerNotRunning = WorkerPrep | WorkerCpuIntensive | WorkerUnbound | WorkerRebound | WorkerRescuer |
			   WorkerMisplaced,
};

struct Worker : kxx::Pinned {
	Worker(Pool *pool, altwq_workqueue *rescue_wq);

	int id = -1;					// I once made: its number in the pool (trace events)
	kxx::ListNode idle_node;			// L: pool's idle list
	kxx::ListNode busy_node;			// L: pool's busy hash
	kxx::ListNode attach_node;			// A: pool's workers
	kxx::LockedBy<WorkList, PoolLock, &worker_pool_lock> scheduled; // L: to run next, in order
	kxx::LockedBy<unsigned long, PoolLock, &worker_pool_lock_of_last_active> last_active; // L: jiffies it went idle
	kxx::Atomic<altwq_work *> current_work{nullptr}; // S
	void (*current_func)(altwq_work *) = nullptr;	// S
	Pwq *current_pwq = nullptr;			// S
	int current_color = NoColor;			// S
	kxx::Atomic<unsigned int> flags{WorkerPrep};	// L to write, but Misplaced: X (set by sched_in)
	kxx::Atomic<int> counted{0};			// X: 1 while it adds 1 to pool->nr_running
	Pool *pool;					// I; a rescuer's: A, the pool it helps
	altwq_workqueue *const rescue_wq;		// I: rescuers only
	kxx::Kthread thread;				// I
	kxx::PreemptNotifier notifier;
	bool notifier_on = false;			// S
	bool pinned = false;				// S, read by others under L while it is idle:
							// migrate_disable() held (asleep idle, or in the down window)
	// For the hog watch: the task's CPU time (scheduler's count) when the
	// current work started or the worker last came back from a sleep.
	// Written by the worker (L held) and its sched_in hook; read by the hog
	// watch under L on the pool's CPU.
	kxx::Atomic<uint64_t> runtime_at_start{0};	// X
	uint64_t work_runtime_start = 0;		// S: its CPU time when the current work began (stats)
	unsigned long work_started = 0;			// S: jiffies when the current work began (watchdog)
	char name[24] = {};				// I
	char desc[32] = {};				// S: set_worker_desc() of the work it runs, else empty

	// The scheduler's hooks (registered by per-CPU pool workers only).
	void sched_in(int cpu);
	void sched_out(bool blocking);
	// Makes `counted` (and so nr_running) agree with flags. Any context.
	void recount();
};

struct PoolState {
	WorkList worklist;				// queued, in order
	kxx::List<&Worker::idle_node> idle_list;	// most recently idle first
	kxx::List<&Worker::busy_node> busy[BusyBuckets]; // running a work, by work address
	int nr_workers = 0;
	int nr_idle = 0;
	bool manager_active = false;
	bool disassociated = false;			// also A: its CPU is down
	bool dying = false;				// torn down: no new workers
	bool stall_window_open = false;			// the stall timer is queued: kicks wait for it
	int next_worker_id = 0;
	unsigned long last_progress = 0;		// jiffies: a work started, or the worklist filled
};

using PoolLocked = kxx::Locked<PoolState, PoolLock, kxx::IrqSave>;

struct Pool : kxx::Pinned {
	Pool(int id, int cpu, bool highpri, bool bh = false);
	~Pool();

	kxx::Guarded<PoolState, PoolLock> state;
	PoolLocked lock() { return state.lock<kxx::IrqSave>(); }

	// X: workers counted as running. Dropped by a worker's sched_out and
	// read by queueing after a full barrier, each side fully ordered: see
	// kick() and Worker::sched_out().
	kxx::Atomic<int> nr_running{0};
	// X: workers on the busy hash, written under L. Read without L by a
	// cancel or flush that wants to know whether a work may be running:
	// a worker counts itself before it drops the work's PENDING (see
	// may_be_running()).
	kxx::Atomic<int> nr_busy{0};
	kxx::Atomic<bool> has_work{false};		// X: !worklist.empty(), written under L
	kxx::Atomic<uint64_t> last_block_ns{0};		// X: when the last running worker blocked (ktime); 0 once one is back
	const int id;					// I: index in the pool table
	const int cpu;					// I: -1 for an unbound pool
	const bool highpri;				// I (unbound: attrs->nice < 0)
	int node = -1;					// I: unbound: the node its pod lies in, -1 across nodes
	// Unbound pools: the attrs they are keyed by (nice, cpumask, pod
	// cpumask, strict), I; how many pwqs (and the module) use them, P.
	altwq_workqueue_attrs *attrs = nullptr;
	int refcnt = 0;					// P
	unsigned int attrs_hash = 0;			// I
	kxx::ListNode hash_node;			// P: on the unbound pools' table
	const bool bh;					// I: a BhPool
	kxx::Timer idle_timer;				// reaps idle workers
	kxx::Timer mayday_timer;			// armed while the manager creates a worker
	kxx::IrqWork kick_irq_work;			// wakes a worker on behalf of sched_out
	kxx::HrTimer hog_timer;				// per-CPU pools: looks for CPU hogs (cpu_intensive.cpp)
	kxx::Atomic<bool> hog_watch_armed{false};	// X, written under L: hog_timer is queued or running
	kxx::HrTimer stall_timer;			// ends a stall window (stall_window_us)
	kxx::LockedBy<kxx::List<&Worker::attach_node>, AttachMutex> workers; // A
	kxx::Completion *detach_done = nullptr;		// A: teardown waits on it
	kxx::Atomic<long> nr_created{0};		// X: statistics
	kxx::Atomic<long> nr_reaped{0};
	kxx::Atomic<long> nr_kicks{0};			// X: irq_works raised by sched_out
	kxx::Atomic<long> nr_kick_wakeups{0};		// X: workers those woke
	kxx::Atomic<long> nr_misplaced{0};		// X: workers found off its CPU
	kxx::Atomic<long> nr_self_rebinds{0};		// X: of those, bound again by themselves
	kxx::Atomic<long> nr_rescued{0};		// X: works run by rescuers
	kxx::Atomic<long> nr_cpu_intensive{0};		// X: works the hog watch marked
	kxx::Atomic<long> nr_stall_windows{0};		// X: stall windows opened
	kxx::Atomic<long> nr_stall_wakeups{0};		// X: of those, ended by waking a worker

	void idle_timer_fired();
	void mayday_timer_fired();
	void kick_from_irq();
	uint64_t hog_timer_fired();	// hardirq on the pool's CPU
	uint64_t stall_timer_fired();	// hardirq
};

// A CPU's BH pool: its works run in a tasklet on that CPU, one at a time,
// by a worker that has no thread. A round runs at most BhRestarts works or
// BhBudgetMs, then schedules the tasklet again (the softirq's budget).
struct BhPool : Pool {
	BhPool(int id, int cpu, bool highpri);

	// L held (IRQs off). Makes the tasklet run on the pool's CPU (here, if
	// that CPU is offline).
	void raise();
	void raise_here();	// hardirq on pool.cpu
	void run();		// the tasklet: softirq

	kxx::Tasklet tasklet;
	kxx::RemoteCall<BhPool, &BhPool::raise_here> remote_raise; // the tasklet goes on pool.cpu
	kxx::Atomic<int> remote_raises{0};		// X: sent and not yet run (teardown waits for 0)
	Worker worker;					// the busy hash's entry while a work runs
};
enum : int { BhRestarts = 10, BhBudgetMs = 2 };

// What a pwq has done since it was made, as 6.12's pwq->stats (debugfs).
struct PwqStats {
	uint64_t started = 0;		// works that began to run
	uint64_t completed = 0;		// and that returned
	uint64_t cpu_time_us = 0;	// CPU time of its works (the scheduler's count)
	uint64_t cpu_intensive = 0;	// works the hog watch marked
	uint64_t cm_wakeup = 0;		// workers woken because a running one slept
	uint64_t repatriated = 0;	// workers steered back into the pod at wakeup
	uint64_t mayday = 0;		// maydays sent for it
	uint64_t rescued = 0;		// works its rescuer ran
};

struct PwqCounts {
	explicit PwqCounts(int max_active_) : max_active(max_active_) {}
	int refcnt = 1;				// the workqueue's reference, plus works in flight, plus maydays
	int nr_active = 0;			// works on the pool's worklist or running
	int max_active;
	int work_color = 0;			// colour of newly queued works
	int flush_color = -1;			// colour being flushed, or -1
	int nr_in_flight[NrColors] = {};
	WorkList inactive;			// waiting for nr_active < max_active
};

// The lock of the pool a pwq serves, for LockedBy's owner check. Defined below.
inline const PoolLock *pwq_pool_lock(const void *counts_field);

struct alignas(PwqAlign) Pwq : kxx::Pinned {
	// stats: zeroed, the pwq's from now on (freed with it).
	Pwq(Pool *pool, altwq_workqueue *wq, int max_active, PwqStats *stats);
	~Pwq();
	// L held. Its counters: an allocation of their own, since inside they
	// would push the pwq past PwqAlign and double its memory.
	PwqStats &stats(PoolLocked &s)
	{
		(void)c.get(s); // checks the guard is this pwq's pool's
		return *stats_;
	}

	Pool *const pool;			// I
	altwq_workqueue *const wq;		// I
	kxx::LockedBy<PwqCounts, PoolLock, &pwq_pool_lock> c; // L of pool
	kxx::ListNode wq_node;			// M: wq's pwqs; R: released
	kxx::ListNode mayday_node;		// Y: wq's maydays
	kxx::ListNode pending_node;		// N: unbound: waits on its node's share of max_active
	kxx::Guarded<NodeActive, ActiveLock> *active = nullptr; // I: unbound: its pool's node's count
	kxx::Atomic<bool> plugged{false};	// X, written under M and L: ordered, an older pwq drains first
	bool installed = false;			// M: holds the queue's reference (in its table)
	// L: the rescuer's place on the pool's worklist between its turns (see
	// rescue()); on the list only while the pwq is on wq's maydays. Never
	// run: a worker that meets it takes it off the list.
	altwq_work mayday_cursor;
	altwq_kthread_work release_work;	// queued when refcnt drops to 0
	PwqStats *const stats_;			// I, its contents L: reach them through stats(s)
};
void mayday_cursor_fn(altwq_work *cursor);
// At init, before any release: the release worker's reap of released pwqs.
void init_reap_work();
// May sleep. Every release queued before the call has run, and its pwq is
// freed.
void flush_releases();
inline bool is_cursor(const altwq_work &work) { return work.func == &mayday_cursor_fn; }

// Inline: every access to a pwq's or a worker's L fields checks its owner.
inline const PoolLock *pwq_pool_lock(const void *field)
{
	return &reinterpret_cast<const Pwq *>(static_cast<const char *>(field) - offsetof(Pwq, c))->pool->state.raw_lock();
}
inline const PoolLock *pool_lock_of_worker(const void *field, size_t offset)
{
	Pool *pool = reinterpret_cast<const Worker *>(static_cast<const char *>(field) - offset)->pool;
	return pool ? &pool->state.raw_lock() : nullptr;
}
inline const PoolLock *worker_pool_lock(const void *field) { return pool_lock_of_worker(field, offsetof(Worker, scheduled)); }
inline const PoolLock *worker_pool_lock_of_last_active(const void *field)
{
	return pool_lock_of_worker(field, offsetof(Worker, last_active));
}

using PwqList = kxx::List<&Pwq::wq_node>;
using ArmedList = kxx::List<&altwq_delayed_work::armed_entry>;

enum : unsigned int {
	WqDraining = 1U << 0,		// drain: only chained works are let in
	WqTearingDown = 1U << 1,	// destroy began: likewise, and delays are not armed
	WqDestroying = 1U << 2,		// drained for good: nothing is let in
};

struct WqShared {
	PwqList pwqs;			// oldest first
	altwq::wq::Pwq *dfl_pwq = nullptr; // unbound: for CPUs outside every pod
	altwq_workqueue_attrs *attrs = nullptr; // unbound: as last applied
	int saved_max_active = 0;
	int saved_min_active = 0;	// unbound: each node's share is at least this
	int nr_drainers = 0;
	bool frozen = false;		// freezable, and the system freezes: max_active is 0
};

// An unbound queue's active works on one NUMA node's pools (6.9+): the
// node's share of max_active, in proportion to the queue's online CPUs
// there, never below min_active; pools whose pod spans nodes share one
// more count with the whole max_active. A pwq with inactive works waits on
// `pending`; a slot that frees goes to the first of them (round robin),
// through the queue's irq_work when that pwq is on another pool.
struct NodeActive {
	int nr = 0;			// slots in use, handoffs included
	int max = 0;
	int handoffs = 0;		// freed slots the irq_work still has to give
	kxx::List<&Pwq::pending_node> pending;
};
struct NodeActiveSlot : kxx::Pinned {
	NodeActiveSlot() : active(KXX_LOCK_CLASS("altwq_workqueue.node_active")) {}
	kxx::Guarded<NodeActive, ActiveLock> active;
	int online_cpus = 0;		// M: the queue's, counted by update_node_max_active
};

} // namespace altwq::wq

struct altwq_workqueue : kxx::Pinned {
	explicit altwq_workqueue(unsigned int flags);

	const unsigned int flags;				// I: ALTWQ_*
	kxx::Atomic<unsigned int> state{0};			// X: Wq*; written under M
	kxx::Atomic<int> users{1};				// X: each pwq, destroy, each WqRef: the last frees
	kxx::Guarded<altwq::wq::WqShared, altwq::wq::WqMutex> shared; // M
	altwq::wq::FlushMutex flush_mutex;			// F
	int work_color = 0;					// F
	kxx::Atomic<int> nr_pwqs_to_flush{0};			// X: pwqs the flush waits for (+1 while setting up)
	kxx::Completion *flush_done = nullptr;			// F to write; read under L
	// The pwq for works queued from (or to) each possible CPU: bound
	// queues, I; unbound, that CPU's pod's, replaced under M by
	// apply_workqueue_attrs and CPU hotplug (release; read under RCU).
	kxx::Atomic<altwq::wq::Pwq *> *cpu_pwqs = nullptr;
	// Unbound: by node, and one more ([nr_node_ids()]) for pools across nodes.
	altwq::wq::NodeActiveSlot *node_active = nullptr;	// I
	kxx::IrqWork handoff_irq_work;				// gives freed slots to other pools' pwqs
	void hand_over_slots();					// hardirq
	altwq::wq::Worker *rescuer = nullptr;			// Y to clear at destroy: ALTWQ_MEM_RECLAIM
	kxx::LockedBy<kxx::List<&altwq::wq::Pwq::mayday_node>, altwq::wq::MaydayLock> maydays; // Y
	kxx::Guarded<altwq::wq::ArmedList, altwq::wq::ArmedLock> armed; // D
	kxx::Atomic<long> rcu_works_in_flight{0};		// X: queue_rcu_work's callbacks not yet run
	kxx::RcuSetLink registry_link;				// the registry's writers' mutex
	kxx::ListNode freeze_node;				// Z: ALTWQ_FREEZABLE, on the freezer's list
	kxx::ListNode unbound_node;				// P: unbound, on the unbound queues' list
	kxx::ListNode released_node;				// R: its last user gone, awaiting the reap
	kxx::DebugfsEntry stats_file;				// I once made; removed first by destroy
	kxx::SysfsDevice sysfs_dev;				// ALTWQ_SYSFS: I once made; removed first by destroy
	// May sleep (M, then each pwq's L). Its debugfs file's text.
	void show_stats(kxx::SeqOut &out);
	char name[32] = {};					// I
	// Lockdep (lockdep.cpp; nothing without it): held around each of its
	// works, touched by whoever flushes it.
	kxx::LockdepMap *lockdep_map = nullptr;			// I: own_lockdep_map or a given one
	kxx::LockdepMap own_lockdep_map;			// I: keyed by lockdep_key
	kxx::DynamicLockKey lockdep_key;			// I: registered while own_lockdep_map is used
	char lockdep_name[48] = {};				// I: "(wq_completion)<name>"
	kxx::Atomic<int> max_active_seen{0};			// X: M's saved_max_active, for lockless readers
};

namespace altwq::wq {

using Registry = kxx::RcuSet<&altwq_workqueue::registry_link>;

// What the next reap frees, one RCU grace period after it takes them.
struct Released {
	PwqList pwqs;
	kxx::List<&altwq_workqueue::released_node> wqs;
};

enum : int { MaxUnboundPools = 256 };	// pool ids after the per-CPU and BH ones
// The unbound pools by attrs, and the unbound queues (P).
struct UnboundPools {
	kxx::List<&Pool::hash_node> buckets[16];
	Pool *std[2] = {};		// nice 0 and -20 over every possible CPU: always there
	kxx::List<&altwq_workqueue::unbound_node> queues; // their pods follow hotplug and cpumask
	// Where unbound works may run at all (6.12's wq_unbound_cpumask, the
	// bus root's cpumask file): a queue's pools get its cpumask within
	// it, or all of it when they do not meet. And what was last asked.
	kxx::CpuMask *cpumask = nullptr;
	kxx::CpuMask *cpumask_requested = nullptr;
};

// The system freeze as ALTWQ_FREEZABLE queues see it (freezer.cpp).
struct FreezeState {
	kxx::List<&altwq_workqueue::freeze_node> queues;	// the live freezable queues
	bool frozen = false;					// their pwqs hold max_active 0
};

// The lockup watchdog (watchdog.cpp): every thresh it looks for pools with
// works pending and none started for thresh, and reports them.
struct Watchdog : kxx::Pinned {
	Watchdog();
	kxx::Timer timer;
	void fired();					// softirq
	kxx::Atomic<unsigned long> thresh{0};		// X: jiffies; 0: off
	kxx::Atomic<unsigned long> touched{0};		// X: jiffies: unbound pools count from here
	kxx::Atomic<unsigned long> *touched_cpu = nullptr; // X: per CPU, for its pools; I pointer
	kxx::Atomic<unsigned int> nr_stalls{0};		// X: reported, for panic_on_stall
	kxx::Mutex<struct WatchdogRole> set_mutex;	// serialises threshold writes
};

// Module-wide state, made at load.
struct Globals : kxx::Pinned {
	Globals();

	AttachMutex attach;						// A
	MaydayLock mayday;						// Y
	Registry registry;						// live workqueues
	// By id: the per-CPU and BH pools, I; unbound ones, published under P
	// (release) and cleared before their RCU-delayed free. See pool_at().
	kxx::Atomic<Pool *> *pools = nullptr;
	int nr_pools = 0;						// I
	kxx::Guarded<UnboundPools, UnboundPoolsMutex> unbound;		// P
	altwq_kthread_worker *release_worker = nullptr;			// I: frees pwqs
	kxx::Guarded<Released, ReleasedMutex> released;			// R: what the reap frees
	altwq_kthread_work reap_work;					// on release_worker: reaps it
	kxx::Completion worker_exits;					// one complete per exited worker
	kxx::Atomic<long> nr_dying{0};					// X: workers told to exit
	kxx::Atomic<int> fail_creations{0};				// X: test hook
	kxx::Atomic<bool> wake_under_lock{false};			// X: test hook: kicks wake with L held
	kxx::Atomic<bool> time_queue_lock{false};			// X: test hook: time L in queue_work
	kxx::Atomic<long> queue_lock_ns{0};				// X: the time L was held, summed
	kxx::Atomic<long> queue_lock_holds{0};				// X: over this many queueings
	kxx::Guarded<FreezeState, FreezeMutex> freeze;			// Z
	kxx::Kthread freezer;						// I: freezer.cpp's sentinel
	kxx::DebugfsEntry debugfs_dir;					// I: /sys/kernel/debug/altwq
	kxx::DebugfsEntry debugfs_pools;				// I: its "pools"
	kxx::DebugfsEntry debugfs_pods;					// I: its "pods" (dump.cpp)
	kxx::DebugfsEntry debugfs_workers;				// I: its "workers" (dump.cpp)
	bool sysfs_bus = false;						// I: /sys/bus/altwq is ours
	// May sleep (each pool's L in turn). The pools file's text.
	void show_pools(kxx::SeqOut &out);
	void show_pods(kxx::SeqOut &out);				// may sleep (P)
	void show_workers(kxx::SeqOut &out);				// may sleep (P, A, L)
	kxx::Atomic<long> nr_freezes{0};				// X: freezes seen (test hook)
	kxx::Atomic<uint64_t> frozen_ns{0};				// X: the last freeze's drained moment
	kxx::Atomic<uint64_t> thawed_ns{0};				// X: the last thaw
	kxx::Atomic<long> nr_live_pwqs{0};				// X: statistics
	kxx::Atomic<long> nr_live_wqs{0};
	kxx::Atomic<long> nr_destroyed_unfreed{0};		// X: destroyed queues the reap has still to free
	kxx::CpuHotplugWatch hotplug;
	bool hotplug_started = false;
	Watchdog watchdog;

	int cpu_online(unsigned int cpu);
	int cpu_going_down(unsigned int cpu);
	void cpu_going_down_bound(unsigned int cpu);	// its per-CPU pools (A)
};

extern Globals *g;

// ---- unbound.cpp / pods.cpp / attrs.cpp ----
// May sleep. Pods per scope from the topology (at load).
kxx::Status pods_init();
void pods_exit();
// P held. The pod of cpu in the scope (not DFL), and its CPUs.
const kxx::CpuMask &pod_cpus_of(altwq_affn_scope scope, int cpu);
int nr_pods(altwq_affn_scope scope);
int pod_of(altwq_affn_scope scope, int cpu);
const kxx::CpuMask *pod_cpus(altwq_affn_scope scope, int pod);
// The scope DFL stands for (default_affinity_scope).
// P held once loaded (or at insmod, before init). What ALTWQ_AFFN_DFL means from now on.
void set_default_scope(altwq_affn_scope scope);
altwq_affn_scope resolve_scope(altwq_affn_scope scope);
const char *scope_name(altwq_affn_scope scope);
// "cpu", "smt"... (NR_TYPES if none matches).
altwq_affn_scope scope_by_name(const char *name);
// May sleep. Attrs with masks (nullptr if out of memory); copying.
altwq_workqueue_attrs *alloc_attrs();
void free_attrs(altwq_workqueue_attrs *attrs);
void copy_attrs(altwq_workqueue_attrs &to, const altwq_workqueue_attrs &from);
// May sleep. The unbound pools' table and the two standard pools; teardown.
kxx::Status unbound_init();
void unbound_exit();
// May sleep (takes P and M). Gives a new unbound queue its pwqs.
kxx::Status unbound_make_pwqs(altwq_workqueue *wq, int max_active);
// May sleep, P not held. A released unbound pwq's pool loses a user.
void unbound_put_pool_of(Pwq &pwq);
// On CPU hotplug (may sleep): every unbound queue's pods again, without
// the CPU going down (-1: none).
void unbound_update_pods(int cpu, bool going_down);
// May sleep. A queue being destroyed leaves the unbound queues' list.
void unbound_forget_queue(altwq_workqueue *wq);
// L held. Unbound, not strict: steer the worker about to be woken into the
// pool's pod (6.12's repatriation), counted on the next work's pwq.
void steer_into_pod(Pool &pool, PoolLocked &s, Worker &w);

// ---- the work data word ----
inline Pwq *data_pwq(unsigned long data)
{
	return (data & WorkPwq) ? reinterpret_cast<Pwq *>(data & ~FlagMask) : nullptr;
}
inline int data_color(unsigned long data) { return static_cast<int>((data & ColorMask) >> ColorShift); }
inline unsigned long color_bits(int color) { return static_cast<unsigned long>(color) << ColorShift; }

// What an off-queue data word says: the last pool and the disable count.
struct Offq {
	unsigned long pool_id;
	unsigned long disable;
};
inline Offq offq_of(unsigned long data)
{
	return {data >> OffqPoolShift, (data & OffqDisableMask) >> OffqDisableShift};
}
inline unsigned long offq_bits(Offq o) { return (o.pool_id << OffqPoolShift) | (o.disable << OffqDisableShift); }
// A work's off-queue state once it leaves a queue (queued works are never
// disabled).
inline Offq offq_left(unsigned long pool_id) { return {pool_id, 0}; }
// Off queue, PENDING dropped: the work may be queued again. Caller owns PENDING.
inline void set_offq_and_clear_pending(altwq_work *work, Offq offq)
{
	// Everything the PENDING owner wrote is visible before the bit drops;
	// the next owner sets it with a full RMW (test_and_set_pending).
	kxx::smp_wmb();
	work->data.store(offq_bits(offq), kxx::Relaxed);
	// Pairs with test_and_set_pending(): a queuer that still sees PENDING
	// set is ordered before this, so our caller (about to run the work, or
	// having cancelled it) cannot miss a queueing that it refused.
	kxx::smp_mb();
}
// Off queue, PENDING kept (the caller still owns the work).
inline void set_offq_and_keep_pending(altwq_work *work, Offq offq)
{
	work->data.store(offq_bits(offq) | WorkPending, kxx::Relaxed);
}
// The id of the pool the work is queued on or last ran on; PoolIdNone if none.
inline unsigned long data_pool_id(unsigned long data)
{
	if (Pwq *pwq = data_pwq(data))
		return static_cast<unsigned long>(pwq->pool->id);
	return data >> OffqPoolShift;
}
// The pool an off-queue id names, or nullptr (pools live as long as the module).
inline Pool *pool_at(int id) { return g->pools[id].load(kxx::Acquire); } // pairs with the publishing release
inline Pool *pool_by_id(unsigned long id)
{
	return id < static_cast<unsigned long>(g->nr_pools) ? pool_at(static_cast<int>(id)) : nullptr;
}
// Under RcuReadGuard (a pwq is freed only after a grace period). Any context.
inline Pool *pool_of(const altwq_work *work, const kxx::RcuReadGuard &)
{
	// Acquire: see may_be_running().
	return pool_by_id(data_pool_id(work->data.load(kxx::Acquire)));
}
// Sets PENDING; true if it was already set (someone else owns the work).
inline bool test_and_set_pending(altwq_work *work, unsigned long *old)
{
	*old = work->data.fetch_or(WorkPending, kxx::Full);
	return *old & WorkPending;
}
// PENDING just taken from an off-queue work (old: the data before): a
// disabled work is refused, PENDING given back. True if it was.
inline bool refused_if_disabled(altwq_work *work, unsigned long old)
{
	if (KXX_LIKELY(!(old & OffqDisableMask)))
		return false;
	set_offq_and_clear_pending(work, offq_of(old));
	return true;
}

// ---- policies: each answers one question about a pool, L held ----
// Is there work that no running worker will get to?
inline bool need_more_worker(Pool &pool, PoolLocked &s)
{
	return !s->worklist.empty() && pool.nr_running.load(kxx::Relaxed) <= 0;
}
// May a worker start working, leaving someone idle for the next sleep?
inline bool may_start_working(PoolLocked &s) { return s->nr_idle > 0; }
// Should a worker that finished a work take another?
inline bool keep_working(Pool &pool, PoolLocked &s)
{
	return !s->worklist.empty() && pool.nr_running.load(kxx::Relaxed) <= 1;
}
// Should the manager make a worker?
inline bool need_to_create_worker(Pool &pool, PoolLocked &s)
{
	return need_more_worker(pool, s) && !may_start_working(s);
}
// Are there more idle workers than the pool will want soon?
inline bool too_many_workers(PoolLocked &s)
{
	int nr_idle = s->nr_idle + (s->manager_active ? 1 : 0);
	int nr_busy = s->nr_workers - nr_idle;
	return nr_idle > 2 && (nr_idle - 2) * 4 >= nr_busy;
}
// Is one of the pool's idle workers asleep pinned to its CPU?
inline bool has_pinned_idle(PoolLocked &s)
{
	for (Worker &w : s->idle_list)
		if (w.pinned)
			return true;
	return false;
}
// Should this worker, going idle, sleep pinned to the pool's CPU, so that a
// wakeup while the CPU is going down still runs it there? By default one
// per bound pool (the waker picks it then): a pinned sleep costs the worker
// a migrate_enable() when it wakes, and that one is woken last otherwise.
// With pin_all_idle_workers, every one, so that a worker moved off the CPU
// always finds another to hand the pool's works to.
inline bool should_pin_idle(Pool &pool, PoolLocked &s, const Worker &w)
{
	return pool.cpu >= 0 && !s->disassociated &&
	       !(w.flags.load(kxx::Relaxed) & (WorkerUnbound | WorkerMisplaced)) &&
	       (kxx::params::pin_all_idle_workers() || !has_pinned_idle(s));
}
// Is the pool's CPU going down, and the pool not yet unbound by our
// hotplug callback? Then only a pinned worker stays on the CPU: the
// scheduler moves the others off it at their next switch.
inline bool in_down_window(Pool &pool, PoolLocked &s)
{
	return pool.cpu >= 0 && !s->disassociated && !kxx::cpu_active(pool.cpu);
}
// Could a work whose off-queue data names this pool be running there? A
// worker is on nr_busy before it drops the work's PENDING (set_offq_and_
// clear_pending: a store after smp_wmb), so whoever then took PENDING with
// a full RMW, or read that data with acquire, sees it counted. No lock.
inline bool may_be_running(Pool *pool) { return pool && pool->nr_busy.load(kxx::Relaxed) != 0; }

// ---- pool.cpp ----
// L held. Records whether the worklist is empty for the scheduler hook.
void sync_has_work(Pool &pool, PoolLocked &s);
// L held. Wakes an idle worker if need_more_worker(): the first form once
// L is dropped (later's owner declared it before the guard, or wakes it
// after the unlock), the second at once.
void kick(Pool &pool, PoolLocked &s, kxx::WakeLater &later);
void kick(Pool &pool, PoolLocked &s);
// L held. The worker of this pool running `work`, if any.
Worker *find_worker_executing(PoolLocked &s, const altwq_work *work);
void busy_add(Pool &pool, PoolLocked &s, Worker &w, const altwq_work *work);
void busy_del(Pool &pool, PoolLocked &s, Worker &w, const altwq_work *work);
void worker_enter_idle(Pool &pool, PoolLocked &s, Worker &w);
void worker_leave_idle(PoolLocked &s, Worker &w);
// L held, dropped while a worker is made. True if it managed (then the
// pool's state must be looked at again).
bool manage_workers(Pool &pool, PoolLocked &s);
// L held. Queues pwq for its workqueue's rescuer.
void send_mayday(Pwq &pwq, PoolLocked &s);
// The next pwq asking wq's rescuer for help (its reference comes along), or nullptr.
Pwq *pop_mayday(altwq_workqueue *wq);
// Whether another pwq of wq waits for its rescuer; whether pwq does.
bool has_other_maydays(altwq_workqueue *wq);
bool is_mayday(Pwq &pwq);
enum : int { RescuerBatch = 16 }; // works per rescuer turn when other pwqs wait
// May sleep. Makes one worker for the pool and starts it idle.
kxx::Status create_worker(Pool &pool);
// May sleep; from the worker itself, L not held. A worker found off its
// pool's CPU binds itself there again if the CPU is active and the pool
// still bound to it.
void rebind_misplaced(Worker &w);
// Pool ids: per-CPU, the two standard unbound ones, BH, then the other unbound.
inline int pool_id_of(int cpu, bool highpri) { return cpu * 2 + (highpri ? 1 : 0); }
int unbound_pool_id(bool highpri);
int bh_pool_id(int cpu, bool highpri);
int first_dynamic_pool_id();
// May sleep. Waits until every worker of the pool is idle, tells them all
// to exit, and waits for the last to detach (the pool can then be freed).
void pool_teardown(Pool &pool);
// May sleep.
kxx::Status pools_init();
void pools_exit();

// ---- worker.cpp ----
// The worker the current task is, or nullptr. Any context.
Worker *current_worker();
// L held, worker's own flags.
void worker_set_flags(Worker &w, unsigned int flags, PoolLocked &s);
void worker_clr_flags(Worker &w, unsigned int flags, PoolLocked &s);
// L held. Moves work and the works linked after it from `from` to `to`'s tail.
void move_linked_works(altwq_work *work, WorkList &to);
// ---- cpu_intensive.cpp ----
// At load: sets cpu_intensive_thresh_us's default if the user did not.
void cpu_intensive_init();
// L held, on the pool's CPU, w about to run a work: starts its CPU-time
// count from runtime_now (its task's, just read) and makes sure the pool's
// hog watch is armed.
void watch_for_hog(Pool &pool, PoolLocked &s, Worker &w, uint64_t runtime_now);
// From w's sched_in hook (preemption off), w back from a sleep inside a
// work and counted again (its runtime_at_start restarted before that):
// the watch is armed again if it stopped.
void hog_watch_wake(Worker &w);
// How often a function has been marked CPU-intensive since load.
unsigned long cpu_intensive_count(void (*func)(altwq_work *));

// ---- introspect.cpp ----
// Under RCU, wq live. Prints wq's busy pwqs: how many.
int show_one(altwq_workqueue *wq);
// " cpu=N nice=N" and so on, continuing a log line.
void print_pool(const Pool &pool);

// ---- watchdog.cpp ----
// May sleep. Starts the watchdog with the module parameter's threshold / stops it.
kxx::Status watchdog_init();
void watchdog_exit();
// Any context. Progress counts from now (after a suspend, or a touch).
void watchdog_reset_touched();

// The thread functions, for kthread creation and current_worker().
int worker_thread(void *worker);
int rescuer_thread(void *worker);

// ---- pwq.cpp ----
// L held, PENDING owned. Points work at pwq (queued, with `flags`) and takes
// a pwq reference; the caller links it where it belongs.
inline void get_pwq(Pwq &pwq, PoolLocked &s)
{
	int &refcnt = pwq.c.get(s).refcnt;
	KXX_WARN_ON_ONCE(refcnt <= 0);
	refcnt++;
}
inline void set_work_pwq(altwq_work *work, Pwq &pwq, PoolLocked &s, unsigned long flags)
{
	work->data.store(reinterpret_cast<unsigned long>(&pwq) | WorkPwq | WorkPending | flags, kxx::Relaxed);
	get_pwq(pwq, s);
}
// May sleep. Drops a user of wq; the last frees it (after an RCU grace period).
void workqueue_put_user(altwq_workqueue *wq);
void put_pwq(Pwq &pwq, PoolLocked &s);
// L held. A work with this data left pwq (ran, or was stolen).
void pwq_dec_nr_in_flight(Pwq &pwq, PoolLocked &s, unsigned long data);
// L held. A work of the inactive list becomes active.
void activate_work(Pwq &pwq, PoolLocked &s, altwq_work *work);
// L held. work is about to go on the pool's worklist (queued active, or
// activated): its trace event, and the pool's progress is measured from
// here if the worklist was empty (as 6.12's watchdog_ts).
inline void note_activation(PoolLocked &s, altwq_work *work)
{
	kxx::trace::activate_work(work, work->func);
	// A rescuer's cursor alone is no work waiting.
	altwq_work *first = s->worklist.front();
	if (!first || (is_cursor(*first) && !s->worklist.next(*first)))
		s->last_progress = kxx::jiffies();
}
// May sleep. A pwq of wq on pool (counted as a user of wq), or nullptr.
Pwq *new_pwq(altwq_workqueue *wq, Pool *pool, int max_active);
// M held (m is wq's shared state). Gives each pwq the queue's max_active, 0
// while it is frozen (unbound: each node its share, without off_cpu, a CPU
// going down), and activates the inactive works that now fit.
void apply_max_active(altwq_workqueue *wq, WqShared &m, int off_cpu = -1);
// M held. An unbound queue's per-node shares of max_active (see NodeActive).
void update_node_max_active(altwq_workqueue *wq, WqShared &m, int off_cpu);
// The nice range of unbound queues' workers.
enum : int { NiceMin = -20, NiceMax = 19 };
// Unbound queues' node share floor unless set (6.9+'s WQ_DFL_MIN_ACTIVE).
constexpr int DflMinActive = 8;
// L held. Whether one more work of pwq may go active now (taking the
// queue-wide slot for an unbound queue; else the pwq waits on the queue's
// pending list, where it stays while it has inactive works). The caller
// then activates exactly one.
bool take_active_slot(Pwq &pwq, PoolLocked &s);
// L held: activates the inactive works of pwq that fit.
void fill_active(Pwq &pwq, PoolLocked &s);

// L held. A worker is woken because a running one slept or hogs the CPU
// (6.12's PWQ_STAT_CM_WAKEUP): counted for the pwq of the work it will
// take, the worklist's first (6.12 counts the sleeper's pwq).
void count_cm_wakeup(PoolLocked &s);

// ---- stats.cpp ----
// May sleep. The debugfs directory and its pools file (nothing if debugfs
// is missing); a queue's own file, named after it (with -2, -3... when
// taken); and the teardown.
void stats_init();
void stats_exit();
void stats_add_queue(altwq_workqueue *wq);

// ---- sysfs.cpp ----
// May sleep. /sys/bus/altwq/ (6.12's /sys/bus/workqueue/ with another
// name), and a queue's device on it: per_cpu, max_active, and for unbound
// queues nice, cpumask, affinity_scope and affinity_strict.
kxx::Status sysfs_init();
void sysfs_exit();
kxx::Status sysfs_add_queue(altwq_workqueue *wq);
// May sleep. The bus root's cpumask files: the unbound cpumask (which),
// and a write of it (hex words; -EINVAL for no online CPU in it).
enum class UnboundMask { Effective, Requested };
void show_unbound_cpumask(kxx::SysfsText &out, UnboundMask which);
int store_unbound_cpumask(const char *buf);

// ---- unbound.cpp, for sysfs ----
// May sleep. wq's attrs changed by edit(attrs, arg) (0, or the errno it
// refuses the change with) and applied, all under P so that two writers
// do not mix: 0 or a negative errno.
int edit_workqueue_attrs(altwq_workqueue *wq, int (*edit)(altwq_workqueue_attrs &, const char *), const char *arg);

// ---- freezer.cpp ----
// May sleep. The sentinel that freezes ALTWQ_FREEZABLE queues with the
// system's kernel threads, and thaws them after.
kxx::Status freezer_init();
void freezer_exit();
// May sleep. A new freezable queue joins the freezer's list (frozen at once
// if the system is); a dying one leaves it.
void freezer_add(altwq_workqueue *wq);
void freezer_remove(altwq_workqueue *wq);

// May sleep.
kxx::Status system_wqs_init();
void system_wqs_exit();

// ---- queue.cpp ----
// IRQs off, PENDING owned, in the caller's RCU read section (a work's
// last pool is found through it), wq live. False (PENDING dropped) if the
// queue refuses it.
bool queue_owned_work(int cpu, altwq_workqueue *wq, altwq_work *work, const kxx::RcuReadGuard &rcu);
// Likewise, without asking whether the queue takes it (destroy's own use).
void insert_owned_work(int cpu, altwq_workqueue *wq, altwq_work *work, const kxx::RcuReadGuard &rcu);
// Any context. Whether wq is a live queue (warns if not), under rcu.
bool is_live_wq(const altwq_workqueue *wq, const kxx::RcuReadGuard &rcu);

// ---- workqueue.cpp ----
// May sleep. Queues every delayed work whose timer is armed now (warning once).
void fire_armed_timers(altwq_workqueue *wq);

// A counted user of a live queue, for the entry points that sleep (flush,
// drain, max_active, destroy): the queue is not freed while it is held.
// Empty (with a warning) if wq is not a live queue. Any context.
class WqRef : kxx::Pinned {
public:
	static WqRef of(altwq_workqueue *wq);
	WqRef(WqRef &&o) : wq_(kxx::exchange(o.wq_, nullptr)) {}
	~WqRef(); // may sleep (the last user frees the queue)
	explicit operator bool() const { return wq_ != nullptr; }

private:
	explicit WqRef(altwq_workqueue *wq) : wq_(wq) {}
	altwq_workqueue *wq_;
};

// ---- lockdep.cpp ----
// Names and keys wq's map (given: a map of the caller's, alloc_workqueue_lockdep_map).
void wq_lockdep_init(altwq_workqueue *wq, kxx::LockdepMap *given);
// May sleep. Once no work or flusher can use the map any more.
void wq_lockdep_fini(altwq_workqueue *wq);
// Process context. A flusher of wq (or of one of its works) waits for it:
// tell lockdep, and warn of a reclaim-safe context waiting for a queue that
// is not (6.12's check_flush_dependency; me: current_worker()).
void touch_wq_lockdep_map(altwq_workqueue *wq);
void touch_work_lockdep_map(altwq_work *work, altwq_workqueue *wq);
void check_flush_dependency(altwq_workqueue *wq, altwq_work *work, bool from_cancel, Worker *me);

// ---- cancel.cpp ----
// IRQs off. Takes PENDING: 1 if the work was pending (now off its list or
// its timer stopped), 0 if it was idle, -EAGAIN if another owner holds it
// for a moment (retry).
int try_to_grab_pending(altwq_work *work, bool is_dwork);
// IRQs off. try_to_grab_pending() until it succeeds: 1 pending, 0 idle.
int grab_pending(altwq_work *work, bool is_dwork);
// INIT_WORK for the engine's own works (on its stack or heap).
// cls: the work's lockdep class (KXX_LOCK_CLASS at the call site).
inline void init_work(altwq_work &work, void (*fn)(altwq_work *), kxx::LockClass &cls, bool onstack = false)
{
	kxx::debugobj::work_init(&work, onstack);
	work.data.store(WorkDataInit, kxx::Relaxed);
	work.func = fn;
	work.lockdep_map.init(cls.name(), cls.key());
}

// A flush barrier, on the flusher's stack.
struct Barrier : kxx::Pinned {
	Barrier();
	~Barrier() { kxx::debugobj::work_free(&work); }
	altwq_work work;
	kxx::Completion done;
};

} // namespace altwq::wq

static_assert(sizeof(altwq_work) == ALTWQ_WQ_SIZEOF_WORK);
static_assert(offsetof(altwq_work, data) == ALTWQ_WQ_WORK_DATA);
static_assert(offsetof(altwq_work, entry) == ALTWQ_WQ_WORK_ENTRY);
static_assert(offsetof(altwq_work, func) == ALTWQ_WQ_WORK_FUNC);
static_assert(sizeof(altwq_delayed_work) == ALTWQ_WQ_SIZEOF_DWORK);
static_assert(offsetof(altwq_delayed_work, timer) == ALTWQ_WQ_DWORK_TIMER);
static_assert(offsetof(altwq_delayed_work, wq) == ALTWQ_WQ_DWORK_WQ);
static_assert(offsetof(altwq_delayed_work, cpu) == ALTWQ_WQ_DWORK_CPU);
static_assert(offsetof(altwq_delayed_work, armed_entry) == ALTWQ_WQ_DWORK_ARMED);
static_assert(sizeof(altwq_rcu_work) == ALTWQ_WQ_SIZEOF_RWORK);
static_assert(offsetof(altwq_rcu_work, rcu) == ALTWQ_WQ_RWORK_RCU);
static_assert(offsetof(altwq_rcu_work, wq) == ALTWQ_WQ_RWORK_WQ);
static_assert(altwq::wq::WorkDataInit == ALTWQ_WQ_WORK_DATA_INIT);
static_assert(sizeof(altwq_workqueue_attrs) == ALTWQ_WQ_SIZEOF_ATTRS);
static_assert(offsetof(altwq_workqueue_attrs, cpumask) == ALTWQ_WQ_ATTRS_CPUMASK);
static_assert(offsetof(altwq_workqueue_attrs, __pod_cpumask) == ALTWQ_WQ_ATTRS_POD_CPUMASK);
static_assert(offsetof(altwq_workqueue_attrs, affn_strict) == ALTWQ_WQ_ATTRS_STRICT);
static_assert(offsetof(altwq_workqueue_attrs, affn_scope) == ALTWQ_WQ_ATTRS_SCOPE);
static_assert(offsetof(altwq_workqueue_attrs, ordered) == ALTWQ_WQ_ATTRS_ORDERED);

extern "C" {
int altwq_wq_init(void);
void altwq_wq_exit(void);
}
