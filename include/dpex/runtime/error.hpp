// dpex::error, the one exception type the runtime throws, and its codes.
#pragma once

#include <stdexcept>
#include <string>

namespace dpex {

enum class errc {
  invalid_range,     // local range does not divide the global one or exceeds
                     // the device limits
  queue_inference,   // the launch queue cannot be inferred from the arguments
  invalid_argument,  // an argument does not fit its kernel parameter
  device_not_found,  // no device matches DPEX_DEVICE or the request
  unsupported_image, // the module has no image the device can load
  build_failed,      // the backend rejected the device image
  launch_failed,     // the backend rejected or failed the launch
  out_of_memory,     // device allocation failed
  backend_error,     // any other backend failure
};

// Spelling of `code` as written in C++, e.g. "invalid_range".
const char *to_string(errc code) noexcept;

class error : public std::runtime_error {
public:
  error(errc code, const std::string &message)
      : std::runtime_error(message), code_(code) {}

  errc code() const noexcept { return code_; }

private:
  errc code_;
};

} // namespace dpex
