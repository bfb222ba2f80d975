// dpex::printf is OpExtInst printf whose format (and %s argument) live in
// UniformConstant storage; float arguments are promoted to double. The SPIR
// image calls OpenCL's variadic printf with addrspace(2) strings.
// RUN: rm -rf %t && mkdir -p %t
// RUN: dpexc %s -o %t/p --emit=spirv,spirv-asm,spir
// RUN: spirv-val %t/p.spv
// RUN: FileCheck %s < %t/p.spvasm
// RUN: llvm-dis %t/p.spir.bc -o - | FileCheck --check-prefix=SPIR %s
#include <dpex/kernel.hpp>

// CHECK-DAG: %[[STD:[0-9]+]] = OpExtInstImport "OpenCL.std"
// CHECK-DAG: %[[FMT:[a-zA-Z0-9_.]+]] = OpVariable %{{[a-zA-Z0-9_]+}} UniformConstant
// CHECK: %[[D:[a-zA-Z0-9_.]+]] = OpFConvert %double
// CHECK: OpExtInst %uint %[[STD]] printf %{{[a-zA-Z0-9_]+}} %{{[a-zA-Z0-9_.]+}} %[[D]] %{{[a-zA-Z0-9_]+}}
DPEX_KERNEL void show(dpex::item<1> it, const float *x) {
  size_t i = it.get_id(0);
  dpex::printf("x[%d] = %f (%s)\n", int(i), x[i], "float");
}
// SPIR: @{{.*}} = internal unnamed_addr addrspace(2) constant [17 x i8] c"x[%d] = %f (%s)\0A\00"
// SPIR: call spir_func i32 (i8 addrspace(2)*, ...) @printf(i8 addrspace(2)* {{.*}}, i32 {{.*}}, double {{.*}}, i8 addrspace(2)*
