// A static local in local memory is one variable per work-group; nothing
// initialises it, so an initializer is an error. Without one (or with
// loader_uninitialized) it is accepted.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
// RUN: dpexc %s -DNO_INITIALIZER -o %t.ok --emit=spirv
// RUN: spirv-val %t.ok.spv
#include <dpex/kernel.hpp>

DPEX_KERNEL void k(dpex::nd_item<1> it, int *x) {
  static DPEX_LOCAL_AS int tile[64];
  static DPEX_LOCAL_AS float scale __attribute__((loader_uninitialized));
#ifndef NO_INITIALIZER
  // CHECK: {{.*}}static_work_group_variable.cpp:[[@LINE+3]]:28: error: work-group variable 'count' cannot have an initializer; work-items must write it before a group_barrier
  // CHECK-NEXT: {{^}}  static DPEX_LOCAL_AS int count = 0;{{$}}
  // CHECK-NEXT: {{^}}                           ^{{$}}
  static DPEX_LOCAL_AS int count = 0;
#else
  static DPEX_LOCAL_AS int count;
#endif
  size_t l = it.get_local_id(0);
  if (l == 0) {
    count = 1;
    scale = 2.0f;
  }
  tile[l] = x[it.get_global_id(0)];
  dpex::group_barrier(it.get_group());
  x[it.get_global_id(0)] = tile[63 - l] * int(scale) + count;
}
// CHECK-NEXT: 1 error generated.
