// An annotate attribute (DPEX_DEVICE_FUNC is one) on a parameter or local
// variable, found by dpexc_source_fuzzer, and __builtin___clear_cache, found
// while reducing it, made Clang 15 emit invalid IR, which ended as an
// internal compiler error. They are now kernel-language errors.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
// CHECK-NOT: internal compiler error
#include <dpex/kernel.hpp>

// CHECK: {{.*}}annotate_local.cpp:[[@LINE+1]]:66: error: annotate attribute on parameter 'in' is not supported in device code
DPEX_KERNEL void k(dpex::item<1> it, DPEX_DEVICE_FUNC const int *in, int *out) {
  // CHECK: {{.*}}annotate_local.cpp:[[@LINE+1]]:41: error: annotate attribute on local variable 'v' is not supported in device code
  __attribute__((annotate("note"))) int v = in[it.get_id(0)];
  // CHECK: {{.*}}annotate_local.cpp:[[@LINE+1]]:3: error: '__builtin___clear_cache' is not supported in device code
  __builtin___clear_cache((char *)out, (char *)(out + 1));
  out[it.get_id(0)] = v;
}
// CHECK: 3 errors generated.
