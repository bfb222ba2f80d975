// Every launch here is well-typed: this file must compile.
#include <dpex/runtime.hpp>

#include <cstddef>
#include <cstdint>

struct params {
  float scale;
  int offset;
};

extern const dpex::kernel<void(dpex::item<1>, float, const float *, float *)>
    saxpy;
extern const dpex::kernel<void(dpex::nd_item<1>, const float *, float *,
                               dpex::local_accessor<float>)>
    tile_sum;
extern const dpex::kernel<void(dpex::item<1>, params, bool, const int *,
                               float *)>
    apply;

extern const dpex::kernel<void(dpex::item<1>, long, double, float *)> widen;
extern const dpex::kernel<void(dpex::item<1>, unsigned, std::size_t,
                               std::int32_t, int, float, double, float *)>
    integers;
extern const dpex::kernel<void(dpex::item<1>, dpex::half, dpex::half *)>
    scale_half;

void use(dpex::array<float> &x, dpex::array<float> &y, dpex::array<int> &i,
         dpex::array<dpex::half> &h) {
  dpex::call_kernel(saxpy, dpex::range<1>(4), 2.0f, x, y);
  dpex::call_kernel(x.get_queue(), saxpy, dpex::range<1>(4), 2.0f, x, y);
  // Conversions that do not narrow: int to long, float to double.
  dpex::call_kernel(widen, dpex::range<1>(4), 2, 2.0f, y);
  // Integers for integer parameters of any type (range-checked at run time),
  // bools for integers, and integers a floating type holds exactly.
  const int n = 8;
  const std::int64_t wide = 3;
  const unsigned count = 4;
  dpex::call_kernel(integers, dpex::range<1>(4), 256, n, wide, count,
                    std::int16_t{5}, count, y);
  dpex::call_kernel_async(y.get_queue(), integers, dpex::range<1>(4), {}, 'a',
                          true, x.size(), -1, std::uint16_t{5}, n, y);
  auto [host, dev] =
      dpex::call_kernel_async(saxpy, dpex::range<1>(4), {}, 2.0f, x, y);
  dpex::call_kernel_async(saxpy, dpex::range<1>(4), {host, dev}, 2.0f, x, y);
  dpex::call_kernel(tile_sum, dpex::nd_range<1>({8}, {4}), x, y,
                    dpex::local_memory<float>(4));
  dpex::call_kernel(apply, dpex::range<1>(4), params{1.0f, 2}, true, i, y);
  dpex::call_kernel(scale_half, dpex::range<1>(4), dpex::half(1.5f), h);
}
