// Backends dlopen their drivers by soname, so the dynamic linker searches
// only the system paths; a library of the same name in the working directory
// (planted there or left over) must never be picked up. runtime.loader runs
// this test from a directory holding aborting fakes (FakeDriver.c).
#include "TestKernels.h"
#include "TestSupport.h"

TEST_CASE("backends load the system drivers, not ones in the working directory",
          "[loader]") {
  dpex_test::ScopedEnv device("DPEX_DEVICE", "opencl:cpu");
  dpex::queue q;
  dpex::array<int> out(q, 16);
  dpex::call_kernel(dpex_test::fill, dpex::range<1>(16), 5, out);
  REQUIRE(out.to_host() == std::vector<int>(16, 5));
}
