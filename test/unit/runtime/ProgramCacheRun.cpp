// dpex_program_cache_run: the program ProgramCacheProcesses.sh runs in
// fresh processes against one program cache. It launches `fill` of two
// modules that share a name and an entry point but not an image
// (test_kernels.cl and kernels/fill_variant.cl) and checks both results
// against the host, printing "results ok" or what differed; exits 77
// where DPEX_DEVICE matches no device.
#include "IntactImage.h"
#include "TestKernels.h"

#include <cstdio>
#include <exception>
#include <vector>

extern const unsigned char dpex_test_fill_variant_spir_image[];
extern const std::size_t dpex_test_fill_variant_spir_image_size;
extern const unsigned char dpex_test_fill_variant_spirv_image[];
extern const std::size_t dpex_test_fill_variant_spirv_image_size;

namespace {

using dpex::detail::arg_desc;
using dpex::detail::arg_kind;
using dpex::detail::image_format;

const dpex::detail::device_image variant_images[] = {
    dpex_test::intactImage(image_format::spirv,
                           dpex_test_fill_variant_spirv_image,
                           dpex_test_fill_variant_spirv_image_size),
    dpex_test::intactImage(image_format::spir,
                           dpex_test_fill_variant_spir_image,
                           dpex_test_fill_variant_spir_image_size)};
const dpex::detail::module_desc variant_module{"test_kernels.cl",
                                               variant_images, 2};
const arg_desc fill_args[] = {{arg_kind::scalar, 4, 4, "value", "int"},
                              {arg_kind::global_pointer, 4, 4, "out", "int*"}};
const dpex::detail::kernel_desc variant_fill_desc{
    &variant_module, "fill", "variant::fill", 1, false, fill_args, 2};
const dpex::kernel<void(dpex::item<1>, int, int *)>
    variant_fill(variant_fill_desc);

int check(const char *what, const std::vector<int> &got, int expected) {
  for (std::size_t i = 0; i < got.size(); ++i)
    if (got[i] != expected) {
      std::printf("%s: out[%zu] = %d, expected %d\n", what, i, got[i],
                  expected);
      return 1;
    }
  return 0;
}

} // namespace

int main() {
  try {
    constexpr std::size_t N = 1024;
    constexpr int Value = 17;
    dpex::queue q;
    dpex::array<int> out(q, N);
    dpex::call_kernel(q, dpex_test::fill, dpex::range<1>(N), Value, out);
    int failures = check("test_kernels.cl fill", out.to_host(), Value);
    dpex::call_kernel(q, variant_fill, dpex::range<1>(N), Value, out);
    failures += check("fill_variant.cl fill", out.to_host(), 3 * Value + 1);
    if (failures)
      return 1;
    std::printf("results ok\n");
    return 0;
  } catch (const dpex::error &e) {
    std::printf("error: %s\n", e.what());
    return e.code() == dpex::errc::device_not_found ? 77 : 1;
  } catch (const std::exception &e) {
    std::printf("error: %s\n", e.what());
    return 1;
  }
}
