// The device library poly: add_dpex_device_library(poly ...), linked with
// DEVICE_LIBS poly.
#include <dpex/kernel.hpp>

#include "poly.hpp"
#include "poly_impl.hpp"

DPEX_DEVICE_FUNC int poly(int x) { return poly_impl(x); }
