// Kernels of ordinary C++ whose optimised IR SPIRV-LLVM-Translator 15 cannot
// take as it stands: each passes through the device pipeline's legalisation
// (docs/architecture.md) and must compute what the host computes from the
// same functions (ordinary_cxx.hpp). Add further such kernels here.
#include <dpex/kernel.hpp>

#include "ordinary_cxx.hpp"

namespace e2e {

DPEX_KERNEL void div_rem(dpex::item<1> it, const int *in, int *out) {
  size_t i = it.get_id(0);
  out[i] = ordinary::divRem(in[i]);
}

DPEX_KERNEL void grid_cells(dpex::item<2> it, float *out, const float *in,
                            int w, int h) {
  ordinary::gridCell((int)it.get_linear_id(), w, h, in, out);
}

DPEX_KERNEL void low_bits_switch(dpex::item<1> it, const int *in, int *out) {
  size_t i = it.get_id(0);
  out[i] = ordinary::lowBits(in[i]) + ordinary::lowSevenBits(in[i]);
}

DPEX_KERNEL void switch_tables(dpex::item<1> it, const int *in, int *out) {
  size_t i = it.get_id(0);
  out[i] = ordinary::switchTables(in[i]);
}

DPEX_KERNEL void bitfield_enum_switch(dpex::item<1> it,
                                      const unsigned char *code, const int *in,
                                      int *out) {
  size_t i = it.get_id(0);
  out[i] = ordinary::execute(ordinary::decode(&code[i]), in[i], (int)i);
}

DPEX_KERNEL void or_chains(dpex::item<1> it, const int *in, int *out) {
  size_t i = it.get_id(0);
  out[i] = ordinary::orChainSelect(in[i]) * 10 + ordinary::orChainBool(in[i]);
}

DPEX_KERNEL void local_array_in_loop(dpex::item<1> it, const int *in,
                                     int *out) {
  size_t i = it.get_id(0);
  out[i] = ordinary::localArrayLoop(in[i]);
}

DPEX_KERNEL void rotate_bytes(dpex::item<1> it, const unsigned char *in,
                              unsigned char *out) {
  size_t i = it.get_id(0);
  ordinary::rotate(&in[3 * i], &out[3 * i]);
}

} // namespace e2e
