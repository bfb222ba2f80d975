#include <dpex/kernel.hpp>

// Pointers whose pointee is no basic type. void* as C code has it: a byte
// copy through void* parameters, a local void*, a struct member, a const
// void* cast back. A pointer to a pointer, and the reference to an array
// that a range-for over it makes.
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

__attribute__((noinline)) float first(float **p) { return **p; }

DPEX_KERNEL void pointer_kinds_k(dpex::item<1> it, const float *x,
                                 float *y) {
  float v;
  copy_bytes(&v, x + it.get_id(0), sizeof v);
  erased e{&v, sizeof v};
  const void *p = e.data;
  float *pv = &v;
  float sum = first(&pv);
  float w[4] = {1, 2, 3, v};
  for (float f : w)
    sum += f;
  y[it.get_id(0)] = *static_cast<const float *>(p) * e.size + sum;
}
