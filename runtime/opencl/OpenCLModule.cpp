#include "OpenCLModule.h"

#include "OpenCLDevice.h"
#include "OpenCLError.h"
#include "OpenCLInfo.h"
#include "SpirvSubgroupSize.h"

#include "core/ProgramCache.h"
#include "core/Trace.h"

#include <dpex/detail/image_digest.hpp>

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace dpex::rt::opencl {

namespace {

const detail::device_image *findImage(const detail::module_desc &module,
                                      detail::image_format format) {
  for (std::size_t i = 0; i < module.num_images; ++i)
    if (module.images[i].format == format)
      return &module.images[i];
  return nullptr;
}

std::string buildLog(const OpenCLDevice &device, cl_program program) {
  const OpenCLApi &api = device.api();
  std::size_t size = 0;
  if (api.clGetProgramBuildInfo(program, device.id(), CL_PROGRAM_BUILD_LOG, 0,
                                nullptr, &size) != CL_SUCCESS ||
      size <= 1)
    return "(empty build log)";
  std::string log(size, '\0');
  api.clGetProgramBuildInfo(program, device.id(), CL_PROGRAM_BUILD_LOG, size,
                            log.data(), nullptr);
  while (!log.empty() && (log.back() == '\0' || log.back() == '\n'))
    log.pop_back();
  return log;
}

// Builds `program` (already created from one image); releases it on failure.
Expected<cl_program> buildProgram(const OpenCLDevice &device,
                                  cl_program program, const char *options,
                                  const std::string &image) {
  const OpenCLApi &api = device.api();
  cl_device_id id = device.id();
  cl_int err = api.clBuildProgram(program, 1, &id, options, nullptr, nullptr);
  if (err == CL_SUCCESS)
    return program;
  std::string log = buildLog(device, program);
  api.clReleaseProgram(program);
  return Status::error(errc::build_failed,
                       image + ": clBuildProgram: " + errorName(err) +
                           "; build log:\n" + log);
}

// Drivers trust the framing of what they are handed: PoCL reads past the end
// of a short or garbled SPIR binary (found by runtime_image_fuzzer). Images
// whose header is not what their format says are rejected before any driver
// call, so a corrupt stub fails with build_failed instead of crashing.
bool startsWith(const detail::device_image &image,
                std::initializer_list<unsigned char> magic) {
  if (image.size < magic.size())
    return false;
  std::size_t i = 0;
  for (unsigned char byte : magic)
    if (image.data[i++] != byte)
      return false;
  return true;
}

Status checkSpirvHeader(const detail::device_image &image) {
  // Five header words; the magic number in either byte order.
  if (image.size < 20 || image.size % 4 != 0 ||
      !(startsWith(image, {0x03, 0x02, 0x23, 0x07}) ||
        startsWith(image, {0x07, 0x23, 0x02, 0x03})))
    return Status::error(errc::build_failed,
                         "SPIR-V image: not a SPIR-V module (" +
                             std::to_string(image.size) +
                             " bytes, no SPIR-V header)");
  return Status::ok();
}

Status checkSpirHeader(const detail::device_image &image) {
  // Raw bitcode ('BC' 0xC0DE) or the bitcode wrapper (0x0B17C0DE).
  if (!startsWith(image, {'B', 'C', 0xC0, 0xDE}) &&
      !startsWith(image, {0xDE, 0xC0, 0x17, 0x0B}))
    return Status::error(errc::build_failed, "SPIR image: not LLVM bitcode (" +
                                                 std::to_string(image.size) +
                                                 " bytes, no bitcode magic)");
  return Status::ok();
}

constexpr const char *SpirOptions = "-x spir -spir-std=1.2";

// `data`: the spirv image's words as the device builds them (Built).
Expected<cl_program> buildSpirv(const OpenCLDevice &device,
                                const unsigned char *data, std::size_t size) {
  cl_int err = CL_SUCCESS;
  cl_program program =
      device.api().clCreateProgramWithIL(device.context(), data, size, &err);
  if (err != CL_SUCCESS)
    return clError(errc::build_failed, "clCreateProgramWithIL", err)
        .withContext("SPIR-V image");
  return buildProgram(device, program, "", "SPIR-V image");
}

// A program from a binary: a spir image, or a binary of the program cache.
Expected<cl_program> buildBinary(const OpenCLDevice &device,
                                 const unsigned char *data, std::size_t size,
                                 const char *options, const std::string &what) {
  cl_int err = CL_SUCCESS;
  cl_int binaryStatus = CL_SUCCESS;
  cl_device_id id = device.id();
  cl_program program = device.api().clCreateProgramWithBinary(
      device.context(), 1, &id, &size, &data, &binaryStatus, &err);
  if (err != CL_SUCCESS)
    return clError(errc::build_failed, "clCreateProgramWithBinary",
                   binaryStatus != CL_SUCCESS ? binaryStatus : err)
        .withContext(what);
  return buildProgram(device, program, options, what);
}

Expected<cl_program> buildSpir(const OpenCLDevice &device,
                               const detail::device_image &image) {
  return buildBinary(device, image.data, image.size, SpirOptions, "SPIR image");
}

std::string deviceString(const OpenCLDevice &device, cl_device_info what) {
  return readInfoString([&](std::size_t size, void *value, std::size_t *ret) {
    return device.api().clGetDeviceInfo(device.id(), what, size, value, ret);
  });
}

// The driver's binary of a built program (for its one device); empty if
// the driver gives none.
std::vector<unsigned char> programBinary(const OpenCLDevice &device,
                                         cl_program program) {
  const OpenCLApi &api = device.api();
  std::size_t size = 0;
  if (api.clGetProgramInfo(program, CL_PROGRAM_BINARY_SIZES, sizeof size, &size,
                           nullptr) != CL_SUCCESS ||
      size == 0)
    return {};
  std::vector<unsigned char> binary(size);
  unsigned char *pointer = binary.data();
  if (api.clGetProgramInfo(program, CL_PROGRAM_BINARIES, sizeof pointer,
                           &pointer, nullptr) != CL_SUCCESS)
    return {};
  return binary;
}

struct LoadedProgram {
  cl_program program;
  bool fromCache;
};

// What the device builds of an image: a spirv image without the sub-group
// sizes the device lacks (SpirvSubgroupSize.h), else the image itself.
struct Built {
  std::optional<std::vector<unsigned char>> edited;
  const unsigned char *data;
  std::size_t size;
  std::uint64_t digest;
};

Built builtBytes(const OpenCLDevice &device,
                 const detail::device_image &image) {
  Built built{std::nullopt, image.data, image.size, image.digest};
  if (image.format != detail::image_format::spirv)
    return built;
  built.edited = withoutUnsupportedSubgroupSizes(image.data, image.size,
                                                 device.subGroupSizes());
  if (built.edited) {
    built.data = built.edited->data();
    built.size = built.edited->size();
    built.digest = detail::image_digest(built.data, built.size);
    trace("SPIR-V image for '%s': the sub-group sizes it lacks dropped "
          "(%zu of %zu bytes built)",
          device.name().c_str(), built.size, image.size);
  }
  return built;
}

// The program of `image`: from the program cache where it holds a binary
// the driver accepts (which skips the driver's compilation), else built
// from the image, and its binary stored for the next process.
Expected<LoadedProgram> loadProgram(const OpenCLDevice &device,
                                    const detail::module_desc &module,
                                    const detail::device_image &image) {
  bool spirv = image.format == detail::image_format::spirv;
  if (Status header = spirv ? checkSpirvHeader(image) : checkSpirHeader(image);
      !header)
    return header;
  const char *options = spirv ? "" : SpirOptions;
  const Built bytes = builtBytes(device, image);
  ProgramCache &cache = ProgramCache::instance();
  std::string key, what;
  if (cache.enabled()) {
    ProgramIdentity identity;
    identity.imageFormat = spirv ? "spirv" : "spir";
    // Keyed by what is built, which differs from the image where sizes
    // were dropped.
    identity.imageDigest = bytes.digest;
    identity.imageSize = bytes.size;
    identity.backend = "opencl";
    identity.platform = device.platformName();
    identity.vendor = device.platformVendor();
    identity.device = device.name();
    identity.driverVersion =
        device.driverVersion() + "; " + deviceString(device, CL_DEVICE_VERSION);
    identity.buildOptions = options;
    key = programCacheKey(identity);
    what = "module '" + std::string(module.name) + "' (" +
           identity.imageFormat + ") for '" + device.name() + "'";
    if (std::optional<std::vector<unsigned char>> binary =
            cache.load(key, what)) {
      Expected<cl_program> cached = buildBinary(
          device, binary->data(), binary->size(), options, "cached binary");
      if (cached)
        return LoadedProgram{*cached, true};
      trace("program cache: the driver rejected the cached binary of %s "
            "(%s); rebuilding from the image",
            what.c_str(), cached.status().message().c_str());
    }
  }
  Expected<cl_program> built = spirv
                                   ? buildSpirv(device, bytes.data, bytes.size)
                                   : buildSpir(device, image);
  if (!built)
    return built.status();
  if (cache.enabled()) {
    std::vector<unsigned char> binary = programBinary(device, *built);
    if (binary.empty())
      trace("program cache: '%s' gave no binary of %s; not stored",
            device.name().c_str(), what.c_str());
    else
      cache.store(key, binary.data(), binary.size(), what);
  }
  return LoadedProgram{*built, false};
}

} // namespace

OpenCLKernel::~OpenCLKernel() { api_.clReleaseKernel(kernel_); }

cl_int OpenCLKernel::setArg(cl_uint index, std::size_t size,
                            const void *value) {
  if (index >= set_.size())
    set_.resize(index + 1);
  SetValue &last = set_[index];
  const bool local = value == nullptr;
  if (last.known && last.local == local && last.size == size &&
      (local || std::memcmp(last.bytes, value, size) == 0))
    return CL_SUCCESS;
  cl_int err = api_.clSetKernelArg(kernel_, index, size, value);
  // A failed call leaves the value unknown; one too large to compare too.
  last.known = err == CL_SUCCESS && (local || size <= SetValue::Capacity);
  last.local = local;
  last.size = size;
  if (last.known && !local)
    std::memcpy(last.bytes, value, size);
  return err;
}

Expected<std::unique_ptr<OpenCLModule>>
OpenCLModule::build(OpenCLDevice &device, const detail::module_desc &module) {
  const detail::device_image *spirv =
      findImage(module, detail::image_format::spirv);
  const detail::device_image *spir =
      findImage(module, detail::image_format::spir);
  bool useSpirv = spirv && device.canLoad(detail::image_format::spirv);
  bool useSpir = spir && device.canLoad(detail::image_format::spir);

  if (!useSpirv && !useSpir) {
    std::string il = device.ilVersion().empty()
                         ? std::string("none reported")
                         : "'" + device.ilVersion() + "'";
    std::string spirvWhy =
        !spirv ? "the module has no spirv image"
               : "the device does not list SPIR-V in CL_DEVICE_IL_VERSION (" +
                     il + ")";
    std::string spirWhy = !spir ? "the module has no spir image"
                                : "the device lacks the cl_khr_spir extension";
    return Status::error(errc::unsupported_image,
                         "module '" + std::string(module.name) +
                             "' has no image that '" + device.name() +
                             "' can load: spirv: " + spirvWhy +
                             "; spir: " + spirWhy);
  }

  std::string failures;
  if (useSpirv) {
    Expected<LoadedProgram> loaded = loadProgram(device, module, *spirv);
    if (loaded)
      return std::unique_ptr<OpenCLModule>(new OpenCLModule(
          device, loaded->program, *spirv,
          loaded->fromCache ? "spirv (cached binary, clCreateProgramWithBinary)"
                            : "spirv (clCreateProgramWithIL)"));
    failures = loaded.status().message();
  }
  if (useSpir) {
    Expected<LoadedProgram> loaded = loadProgram(device, module, *spir);
    if (loaded)
      return std::unique_ptr<OpenCLModule>(new OpenCLModule(
          device, loaded->program, *spir,
          loaded->fromCache ? "spir (cached binary, clCreateProgramWithBinary)"
                            : "spir (cl_khr_spir)"));
    failures += (failures.empty() ? "" : "\n") + loaded.status().message();
  }
  return Status::error(errc::build_failed,
                       "module '" + std::string(module.name) +
                           "' failed to build for '" + device.name() +
                           "': " + failures);
}

OpenCLModule::~OpenCLModule() {
  kernels_.clear();
  device_.api().clReleaseProgram(program_);
}

Expected<Kernel *> OpenCLModule::createKernel(const char *entry) {
  const OpenCLApi &api = device_.api();
  cl_int err = CL_SUCCESS;
  cl_kernel kernel = api.clCreateKernel(program_, entry, &err);
  if (err != CL_SUCCESS)
    return clError(errc::build_failed, "clCreateKernel", err)
        .withContext("entry point '" + std::string(entry) + "'");
  std::size_t maxWorkGroupSize = device_.limits().maxWorkGroupSize;
  api.clGetKernelWorkGroupInfo(kernel, device_.id(), CL_KERNEL_WORK_GROUP_SIZE,
                               sizeof(maxWorkGroupSize), &maxWorkGroupSize,
                               nullptr);
  // Before any local accessor is set, this is what the kernel declares.
  cl_ulong staticLocal = 0;
  api.clGetKernelWorkGroupInfo(kernel, device_.id(), CL_KERNEL_LOCAL_MEM_SIZE,
                               sizeof(staticLocal), &staticLocal, nullptr);
  kernels_.push_back(std::make_unique<OpenCLKernel>(
      api, kernel, maxWorkGroupSize, static_cast<std::size_t>(staticLocal)));
  return static_cast<Kernel *>(kernels_.back().get());
}

} // namespace dpex::rt::opencl
