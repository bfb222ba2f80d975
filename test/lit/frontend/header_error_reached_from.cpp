// An error inside a header (here std::sort's recursive introsort in the
// standard library) is followed by the calls through which the kernel
// reaches it, the last at the call in the kernel source.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

#include <algorithm>

DPEX_KERNEL void k(dpex::item<1> it, int *x) {
  int v[8];
  for (int k = 0; k < 8; ++k)
    v[k] = x[k];
  // CHECK: error: recursion is not allowed in device code: 'std::__introsort_loop<int *, long, __gnu_cxx::__ops::_Iter_less_iter>' calls itself (reached from kernel 'k')
  // CHECK: note: called from 'std::sort<int *>' here
  // CHECK: {{.*}}header_error_reached_from.cpp:[[@LINE+3]]:3: note: called from kernel 'k' here
  // CHECK-NEXT: {{^}}  std::sort(v, v + 8);{{$}}
  // CHECK-NEXT: {{^}}  ^{{$}}
  std::sort(v, v + 8);
  x[it.get_id(0)] = v[0];
}
// CHECK-NEXT: 1 error generated.
