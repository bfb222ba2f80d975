#include <dpex/kernel.hpp>

// void* as C code has it: a byte copy through void* parameters, a local
// void*, a struct member, a const void* cast back.
struct erased {
  void *data;
  int size;
};

__attribute__((noinline)) void copy_bytes(void *to, const void *from,
                                          int n) {
  auto *d = static_cast<unsigned char *>(to);
  auto *s = static_cast<const unsigned char *>(from);
  for (int i = 0; i < n; ++i)
    d[i] = s[i];
}

DPEX_KERNEL void void_pointer_k(dpex::item<1> it, const float *x, float *y) {
  float v;
  copy_bytes(&v, x + it.get_id(0), sizeof v);
  erased e{&v, sizeof v};
  const void *p = e.data;
  y[it.get_id(0)] = *static_cast<const float *>(p) * e.size;
}
