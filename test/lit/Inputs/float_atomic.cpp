// A floating-point atomic max: a compare-exchange loop in a method template
// of dpex::atomic_ref.
#include <dpex/kernel.hpp>

DPEX_KERNEL void accumulate(dpex::item<1> it, const float *in, float *sum) {
  dpex::atomic_ref<float>(*sum).fetch_max(in[it.get_id(0)]);
}
