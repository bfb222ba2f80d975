// A size_t argument for an int parameter narrows.
#include <dpex/runtime.hpp>

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

extern const dpex::kernel<void(dpex::item<1>, int, int *)> scaled;

void use(dpex::array<float> &x, dpex::array<float> &y, dpex::array<int> &i) {
  dpex::call_kernel(scaled, dpex::range<1>(4), x.size(), i);
}
