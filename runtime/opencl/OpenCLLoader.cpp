#include "OpenCLLoader.h"

#include <dlfcn.h>

namespace dpex::rt::opencl {

namespace {

struct LoadResult {
  OpenCLApi api;
  bool ok = false;
  std::string error;
};

LoadResult load() {
  LoadResult result;
  // By soname only: the ICD loader picks the vendor drivers.
  void *library = dlopen("libOpenCL.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char *why = dlerror();
    result.error = std::string("cannot load libOpenCL.so.1: ") +
                   (why ? why : "unknown error");
    return result;
  }
#define DPEX_RESOLVE_REQUIRED(name)                                            \
  result.api.name =                                                            \
      reinterpret_cast<decltype(&::name)>(dlsym(library, #name));              \
  if (!result.api.name) {                                                      \
    result.error = "libOpenCL.so.1 lacks " #name;                              \
    dlclose(library);                                                          \
    return result;                                                             \
  }
  DPEX_OPENCL_REQUIRED_FUNCTIONS(DPEX_RESOLVE_REQUIRED)
#undef DPEX_RESOLVE_REQUIRED
#define DPEX_RESOLVE_OPTIONAL(name)                                            \
  result.api.name = reinterpret_cast<decltype(&::name)>(dlsym(library, #name));
  DPEX_OPENCL_OPTIONAL_FUNCTIONS(DPEX_RESOLVE_OPTIONAL)
#undef DPEX_RESOLVE_OPTIONAL
  // The library stays loaded for the life of the process.
  result.ok = true;
  return result;
}

} // namespace

const OpenCLApi *loadOpenCL(std::string &error) {
  static const LoadResult result = load();
  if (!result.ok) {
    error = result.error;
    return nullptr;
  }
  return &result.api;
}

} // namespace dpex::rt::opencl
