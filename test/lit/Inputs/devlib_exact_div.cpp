// A device library compiled without -ffast-math: its division is exact.
#include <dpex/kernel.hpp>

namespace xlib {
DPEX_DEVICE_FUNC float ratio(float x, float y) { return x / y; }
} // namespace xlib
