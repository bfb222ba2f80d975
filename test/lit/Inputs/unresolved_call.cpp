#include <dpex/kernel.hpp>
#include <math.h>
// long double functions have no device version.
static double f(double x) { return (double)asinhl(x); }
DPEX_KERNEL void k(dpex::item<1> it, double *o) {
  o[it.get_id(0)] = f(o[0]);
}
