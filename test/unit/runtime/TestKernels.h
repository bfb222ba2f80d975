// Kernel handles for kernels/test_kernels.cl, declared as a dpexc stub
// header declares them.
#pragma once

#include <dpex/runtime.hpp>

#include <cstdint>

namespace dpex_test {

struct params {
  float scale;
  std::int32_t offset;
};

extern const dpex::kernel<void(dpex::item<1>, float, const float *, float *)>
    saxpy;
extern const dpex::kernel<void(dpex::item<1>, float, float, float *)> affine;
extern const dpex::kernel<void(dpex::item<2>, int *)> index2d;
extern const dpex::kernel<void(dpex::item<3>, int *)> index3d;
extern const dpex::kernel<void(dpex::nd_item<2>, int *)> local_index2d;
extern const dpex::kernel<void(dpex::nd_item<1>, const float *, float *,
                               dpex::local_accessor<float>)>
    tile_sum;
extern const dpex::kernel<void(dpex::item<1>, params, bool, const int *,
                               float *)>
    apply;
extern const dpex::kernel<void(dpex::item<1>, std::int64_t, std::int16_t,
                               double, double *)>
    mixed;
extern const dpex::kernel<void(dpex::item<1>, int, int *)> fill;
extern const dpex::kernel<void(dpex::item<1>, int)> scalar_only;
// out[i] = 1 after `iterations` steps of busy work.
extern const dpex::kernel<void(dpex::item<1>, std::int64_t, int *)> spin;

// out[i] = the size of the launch that ran work-item i, from a module whose
// images say they keep the range guard, and from one whose images say not.
extern const dpex::kernel<void(dpex::item<1>, int *)> guarded_grid_size;
extern const dpex::kernel<void(dpex::item<1>, int *)> unguarded_grid_size;

// Handles whose module cannot be used, for error tests.
// A module with only a PTX image: nothing an OpenCL device loads.
extern const dpex::kernel<void(dpex::item<1>, int, int *)> ptx_only_fill;
// A module whose SPIR image is not valid bitcode.
extern const dpex::kernel<void(dpex::item<1>, int, int *)> corrupt_fill;
// A module whose image loads but does not link (undefined function).
extern const dpex::kernel<void(dpex::item<1>, int, int *)> unresolved_fill;
// Kernels of a module whose spir image leaves `fill` out.
extern const dpex::kernel<void(dpex::item<1>, int, int *)> omitted_fill;
extern const dpex::kernel<void(dpex::item<1>, float, float, float *)>
    kept_affine;
// A descriptor claiming a 4-byte `value` where the handle passes 8 bytes.
extern const dpex::kernel<void(dpex::item<1>, double, int *)> mismatched_fill;
// Its descriptor passes 8 bytes where the device kernel takes an int.
extern const dpex::kernel<void(dpex::item<1>, long, int *)> wide_fill;

} // namespace dpex_test
