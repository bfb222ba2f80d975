// Shared by the kernel source and the host: a struct passed by value.
#pragma once

namespace e2e {
struct Affine {
  float scale;
  float offset;
  int clamp_negative;
};
} // namespace e2e
