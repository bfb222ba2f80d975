// Hand-written stubs record each image's digest as dpexc does, so that the
// runtime's integrity check lets them through to the backend under test.
#pragma once

#include <dpex/detail/image_digest.hpp>
#include <dpex/detail/kernel_desc.hpp>

#include <cstddef>

namespace dpex_test {

inline dpex::detail::device_image intactImage(dpex::detail::image_format format,
                                              const void *data,
                                              std::size_t size) {
  auto *bytes = static_cast<const unsigned char *>(data);
  return {format, bytes, size, dpex::detail::image_digest(bytes, size)};
}

} // namespace dpex_test
