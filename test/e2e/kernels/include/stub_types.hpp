// Types of the stub kernels' signatures: the generated stubs include this
// header for the host program, which need not.
#pragma once

namespace shared {

// Unscoped, without a fixed underlying type: the host's is the kernel's.
enum channel { red, green = 5, blue };

struct pt {
  float x, y;
};

} // namespace shared
