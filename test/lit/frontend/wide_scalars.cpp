// __float128 and _BitInt of a width the devices lack: each declaration is
// an error naming its type (they crashed SPIR-V emission or stopped the
// translator). _BitInt(32) is a plain 32-bit integer and compiles.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

DPEX_KERNEL void k(dpex::item<1> it, long *o) {
  size_t i = it.get_id(0);
  // CHECK: {{.*}}wide_scalars.cpp:[[@LINE+3]]:14: error: 'q' has type '__float128': 128-bit floating-point types are not supported in device code
  // CHECK-NEXT: {{^}}  __float128 q = o[i];{{$}}
  // CHECK-NEXT: {{^}}             ^{{$}}
  __float128 q = o[i];
  // CHECK-NEXT: {{.*}}wide_scalars.cpp:[[@LINE+3]]:15: error: 'b' has type '_BitInt(37)': integers of 37 bits are not supported in device code
  // CHECK-NEXT: {{^}}  _BitInt(37) b = o[i];{{$}}
  // CHECK-NEXT: {{^}}              ^{{$}}
  _BitInt(37) b = o[i];
  _BitInt(32) c = o[i];
  o[i] = (long)(q * 2) + (long)(b * 3) + (long)c;
}
// CHECK-NEXT: 2 errors generated.
