// Stage 4: device images derived from the validated SPIR-V for consumers
// that cannot ingest SPIR-V themselves.
#pragma once

#include "llvm/Support/Error.h"

#include <string>

namespace dpex {

// SPIR 1.2 LLVM bitcode (OpenCL 1.2 built-in names) for cl_khr_spir devices
// such as PoCL 3: `clCreateProgramWithBinary` + `-x spir -spir-std=1.2`.
llvm::Expected<std::string> buildSPIRImage(const std::string &SPIRV);

// NVPTX assembly (sm_80, PTX 7.5, NUL-terminated) for the CUDA driver,
// derived from the SPIR 1.2 image above. Local accessor parameters become
// 64-bit byte offsets into dynamic shared memory.
llvm::Expected<std::string> buildPTXImage(const std::string &SPIRBitcode);

} // namespace dpex
