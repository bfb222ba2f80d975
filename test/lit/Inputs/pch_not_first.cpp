// <dpex/kernel.hpp> after another header (driver/kernel_header_pch.test).
#include <cstddef>
#include <dpex/kernel.hpp>

DPEX_KERNEL void k(dpex::item<1> it, float *x) { x[it.get_id(0)] *= 2.0f; }
