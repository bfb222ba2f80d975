// A device library using the kernel language: math and atomics.
#include <dpex/kernel.hpp>

namespace mlib {
DPEX_DEVICE_FUNC float norm2(float x, float y) { return dpex::sqrt(x * x + y * y); }
DPEX_DEVICE_FUNC void count(int *c) { dpex::atomic_ref<int>(*c).fetch_add(1); }
} // namespace mlib
