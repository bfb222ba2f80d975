// The content digest dpexc records for every device image it embeds in a
// stub, and the runtime checks before an image reaches a driver. Drivers
// trust their input: a corrupted image can crash one inside its bitcode or
// PTX reader, where no error can be reported. The digest is 64-bit FNV-1a,
// which detects accidental corruption (any one changed byte, truncation), not
// deliberate tampering.
#pragma once

#include <cstddef>
#include <cstdint>

namespace dpex::detail {

constexpr std::uint64_t image_digest(const unsigned char *data,
                                     std::size_t size) noexcept {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (std::size_t i = 0; i < size; ++i) {
    hash ^= data[i];
    hash *= 0x100000001b3ull;
  }
  return hash;
}

} // namespace dpex::detail
