// Backends dlopen their drivers by soname, so the dynamic linker searches
// only the system paths; a library of the same name in the working directory
// (planted there or left over) must never be picked up. runtime.loader runs
// this test from a directory holding aborting fakes (FakeDriver.c).
#include "TestKernels.h"
#include "TestSupport.h"

#include "core/DriverLibrary.h"

TEST_CASE("backends load the system drivers, not ones in the working directory",
          "[loader]") {
  dpex_test::ScopedEnv device("DPEX_DEVICE", "opencl:cpu");
  dpex::queue q;
  dpex::array<int> out(q, 16);
  dpex::call_kernel(dpex_test::fill, dpex::range<1>(16), 5, out);
  REQUIRE(out.to_host() == std::vector<int>(16, 5));
}

// Both backends load their driver through DriverLibrary: a failure names the
// library, and a missing required entry point names the symbol too.
TEST_CASE("a driver library names what is missing", "[driver-library]") {
  dpex::rt::DriverLibrary absent("libdpex_no_such_driver.so.1", "test driver");
  REQUIRE_THAT(absent.error(),
               Catch::Matchers::StartsWith(
                   "no test driver (libdpex_no_such_driver.so.1) found: "));

  // libc stands in for a driver: it has `strlen`, and no dpex symbol.
  dpex::rt::DriverLibrary libc("libc.so.6", "C library");
  REQUIRE(libc.error().empty());
  std::size_t (*strlenEntry)(const char *) = nullptr;
  int (*optionalEntry)() = nullptr;
  libc.require(strlenEntry, "strlen");
  libc.optional(optionalEntry, "dpex_no_such_entry_point");
  REQUIRE(strlenEntry != nullptr);
  REQUIRE(strlenEntry("four") == 4);
  REQUIRE(optionalEntry == nullptr);
  REQUIRE(libc.error().empty());
  int (*requiredEntry)() = nullptr;
  libc.require(requiredEntry, "dpex_no_such_entry_point");
  REQUIRE(requiredEntry == nullptr);
  REQUIRE(libc.error() == "libc.so.6 lacks dpex_no_such_entry_point");
}
