// Loops with a data-dependent trip count, which the loop vectoriser turns
// into vector reductions (llvm.vector.reduce.or, .mul) that
// SPIRV-LLVM-Translator 15 rejects: dpexc expands them and compiles the
// kernels (test/diff/findings/intrinsic_vector_reduce.cpp).
// RUN: rm -rf %t && mkdir -p %t
// RUN: dpexc %s -o %t/v 2>&1 | count 0
// RUN: ls %t/v.spv
// RUN: dpexc %s -o %t/v --emit=llvm
// RUN: FileCheck %s < %t/v.ll
// CHECK: define spir_kernel void @{{.*}}or_loop
// CHECK: or i16
// CHECK: define spir_kernel void @{{.*}}mul_loop
// CHECK: mul i8
// CHECK-NOT: llvm.vector.reduce
#include <dpex/kernel.hpp>

DPEX_KERNEL void or_loop(dpex::item<1> it, const unsigned *in,
                         unsigned short *out) {
  size_t i = it.get_id(0);
  unsigned short v = (unsigned short)in[2 * i];
  for (unsigned j = 0; j < (in[2 * i + 1] & 15u); ++j)
    v = (unsigned short)(v | (unsigned short)j);
  out[i] = v;
}

DPEX_KERNEL void mul_loop(dpex::item<1> it, const unsigned *in,
                          unsigned char *out) {
  size_t i = it.get_id(0);
  unsigned char v = (unsigned char)in[2 * i];
  for (unsigned j = 0; j < (in[2 * i + 1] & 15u); ++j)
    v = (unsigned char)(v * (((j >> (in[2 * i] & 3u)) & 3u) == 1u ? j : 1u));
  out[i] = v;
}
