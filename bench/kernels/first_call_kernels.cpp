// The kernel of the first-call benchmark (bench/first_call.cpp): a module of
// one small kernel, as a user's first program has, so that its time is the
// cost of loading a module and launching once rather than of compiling much.
#include <dpex/kernel.hpp>

namespace first_call {

// y = a * x + y.
DPEX_KERNEL void saxpy(dpex::item<1> it, float a, const float *x, float *y) {
  size_t i = it.get_id(0);
  y[i] = a * x[i] + y[i];
}

} // namespace first_call
