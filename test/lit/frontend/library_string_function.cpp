// std::string and std::function in kernels: each declaration or call that
// reaches a problem inside the standard library is one error, the last note
// at that line of the kernel source.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

#include <functional>
#include <string>

// The constructor checks for a null pointer and throws std::logic_error;
// the destructor deallocates.
DPEX_KERNEL void str(dpex::item<1> it, int *x) {
  // CHECK: {{.*}}/basic_string.h:{{[0-9]+}}:{{[0-9]+}}: error: exceptions are not supported in device code: 'std::__throw_logic_error' throws
  // CHECK: {{.*}}library_string_function.cpp:[[@LINE+3]]:15: note: called from kernel 'str' here
  // CHECK-NEXT: {{^}}  std::string s("hello");{{$}}
  // CHECK-NEXT: {{^}}              ^{{$}}
  std::string s("hello");
  x[it.get_id(0)] = s.size();
}

// Destroying a std::function calls its manager through a pointer; calling
// it throws std::bad_function_call when empty.
DPEX_KERNEL void fn(dpex::item<1> it, int *x) {
  // CHECK-NEXT: In file included from {{.*}}library_string_function.cpp:8:
  // CHECK: {{.*}}/std_function.h:{{[0-9]+}}:{{[0-9]+}}: error: indirect call through function pointer '_M_manager' is not allowed in device code
  // CHECK: {{.*}}library_string_function.cpp:[[@LINE+3]]:27: note: called from kernel 'fn' here
  // CHECK-NEXT: {{^}}  std::function<int(int)> f = [](int a) { return a + 1; };{{$}}
  // CHECK-NEXT: {{^}}                          ^{{$}}
  std::function<int(int)> f = [](int a) { return a + 1; };
  // CHECK: {{.*}}/std_function.h:{{[0-9]+}}:{{[0-9]+}}: error: exceptions are not supported in device code: 'std::__throw_bad_function_call' throws
  // CHECK: {{.*}}library_string_function.cpp:[[@LINE+3]]:21: note: called from kernel 'fn' here
  // CHECK-NEXT: {{^}}  x[it.get_id(0)] = f(1);{{$}}
  // CHECK-NEXT: {{^}}                    ^{{$}}
  x[it.get_id(0)] = f(1);
}
// CHECK-NEXT: 3 errors generated.
