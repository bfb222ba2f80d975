// CUDA driver results as text, and Status values built from them.
#pragma once

#include "CudaLoader.h"

#include "core/Status.h"

#include <string>

namespace dpex::rt::cuda {

// "CUDA_ERROR_OUT_OF_MEMORY (2): out of memory", from the driver's own
// cuGetErrorName/cuGetErrorString.
std::string errorText(const CudaApi &api, CUresult result);

// The errc for `result`: out-of-memory, invalid-value, JIT/image and launch
// failures have fixed codes; anything else is `otherwise`.
errc errcFor(CUresult result, errc otherwise);

// Status errcFor(result, otherwise) with message "<call>: <errorText>".
Status cuError(const CudaApi &api, const char *call, CUresult result,
               errc otherwise = errc::backend_error);

} // namespace dpex::rt::cuda
