// setjmp/longjmp in a kernel: a device has no machine context to save.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

#include <csetjmp>

DPEX_KERNEL void k(dpex::item<1> it, int *out) {
  std::jmp_buf b;
  // glibc's setjmp is a macro for _setjmp.
  // CHECK: {{.*}}setjmp.cpp:[[@LINE+3]]:7: error: non-local jump '_setjmp' (setjmp/longjmp) is not supported in device code
  // CHECK-NEXT: {{^}}  if (setjmp(b)) {{{$}}
  // CHECK-NEXT: {{^}}      ^{{$}}
  if (setjmp(b)) {
    out[0] = 2;
    return;
  }
  out[0] = 1;
  // CHECK: {{.*}}setjmp.cpp:[[@LINE+3]]:3: error: non-local jump 'longjmp' (setjmp/longjmp) is not supported in device code
  // CHECK-NEXT: {{^}}  std::longjmp(b, 1);{{$}}
  // CHECK-NEXT: {{^}}  ^{{$}}
  std::longjmp(b, 1);
}
// CHECK-NOT: error:
// CHECK: 2 errors generated.
