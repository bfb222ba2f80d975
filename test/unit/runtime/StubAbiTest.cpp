// The stub ABI version a module_desc records, checked before the runtime
// reads anything else of the module.
#include "IntactImage.h"
#include "TestSupport.h"

#include <dpex/detail/stub_abi.hpp>

#include <cstddef>
#include <string>
#include <vector>

using Catch::Matchers::Contains;
using dpex_test::expectError;

extern const unsigned char dpex_test_test_kernels_spir_image[];
extern const std::size_t dpex_test_test_kernels_spir_image_size;
extern const unsigned char dpex_test_test_kernels_spirv_image[];
extern const std::size_t dpex_test_test_kernels_spirv_image_size;

namespace {

using namespace dpex::detail;

// A module as a stub of the next ABI version would describe it. Its images
// are intact, so only the version can refuse it.
const device_image next_images[] = {
    dpex_test::intactImage(image_format::spirv,
                           dpex_test_test_kernels_spirv_image,
                           dpex_test_test_kernels_spirv_image_size),
    dpex_test::intactImage(image_format::spir,
                           dpex_test_test_kernels_spir_image,
                           dpex_test_test_kernels_spir_image_size)};
const module_desc next_module{"next_abi.cpp", next_images, 2,
                              stub_abi_version + 1};
const arg_desc fill_args[] = {{arg_kind::scalar, 4, 4, "value", "int"},
                              {arg_kind::global_pointer, 4, 4, "out", "int*"}};
const kernel_desc next_fill_desc{
    &next_module, "fill", "next_abi_fill", 1, false, fill_args, 2};
// The same module under this runtime's version.
const module_desc same_module{"same_abi.cpp", next_images, 2, stub_abi_version};
const kernel_desc same_fill_desc{
    &same_module, "fill", "same_abi_fill", 1, false, fill_args, 2};

} // namespace

TEST_CASE("a module of another stub ABI version is unsupported_image",
          "[image][error][abi]") {
  const dpex::kernel<void(dpex::item<1>, int, int *)> next_fill{next_fill_desc};
  dpex::queue q;
  dpex::array<int> out(q, 4);
  dpex::error e = expectError(
      [&] { dpex::call_kernel(next_fill, dpex::range<1>(4), 7, out); });
  REQUIRE(e.code() == dpex::errc::unsupported_image);
  REQUIRE_THAT(e.what(), Contains("next_abi_fill"));
  REQUIRE_THAT(e.what(),
               Contains("module 'next_abi.cpp' was generated for stub ABI "
                        "version " +
                        std::to_string(stub_abi_version + 1) +
                        "; this runtime reads version " +
                        std::to_string(stub_abi_version)));
}

TEST_CASE("a module of this stub ABI version runs", "[image][abi]") {
  const dpex::kernel<void(dpex::item<1>, int, int *)> same_fill{same_fill_desc};
  dpex::queue q;
  dpex::array<int> out(q, 4);
  dpex::call_kernel(same_fill, dpex::range<1>(4), 7, out);
  REQUIRE(out.to_host() == std::vector<int>{7, 7, 7, 7});
}
