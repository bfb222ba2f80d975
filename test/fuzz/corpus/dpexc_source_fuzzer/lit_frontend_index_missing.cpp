// A kernel without an index parameter: with other parameters the caret is
// on the first one, with none it is on the kernel's name.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

// CHECK: {{.*}}index_missing.cpp:[[@LINE+3]]:33: error: kernel 'noIndex' must take dpex::item<N> or dpex::nd_item<N> as its first parameter
// CHECK-NEXT: {{^}}DPEX_KERNEL void noIndex(float *x) { x[0] = 1.0f; }{{$}}
// CHECK-NEXT: {{^}}                                ^{{$}}
DPEX_KERNEL void noIndex(float *x) { x[0] = 1.0f; }

// CHECK-NEXT: {{.*}}index_missing.cpp:[[@LINE+3]]:18: error: kernel 'noParams' must take dpex::item<N> or dpex::nd_item<N> as its first parameter
// CHECK-NEXT: {{^}}DPEX_KERNEL void noParams() {}{{$}}
// CHECK-NEXT: {{^}}                 ^{{$}}
DPEX_KERNEL void noParams() {}
// CHECK-NEXT: 2 errors generated.
