// dpex:: math, std:: math (LLVM intrinsics after Clang) and C library
// names all become OpenCL.std extended instructions; the SPIR image calls
// OpenCL 1.2's overloaded built-ins. isnan/isinf are plain compares.
// RUN: rm -rf %t && mkdir -p %t
// RUN: dpexc %s -o %t/m --emit=spirv,spirv-asm,spir
// RUN: spirv-val %t/m.spv
// RUN: FileCheck %s < %t/m.spvasm
// RUN: llvm-dis %t/m.spir.bc -o - | FileCheck --check-prefix=SPIR %s
#include <dpex/kernel.hpp>

#include <cmath>
#include <math.h>

// CHECK: %[[STD:[0-9]+]] = OpExtInstImport "OpenCL.std"
// CHECK-DAG: OpExtInst %float %[[STD]] sqrt
// CHECK-DAG: OpExtInst %double %[[STD]] sqrt
// CHECK-DAG: OpExtInst %float %[[STD]] rsqrt
// CHECK-DAG: OpExtInst %double %[[STD]] erfc
// CHECK-DAG: OpExtInst %float %[[STD]] pow
// CHECK-DAG: OpExtInst %double %[[STD]] atan2
// CHECK-DAG: OpExtInst %float %[[STD]] fma
// CHECK-DAG: OpExtInst %float %[[STD]] exp
// CHECK-DAG: OpExtInst %double %[[STD]] sin
// CHECK-DAG: OpExtInst %float %[[STD]] tanh
// CHECK-DAG: OpExtInst %float %[[STD]] fmax
// CHECK-DAG: OpUnordered %bool
DPEX_KERNEL void math(dpex::item<1> it, float *f, double *d) {
  size_t i = it.get_id(0);
  f[i] = dpex::sqrt(f[i]) + dpex::rsqrt(f[i]) + dpex::pow(f[i], 1.5f) +
         dpex::fma(f[i], f[i], 1.0f);
  d[i] = dpex::sqrt(d[i]) + dpex::erfc(d[i]) + dpex::atan2(d[i], 2.0) +
         (dpex::isnan(d[i]) ? 1.0 : 0.0);
  // C++ and C library spellings.
  f[i] += std::exp(f[i]) + tanhf(f[i]) + std::fmax(f[i], 0.5f);
  d[i] += std::sin(d[i]);
}
// SPIR-DAG: call spir_func float @_Z4sqrtf(float
// SPIR-DAG: call spir_func double @_Z4sqrtd(double
// SPIR-DAG: call spir_func float @_Z5rsqrtf(float
// SPIR-DAG: call spir_func double @_Z4erfcd(double
// SPIR-DAG: call spir_func float @_Z3fmafff(float
// SPIR-DAG: call spir_func float @_Z3expf(float
// SPIR-DAG: call spir_func double @_Z3sind(double
