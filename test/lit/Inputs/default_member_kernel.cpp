#include <dpex/kernel.hpp>

#include "default_members.h"

// The initialisers' code comes from the header: a lexical block of another
// file (DILexicalBlockFile) in the kernel's scope.
DPEX_KERNEL void default_member_k(dpex::item<1> it, const int *a, float *o) {
  size_t i = it.get_id(0);
  scaled s{};
  o[i] = a[i] * s.scale + s.bias;
}
