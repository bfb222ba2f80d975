// Hand-written stubs record each image's digest as dpexc does, so that the
// runtime's integrity check lets them through to the backend under test.
#pragma once

#include <dpex/detail/image_digest.hpp>
#include <dpex/detail/kernel_desc.hpp>

#include <cstddef>
#include <cstdint>

namespace dpex_test {

// `cudaArch`: a ptx image's arch as dpexc records it (sm_80 is 80).
inline dpex::detail::device_image intactImage(dpex::detail::image_format format,
                                              const void *data,
                                              std::size_t size,
                                              std::uint32_t cudaArch = 0) {
  auto *bytes = static_cast<const unsigned char *>(data);
  return {format, bytes, size, dpex::detail::image_digest(bytes, size),
          cudaArch};
}

} // namespace dpex_test
