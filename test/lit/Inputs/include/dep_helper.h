// Included through -I by the driver tests; it shows up in depfiles.
#pragma once

#define DEP_FACTOR 3

struct DepPair {
  float a, b;
};
