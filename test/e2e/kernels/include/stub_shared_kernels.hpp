// A kernel template that both sources of e2e_stub_kernels instantiate.
#pragma once

#include <dpex/kernel.hpp>

namespace shared {

template <typename T> DPEX_KERNEL void twice(dpex::item<1> it, T *x) {
  x[it.get_id(0)] *= T(2);
}

} // namespace shared
