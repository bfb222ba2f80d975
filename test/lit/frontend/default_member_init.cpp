// A default member initialiser runs in the constructor that uses it, so it
// is device code: its call to a function without a definition is reported
// there.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

float scale(float v);

struct Config {
  // CHECK: {{.*}}default_member_init.cpp:[[@LINE+3]]:13: error: call to 'scale', which has no definition visible to device code
  // CHECK-NEXT: {{^}}  float s = scale(2.0f);{{$}}
  // CHECK-NEXT: {{^}}            ^{{$}}
  float s = scale(2.0f);
};

DPEX_KERNEL void k(dpex::item<1> it, float *x) {
  Config c;
  x[it.get_id(0)] = c.s;
}
// CHECK: 1 error generated.
