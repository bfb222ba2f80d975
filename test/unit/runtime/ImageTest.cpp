// Image choice and build failures.
#include "IntactImage.h"
#include "TestKernels.h"
#include "TestSupport.h"

#include "core/Backend.h"

#include <dpex/detail/image_digest.hpp>

#include <algorithm>
#include <vector>

using Catch::Matchers::Contains;
using dpex_test::expectError;

TEST_CASE("a module without a loadable image is unsupported_image",
          "[image][error]") {
  dpex::queue q;
  dpex::array<int> out(q, 4);
  dpex::error e = expectError([&] {
    dpex::call_kernel(dpex_test::ptx_only_fill, dpex::range<1>(4), 1, out);
  });
  REQUIRE(e.code() == dpex::errc::unsupported_image);
  REQUIRE_THAT(e.what(), Contains("call_kernel(dpex_test::ptx_only_fill)"));
  REQUIRE_THAT(e.what(), Contains("module 'ptx_only.cpp'"));
  REQUIRE_THAT(e.what(), Contains(q.get_device().name()));
  REQUIRE_THAT(e.what(), Contains("spirv: the module has no spirv image"));
  REQUIRE_THAT(e.what(), Contains("spir: the module has no spir image"));
}

TEST_CASE("a kernel the loaded image leaves out is unsupported_image, the "
          "module's other kernels run",
          "[image][error]") {
  dpex::queue q;
  dpex::array<int> out(q, 3);
  dpex::array<float> y(q, 2);
  y.copy_from(std::vector<float>{1, 2});
  dpex::call_kernel(dpex_test::kept_affine, dpex::range<1>(2), 2.0f, 1.0f, y);
  REQUIRE(y.to_host() == std::vector<float>{3, 5});

  if (q.get_device().impl()->canLoad(dpex::detail::image_format::spirv)) {
    // The SPIR-V image has every kernel.
    dpex::call_kernel(dpex_test::omitted_fill, dpex::range<1>(3), 7, out);
    REQUIRE(out.to_host() == std::vector<int>{7, 7, 7});
    return;
  }
  dpex::error e = expectError([&] {
    dpex::call_kernel(dpex_test::omitted_fill, dpex::range<1>(3), 7, out);
  });
  REQUIRE(e.code() == dpex::errc::unsupported_image);
  REQUIRE_THAT(e.what(), Contains("call_kernel(dpex_test::omitted_fill)"));
  // The image is named as loaded: built now or from the program cache.
  REQUIRE_THAT(e.what(), Contains("kernel 'dpex_test::omitted_fill' of module "
                                  "'omitting.cpp' is not in the spir ("));
  REQUIRE_THAT(e.what(), Contains(") image that '" + q.get_device().name() +
                                  "' loaded: it stands in for "
                                  "a kernel SPIR 1.2 cannot "
                                  "express"));
}

TEST_CASE("an item launch's grid is rounded up where the image says it keeps "
          "the range guard, else split",
          "[image][range]") {
  dpex::queue q;
  if (q.get_device().backend() != dpex::backend::opencl)
    return; // the test kernels are OpenCL C
  const std::size_t granule = q.get_device().impl()->limits().rangeGranule;
  if (granule < 2)
    return; // a device that runs any extent well: nothing is rounded or split
  // Not a multiple of any granule: a rounded grid is larger, a split one is
  // two launches of whole work-groups and the rest.
  constexpr std::size_t N = 1001;
  dpex::array<int> out(q, N);
  dpex::call_kernel(dpex_test::guarded_grid_size, dpex::range<1>(N), out);
  std::vector<int> rounded = out.to_host();
  REQUIRE(rounded[0] > static_cast<int>(N));
  REQUIRE(rounded == std::vector<int>(N, rounded[0]));

  dpex::call_kernel(dpex_test::unguarded_grid_size, dpex::range<1>(N), out);
  std::vector<int> split = out.to_host();
  const std::size_t bulk = N / granule * granule;
  REQUIRE(std::count(split.begin(), split.end(), static_cast<int>(bulk)) ==
          static_cast<long>(bulk));
  REQUIRE(std::count(split.begin(), split.end(), static_cast<int>(N - bulk)) ==
          static_cast<long>(N - bulk));
}

TEST_CASE("a corrupt image is build_failed, reported the same each time",
          "[image][error]") {
  dpex::queue q;
  dpex::array<int> out(q, 4);
  auto launch = [&] {
    dpex::call_kernel(dpex_test::corrupt_fill, dpex::range<1>(4), 1, out);
  };
  dpex::error first = expectError(launch);
  REQUIRE(first.code() == dpex::errc::build_failed);
  REQUIRE_THAT(first.what(), Contains("dpex_test::corrupt_fill"));
  REQUIRE_THAT(first.what(), Contains("module 'corrupt.cpp'"));
  REQUIRE_THAT(first.what(), Contains("SPIR image"));
  dpex::error second = expectError(launch);
  REQUIRE(std::string(second.what()) == first.what());
}

TEST_CASE("build failures carry the device compiler's build log",
          "[image][error]") {
  dpex::queue q;
  dpex::array<int> out(q, 4);
  dpex::error e = expectError([&] {
    dpex::call_kernel(dpex_test::unresolved_fill, dpex::range<1>(4), 1, out);
  });
  REQUIRE(e.code() == dpex::errc::build_failed);
  REQUIRE_THAT(e.what(), Contains("call_kernel(dpex_test::unresolved_fill)"));
  REQUIRE_THAT(e.what(),
               Contains("clBuildProgram: CL_BUILD_PROGRAM_FAILURE (-11)"));
  REQUIRE_THAT(e.what(), Contains("build log:"));
  REQUIRE_THAT(e.what(), Contains("dpex_test_undefined_helper"));
}

TEST_CASE("a module with a SPIR image runs where cl_khr_spir is offered",
          "[image]") {
  dpex::queue q;
  dpex::array<int> out(q, 3);
  dpex::call_kernel(dpex_test::fill, dpex::range<1>(3), 42, out);
  REQUIRE(out.to_host() == std::vector<int>{42, 42, 42});
}

namespace {
// runtime_image_fuzzer's input that made PoCL's clCreateProgramWithBinary
// read out of bounds: 27 bytes of text offered as a SPIR image.
const unsigned char fuzzed_spir[] = {0x75, 0x6e, 0x6f, 0x72, 0x64, 0x02, 0x00,
                                     0x00, 0x69, 0x73, 0x20, 0x6e, 0x6f, 0x74,
                                     0x20, 0x4c, 0x4c, 0x56, 0x63, 0x20, 0x4d,
                                     0x74, 0x62, 0x6f, 0x69, 0x9c, 0x65};
const dpex::detail::device_image fuzzed_images[] = {dpex_test::intactImage(
    dpex::detail::image_format::spir, fuzzed_spir, sizeof(fuzzed_spir))};
const dpex::detail::module_desc fuzzed_module{"fuzzed.cpp", fuzzed_images, 1};
const dpex::detail::arg_desc fuzzed_args[] = {
    {dpex::detail::arg_kind::scalar, 4, 4, "value", "int"},
    {dpex::detail::arg_kind::global_pointer, 4, 4, "out", "int*"}};
const dpex::detail::kernel_desc fuzzed_desc{
    &fuzzed_module, "fill", "fuzzed_fill", 1, false, fuzzed_args, 2};
const dpex::kernel<void(dpex::item<1>, int, int *)> fuzzed_fill{fuzzed_desc};
} // namespace

TEST_CASE("an image without its format's header never reaches the driver",
          "[image][error]") {
  dpex::queue q;
  dpex::array<int> out(q, 4);
  dpex::error e = expectError(
      [&] { dpex::call_kernel(fuzzed_fill, dpex::range<1>(4), 1, out); });
  REQUIRE(e.code() == dpex::errc::build_failed);
  REQUIRE_THAT(e.what(), Contains("SPIR image: not LLVM bitcode (27 bytes"));
}

extern const unsigned char dpex_test_test_kernels_spir_image[];
extern const std::size_t dpex_test_test_kernels_spir_image_size;

TEST_CASE("an image that differs from its recorded digest never reaches the "
          "driver",
          "[image][error]") {
  // The test kernels' SPIR image with one byte of its body changed, under the
  // digest of the original: a stub corrupted after dpexc wrote it. Such
  // images crashed PoCL's bitcode reader (runtime_image_fuzzer findings).
  const unsigned char *original = dpex_test_test_kernels_spir_image;
  const std::size_t size = dpex_test_test_kernels_spir_image_size;
  static const std::vector<unsigned char> bytes = [&] {
    std::vector<unsigned char> copy(original, original + size);
    copy[size / 2] ^= 0x40;
    return copy;
  }();
  using namespace dpex::detail;
  static const device_image image{image_format::spir, bytes.data(), size,
                                  image_digest(original, size), 0};
  static const module_desc module{"flipped.cpp", &image, 1};
  static const arg_desc args[] = {
      {arg_kind::scalar, 4, 4, "value", "int"},
      {arg_kind::global_pointer, 4, 4, "out", "int*"}};
  static const kernel_desc desc{&module, "fill", "flipped_fill", 1, false,
                                args,    2};
  const dpex::kernel<void(dpex::item<1>, int, int *)> flipped{desc};

  dpex::queue q;
  dpex::array<int> out(q, 4);
  dpex::error e = expectError(
      [&] { dpex::call_kernel(flipped, dpex::range<1>(4), 1, out); });
  REQUIRE(e.code() == dpex::errc::build_failed);
  REQUIRE_THAT(e.what(), Contains("module 'flipped.cpp': device image 0 (" +
                                  std::to_string(size) + " bytes) is corrupt"));
}
