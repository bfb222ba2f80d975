#include "CudaLoader.h"

#include "core/DriverLibrary.h"

namespace dpex::rt::cuda {

namespace {

void resolve(DriverLibrary &library, CudaApi &api) {
#define DPEX_REQUIRE(name, version, parameters)                                \
  library.require(api.name, #name version);
  DPEX_CUDA_REQUIRED_FUNCTIONS(DPEX_REQUIRE)
#undef DPEX_REQUIRE
#define DPEX_OPTIONAL(name, version, parameters)                               \
  library.optional(api.name, #name version);
  DPEX_CUDA_OPTIONAL_FUNCTIONS(DPEX_OPTIONAL)
#undef DPEX_OPTIONAL
}

} // namespace

const CudaApi *loadCuda(std::string &error) {
  // The driver is installed with the kernel module, never shipped with an
  // application.
  return loadDriver<CudaApi>("libcuda.so.1", "CUDA driver", resolve, error);
}

} // namespace dpex::rt::cuda
