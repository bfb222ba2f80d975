// The CUDA backend: every device the CUDA driver reports.
#include "CudaDevice.h"
#include "CudaError.h"
#include "CudaLoader.h"

#include "core/Backend.h"
#include "core/Trace.h"

#include <vector>

namespace dpex::rt {

namespace {

class CudaBackend final : public Backend {
public:
  CudaBackend() {
    const cuda::CudaApi *api = cuda::loadCuda(unavailable_);
    if (!api)
      return;
    enumerate(*api);
  }

  backend kind() const override { return backend::cuda; }
  const std::vector<std::shared_ptr<Device>> &devices() const override {
    return devices_;
  }
  const std::string &unavailableReason() const override { return unavailable_; }

private:
  void enumerate(const cuda::CudaApi &api) {
    cuda::CUresult result = api.cuInit(0);
    if (result != cuda::CUDA_SUCCESS) {
      unavailable_ = "cuInit: " + cuda::errorText(api, result);
      return;
    }
    int count = 0;
    result = api.cuDeviceGetCount(&count);
    if (result != cuda::CUDA_SUCCESS) {
      unavailable_ = "cuDeviceGetCount: " + cuda::errorText(api, result);
      return;
    }
    for (int ordinal = 0; ordinal < count; ++ordinal) {
      Expected<std::shared_ptr<cuda::CudaDevice>> device =
          cuda::CudaDevice::create(api, ordinal);
      if (device)
        devices_.push_back(device.take());
      else
        trace("skipping CUDA device %d: %s", ordinal,
              device.status().message().c_str());
    }
    if (devices_.empty())
      unavailable_ = count == 0 ? "the CUDA driver reports no device"
                                : "no usable CUDA device";
  }

  std::vector<std::shared_ptr<Device>> devices_;
  std::string unavailable_;
};

} // namespace

std::unique_ptr<Backend> createCudaBackend() {
  return std::make_unique<CudaBackend>();
}

} // namespace dpex::rt
