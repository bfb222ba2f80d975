// The interface of the device library poly (poly.cpp): declarations only,
// as a kernel source that links it sees them.
#pragma once

#include <dpex/kernel.hpp>

DPEX_DEVICE_FUNC int poly(int x);
