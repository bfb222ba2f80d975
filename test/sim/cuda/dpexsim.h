/* The test-only interface of the simulated CUDA driver (SimCudaDriver.cpp).
 *
 * The simulation is a libcuda.so.1 for machines without a GPU: it implements
 * the driver entry points the dpex runtime resolves, with host memory as
 * device memory and one worker thread per stream. It cannot run PTX: a
 * launch runs the host function a test registered for the kernel's entry
 * name (or nothing, if none is registered). Test programs find these
 * functions with dlsym on the loaded driver; none of them exists in a real
 * driver. */
#ifndef DPEX_TEST_SIM_CUDA_DPEXSIM_H
#define DPEX_TEST_SIM_CUDA_DPEXSIM_H

#ifdef __cplusplus
extern "C" {
#endif

/* One simulated kernel launch, as cuLaunchKernel received it. */
typedef struct dpexsim_launch {
  const char *entry;
  int device;                /* ordinal of the stream's device */
  unsigned grid[3];          /* blocks per grid, x y z */
  unsigned block[3];         /* threads per block, x y z */
  unsigned shared_bytes;     /* dynamic shared memory */
  void *shared;              /* shared_bytes of scratch memory */
  unsigned num_params;       /* as declared by the PTX .entry */
  const void *const *params; /* copies taken at cuLaunchKernel */
} dpexsim_launch;

typedef void (*dpexsim_kernel_fn)(const dpexsim_launch *);

/* Runs `fn` for every launch of a kernel named `entry` (any module). */
void dpexsim_register_kernel(const char *entry, dpexsim_kernel_fn fn);

/* Replaces the failure rules (syntax of DPEX_SIM_FAIL, see
 * SimCudaDriver.cpp) and resets every entry point's call count. Returns 0,
 * or -1 for a spec it cannot parse (the rules are then empty). */
int dpexsim_set_failures(const char *spec);
/* Calls of `entry` (without its _v2 suffix) since the last
 * dpexsim_set_failures, and failures injected in all. */
unsigned long dpexsim_calls(const char *entry);
unsigned long dpexsim_failures_injected(void);

/* Every kernel takes a random time in [min_us, max_us] before its host
 * function runs (as DPEX_SIM_KERNEL_US=min-max); 0, 0: no delay. */
void dpexsim_set_kernel_time(unsigned min_us, unsigned max_us);

/* cuMemFree calls on memory that a launch still queued or running on some
 * stream takes as a parameter (the memory is kept until the driver
 * unloads, so the kernel does not fault), and cuMemHostUnregister and
 * cuMemFreeHost calls on host memory that a queued or running copy still
 * reads or writes. */
unsigned long dpexsim_early_frees(void);

/* Modules loaded (cuModuleLoadData or cuModuleLoadDataEx) from a "cubin"
 * that cuLinkComplete made, rather than from PTX: how a test tells a
 * program cache hit from a JIT. */
unsigned long dpexsim_cubin_loads(void);

/* Copies between device memory and host memory outside every
 * cuMemHostRegister range: each returned only once it had finished. */
unsigned long dpexsim_pageable_copies(void);

/* cuMemHostRegister and cuMemAllocHost calls made while a stream of the
 * context had work queued or running. A page-locked host memory allocation
 * between two commands of different streams keeps them from running
 * concurrently (the CUDA Programming Guide's "Implicit Synchronization"):
 * each of these calls ended the overlap of that work with what was issued
 * after it. */
unsigned long dpexsim_implicit_syncs(void);

/* Live driver objects of a kind: "memory" (allocations), "stream",
 * "event", "module", "registration" (cuMemHostRegister ranges), "pinned"
 * (cuMemAllocHost allocations), "graph" (captures under way included),
 * "graph_exec". */
long dpexsim_live(const char *kind);

#ifdef __cplusplus
}
#endif

#endif
