#include "CudaDevice.h"

#include "CudaContextScope.h"
#include "CudaError.h"
#include "CudaModule.h"
#include "CudaQueue.h"

#include "core/CheckedMath.h"

#include <algorithm>
#include <iterator>

namespace dpex::rt::cuda {

Expected<std::shared_ptr<CudaDevice>> CudaDevice::create(const CudaApi &api,
                                                         int ordinal) {
  CUdevice id = 0;
  CUresult result = api.cuDeviceGet(&id, ordinal);
  if (result != CUDA_SUCCESS)
    return cuError(api, "cuDeviceGet", result);
  std::shared_ptr<CudaDevice> device(new CudaDevice(api, id));

  char name[256] = {};
  result = api.cuDeviceGetName(name, sizeof(name) - 1, id);
  if (result != CUDA_SUCCESS)
    return cuError(api, "cuDeviceGetName", result);
  device->name_ = name;

  auto attribute = [&](int what) -> Expected<std::size_t> {
    int value = 0;
    CUresult r = api.cuDeviceGetAttribute(&value, what, id);
    if (r != CUDA_SUCCESS)
      return cuError(api, "cuDeviceGetAttribute", r)
          .withContext("attribute " + std::to_string(what));
    return static_cast<std::size_t>(value);
  };
  const int attributes[] = {
      CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK,
      CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_X,
      CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_X + 1,
      CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_X + 2,
      CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X,
      CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X + 1,
      CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X + 2,
      CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK,
      CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN,
      CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR,
      CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR};
  std::size_t values[std::size(attributes)];
  for (std::size_t i = 0; i < std::size(attributes); ++i) {
    Expected<std::size_t> value = attribute(attributes[i]);
    if (!value)
      return value.status().withContext("device '" + device->name_ + "'");
    values[i] = *value;
  }
  DeviceLimits &limits = device->limits_;
  limits.maxDimensions = 3;
  limits.maxWorkGroupSize = values[0];
  // Whole blocks of 256 threads (chooseLaunchShape's budget) for every
  // item launch large enough to fill them.
  limits.rangeGranule = 256;
  for (int axis = 0; axis < 3; ++axis) {
    limits.maxWorkItemSizes[axis] = values[1 + axis];
    device->grid_.maxBlock[axis] = values[1 + axis];
    device->grid_.maxGrid[axis] = values[4 + axis];
  }
  device->sharedPerBlock_ = values[7];
  device->sharedPerBlockOptin_ = std::max(values[7], values[8]);
  limits.localMemory = device->sharedPerBlockOptin_;
  // What a grid of the largest blocks covers; chooseLaunchShape has the
  // last word on a given range.
  limits.maxWorkGroups = 1;
  limits.maxGlobalItems = 1;
  for (int axis = 0; axis < 3; ++axis) {
    limits.maxGlobalSizes[axis] =
        saturatingMultiply(values[1 + axis], values[4 + axis]);
    limits.maxWorkGroups =
        saturatingMultiply(limits.maxWorkGroups, values[4 + axis]);
    limits.maxGlobalItems =
        saturatingMultiply(limits.maxGlobalItems, limits.maxGlobalSizes[axis]);
  }
  device->computeCapability_ =
      static_cast<std::uint32_t>(values[9] * 10 + values[10]);
  device->architecture_ = "sm_" + std::to_string(device->computeCapability_);
  return device;
}

std::string CudaDevice::imageSummary() const {
  // As chooseCubinImage and choosePtxImage pick.
  std::string major = "sm_" + std::to_string(computeCapability_ / 10);
  return "cubin " + architecture_ + " (or an older " + major +
         "x) where embedded, else ptx of the highest arch up to " +
         architecture_;
}

std::string CudaDevice::driverVersion() const {
  int version = 0;
  if (api_.cuDriverGetVersion(&version) != CUDA_SUCCESS || version <= 0)
    return {};
  // 12040 is CUDA 12.4.
  return std::to_string(version / 1000) + "." +
         std::to_string(version % 1000 / 10);
}

std::size_t CudaDevice::computeUnits() const {
  int count = 0;
  if (api_.cuDeviceGetAttribute(&count,
                                CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT,
                                device_) != CUDA_SUCCESS ||
      count < 0)
    return 0;
  return static_cast<std::size_t>(count);
}

std::vector<std::size_t> CudaDevice::subGroupSizes() const {
  int warp = 0;
  if (api_.cuDeviceGetAttribute(&warp, CU_DEVICE_ATTRIBUTE_WARP_SIZE,
                                device_) != CUDA_SUCCESS ||
      warp <= 0)
    return {};
  return {static_cast<std::size_t>(warp)};
}

CudaDevice::~CudaDevice() {
  if (!context_)
    return;
  stagingPool_.reset();
  timingEvents_.reset();
  plainEvents_.reset();
  timeline_.reset();
  api_.cuDevicePrimaryCtxRelease(device_);
}

Status CudaDevice::ensureContext() {
  if (contextReady_.load(std::memory_order_acquire))
    return Status::ok();
  std::lock_guard<std::mutex> lock(contextMutex_);
  if (contextReady_.load(std::memory_order_relaxed))
    return Status::ok();
  CUcontext context = nullptr;
  CUresult result = api_.cuDevicePrimaryCtxRetain(&context, device_);
  if (result != CUDA_SUCCESS)
    return cuError(api_, "cuDevicePrimaryCtxRetain", result)
        .withContext("device '" + name_ + "'");
  // Before any stream of the context exists: allocating page-locked memory
  // later would synchronise the context beside running work.
  Expected<std::unique_ptr<StagingPool>> pool =
      StagingPool::create(api_, context);
  if (!pool) {
    api_.cuDevicePrimaryCtxRelease(device_);
    return pool.status().withContext("device '" + name_ + "'");
  }
  stagingPool_ = pool.take();
  context_ = context;
  timeline_ = std::make_unique<Timeline>(api_, context_);
  timingEvents_ =
      std::make_unique<CudaEventPool>(api_, context_, CU_EVENT_DEFAULT);
  plainEvents_ =
      std::make_unique<CudaEventPool>(api_, context_, CU_EVENT_DISABLE_TIMING);
  contextReady_.store(true, std::memory_order_release);
  return Status::ok();
}

Expected<std::shared_ptr<Queue>> CudaDevice::createQueue(bool profiling) {
  if (Status status = ensureContext(); !status)
    return status;
  ContextScope scope(api_, context_);
  CUstream stream = nullptr;
  // Non-blocking: no implicit ordering with the legacy default stream that
  // other CUDA code in the process may use.
  CUresult result = api_.cuStreamCreate(&stream, CU_STREAM_NON_BLOCKING);
  if (result != CUDA_SUCCESS)
    return cuError(api_, "cuStreamCreate", result)
        .withContext("device '" + name_ + "'");
  return std::shared_ptr<Queue>(std::make_shared<CudaQueue>(
      std::static_pointer_cast<CudaDevice>(shared_from_this()), stream,
      profiling));
}

Expected<void *> CudaDevice::allocate(std::size_t bytes) {
  if (Status status = ensureContext(); !status)
    return status;
  ContextScope scope(api_, context_);
  CUdeviceptr pointer = 0;
  CUresult result = api_.cuMemAlloc(&pointer, bytes);
  if (result != CUDA_SUCCESS)
    return cuError(api_, "cuMemAlloc", result, errc::out_of_memory)
        .withContext("allocating " + std::to_string(bytes) + " bytes on '" +
                     name_ + "'");
  std::lock_guard<std::mutex> lock(allocationsMutex_);
  allocations_.emplace(pointer, bytes);
  return reinterpret_cast<void *>(pointer);
}

void CudaDevice::deallocate(void *pointer) {
  {
    std::lock_guard<std::mutex> lock(allocationsMutex_);
    allocations_.erase(reinterpret_cast<std::uintptr_t>(pointer));
  }
  ContextScope scope(api_, context_);
  api_.cuMemFree(reinterpret_cast<CUdeviceptr>(pointer));
}

bool CudaDevice::isDeviceMemory(const void *pointer) const {
  auto address = reinterpret_cast<std::uintptr_t>(pointer);
  std::lock_guard<std::mutex> lock(allocationsMutex_);
  auto it = allocations_.upper_bound(address);
  if (it == allocations_.begin())
    return false;
  --it;
  return address < it->first + it->second;
}

Expected<std::unique_ptr<Module>>
CudaDevice::buildModule(const detail::module_desc &module) {
  if (Status status = ensureContext(); !status)
    return status;
  Expected<std::unique_ptr<CudaModule>> built =
      CudaModule::build(*this, module);
  if (!built)
    return built.status();
  return std::unique_ptr<Module>(built.take());
}

} // namespace dpex::rt::cuda
