/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the benchmark's files share: reporting and percentiles. Plain C types
 * only (u64 is unsigned long long, s64 long long), so the header needs no
 * kernel header of its own.
 */
#ifndef ALTWQ_BENCH_H
#define ALTWQ_BENCH_H

/* Prints "ALTWQ-BENCH <workload> <impl> <round> <value> <unit>". */
void bench_report(const char *workload, const char *impl, unsigned int round, unsigned long long value,
		  const char *unit);
/* Prints "ALTWQ-BENCH-PROFILE <workload> <counter> <round> <value>": an
 * altwq-only count that explains a result. */
void bench_profile(const char *workload, const char *counter, unsigned int round, long long value);
/* Calls timed together in one sample where one call is near the clock's
 * step (cancels). */
#define BENCH_BATCH 32
/* Sorts n > 0 samples and returns the p-th percentile (1..100), nearest rank. */
unsigned long long bench_percentile(unsigned long long *samples, unsigned int n, unsigned int p);
/* The workqueue workloads' sizes (module parameters of wq_bench.c). */
extern unsigned int wq_works, wq_samples, wq_mix_works, wq_mem_queues;
/* Runs every workqueue workload, rounds times each, A B A B. 0 or -errno. May sleep. */
int wq_bench_run(unsigned int rounds);
/* The same for the concurrency-management workloads (wq_bench_cm.c). */
extern unsigned int wq_hog_ms, wq_stall_window_us;
int wq_cm_bench_run(unsigned int rounds);
/* The unbound queues' affinity scopes (wq_bench_scope.c). */
extern unsigned int wq_scope_works, wq_scope_queues;
int wq_scope_bench_run(unsigned int rounds);
/* Starts one kthread bound to each online CPU (named name/<cpu>), the i-th
 * running fn(slots + i * stride) after init(that slot, cpu, i, ctx) set it
 * up. Returns how many started; *err is the first creation failure (0 if
 * none). The caller waits for them to finish. May sleep. */
unsigned int bench_start_per_cpu(int (*fn)(void *slot), void (*init)(void *slot, int cpu, unsigned int i, void *ctx),
				 void *ctx, void *slots, unsigned long stride, const char *name, int *err);
struct wq_ops;
/* Makes n queues of ops (TWQ_* flags), calls all_made(ctx) (if given) while
 * they all exist, and destroys them: the unreclaimable slab they grew, in
 * bytes per queue. 0 or -errno. May sleep. */
int wq_bench_slab_per_queue(const struct wq_ops *ops, unsigned int n, unsigned int flags, void (*all_made)(void *),
			    void *ctx, unsigned long *per_queue);
/* Runs n workloads, rounds times each, on in-tree and altwq alternating
 * which goes first. 0 or the first -errno (logged with `what`). May sleep. */
int wq_bench_ab(int (*const *workloads)(const struct wq_ops *, unsigned int), unsigned int n, unsigned int rounds,
		const char *what);

#endif
