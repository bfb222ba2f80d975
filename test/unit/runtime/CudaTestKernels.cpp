// Hand-written PTX (ISA 7.5, sm_80) following the parameter ABI of dpexc's
// CUDA target (docs/runtime.md, "CUDA"), and the descriptors a dpexc stub
// would emit for it.
#include "CudaTestKernels.h"
#include "IntactImage.h"

namespace dpex_cuda_test {

namespace {

using dpex::detail::arg_desc;
using dpex::detail::arg_kind;
using dpex::detail::device_image;
using dpex::detail::image_format;
using dpex::detail::kernel_desc;
using dpex::detail::module_desc;
using dpex_test::intactImage;

// dpex dimension N-1 is CUDA x: a 1-D global id is ctaid.x * ntid.x + tid.x.
const char ptx[] = R"(
.version 7.5
.target sm_80
.address_size 64

.extern .shared .align 16 .b8 dpex_dyn[];

.visible .entry dpex_test_saxpy(
	.param .f32 dpex_test_saxpy_a,
	.param .u64 dpex_test_saxpy_x,
	.param .u64 dpex_test_saxpy_y
)
{
	.reg .b32 %r<5>;
	.reg .f32 %f<5>;
	.reg .b64 %rd<6>;

	ld.param.f32 %f1, [dpex_test_saxpy_a];
	ld.param.u64 %rd1, [dpex_test_saxpy_x];
	ld.param.u64 %rd2, [dpex_test_saxpy_y];
	cvta.to.global.u64 %rd1, %rd1;
	cvta.to.global.u64 %rd2, %rd2;
	mov.u32 %r1, %ctaid.x;
	mov.u32 %r2, %ntid.x;
	mov.u32 %r3, %tid.x;
	mad.lo.u32 %r4, %r1, %r2, %r3;
	mul.wide.u32 %rd3, %r4, 4;
	add.s64 %rd4, %rd1, %rd3;
	add.s64 %rd5, %rd2, %rd3;
	ld.global.f32 %f2, [%rd4];
	ld.global.f32 %f3, [%rd5];
	fma.rn.f32 %f4, %f1, %f2, %f3;
	st.global.f32 [%rd5], %f4;
	ret;
}

.visible .entry dpex_test_affine(
	.param .f32 dpex_test_affine_a,
	.param .f32 dpex_test_affine_b,
	.param .u64 dpex_test_affine_y
)
{
	.reg .b32 %r<5>;
	.reg .f32 %f<5>;
	.reg .b64 %rd<4>;

	ld.param.f32 %f1, [dpex_test_affine_a];
	ld.param.f32 %f2, [dpex_test_affine_b];
	ld.param.u64 %rd1, [dpex_test_affine_y];
	cvta.to.global.u64 %rd1, %rd1;
	mov.u32 %r1, %ctaid.x;
	mov.u32 %r2, %ntid.x;
	mov.u32 %r3, %tid.x;
	mad.lo.u32 %r4, %r1, %r2, %r3;
	mul.wide.u32 %rd2, %r4, 4;
	add.s64 %rd3, %rd1, %rd2;
	ld.global.f32 %f3, [%rd3];
	fma.rn.f32 %f4, %f1, %f3, %f2;
	st.global.f32 [%rd3], %f4;
	ret;
}

.visible .entry dpex_test_spin(
	.param .u64 dpex_test_spin_cycles,
	.param .u64 dpex_test_spin_done
)
{
	.reg .pred %p<2>;
	.reg .b32 %r<2>;
	.reg .b64 %rd<6>;

	ld.param.u64 %rd1, [dpex_test_spin_cycles];
	ld.param.u64 %rd2, [dpex_test_spin_done];
	cvta.to.global.u64 %rd2, %rd2;
	mov.u64 %rd3, %clock64;
$L_spin_loop:
	mov.u64 %rd4, %clock64;
	sub.s64 %rd5, %rd4, %rd3;
	setp.lt.s64 %p1, %rd5, %rd1;
	@%p1 bra $L_spin_loop;
	mov.u32 %r1, 1;
	st.global.u32 [%rd2], %r1;
	ret;
}

.visible .entry dpex_test_index2d(
	.param .u64 dpex_test_index2d_out
)
{
	.reg .b32 %r<14>;
	.reg .b64 %rd<4>;

	ld.param.u64 %rd1, [dpex_test_index2d_out];
	cvta.to.global.u64 %rd1, %rd1;
	mov.u32 %r1, %ctaid.x;
	mov.u32 %r2, %ntid.x;
	mov.u32 %r3, %tid.x;
	mad.lo.u32 %r4, %r1, %r2, %r3;
	mov.u32 %r5, %ctaid.y;
	mov.u32 %r6, %ntid.y;
	mov.u32 %r7, %tid.y;
	mad.lo.u32 %r8, %r5, %r6, %r7;
	mov.u32 %r9, %nctaid.x;
	mul.lo.u32 %r10, %r9, %r2;
	mad.lo.u32 %r11, %r8, %r10, %r4;
	mad.lo.u32 %r12, %r8, 1000, %r4;
	mul.wide.u32 %rd2, %r11, 4;
	add.s64 %rd3, %rd1, %rd2;
	st.global.u32 [%rd3], %r12;
	ret;
}

.visible .entry dpex_test_tiles(
	.param .u64 dpex_test_tiles_in,
	.param .u64 dpex_test_tiles_a,
	.param .u32 dpex_test_tiles_scale,
	.param .u64 dpex_test_tiles_b,
	.param .u64 dpex_test_tiles_out
)
{
	.reg .pred %p<2>;
	.reg .b32 %r<8>;
	.reg .f32 %f<10>;
	.reg .b64 %rd<18>;

	ld.param.u64 %rd1, [dpex_test_tiles_in];
	ld.param.u64 %rd2, [dpex_test_tiles_a];
	ld.param.u32 %r1, [dpex_test_tiles_scale];
	ld.param.u64 %rd3, [dpex_test_tiles_b];
	ld.param.u64 %rd4, [dpex_test_tiles_out];
	cvta.to.global.u64 %rd1, %rd1;
	cvta.to.global.u64 %rd4, %rd4;
	mov.u32 %r2, %tid.x;
	mov.u32 %r3, %ntid.x;
	mov.u32 %r4, %ctaid.x;
	mad.lo.u32 %r5, %r4, %r3, %r2;
	mul.wide.u32 %rd5, %r5, 4;
	add.s64 %rd6, %rd1, %rd5;
	ld.global.f32 %f1, [%rd6];
	mov.u64 %rd7, dpex_dyn;
	add.s64 %rd8, %rd7, %rd2;
	add.s64 %rd9, %rd7, %rd3;
	mul.wide.u32 %rd10, %r2, 4;
	add.s64 %rd11, %rd8, %rd10;
	st.shared.f32 [%rd11], %f1;
	cvt.rn.f32.s32 %f2, %r1;
	mul.f32 %f3, %f1, %f2;
	add.s64 %rd12, %rd9, %rd10;
	st.shared.f32 [%rd12], %f3;
	mul.wide.u32 %rd13, %r3, 4;
	add.s64 %rd14, %rd8, %rd13;
	setp.ne.u32 %p1, %r2, 0;
	@%p1 bra $L_tiles_barrier;
	mov.f32 %f4, 0f447A0000;
	st.shared.f32 [%rd14], %f4;
$L_tiles_barrier:
	bar.sync 0;
	sub.u32 %r6, %r3, 1;
	sub.u32 %r7, %r6, %r2;
	mul.wide.u32 %rd15, %r7, 4;
	add.s64 %rd16, %rd8, %rd15;
	ld.shared.f32 %f5, [%rd16];
	ld.shared.f32 %f6, [%rd12];
	ld.shared.f32 %f7, [%rd14];
	add.f32 %f8, %f5, %f6;
	add.f32 %f9, %f8, %f7;
	add.s64 %rd17, %rd4, %rd5;
	st.global.f32 [%rd17], %f9;
	ret;
}
)";

const device_image images[] = {
    intactImage(image_format::ptx, ptx, sizeof(ptx), 80)};
const module_desc module{"cuda_test_kernels.cpp", images, 1};

const arg_desc saxpy_args[] = {
    {arg_kind::scalar, 4, 4, "a", "float"},
    {arg_kind::global_pointer, 4, 4, "x", "const float*"},
    {arg_kind::global_pointer, 4, 4, "y", "float*"}};
const kernel_desc saxpy_desc{
    &module, "dpex_test_saxpy", "dpex_cuda_test::saxpy", 1, false, saxpy_args,
    3};

const arg_desc affine_args[] = {
    {arg_kind::scalar, 4, 4, "a", "float"},
    {arg_kind::scalar, 4, 4, "b", "float"},
    {arg_kind::global_pointer, 4, 4, "y", "float*"}};
const kernel_desc affine_desc{&module,
                              "dpex_test_affine",
                              "dpex_cuda_test::affine",
                              1,
                              false,
                              affine_args,
                              3};

const arg_desc spin_args[] = {
    {arg_kind::scalar, 8, 8, "cycles", "std::int64_t"},
    {arg_kind::global_pointer, 4, 4, "done", "int*"}};
const kernel_desc spin_desc{
    &module, "dpex_test_spin", "dpex_cuda_test::spin", 1, false, spin_args, 2};

const arg_desc out_args[] = {{arg_kind::global_pointer, 4, 4, "out", "int*"}};
const kernel_desc index2d_desc{
    &module, "dpex_test_index2d", "dpex_cuda_test::index2d", 2, false, out_args,
    1};
const kernel_desc index2d_nd_desc{&module,
                                  "dpex_test_index2d",
                                  "dpex_cuda_test::index2d_nd",
                                  2,
                                  true,
                                  out_args,
                                  1};

const arg_desc tiles_args[] = {
    {arg_kind::global_pointer, 4, 4, "in", "const float*"},
    {arg_kind::local_accessor, 4, 4, "a", "dpex::local_accessor<float>"},
    {arg_kind::scalar, 4, 4, "scale", "int"},
    {arg_kind::local_accessor, 4, 4, "b", "dpex::local_accessor<float>"},
    {arg_kind::global_pointer, 4, 4, "out", "float*"}};
const kernel_desc tiles_desc{
    &module, "dpex_test_tiles", "dpex_cuda_test::tiles", 1, true, tiles_args,
    5};

const arg_desc fill_args[] = {{arg_kind::scalar, 4, 4, "value", "int"},
                              {arg_kind::global_pointer, 4, 4, "out", "int*"}};

const unsigned char spir_bytes[] = "BC not loaded by CUDA";
const device_image spir_images[] = {
    intactImage(image_format::spir, spir_bytes, sizeof(spir_bytes))};
const module_desc spir_module{"spir_only.cpp", spir_images, 1};
const kernel_desc spir_only_fill_desc{
    &spir_module, "fill", "dpex_cuda_test::spir_only_fill", 1, false,
    fill_args,    2};

const char broken_ptx[] = R"(
.version 7.5
.target sm_80
.address_size 64

.visible .entry fill(
	.param .u32 fill_value,
	.param .u64 fill_out
)
{
	dpex.not.an.instruction %r1;
	ret;
}
)";
const device_image broken_images[] = {
    intactImage(image_format::ptx, broken_ptx, sizeof(broken_ptx), 80)};
const module_desc broken_module{"broken.cpp", broken_images, 1};
const kernel_desc broken_fill_desc{
    &broken_module, "fill", "dpex_cuda_test::broken_fill", 1, false,
    fill_args,      2};

// Modules with ptx images for several archs (recorded as dpexc records
// them; the text is this file's sm_80 PTX or the broken one). Newer than
// every GPU: nothing to load.
const device_image newer_images[] = {
    intactImage(image_format::ptx, ptx, sizeof(ptx), 1000)};
const module_desc newer_module{"newer.cpp", newer_images, 1};
const kernel_desc newer_saxpy_desc{&newer_module,
                                   "dpex_test_saxpy",
                                   "dpex_cuda_test::newer_saxpy",
                                   1,
                                   false,
                                   saxpy_args,
                                   3};
// Only the sm_80 image builds: a launch works on a GPU of sm_80 or newer
// only if the runtime picks the highest arch that is not above the GPU's,
// whatever the order of the images.
const device_image multi_arch_images[] = {
    intactImage(image_format::ptx, broken_ptx, sizeof(broken_ptx), 1000),
    intactImage(image_format::ptx, ptx, sizeof(ptx), 80),
    intactImage(image_format::ptx, broken_ptx, sizeof(broken_ptx), 50)};
const module_desc multi_arch_module{"multi_arch.cpp", multi_arch_images, 3};
const kernel_desc multi_arch_saxpy_desc{&multi_arch_module,
                                        "dpex_test_saxpy",
                                        "dpex_cuda_test::multi_arch_saxpy",
                                        1,
                                        false,
                                        saxpy_args,
                                        3};

const kernel_desc missing_fill_desc{&module,
                                    "dpex_test_missing",
                                    "dpex_cuda_test::missing_fill",
                                    1,
                                    false,
                                    fill_args,
                                    2};

} // namespace

const dpex::kernel<void(dpex::item<1>, float, const float *, float *)> saxpy{
    saxpy_desc};
const dpex::kernel<void(dpex::item<1>, float, float, float *)> affine{
    affine_desc};
const dpex::kernel<void(dpex::item<1>, std::int64_t, int *)> spin{spin_desc};
const dpex::kernel<void(dpex::item<2>, int *)> index2d{index2d_desc};
const dpex::kernel<void(dpex::nd_item<2>, int *)> index2d_nd{index2d_nd_desc};
const dpex::kernel<void(dpex::nd_item<1>, const float *,
                        dpex::local_accessor<float>, int,
                        dpex::local_accessor<float>, float *)>
    tiles{tiles_desc};
const dpex::kernel<void(dpex::item<1>, int, int *)> spir_only_fill{
    spir_only_fill_desc};
const dpex::kernel<void(dpex::item<1>, int, int *)> broken_fill{
    broken_fill_desc};
const dpex::kernel<void(dpex::item<1>, float, const float *, float *)>
    newer_saxpy{newer_saxpy_desc};
const dpex::kernel<void(dpex::item<1>, float, const float *, float *)>
    multi_arch_saxpy{multi_arch_saxpy_desc};
const dpex::kernel<void(dpex::item<1>, int, int *)> missing_fill{
    missing_fill_desc};

} // namespace dpex_cuda_test
