// A device library: exported device functions, no kernels.
#include <dpex/kernel.hpp>

namespace lib {
DPEX_DEVICE_FUNC float cube(float v) { return v * v * v; }
} // namespace lib
