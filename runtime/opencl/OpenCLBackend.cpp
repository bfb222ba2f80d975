// The OpenCL backend: every usable device of every OpenCL platform.
#include "OpenCLDevice.h"
#include "OpenCLError.h"
#include "OpenCLInfo.h"
#include "OpenCLLoader.h"

#include "core/Backend.h"
#include "core/Trace.h"

#include <vector>

namespace dpex::rt {

namespace {

class OpenCLBackend final : public Backend {
public:
  OpenCLBackend() {
    const opencl::OpenCLApi *api = opencl::loadOpenCL(unavailable_);
    if (!api)
      return;
    enumerate(*api);
    if (devices_.empty() && unavailable_.empty())
      unavailable_ = "no OpenCL device with coarse-grained SVM";
  }

  backend kind() const override { return backend::opencl; }
  const std::vector<std::shared_ptr<Device>> &devices() const override {
    return devices_;
  }
  const std::string &unavailableReason() const override { return unavailable_; }

private:
  void enumerate(const opencl::OpenCLApi &api) {
    cl_uint numPlatforms = 0;
    cl_int err = api.clGetPlatformIDs(0, nullptr, &numPlatforms);
    if (err != CL_SUCCESS || numPlatforms == 0) {
      unavailable_ = err != CL_SUCCESS
                         ? "clGetPlatformIDs: " + opencl::errorName(err)
                         : "no OpenCL platform installed";
      return;
    }
    std::vector<cl_platform_id> platforms(numPlatforms);
    api.clGetPlatformIDs(numPlatforms, platforms.data(), nullptr);
    for (cl_platform_id platform : platforms) {
      auto platformInfo = [&](cl_platform_info what) {
        return opencl::readInfoString([&](std::size_t size, void *value,
                                          std::size_t *sizeRet) {
          return api.clGetPlatformInfo(platform, what, size, value, sizeRet);
        });
      };
      std::string platformName = platformInfo(CL_PLATFORM_NAME);
      std::string platformVendor = platformInfo(CL_PLATFORM_VENDOR);
      cl_uint numDevices = 0;
      if (api.clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, nullptr,
                             &numDevices) != CL_SUCCESS)
        continue;
      std::vector<cl_device_id> ids(numDevices);
      api.clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, numDevices, ids.data(),
                         nullptr);
      for (cl_device_id id : ids) {
        std::string why;
        if (auto device = opencl::OpenCLDevice::create(api, id, platformName,
                                                       platformVendor, why))
          devices_.push_back(std::move(device));
        else
          trace("skipping OpenCL device: %s", why.c_str());
      }
    }
  }

  std::vector<std::shared_ptr<Device>> devices_;
  std::string unavailable_;
};

} // namespace

std::unique_ptr<Backend> createOpenCLBackend() {
  return std::make_unique<OpenCLBackend>();
}

} // namespace dpex::rt
