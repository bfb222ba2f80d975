#include "CudaError.h"

namespace dpex::rt::cuda {

namespace {

// CUresult values grouped by what they mean to a dpex user.
bool isBuildError(CUresult result) {
  switch (result) {
  case 200: // CUDA_ERROR_INVALID_IMAGE
  case 209: // CUDA_ERROR_NO_BINARY_FOR_GPU
  case 218: // CUDA_ERROR_INVALID_PTX
  case 221: // CUDA_ERROR_JIT_COMPILER_NOT_FOUND
  case 222: // CUDA_ERROR_UNSUPPORTED_PTX_VERSION
  case 223: // CUDA_ERROR_JIT_COMPILATION_DISABLED
  case 301: // CUDA_ERROR_FILE_NOT_FOUND
  case 302: // CUDA_ERROR_SHARED_OBJECT_SYMBOL_NOT_FOUND
  case 303: // CUDA_ERROR_SHARED_OBJECT_INIT_FAILED
    return true;
  default:
    return false;
  }
}

// 700-799: the launch was rejected or the kernel faulted
// (CUDA_ERROR_ILLEGAL_ADDRESS, _LAUNCH_OUT_OF_RESOURCES, _LAUNCH_FAILED, ...).
bool isLaunchError(CUresult result) { return result >= 700 && result < 800; }

} // namespace

std::string errorText(const CudaApi &api, CUresult result) {
  const char *name = nullptr;
  const char *text = nullptr;
  std::string out = api.cuGetErrorName(result, &name) == CUDA_SUCCESS && name
                        ? std::string(name)
                        : std::string("CUDA error");
  out += " (" + std::to_string(result) + ")";
  if (api.cuGetErrorString(result, &text) == CUDA_SUCCESS && text)
    out += std::string(": ") + text;
  return out;
}

errc errcFor(CUresult result, errc otherwise) {
  if (result == CUDA_ERROR_OUT_OF_MEMORY)
    return errc::out_of_memory;
  if (result == CUDA_ERROR_INVALID_VALUE)
    return errc::invalid_argument;
  if (isBuildError(result))
    return errc::build_failed;
  if (isLaunchError(result))
    return errc::launch_failed;
  return otherwise;
}

Status cuError(const CudaApi &api, const char *call, CUresult result,
               errc otherwise) {
  return Status::error(errcFor(result, otherwise),
                       std::string(call) + ": " + errorText(api, result));
}

} // namespace dpex::rt::cuda
