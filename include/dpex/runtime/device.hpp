// Devices: what the loaded backends offer, and the default choice.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace dpex {

namespace rt {
class Device;
}

enum class backend { opencl, cuda };
enum class device_type { cpu, gpu, accelerator, other };

const char *to_string(backend b) noexcept;
const char *to_string(device_type t) noexcept;

class device {
public:
  const std::string &name() const;
  // The driver's platform name, e.g. "Intel(R) OpenCL" or "NVIDIA CUDA".
  const std::string &platform() const;
  dpex::backend backend() const;
  device_type type() const;
  // Largest work-group (product of the local range) the device accepts.
  std::size_t max_work_group_size() const;

  friend bool operator==(const device &a, const device &b) {
    return a.impl_ == b.impl_;
  }
  friend bool operator!=(const device &a, const device &b) { return !(a == b); }

  explicit device(std::shared_ptr<rt::Device> impl) : impl_(std::move(impl)) {}
  const std::shared_ptr<rt::Device> &impl() const { return impl_; }

private:
  std::shared_ptr<rt::Device> impl_;
};

// Every device of every loaded backend: CUDA devices first, then OpenCL
// devices in platform order. Enumerated once per process.
std::vector<device> devices();

// The device `queue()` uses: DPEX_DEVICE if set (read at each call), else a
// CUDA GPU, else an OpenCL GPU that loads our images, else an OpenCL CPU;
// among OpenCL devices, one that takes SPIR-V comes first.
// Throws error(errc::device_not_found) if there is none or DPEX_DEVICE is
// malformed or names a missing device.
device default_device();

} // namespace dpex
