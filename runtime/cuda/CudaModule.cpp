#include "CudaModule.h"

#include "CudaContextScope.h"
#include "CudaDevice.h"
#include "CudaError.h"
#include "CudaImageChoice.h"

#include "core/ProgramCache.h"
#include "core/Trace.h"

#include <cstring>
#include <optional>

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

// The cubin the driver's JIT makes of `ptx` for the current context's
// device: the same compilation cuModuleLoadDataEx does, but with its result
// in hand. Empty, with `why` set, if a step fails.
static std::vector<unsigned char>
linkPtx(const CudaApi &api, const detail::device_image &ptx, std::string &why) {
  std::vector<char> errorLog(JitLogBytes, '\0');
  int options[] = {CU_JIT_ERROR_LOG_BUFFER, CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES};
  void *values[] = {
      errorLog.data(),
      reinterpret_cast<void *>(static_cast<std::uintptr_t>(JitLogBytes - 1))};
  CUlinkState state = nullptr;
  CUresult result = api.cuLinkCreate(2, options, values, &state);
  if (result != CUDA_SUCCESS) {
    why = "cuLinkCreate: " + errorText(api, result);
    return {};
  }
  std::string copy;
  const char *text = terminatedPtx(ptx, copy);
  std::vector<unsigned char> cubin;
  result =
      api.cuLinkAddData(state, CU_JIT_INPUT_PTX, const_cast<char *>(text),
                        std::strlen(text) + 1, "dpex.ptx", 0, nullptr, nullptr);
  if (result != CUDA_SUCCESS) {
    why = "cuLinkAddData: " + errorText(api, result);
  } else {
    void *data = nullptr;
    std::size_t size = 0;
    result = api.cuLinkComplete(state, &data, &size);
    if (result != CUDA_SUCCESS)
      why = "cuLinkComplete: " + errorText(api, result);
    else if (!data || size == 0)
      why = "cuLinkComplete gave no cubin";
    else // owned by the link state: copied before it is destroyed
      cubin.assign(static_cast<unsigned char *>(data),
                   static_cast<unsigned char *>(data) + size);
  }
  if (!why.empty()) {
    std::string log = trimLog(errorLog);
    if (!log.empty())
      why += "; JIT log: " + log;
  }
  api.cuLinkDestroy(state);
  return cubin;
}

// A module of `ptx` through the program cache: the cubin a previous process
// stored, where the driver takes it (no JIT); else the PTX linked into a
// cubin, loaded, and stored for the next process. Null if the driver has
// no version to key the cubin with, or linking or loading the linked cubin
// fails: the caller then loads the PTX itself, which reports a JIT error
// as without the cache.
static CUmodule loadPtxThroughCache(CudaDevice &device,
                                    const detail::module_desc &module,
                                    const detail::device_image &ptx,
                                    bool &fromCache) {
  const CudaApi &api = device.api();
  ProgramCache &cache = ProgramCache::instance();
  std::string driverVersion = device.driverVersion();
  if (driverVersion.empty())
    return nullptr;
  ProgramIdentity identity;
  identity.imageFormat = "ptx";
  identity.imageDigest = ptx.digest;
  identity.imageSize = ptx.size;
  identity.backend = "cuda";
  identity.platform = device.platformName();
  identity.vendor = device.platformVendor();
  identity.device = device.name() + " (" + device.architecture() + ")";
  identity.driverVersion = driverVersion;
  std::string key = programCacheKey(identity);
  std::string what = "module '" + std::string(module.name) + "' (ptx sm_" +
                     std::to_string(ptx.cuda_arch) + ") for '" + device.name() +
                     "' (" + device.architecture() + ")";

  ContextScope scope(api, device.context());
  CUmodule loaded = nullptr;
  if (std::optional<std::vector<unsigned char>> cubin = cache.load(key, what)) {
    CUresult result = api.cuModuleLoadData(&loaded, cubin->data());
    if (result == CUDA_SUCCESS) {
      fromCache = true;
      return loaded;
    }
    trace("program cache: the driver rejected the cached cubin of %s "
          "(cuModuleLoadData: %s); rebuilding from the ptx",
          what.c_str(), errorText(api, result).c_str());
  }
  std::string why;
  std::vector<unsigned char> cubin = linkPtx(api, ptx, why);
  if (cubin.empty()) {
    trace("program cache: cannot link %s into a cubin (%s); loading the "
          "ptx without caching",
          what.c_str(), why.c_str());
    return nullptr;
  }
  CUresult result = api.cuModuleLoadData(&loaded, cubin.data());
  if (result != CUDA_SUCCESS) {
    trace("program cache: the linked cubin of %s did not load "
          "(cuModuleLoadData: %s); loading the ptx without caching",
          what.c_str(), errorText(api, result).c_str());
    return nullptr;
  }
  cache.store(key, cubin.data(), cubin.size(), what);
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
  std::string ptxName = "ptx sm_" + std::to_string(ptx->cuda_arch);
  if (ProgramCache::instance().enabled()) {
    bool fromCache = false;
    if (CUmodule cached = loadPtxThroughCache(device, module, *ptx, fromCache))
      return std::unique_ptr<CudaModule>(new CudaModule(
          device, cached, *ptx,
          ptxName + (fromCache ? " (cached cubin, cuModuleLoadData, no JIT)"
                               : " (cuLinkComplete, JIT for " +
                                     device.architecture() + ")")));
  }
  Expected<CUmodule> loaded = loadImage(device, *ptx, moduleName, info);
  if (!loaded)
    return loaded.status();
  if (!info.empty())
    trace("JIT log of %s for '%s': %s", moduleName.c_str(),
          device.name().c_str(), info.c_str());
  return std::unique_ptr<CudaModule>(
      new CudaModule(device, *loaded, *ptx,
                     ptxName + " (cuModuleLoadDataEx, JIT for " +
                         device.architecture() + ")"));
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
