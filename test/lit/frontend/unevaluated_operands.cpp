// Unevaluated operands never run on the device: what they name (a function
// pointer call, a function with no definition) is not judged as
// device code. The kernel compiles and the SPIR-V validates.
// RUN: rm -rf %t && mkdir -p %t
// RUN: dpexc %s --std=c++20 -o %t/ok --emit=spirv 2> %t/stderr
// RUN: count 0 < %t/stderr
// RUN: spirv-val %t/ok.spv
#include <dpex/kernel.hpp>

namespace {
int undefined(int v);
using Fn = int (*)(int);
Fn fnptr();

template <typename T> T twice(T v) noexcept(noexcept(fnptr()(v))) {
  return v + v;
}
template <typename T>
concept Callable = requires(T t) { fnptr()(t); undefined(t); };
} // namespace

DPEX_KERNEL void k(dpex::item<1> it, int *x) {
  size_t i = it.get_id(0);
  static_assert(sizeof(undefined(1)) == sizeof(int));
  decltype(undefined(0)) a = twice(x[i]);
  __typeof__(fnptr()(a)) b = sizeof(fnptr()(a)) + alignof(decltype(undefined(a)));
  bool c = noexcept(undefined(a)) || Callable<int>;
  x[i] = a + b + c;
}
