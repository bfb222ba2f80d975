#include "CudaModule.h"

#include "CudaContextScope.h"
#include "CudaDevice.h"
#include "CudaError.h"
#include "CudaImageChoice.h"

#include "core/Trace.h"

namespace dpex::rt::cuda {

namespace {

constexpr std::size_t JitLogBytes = 16384;

const char *formatName(detail::image_format format) {
  switch (format) {
  case detail::image_format::spirv:
    return "spirv";
  case detail::image_format::spir:
    return "spir";
  case detail::image_format::ptx:
    return "ptx";
  case detail::image_format::cubin:
    return "cubin";
  }
  return "unknown";
}

std::string trimLog(const std::vector<char> &buffer) {
  std::string log(buffer.data());
  while (!log.empty() && (log.back() == '\n' || log.back() == ' '))
    log.pop_back();
  return log;
}

} // namespace

Status CudaKernel::allowDynamicShared(std::size_t bytes) {
  std::size_t limit = device_.sharedPerBlockOptin() > staticShared_
                          ? device_.sharedPerBlockOptin() - staticShared_
                          : 0;
  if (bytes > limit)
    return Status::error(
        errc::invalid_range,
        "local memory of " + std::to_string(bytes) +
            " bytes (the local accessors, each aligned to 16 bytes) plus " +
            std::to_string(staticShared_) +
            " bytes of static shared memory exceed the " +
            std::to_string(device_.sharedPerBlockOptin()) +
            " bytes of shared memory per block of '" + device_.name() + "'");
  std::size_t defaultLimit = device_.sharedPerBlock() > staticShared_
                                 ? device_.sharedPerBlock() - staticShared_
                                 : 0;
  if (bytes <= defaultLimit)
    return Status::ok();
  std::lock_guard<std::mutex> lock(sharedMutex_);
  if (bytes <= allowedShared_)
    return Status::ok();
  const CudaApi &api = device_.api();
  ContextScope scope(api, device_.context());
  CUresult result = api.cuFuncSetAttribute(
      function_, CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES,
      static_cast<int>(bytes));
  if (result != CUDA_SUCCESS)
    return cuError(api, "cuFuncSetAttribute", result, errc::launch_failed)
        .withContext("raising the dynamic shared memory of '" + entry_ +
                     "' to " + std::to_string(bytes) + " bytes");
  allowedShared_ = bytes;
  return Status::ok();
}

// Loads one ptx or cubin image; the driver JIT-compiles PTX, and reports
// in `infoLog` what it did.
static Expected<CUmodule> loadImage(CudaDevice &device,
                                    const detail::device_image &image,
                                    const std::string &moduleName,
                                    std::string &infoText) {
  const CudaApi &api = device.api();
  ContextScope scope(api, device.context());
  std::vector<char> errorLog(JitLogBytes, '\0');
  std::vector<char> infoLog(JitLogBytes, '\0');
  int options[] = {CU_JIT_ERROR_LOG_BUFFER, CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES,
                   CU_JIT_INFO_LOG_BUFFER, CU_JIT_INFO_LOG_BUFFER_SIZE_BYTES};
  // The sizes leave the last byte for the terminating NUL.
  void *values[] = {
      errorLog.data(),
      reinterpret_cast<void *>(static_cast<std::uintptr_t>(JitLogBytes - 1)),
      infoLog.data(),
      reinterpret_cast<void *>(static_cast<std::uintptr_t>(JitLogBytes - 1))};
  std::string copy;
  const void *data = image.format == detail::image_format::ptx
                         ? terminatedPtx(image, copy)
                         : static_cast<const void *>(image.data);
  CUmodule loaded = nullptr;
  CUresult result = api.cuModuleLoadDataEx(&loaded, data, 4, options, values);
  if (result != CUDA_SUCCESS) {
    std::string log = trimLog(errorLog);
    return Status::error(
        result == CUDA_ERROR_OUT_OF_MEMORY ? errc::out_of_memory
                                           : errc::build_failed,
        moduleName + " failed to build for '" + device.name() + "' (" +
            device.architecture() + ") from its " + formatName(image.format) +
            " sm_" + std::to_string(image.cuda_arch) +
            " image: cuModuleLoadDataEx: " + errorText(api, result) +
            "; JIT log:\n" + (log.empty() ? "(empty)" : log));
  }
  infoText = trimLog(infoLog);
  return loaded;
}

Expected<std::unique_ptr<CudaModule>>
CudaModule::build(CudaDevice &device, const detail::module_desc &module) {
  std::string formats;
  for (std::size_t i = 0; i < module.num_images; ++i)
    formats += std::string(formats.empty() ? "" : ", ") +
               formatName(module.images[i].format);
  std::string moduleName = "module '" + std::string(module.name) + "'";
  std::string archs = ptxArchs(module);
  std::string cubinArchs = cudaArchs(module, detail::image_format::cubin);
  const detail::device_image *cubin =
      chooseCubinImage(module, device.computeCapability());
  const detail::device_image *ptx =
      choosePtxImage(module, device.computeCapability());
  if (archs.empty() && !cubin)
    return Status::error(
        errc::unsupported_image,
        moduleName + " has no ptx image, which '" + device.name() +
            "' (cuda) needs (it has: " +
            (formats.empty() ? std::string("no images") : formats) +
            (cubinArchs.empty() ? "" : "; cubin for " + cubinArchs + " only") +
            "); rebuild with --targets=spirv,spir,cuda");
  if (!ptx && !cubin)
    return Status::error(
        errc::unsupported_image,
        moduleName + " has no ptx image that '" + device.name() + "' (" +
            device.architecture() + ") can run: its ptx images are for " +
            archs +
            ", all newer than the device; rebuild with a --cuda-arch "
            "list that includes " +
            device.architecture() + " or an older arch");

  std::string info;
  if (cubin) {
    Expected<CUmodule> loaded = loadImage(device, *cubin, moduleName, info);
    if (loaded)
      return std::unique_ptr<CudaModule>(
          new CudaModule(device, *loaded, *cubin,
                         "cubin sm_" + std::to_string(cubin->cuda_arch) +
                             " (cuModuleLoadDataEx, no JIT)"));
    // A driver older than the ptxas that built the cubin refuses it; the
    // PTX still runs, as with a fat binary.
    if (!ptx)
      return loaded.status();
    trace("%s: cubin not loaded, falling back to ptx: %s", moduleName.c_str(),
          loaded.status().message().c_str());
  }
  Expected<CUmodule> loaded = loadImage(device, *ptx, moduleName, info);
  if (!loaded)
    return loaded.status();
  if (!info.empty())
    trace("JIT log of %s for '%s': %s", moduleName.c_str(),
          device.name().c_str(), info.c_str());
  return std::unique_ptr<CudaModule>(new CudaModule(
      device, *loaded, *ptx,
      "ptx sm_" + std::to_string(ptx->cuda_arch) +
          " (cuModuleLoadDataEx, JIT for " + device.architecture() + ")"));
}

CudaModule::~CudaModule() {
  kernels_.clear();
  ContextScope scope(device_.api(), device_.context());
  device_.api().cuModuleUnload(module_);
}

Expected<Kernel *> CudaModule::createKernel(const char *entry) {
  const CudaApi &api = device_.api();
  ContextScope scope(api, device_.context());
  CUfunction function = nullptr;
  CUresult result = api.cuModuleGetFunction(&function, module_, entry);
  if (result != CUDA_SUCCESS)
    return cuError(api, "cuModuleGetFunction", result, errc::build_failed)
        .withContext("entry point '" + std::string(entry) + "'");
  int maxThreads = 0;
  int staticShared = 0;
  result = api.cuFuncGetAttribute(
      &maxThreads, CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK, function);
  if (result == CUDA_SUCCESS)
    result = api.cuFuncGetAttribute(
        &staticShared, CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES, function);
  if (result != CUDA_SUCCESS)
    return cuError(api, "cuFuncGetAttribute", result)
        .withContext("entry point '" + std::string(entry) + "'");
  kernels_.push_back(std::make_unique<CudaKernel>(
      device_, function, entry, static_cast<std::size_t>(maxThreads),
      static_cast<std::size_t>(staticShared)));
  return static_cast<Kernel *>(kernels_.back().get());
}

} // namespace dpex::rt::cuda
