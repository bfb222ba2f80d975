// Found while reducing a dpexc_source_fuzzer finding: an intrinsic that
// SPIRV-LLVM-Translator has no SPIR-V for used to make it exit(8) in the
// middle of a compilation, with no dpexc diagnostic and stale outputs left
// behind. It is now an ordinary error (status 1, no outputs) naming the
// intrinsic.
// RUN: rm -rf %t && mkdir -p %t
// RUN: echo '#include <dpex/kernel.hpp>' > %t/good.cpp
// RUN: echo 'DPEX_KERNEL void k(dpex::item<1> it, int *x) { x[it.get_id(0)] = 1; }' >> %t/good.cpp
// RUN: dpexc %t/good.cpp -o %t/out
// RUN: ls %t/out.spv
// RUN: not dpexc %s -o %t/out 2>&1 | FileCheck %s
// RUN: sh -c 'dpexc %s -o %t/out 2>/dev/null; test $? -eq 1'
// RUN: not ls %t/out.spv
// RUN: not ls %t/out.dpex.cpp
// CHECK: error: SPIR-V translation failed: kernel code uses the LLVM intrinsic 'llvm.prefetch.{{.*}}', which has no SPIR-V equivalent
#include <dpex/kernel.hpp>

DPEX_KERNEL void prefetching(dpex::item<1> it, const int *in, int *out) {
  __builtin_prefetch(in + it.get_id(0) + 64);
  out[it.get_id(0)] = in[it.get_id(0)];
}
