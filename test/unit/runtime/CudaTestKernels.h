// Kernel handles for the hand-written PTX in CudaTestKernels.cpp, declared
// as a dpexc stub header declares them.
#pragma once

#include <dpex/runtime.hpp>

#include <cstdint>

namespace dpex_cuda_test {

// y[i] = a * x[i] + y[i]
extern const dpex::kernel<void(dpex::item<1>, float, const float *, float *)>
    saxpy;
// y[i] = a * y[i] + b
extern const dpex::kernel<void(dpex::item<1>, float, float, float *)> affine;
// One thread spins for `cycles` clock cycles, then sets *done = 1.
extern const dpex::kernel<void(dpex::item<1>, std::int64_t, int *)> spin;
// out[i * cols + j] = i * 1000 + j for global id (i, j).
extern const dpex::kernel<void(dpex::item<2>, int *)> index2d;
extern const dpex::kernel<void(dpex::nd_item<2>, int *)> index2d_nd;
// With L the work-group size and l the local id:
// a[l] = in[i]; b[l] = in[i] * scale; a[L] = 1000 (by l = 0); barrier;
// out[i] = a[L - 1 - l] + b[l] + a[L]. `a` needs at least L + 1 elements.
extern const dpex::kernel<void(dpex::nd_item<1>, const float *,
                               dpex::local_accessor<float>, int,
                               dpex::local_accessor<float>, float *)>
    tiles;

// Handles whose module cannot be used, for error tests.
// Only a SPIR image: nothing a CUDA device loads.
extern const dpex::kernel<void(dpex::item<1>, int, int *)> spir_only_fill;
// PTX the JIT compiler rejects.
extern const dpex::kernel<void(dpex::item<1>, int, int *)> broken_fill;
// saxpy in a module whose only ptx image is for an arch newer than any GPU.
extern const dpex::kernel<void(dpex::item<1>, float, const float *, float *)>
    newer_saxpy;
// saxpy in a module with ptx images for sm_50, sm_80 and a future arch, of
// which only the sm_80 one builds.
extern const dpex::kernel<void(dpex::item<1>, float, const float *, float *)>
    multi_arch_saxpy;
// An entry point the (valid) module does not define.
extern const dpex::kernel<void(dpex::item<1>, int, int *)> missing_fill;

} // namespace dpex_cuda_test
