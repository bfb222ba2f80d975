// A kernel must not be a non-static member function: the host has no object
// to call it on. A static member function is a kernel like any other.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

struct Kernels {
  // CHECK: {{.*}}member_kernel.cpp:[[@LINE+3]]:20: error: kernel 'Kernels::run' is a non-static member function; make it static or move it to namespace scope
  // CHECK-NEXT: {{^}}  DPEX_KERNEL void run(dpex::item<1> it, float *x) { x[it.get_id(0)] = 1; }{{$}}
  // CHECK-NEXT: {{^}}                   ^{{$}}
  DPEX_KERNEL void run(dpex::item<1> it, float *x) { x[it.get_id(0)] = 1; }
  static DPEX_KERNEL void fine(dpex::item<1> it, float *x) { x[it.get_id(0)] = 2; }
};
// CHECK-NEXT: 1 error generated.
