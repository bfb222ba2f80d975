// A 64-bit rotate right by a run-time amount: llvm.fshr.i64.
#include <dpex/kernel.hpp>

#include <cstdint>

DPEX_KERNEL void rotr64(dpex::item<1> it, const unsigned *u,
                        const unsigned long *w, unsigned long *out) {
  std::size_t i = it.get_id(0);
  std::uint64_t m = u[i] & 63;
  out[i] = (w[i] >> m) | (w[i] << ((64 - m) & 63));
}
