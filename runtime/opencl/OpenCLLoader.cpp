#include "OpenCLLoader.h"

#include "core/DriverLibrary.h"

namespace dpex::rt::opencl {

namespace {

void resolve(DriverLibrary &library, OpenCLApi &api) {
#define DPEX_REQUIRE(name) library.require(api.name, #name);
  DPEX_OPENCL_REQUIRED_FUNCTIONS(DPEX_REQUIRE)
#undef DPEX_REQUIRE
#define DPEX_OPTIONAL(name) library.optional(api.name, #name);
  DPEX_OPENCL_OPTIONAL_FUNCTIONS(DPEX_OPTIONAL)
#undef DPEX_OPTIONAL
}

} // namespace

const OpenCLApi *loadOpenCL(std::string &error) {
  // The ICD loader, which picks the vendor drivers.
  return loadDriver<OpenCLApi>("libOpenCL.so.1", "OpenCL ICD loader", resolve,
                               error);
}

} // namespace dpex::rt::opencl
