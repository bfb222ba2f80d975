// A call to a function with no definition: the error names the callee and
// points at the call; a note points at the declaration.
// RUN: not dpexc %s -o %t 2> %t.err
// RUN: FileCheck --strict-whitespace %s < %t.err
// RUN: FileCheck --strict-whitespace --check-prefix=NOTE %s < %t.err
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

namespace ext {
// NOTE: {{.*}}undefined_callee.cpp:[[@LINE+3]]:7: note: 'ext::transform' declared here; define it in the kernel source, an included header, or a --device-lib
// NOTE-NEXT: {{^}}float transform(float v);{{$}}
// NOTE-NEXT: {{^}}      ^{{$}}
float transform(float v);
// NOTE-NEXT: 1 error generated.
} // namespace ext

DPEX_KERNEL void k(dpex::item<1> it, float *x) {
  size_t i = it.get_id(0);
  // CHECK: {{.*}}undefined_callee.cpp:[[@LINE+3]]:10: error: call to 'ext::transform', which has no definition visible to device code
  // CHECK-NEXT: {{^}}  x[i] = ext::transform(x[i]);{{$}}
  // CHECK-NEXT: {{^}}         ^{{$}}
  x[i] = ext::transform(x[i]);
  // CHECK-NEXT: note: 'ext::transform' declared here
}
// CHECK-NOT: error:
