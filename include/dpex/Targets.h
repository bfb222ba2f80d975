// Stage 4: device images derived from the validated SPIR-V for consumers
// that cannot ingest SPIR-V themselves.
#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace dpex {

// A kernel that a derived image cannot express, left out of it so that the
// module's other kernels still build there.
struct OmittedKernel {
  std::string Entry;  // its entry point name
  std::string Reason; // for the runtime's unsupported_image error
};

// SPIR 1.2 LLVM bitcode (OpenCL 1.2 built-in names) for cl_khr_spir devices
// such as PoCL 3: `clCreateProgramWithBinary` + `-x spir -spir-std=1.2`.
struct SPIRImage {
  std::string Bitcode;
  std::vector<OmittedKernel> Omitted;
};
llvm::Expected<SPIRImage> buildSPIRImage(const std::string &SPIRV);

// A CUDA architecture is its compute capability written as in `sm_XY`:
// sm_80 is 80. The ones PTX can be built for: those LLVM 15's NVPTX backend
// knows (up to sm_86) and that a CUDA 12 or 13 driver runs (from sm_50;
// those drivers dropped Kepler), in ascending order.
llvm::ArrayRef<unsigned> supportedCudaArchs();
// "sm_80" -> 80; nothing for a name that is not in supportedCudaArchs().
std::optional<unsigned> parseCudaArch(llvm::StringRef Name);
// 80 -> "sm_80".
std::string cudaArchName(unsigned Arch);

// NVPTX assembly (NUL-terminated) for the CUDA driver, derived from the SPIR
// 1.2 image above, for one of supportedCudaArchs(). Local accessor
// parameters become 64-bit byte offsets into dynamic shared memory.
llvm::Expected<std::string> buildPTXImage(const std::string &SPIRBitcode,
                                          unsigned Arch);

} // namespace dpex
