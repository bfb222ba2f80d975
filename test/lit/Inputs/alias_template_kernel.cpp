#include <dpex/kernel.hpp>

#include <type_traits>

// Returns an alias of an alias (sel_t -> std::conditional_t -> ::type).
template <typename T>
using sel_t = std::conditional_t<std::is_floating_point_v<T>, float, int>;

template <typename T, typename = std::enable_if_t<std::is_arithmetic_v<T>>>
__attribute__((noinline)) sel_t<T> twice(T a) {
  return sel_t<T>(a) * 2;
}

DPEX_KERNEL void alias_k(dpex::item<1> it, float *o) {
  o[it.get_id(0)] = twice(o[0]);
}
