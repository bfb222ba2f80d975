#include <dpex/kernel.hpp>

DPEX_KERNEL int bad(dpex::item<1> it, int *x) { return x[it.get_id(0)]; }
