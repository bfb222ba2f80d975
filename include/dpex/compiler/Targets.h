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
  // The image: item kernels without their range guard, so the runtime
  // launches them on exact grids.
  std::string Bitcode;
  // The same with the guards, for images whose grids the runtime rounds.
  std::string GuardedBitcode;
  std::vector<OmittedKernel> Omitted;
  // Those GuardedBitcode lacks: it keeps the kernels using sub-groups, which
  // the PTX image implements.
  std::vector<OmittedKernel> GuardedOmitted;
};
llvm::Expected<SPIRImage> buildSPIRImage(const std::string &SPIRV);

// A CUDA architecture is its compute capability written as in `sm_XY`:
// sm_80 is 80. The ones PTX can be built for: those LLVM 15's NVPTX backend
// knows (up to sm_86) and that a CUDA 12 or 13 driver runs (from sm_50;
// those drivers dropped Kepler), in ascending order.
llvm::ArrayRef<unsigned> supportedCudaArchs();
// Newer archs than LLVM 15 knows, for which only SASS is built (--cuda-sass):
// ptxas compiles the PTX of the newest arch LLVM has for them.
llvm::ArrayRef<unsigned> sassOnlyCudaArchs();
bool isSASSOnlyCudaArch(unsigned Arch);
// "sm_80" -> 80; nothing for a name in neither list above.
std::optional<unsigned> parseCudaArch(llvm::StringRef Name);
// 80 -> "sm_80".
std::string cudaArchName(unsigned Arch);
// {50, 80} -> "sm_50,sm_80".
std::string cudaArchList(llvm::ArrayRef<unsigned> Archs);

// How the PTX image is built.
struct PTXOptions {
  // NVIDIA's libdevice.10.bc for the math functions; empty: libclc's.
  std::string LibDevice;
  // Flush float denormals to zero in libdevice's math (its __CUDA_FTZ), as
  // nvcc's -ftz=true; off, as nvcc's default.
  bool FlushDenormals = false;
  // -ffast-math, as nvcc's -use_fast_math: flush-to-zero, approximate
  // division, square root and float math functions (libdevice's
  // `__nv_fast_*`), contraction of multiplies and adds.
  bool FastMath = false;
  // -gline-tables-only: `.file`/`.loc` lines only, as nvcc's -lineinfo (no
  // `debug` target, so the driver still optimises the code).
  bool LineDirectivesOnly = false;
};

// $CUDA_PATH/nvvm/libdevice/libdevice.10.bc, else the same under
// /usr/local/cuda; "" if neither exists.
std::string findLibDevice();

// NVPTX assembly text for the CUDA driver, derived from the SPIR
// 1.2 image above, for one of supportedCudaArchs() (for a SASS-only arch:
// the PTX ptxas compiles for it). Local accessor parameters become 64-bit
// byte offsets into dynamic shared memory.
struct PTXImage {
  std::string Text;
  // The kernels of the SPIR image that this one leaves out (its sub-groups
  // are warps of 32).
  std::vector<OmittedKernel> Omitted;
};
llvm::Expected<PTXImage> buildPTXImage(const std::string &SPIRBitcode,
                                       unsigned Arch,
                                       const PTXOptions &Options = {});

// ptxas on PATH, else $CUDA_PATH/bin/ptxas, else /usr/local/cuda/bin/ptxas;
// "" if none of them exists.
std::string findPtxas();

// SASS for `Arch` (a cubin, cuModuleLoadData loads it without JIT), built by
// running `Ptxas` on a PTX image from buildPTXImage.
llvm::Expected<std::string> buildCubin(const std::string &PTX, unsigned Arch,
                                       const std::string &Ptxas);

} // namespace dpex
