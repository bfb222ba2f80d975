// What std::allocator calls: the global operator new and delete, directly
// or as Clang's built-ins. Each is dynamic allocation, said as such (not a
// missing definition, nor a later error about the mangled '_Znwm').
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

#include <new>

DPEX_KERNEL void builtins(dpex::item<1> it, int *x) {
  // CHECK: {{.*}}operator_new_call.cpp:[[@LINE+3]]:31: error: dynamic allocation is not supported in device code: 'operator new' is not allowed
  // CHECK-NEXT: {{^}}  int *p = static_cast<int *>(__builtin_operator_new(sizeof(int)));{{$}}
  // CHECK-NEXT: {{^}}                              ^{{$}}
  int *p = static_cast<int *>(__builtin_operator_new(sizeof(int)));
  *p = x[0];
  x[it.get_id(0)] = *p;
  // CHECK-NEXT: {{.*}}operator_new_call.cpp:[[@LINE+1]]:3: error: dynamic allocation is not supported in device code: 'operator delete' is not allowed
  __builtin_operator_delete(p);
}

DPEX_KERNEL void operators(dpex::item<1> it, int *x) {
  // CHECK: {{.*}}operator_new_call.cpp:[[@LINE+1]]:31: error: dynamic allocation is not supported in device code: 'operator new' is not allowed
  int *p = static_cast<int *>(::operator new(sizeof(int)));
  *p = x[0];
  x[it.get_id(0)] = *p;
  // CHECK: {{.*}}operator_new_call.cpp:[[@LINE+1]]:3: error: dynamic allocation is not supported in device code: 'operator delete' is not allowed
  ::operator delete(p);
}
// CHECK: 4 errors generated.
