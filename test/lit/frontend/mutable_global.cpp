// Reading and writing a mutable global are both reported, at the use. A
// const global and a constexpr table are fine.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

int calls;
const float scale = 2.0f;
constexpr int table[] = {1, 2, 3, 4};

DPEX_DEVICE_FUNC void count() {
  // CHECK: {{.*}}mutable_global.cpp:[[@LINE+3]]:3: error: use of mutable global variable 'calls' is not allowed in device code
  // CHECK-NEXT: {{^}}  calls = calls + 1;{{$}}
  // CHECK-NEXT: {{^}}  ^{{$}}
  calls = calls + 1;
  // CHECK-NEXT: {{.*}}mutable_global.cpp:[[@LINE+6]]:3: note: called from kernel 'k' here
  // CHECK: {{.*}}mutable_global.cpp:[[@LINE-2]]:11: error: use of mutable global variable 'calls' is not allowed in device code
  // CHECK: {{.*}}mutable_global.cpp:[[@LINE+4]]:3: note: called from kernel 'k' here
}

DPEX_KERNEL void k(dpex::item<1> it, float *x) {
  count();
  x[it.get_id(0)] = scale * table[it.get_id(0) % 4];
}
// CHECK: 2 errors generated.
