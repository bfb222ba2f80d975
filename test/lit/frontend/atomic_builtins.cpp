// The GCC and C11 atomic built-ins in a kernel: each is named, as written,
// and dpex::atomic_ref suggested.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

DPEX_KERNEL void k(dpex::item<1> it, int *out) {
  // CHECK: {{.*}}atomic_builtins.cpp:[[@LINE+3]]:3: error: '__atomic_fetch_add' is not supported in device code; use dpex::atomic_ref<T> for atomic operations
  // CHECK-NEXT: {{^}}  __atomic_fetch_add(out, 1, __ATOMIC_RELAXED);{{$}}
  // CHECK-NEXT: {{^}}  ^{{$}}
  __atomic_fetch_add(out, 1, __ATOMIC_RELAXED);
  // CHECK: {{.*}}atomic_builtins.cpp:[[@LINE+3]]:3: error: '__sync_fetch_and_add' is not supported in device code; use dpex::atomic_ref<T> for atomic operations
  // CHECK-NEXT: {{^}}  __sync_fetch_and_add(out + 1, 1);{{$}}
  // CHECK-NEXT: {{^}}  ^{{$}}
  __sync_fetch_and_add(out + 1, 1);
  // CHECK: {{.*}}atomic_builtins.cpp:[[@LINE+3]]:3: error: '__atomic_thread_fence' is not supported in device code; use dpex::atomic_ref<T> for atomic operations
  // CHECK-NEXT: {{^}}  __atomic_thread_fence(__ATOMIC_SEQ_CST);{{$}}
  // CHECK-NEXT: {{^}}  ^{{$}}
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
}
// CHECK-NOT: error:
// CHECK: 3 errors generated.
