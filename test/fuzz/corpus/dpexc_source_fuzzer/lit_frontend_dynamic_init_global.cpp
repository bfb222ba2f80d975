// A const global whose initializer is not a constant expression needs a
// global constructor, which nothing runs on the device; the kernel would
// read zeros.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

float computeScale() { return 3.0f; }
constexpr float twice(float v) { return 2 * v; }

const float Scale = computeScale();
const float Fine = twice(1.5f);

DPEX_KERNEL void k(dpex::item<1> it, float *x) {
  // CHECK: {{.*}}dynamic_init_global.cpp:[[@LINE+3]]:21: error: global variable 'Scale' needs dynamic initialization, which device code cannot run; make its initializer a constant expression
  // CHECK-NEXT: {{^}}  x[it.get_id(0)] = Scale * Fine;{{$}}
  // CHECK-NEXT: {{^}}                    ^{{$}}
  x[it.get_id(0)] = Scale * Fine;
}
// CHECK-NEXT: {{.*}}dynamic_init_global.cpp:11:13: note: 'Scale' declared here
// CHECK-NEXT: {{^}}const float Scale = computeScale();{{$}}
// CHECK-NEXT: {{^}}            ^{{$}}
// CHECK-NEXT: 1 error generated.
