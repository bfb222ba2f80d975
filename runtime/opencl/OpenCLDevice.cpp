#include "OpenCLDevice.h"

#include "OpenCLError.h"
#include "OpenCLInfo.h"
#include "OpenCLModule.h"
#include "OpenCLQueue.h"

#include "core/CheckedMath.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace dpex::rt::opencl {

namespace {

std::string stringInfo(const OpenCLApi &api, cl_device_id id,
                       cl_device_info what) {
  return readInfoString(
      [&](std::size_t size, void *value, std::size_t *sizeRet) {
        return api.clGetDeviceInfo(id, what, size, value, sizeRet);
      });
}

template <typename T>
T valueInfo(const OpenCLApi &api, cl_device_id id, cl_device_info what,
            T fallback) {
  T value{};
  if (api.clGetDeviceInfo(id, what, sizeof(T), &value, nullptr) != CL_SUCCESS)
    return fallback;
  return value;
}

bool hasWord(const std::string &list, const std::string &word) {
  std::size_t pos = 0;
  while ((pos = list.find(word, pos)) != std::string::npos) {
    bool startOk = pos == 0 || list[pos - 1] == ' ';
    std::size_t end = pos + word.size();
    bool endOk = end == list.size() || list[end] == ' ';
    if (startOk && endOk)
      return true;
    pos = end;
  }
  return false;
}

} // namespace

std::shared_ptr<OpenCLDevice> OpenCLDevice::create(const OpenCLApi &api,
                                                   cl_device_id id,
                                                   std::string platformName,
                                                   std::string platformVendor,
                                                   std::string &why) {
  std::shared_ptr<OpenCLDevice> device(new OpenCLDevice(api, id));
  device->name_ = stringInfo(api, id, CL_DEVICE_NAME);
  device->platformName_ = std::move(platformName);
  device->platformVendor_ = std::move(platformVendor);

  cl_device_svm_capabilities svm = valueInfo<cl_device_svm_capabilities>(
      api, id, CL_DEVICE_SVM_CAPABILITIES, 0);
  if (!(svm & CL_DEVICE_SVM_COARSE_GRAIN_BUFFER)) {
    why = "'" + device->name_ + "' has no coarse-grained SVM";
    return nullptr;
  }

  cl_device_type type = valueInfo<cl_device_type>(api, id, CL_DEVICE_TYPE,
                                                  CL_DEVICE_TYPE_DEFAULT);
  device->type_ = (type & CL_DEVICE_TYPE_GPU)   ? device_type::gpu
                  : (type & CL_DEVICE_TYPE_CPU) ? device_type::cpu
                  : (type & CL_DEVICE_TYPE_ACCELERATOR)
                      ? device_type::accelerator
                      : device_type::other;

  DeviceLimits &limits = device->limits_;
  limits.maxDimensions =
      valueInfo<cl_uint>(api, id, CL_DEVICE_MAX_WORK_ITEM_DIMENSIONS, 3);
  limits.maxWorkGroupSize =
      valueInfo<std::size_t>(api, id, CL_DEVICE_MAX_WORK_GROUP_SIZE, 1);
  std::vector<std::size_t> sizes(std::max<cl_uint>(limits.maxDimensions, 3), 1);
  api.clGetDeviceInfo(id, CL_DEVICE_MAX_WORK_ITEM_SIZES,
                      sizeof(std::size_t) * limits.maxDimensions, sizes.data(),
                      nullptr);
  for (int d = 0; d < 3; ++d)
    limits.maxWorkItemSizes[d] = sizes[d];
  limits.maxAllocation =
      valueInfo<cl_ulong>(api, id, CL_DEVICE_MAX_MEM_ALLOC_SIZE, 0);
  limits.localMemory =
      valueInfo<cl_ulong>(api, id, CL_DEVICE_LOCAL_MEM_SIZE, 0);
  // A GPU wants whole wavefronts or warps many times over; a CPU runtime
  // vectorises a work-group over its SIMD lanes and splits groups across
  // threads, for which 64 is plenty.
  limits.rangeGranule = std::min<std::size_t>(
      limits.maxWorkGroupSize, device->type_ == device_type::gpu ? 256 : 64);
  // Global extents must fit the device's size_t. OpenCL has no query for
  // how many work-groups one launch may have; PoCL's CPU scheduler counts
  // them in 32 bits (and aborts past that), so that is the limit
  // everywhere; an item launch runs in groups of about rangeGranule.
  cl_uint addressBits = valueInfo<cl_uint>(api, id, CL_DEVICE_ADDRESS_BITS, 32);
  std::size_t maxExtent = addressBits >= 64
                              ? std::numeric_limits<std::size_t>::max()
                              : (std::size_t{1} << addressBits) - 1;
  for (std::size_t &size : limits.maxGlobalSizes)
    size = maxExtent;
  limits.maxWorkGroups = std::numeric_limits<std::uint32_t>::max();
  limits.maxGlobalItems = std::min(
      maxExtent, saturatingMultiply(limits.maxWorkGroups, limits.rangeGranule));

  device->ilVersion_ = stringInfo(api, id, CL_DEVICE_IL_VERSION);
  device->hasKhrSpir_ =
      hasWord(stringInfo(api, id, CL_DEVICE_EXTENSIONS), "cl_khr_spir");
  return device;
}

OpenCLDevice::~OpenCLDevice() {
  if (context_)
    api_.clReleaseContext(context_);
}

bool OpenCLDevice::canLoad(detail::image_format format) const {
  switch (format) {
  case detail::image_format::spirv:
    // Only when advertised: some drivers crash in clCreateProgramWithIL
    // otherwise.
    return api_.clCreateProgramWithIL &&
           ilVersion_.find("SPIR-V") != std::string::npos;
  case detail::image_format::spir:
    return hasKhrSpir_;
  case detail::image_format::ptx:
  case detail::image_format::cubin:
    return false;
  }
  return false;
}

std::string OpenCLDevice::imageSummary() const {
  bool spirv = canLoad(detail::image_format::spirv);
  if (spirv && hasKhrSpir_)
    return "spirv (" + ilVersion_ + "), spir if that build fails (cl_khr_spir)";
  if (spirv)
    return "spirv (" + ilVersion_ + ")";
  if (hasKhrSpir_)
    return "spir (cl_khr_spir; no SPIR-V in CL_DEVICE_IL_VERSION)";
  return "none of dpex's images (no SPIR-V in CL_DEVICE_IL_VERSION, no "
         "cl_khr_spir)";
}

std::string OpenCLDevice::driverVersion() const {
  return stringInfo(api_, id_, CL_DRIVER_VERSION);
}

std::size_t OpenCLDevice::computeUnits() const {
  return valueInfo<cl_uint>(api_, id_, CL_DEVICE_MAX_COMPUTE_UNITS, 0);
}

std::vector<std::size_t> OpenCLDevice::subGroupSizes() const {
  // cl_intel_required_subgroup_size's query; drivers without the extension
  // (PoCL) reject it, and OpenCL itself has no such query.
  constexpr cl_device_info SubGroupSizesIntel = 0x4108;
  std::size_t bytes = 0;
  if (api_.clGetDeviceInfo(id_, SubGroupSizesIntel, 0, nullptr, &bytes) !=
          CL_SUCCESS ||
      bytes % sizeof(std::size_t) != 0)
    return {};
  std::vector<std::size_t> sizes(bytes / sizeof(std::size_t));
  if (!sizes.empty() &&
      api_.clGetDeviceInfo(id_, SubGroupSizesIntel, bytes, sizes.data(),
                           nullptr) != CL_SUCCESS)
    return {};
  return sizes;
}

Status OpenCLDevice::ensureContext() {
  if (contextReady_.load(std::memory_order_acquire))
    return Status::ok();
  std::lock_guard<std::mutex> lock(contextMutex_);
  if (contextReady_.load(std::memory_order_relaxed))
    return Status::ok();
  cl_int err = CL_SUCCESS;
  cl_context context =
      api_.clCreateContext(nullptr, 1, &id_, nullptr, nullptr, &err);
  if (err != CL_SUCCESS)
    return clError(errc::backend_error, "clCreateContext", err)
        .withContext("device '" + name_ + "'");
  context_ = context;
  contextReady_.store(true, std::memory_order_release);
  return Status::ok();
}

Expected<std::shared_ptr<Queue>> OpenCLDevice::createQueue(bool profiling) {
  if (Status status = ensureContext(); !status)
    return status;
  const cl_queue_properties properties[] = {
      CL_QUEUE_PROPERTIES,
      profiling ? cl_queue_properties{CL_QUEUE_PROFILING_ENABLE} : 0, 0};
  cl_int err = CL_SUCCESS;
  cl_command_queue queue =
      api_.clCreateCommandQueueWithProperties(context_, id_, properties, &err);
  if (err != CL_SUCCESS)
    return clError(errc::backend_error, "clCreateCommandQueueWithProperties",
                   err)
        .withContext("device '" + name_ + "'");
  return std::shared_ptr<Queue>(std::make_shared<OpenCLQueue>(
      std::static_pointer_cast<OpenCLDevice>(shared_from_this()), queue,
      profiling));
}

Expected<void *> OpenCLDevice::allocate(std::size_t bytes) {
  if (Status status = ensureContext(); !status)
    return status;
  void *pointer = api_.clSVMAlloc(context_, CL_MEM_READ_WRITE, bytes, 0);
  if (!pointer)
    return Status::error(errc::out_of_memory,
                         "clSVMAlloc of " + std::to_string(bytes) +
                             " bytes on '" + name_ + "' failed");
  return pointer;
}

void OpenCLDevice::deallocate(void *pointer) {
  api_.clSVMFree(context_, pointer);
}

Expected<std::unique_ptr<Module>>
OpenCLDevice::buildModule(const detail::module_desc &module) {
  if (Status status = ensureContext(); !status)
    return status;
  Expected<std::unique_ptr<OpenCLModule>> built =
      OpenCLModule::build(*this, module);
  if (!built)
    return built.status();
  return std::unique_ptr<Module>(built.take());
}

} // namespace dpex::rt::opencl
