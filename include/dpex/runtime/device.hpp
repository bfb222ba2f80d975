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
  // Bytes of local memory one work-group can use (local accessors and the
  // kernel's own together); 0 where the driver does not say.
  std::size_t local_mem_size() const;
  // Compute units (CUDA: multiprocessors); 0 where the driver does not say.
  std::size_t compute_units() const;
  // The sub-group sizes its kernels can run with: OpenCL's
  // CL_DEVICE_SUB_GROUP_SIZES_INTEL where the driver has it, CUDA's warp
  // size; empty where the driver does not say.
  std::vector<std::size_t> sub_group_sizes() const;
  // The driver's version: CL_DRIVER_VERSION, or CUDA's ("12.4"); "" where
  // the driver does not say.
  std::string driver_version() const;

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

// The device `queue()` uses: DPEX_DEVICE if set (read at each call), else
// ONEAPI_DEVICE_SELECTOR in the forms that map to dpex's devices, else a
// CUDA GPU, else an OpenCL GPU that loads our images, else an OpenCL CPU;
// among OpenCL devices, one that takes SPIR-V comes first.
// Throws error(errc::device_not_found) if there is none or the variable is
// malformed or names a missing device.
device default_device();

} // namespace dpex
