// Internal to the Targets stage: how PTXImage.cpp takes the math functions
// from NVIDIA's libdevice.
#pragma once

#include "llvm/Support/Error.h"

namespace llvm {
class Module;
}

namespace dpex {

// Rewrites the module's OpenCL built-in math calls (float and double) to
// libdevice's `__nv_*` functions and links those from `LibDevicePath`. The
// built-ins it does not know are left for libclc. `Approximate`: the float
// functions libdevice has fast versions of take those (`__nv_fast_expf`),
// as nvcc's -use_fast_math.
llvm::Error linkLibDeviceMath(llvm::Module &M, llvm::StringRef LibDevicePath,
                              bool Approximate = false);

// What libdevice's `__nvvm_reflect` queries are answered.
struct NVVMReflectSettings {
  bool FlushDenormals = false; // __CUDA_FTZ: flush float denormals to zero
  bool PreciseSqrt = true;     // __CUDA_PREC_SQRT: IEEE sqrtf, as nvcc
};

// Replaces every `__nvvm_reflect` call by its answer for `Arch` (sm_80 is
// 80) and records nvvm-reflect-ftz as a module flag.
llvm::Error resolveNVVMReflect(llvm::Module &M, unsigned Arch,
                               const NVVMReflectSettings &Settings);

} // namespace dpex
