// OpenCL error codes as text, and Status values built from them.
#pragma once

#include "OpenCLLoader.h"

#include "core/Status.h"

#include <string>

namespace dpex::rt::opencl {

// "CL_INVALID_ARG_SIZE (-51)".
std::string errorName(cl_int code);

// Status `code` with message "<call>: <errorName(result)>".
Status clError(errc code, const char *call, cl_int result);

} // namespace dpex::rt::opencl
