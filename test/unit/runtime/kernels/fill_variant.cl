// The runtime's program cache tests: a module named as test_kernels.cl's,
// with an entry named as its `fill`, whose image differs. A cache keyed on
// anything but the image would hand one module the other's binary.

// fill(item<1>, int value, int* out): out = 3 * value + 1
kernel void fill(int value, global int *out) {
  out[get_global_id(0)] = 3 * value + 1;
}
