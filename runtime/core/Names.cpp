// Spellings of the public enums, used in messages and traces.
#include <dpex/runtime/device.hpp>
#include <dpex/runtime/error.hpp>

namespace dpex {

const char *to_string(errc code) noexcept {
  switch (code) {
  case errc::invalid_range:
    return "invalid_range";
  case errc::queue_inference:
    return "queue_inference";
  case errc::invalid_argument:
    return "invalid_argument";
  case errc::device_not_found:
    return "device_not_found";
  case errc::unsupported_image:
    return "unsupported_image";
  case errc::build_failed:
    return "build_failed";
  case errc::launch_failed:
    return "launch_failed";
  case errc::out_of_memory:
    return "out_of_memory";
  case errc::backend_error:
    return "backend_error";
  }
  return "unknown";
}

const char *to_string(backend b) noexcept {
  switch (b) {
  case backend::opencl:
    return "opencl";
  case backend::cuda:
    return "cuda";
  }
  return "unknown";
}

const char *to_string(device_type t) noexcept {
  switch (t) {
  case device_type::cpu:
    return "cpu";
  case device_type::gpu:
    return "gpu";
  case device_type::accelerator:
    return "accelerator";
  case device_type::other:
    return "other";
  }
  return "unknown";
}

} // namespace dpex
