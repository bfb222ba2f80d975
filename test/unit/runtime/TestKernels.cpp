// Hand-written counterpart of a dpexc `.dpex.cpp` stub for test_kernels.cl.
#include "TestKernels.h"
#include "IntactImage.h"

#include <cstddef>

extern const unsigned char dpex_test_test_kernels_spir_image[];
extern const std::size_t dpex_test_test_kernels_spir_image_size;
extern const unsigned char dpex_test_test_kernels_spirv_image[];
extern const std::size_t dpex_test_test_kernels_spirv_image_size;
extern const unsigned char dpex_test_unresolved_spir_image[];
extern const std::size_t dpex_test_unresolved_spir_image_size;
extern const unsigned char dpex_test_unresolved_spirv_image[];
extern const std::size_t dpex_test_unresolved_spirv_image_size;

namespace dpex_test {

namespace {

using dpex::detail::arg_desc;
using dpex::detail::arg_kind;
using dpex::detail::device_image;
using dpex::detail::image_format;
using dpex::detail::kernel_desc;
using dpex::detail::module_desc;

const device_image images[] = {
    intactImage(image_format::spirv, dpex_test_test_kernels_spirv_image,
                dpex_test_test_kernels_spirv_image_size),
    intactImage(image_format::spir, dpex_test_test_kernels_spir_image,
                dpex_test_test_kernels_spir_image_size)};
const module_desc module{"test_kernels.cl", images, 2};

const arg_desc saxpy_args[] = {
    {arg_kind::scalar, 4, 4, "a", "float"},
    {arg_kind::global_pointer, 4, 4, "x", "const float*"},
    {arg_kind::global_pointer, 4, 4, "y", "float*"}};
const kernel_desc saxpy_desc{&module,    "saxpy", "dpex_test::saxpy", 1, false,
                             saxpy_args, 3};

const arg_desc affine_args[] = {
    {arg_kind::scalar, 4, 4, "a", "float"},
    {arg_kind::scalar, 4, 4, "b", "float"},
    {arg_kind::global_pointer, 4, 4, "y", "float*"}};
const kernel_desc affine_desc{
    &module, "affine", "dpex_test::affine", 1, false, affine_args, 3};

const arg_desc out_args[] = {{arg_kind::global_pointer, 4, 4, "out", "int*"}};
const kernel_desc index2d_desc{
    &module, "index2d", "dpex_test::index2d", 2, false, out_args, 1};
const kernel_desc index3d_desc{
    &module, "index3d", "dpex_test::index3d", 3, false, out_args, 1};
const kernel_desc local_index2d_desc{
    &module, "local_index2d", "dpex_test::local_index2d", 2, true, out_args, 1};

const arg_desc tile_sum_args[] = {
    {arg_kind::global_pointer, 4, 4, "in", "const float*"},
    {arg_kind::global_pointer, 4, 4, "out", "float*"},
    {arg_kind::local_accessor, 4, 4, "tile", "dpex::local_accessor<float>"}};
const kernel_desc tile_sum_desc{
    &module, "tile_sum", "dpex_test::tile_sum", 1, true, tile_sum_args, 3};

const arg_desc apply_args[] = {
    {arg_kind::by_value, sizeof(params), alignof(params), "p",
     "dpex_test::params"},
    {arg_kind::boolean, 1, 1, "negate", "bool"},
    {arg_kind::global_pointer, 4, 4, "in", "const int*"},
    {arg_kind::global_pointer, 4, 4, "out", "float*"}};
const kernel_desc apply_desc{&module,    "apply", "dpex_test::apply", 1, false,
                             apply_args, 4};

const arg_desc mixed_args[] = {
    {arg_kind::scalar, 8, 8, "a", "std::int64_t"},
    {arg_kind::scalar, 2, 2, "b", "std::int16_t"},
    {arg_kind::scalar, 8, 8, "c", "double"},
    {arg_kind::global_pointer, 8, 8, "out", "double*"}};
const kernel_desc mixed_desc{&module,    "mixed", "dpex_test::mixed", 1, false,
                             mixed_args, 4};

const arg_desc fill_args[] = {{arg_kind::scalar, 4, 4, "value", "int"},
                              {arg_kind::global_pointer, 4, 4, "out", "int*"}};
const kernel_desc fill_desc{&module,   "fill", "dpex_test::fill", 1, false,
                            fill_args, 2};

const arg_desc scalar_only_args[] = {{arg_kind::scalar, 4, 4, "value", "int"}};
const kernel_desc scalar_only_desc{
    &module, "scalar_only", "dpex_test::scalar_only",
    1,       false,         scalar_only_args,
    1};

const arg_desc spin_args[] = {
    {arg_kind::scalar, 8, 8, "iterations", "std::int64_t"},
    {arg_kind::global_pointer, 4, 4, "out", "int*"}};
const kernel_desc spin_desc{&module,   "spin", "dpex_test::spin", 1, false,
                            spin_args, 2};

const unsigned char ptx_text[] = ".version 7.5\n.target sm_80\n";
const device_image ptx_images[] = {
    intactImage(image_format::ptx, ptx_text, sizeof(ptx_text), 80)};
const module_desc ptx_module{"ptx_only.cpp", ptx_images, 1};
const kernel_desc ptx_only_fill_desc{
    &ptx_module, "fill", "dpex_test::ptx_only_fill", 1, false, fill_args, 2};

// The test kernels again, as a stub records an image that leaves a kernel
// out: the spir image lacks `fill` (its bytes still have it, which shows the
// runtime goes by the stub's record, not by what the driver finds).
const dpex::detail::omitted_kernel spir_omits_fill[] = {
    {"fill", "it stands in for a kernel SPIR 1.2 cannot express"}};
device_image omittingImage(device_image image) {
  image.omitted = spir_omits_fill;
  image.num_omitted = 1;
  return image;
}
const device_image omitting_images[] = {
    intactImage(image_format::spirv, dpex_test_test_kernels_spirv_image,
                dpex_test_test_kernels_spirv_image_size),
    omittingImage(intactImage(image_format::spir,
                              dpex_test_test_kernels_spir_image,
                              dpex_test_test_kernels_spir_image_size))};
const module_desc omitting_module{"omitting.cpp", omitting_images, 2};
const kernel_desc omitted_fill_desc{
    &omitting_module, "fill", "dpex_test::omitted_fill", 1, false,
    fill_args,        2};
const kernel_desc kept_affine_desc{
    &omitting_module, "affine", "dpex_test::kept_affine", 1, false,
    affine_args,      3};

const unsigned char garbage[] = "BC this is not LLVM bitcode";
const device_image corrupt_images[] = {
    intactImage(image_format::spir, garbage, sizeof(garbage))};
const module_desc corrupt_module{"corrupt.cpp", corrupt_images, 1};
const kernel_desc corrupt_fill_desc{
    &corrupt_module, "fill", "dpex_test::corrupt_fill", 1, false, fill_args, 2};

const device_image unresolved_images[] = {
    intactImage(image_format::spirv, dpex_test_unresolved_spirv_image,
                dpex_test_unresolved_spirv_image_size),
    intactImage(image_format::spir, dpex_test_unresolved_spir_image,
                dpex_test_unresolved_spir_image_size)};
const module_desc unresolved_module{"unresolved.cl", unresolved_images, 2};
const kernel_desc unresolved_fill_desc{
    &unresolved_module, "fill", "dpex_test::unresolved_fill", 1, false,
    fill_args,          2};

const kernel_desc mismatched_fill_desc{
    &module, "fill", "dpex_test::mismatched_fill", 1, false, fill_args, 2};

const arg_desc wide_fill_args[] = {
    {arg_kind::scalar, 8, 8, "value", "long"},
    {arg_kind::global_pointer, 4, 4, "out", "int*"}};
const kernel_desc wide_fill_desc{
    &module, "fill", "dpex_test::wide_fill", 1, false, wide_fill_args, 2};

// The test kernels again, each image saying whether its item kernels keep
// the range guard: the runtime rounds the grid of a rounded_range kernel up
// only where the image it loaded says so.
device_image withRangeGuard(device_image image, bool guard) {
  image.range_guard = guard;
  return image;
}
const device_image guarded_images[] = {
    withRangeGuard(intactImage(image_format::spirv,
                               dpex_test_test_kernels_spirv_image,
                               dpex_test_test_kernels_spirv_image_size),
                   true),
    withRangeGuard(intactImage(image_format::spir,
                               dpex_test_test_kernels_spir_image,
                               dpex_test_test_kernels_spir_image_size),
                   true)};
const module_desc guarded_module{"guarded.cpp", guarded_images, 2};
const device_image unguarded_images[] = {
    withRangeGuard(guarded_images[0], false),
    withRangeGuard(guarded_images[1], false)};
const module_desc unguarded_module{"unguarded.cpp", unguarded_images, 2};
const kernel_desc guarded_grid_size_desc{&guarded_module,
                                         "grid_size",
                                         "dpex_test::guarded_grid_size",
                                         1,
                                         false,
                                         out_args,
                                         1,
                                         true};
const kernel_desc unguarded_grid_size_desc{&unguarded_module,
                                           "grid_size",
                                           "dpex_test::unguarded_grid_size",
                                           1,
                                           false,
                                           out_args,
                                           1,
                                           true};

} // namespace

const dpex::kernel<void(dpex::item<1>, int *)> guarded_grid_size{
    guarded_grid_size_desc};
const dpex::kernel<void(dpex::item<1>, int *)> unguarded_grid_size{
    unguarded_grid_size_desc};
const dpex::kernel<void(dpex::item<1>, float, const float *, float *)> saxpy{
    saxpy_desc};
const dpex::kernel<void(dpex::item<1>, float, float, float *)> affine{
    affine_desc};
const dpex::kernel<void(dpex::item<2>, int *)> index2d{index2d_desc};
const dpex::kernel<void(dpex::item<3>, int *)> index3d{index3d_desc};
const dpex::kernel<void(dpex::nd_item<2>, int *)> local_index2d{
    local_index2d_desc};
const dpex::kernel<void(dpex::nd_item<1>, const float *, float *,
                        dpex::local_accessor<float>)>
    tile_sum{tile_sum_desc};
const dpex::kernel<void(dpex::item<1>, params, bool, const int *, float *)>
    apply{apply_desc};
const dpex::kernel<void(dpex::item<1>, std::int64_t, std::int16_t, double,
                        double *)>
    mixed{mixed_desc};
const dpex::kernel<void(dpex::item<1>, int, int *)> fill{fill_desc};
const dpex::kernel<void(dpex::item<1>, int)> scalar_only{scalar_only_desc};
const dpex::kernel<void(dpex::item<1>, std::int64_t, int *)> spin{spin_desc};
const dpex::kernel<void(dpex::item<1>, int, int *)> ptx_only_fill{
    ptx_only_fill_desc};
const dpex::kernel<void(dpex::item<1>, int, int *)> omitted_fill{
    omitted_fill_desc};
const dpex::kernel<void(dpex::item<1>, float, float, float *)> kept_affine{
    kept_affine_desc};
const dpex::kernel<void(dpex::item<1>, int, int *)> corrupt_fill{
    corrupt_fill_desc};
const dpex::kernel<void(dpex::item<1>, int, int *)> unresolved_fill{
    unresolved_fill_desc};
const dpex::kernel<void(dpex::item<1>, double, int *)> mismatched_fill{
    mismatched_fill_desc};
const dpex::kernel<void(dpex::item<1>, long, int *)> wide_fill{wide_fill_desc};

} // namespace dpex_test
