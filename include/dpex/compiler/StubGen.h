// Stage 5: the typed launcher stubs, `NAME.dpex.hpp` (one dpex::kernel handle
// per kernel) and `NAME.dpex.cpp` (every device image and the metadata the
// runtime needs, embedded).
#pragma once

#include "dpex/compiler/KernelInfo.h"
#include "dpex/compiler/Targets.h"
#include "dpex/detail/stub_abi.hpp"

#include <string>
#include <vector>

namespace dpex {

// The stub ABI's format (dpex/detail/stub_abi.hpp).
using ImageFormat = detail::image_format;

// What an image is, beyond its bytes, that its consumer must know; its
// builder states it, the stub carries it.
struct ImageFacts {
  // Item kernels return at once outside the user's range, so the runtime may
  // round the grid up (device_image::range_guard); without it the image runs
  // on exact grids only.
  bool RangeGuard = true;
};

struct DeviceImage {
  ImageFormat Format;
  std::string Bytes;
  unsigned CudaArch = 0;              // PTX: the arch it targets (sm_80 is 80)
  std::vector<OmittedKernel> Omitted; // kernels this image leaves out
  ImageFacts Facts;
};

struct StubInput {
  std::vector<std::string> Sources; // as given on the command line
  std::string ModuleName;           // identifies the module at run time
  std::string GeneratorVersion;     // dpexc's, for the banner
  std::vector<KernelInfo> Kernels;
  std::vector<DeviceImage> Images;
};

// Sets each kernel's HandleName: its own name; a template instantiation's
// as a C++ user spells it, "scale<float>"; where several kernels that are not
// instantiations of one template share a name (overloads), each one's flat
// name followed by its parameter types, "fill_float_ptr_float".
void nameHandles(std::vector<KernelInfo> &Kernels);

std::string generateStubHeader(const StubInput &In);
std::string generateStubSource(const StubInput &In);

} // namespace dpex
