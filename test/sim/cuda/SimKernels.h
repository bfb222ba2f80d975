// Kernels for the simulated CUDA driver: PTX entry declarations (which the
// simulation reads for the parameter sizes; it never runs the PTX) with the
// host functions that stand for them, registered with the simulation.
#pragma once

#include <dpex/runtime.hpp>

#include <atomic>
#include <cstddef>

namespace dpex_sim {

// data[i] = tag for every work-item; then marked(tag) becomes true.
using MarkKernel = dpex::kernel<void(dpex::item<1>, int *, int)>;
extern const MarkKernel mark;
constexpr int MaxTags = 1 << 16;
bool marked(int tag);
void clearMarks();

// y[i] = a * x[i] + y[i]
using SaxpyKernel =
    dpex::kernel<void(dpex::item<1>, float, const float *, float *)>;
extern const SaxpyKernel saxpy;
// saxpy in a module of its own, new at each call: its first launch on a
// device loads it (cuModuleLoadDataEx, cuModuleGetFunction, ...).
SaxpyKernel freshSaxpy();

// out[g] = sum of in[] over work-group g, through a local accessor.
using GroupSumKernel = dpex::kernel<void(dpex::nd_item<1>, const int *,
                                         dpex::local_accessor<int>, int *)>;
extern const GroupSumKernel groupSum;
GroupSumKernel freshGroupSum();

// DPEX_REQD_SUB_GROUP_SIZE(8) in the module of the kernels above, which the
// PTX image leaves out (its sub-groups are warps of 32): never run.
using SubGroupEightKernel = dpex::kernel<void(dpex::nd_item<1>, int *)>;
extern const SubGroupEightKernel subGroupEight;

// Registers the host functions with the loaded simulation. Returns false
// where libcuda.so.1 is not the simulation.
bool registerKernels();

} // namespace dpex_sim
