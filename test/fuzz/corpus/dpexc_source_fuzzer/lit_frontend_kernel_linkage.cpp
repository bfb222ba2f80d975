// Kernels that codegen would only emit on use: inline, static, in an
// anonymous namespace, static member functions. Each gets an entry point,
// and each handle is declared where the generated header can name it (an
// anonymous namespace is left out of the handle's namespace).
// RUN: rm -rf %t && mkdir -p %t
// RUN: dpexc %s -o %t/linkage --emit=spirv,spirv-asm,stub
// RUN: spirv-val %t/linkage.spv
// RUN: FileCheck --check-prefix=SPV %s < %t/linkage.spvasm
// RUN: FileCheck --check-prefix=HDR %s < %t/linkage.dpex.hpp
#include <dpex/kernel.hpp>

namespace demo {
inline DPEX_KERNEL void inlined(dpex::item<1> it, float *x) { x[it.get_id(0)] = 1; }
static DPEX_KERNEL void internal(dpex::item<1> it, float *x) { x[it.get_id(0)] = 2; }
namespace {
DPEX_KERNEL void hidden(dpex::item<1> it, float *x) { x[it.get_id(0)] = 3; }
} // namespace
struct Kernels {
  static DPEX_KERNEL void member(dpex::item<1> it, float *x) { x[it.get_id(0)] = 4; }
};
} // namespace demo

// SPV-DAG: OpEntryPoint Kernel %{{[0-9]+}} "_ZN4demo7inlinedEN4dpex4itemILi1EEEPf"
// SPV-DAG: OpEntryPoint Kernel %{{[0-9]+}} "_ZN4demoL8internalEN4dpex4itemILi1EEEPf"
// SPV-DAG: OpEntryPoint Kernel %{{[0-9]+}} "_ZN4demo12_GLOBAL__N_16hiddenEN4dpex4itemILi1EEEPf"
// SPV-DAG: OpEntryPoint Kernel %{{[0-9]+}} "_ZN4demo7Kernels6memberEN4dpex4itemILi1EEEPf"
// SPV-NOT: OpEntryPoint

// HDR-NOT: {{^}}namespace {{.*}}anonymous
// HDR: namespace demo {
// HDR-NEXT: // demo::inlined
// HDR-NEXT: extern const dpex::kernel<void(dpex::item<1>, float *)> inlined;
// HDR-NEXT: // demo::internal
// HDR-NEXT: extern const dpex::kernel<void(dpex::item<1>, float *)> internal;
// HDR-NEXT: // demo::(anonymous namespace)::hidden
// HDR-NEXT: extern const dpex::kernel<void(dpex::item<1>, float *)> hidden;
// HDR-NEXT: // demo::Kernels::member
// HDR-NEXT: extern const dpex::kernel<void(dpex::item<1>, float *)> member;
// HDR-NEXT: } // namespace demo
