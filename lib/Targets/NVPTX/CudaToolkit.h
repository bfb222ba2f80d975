// Where dpexc looks for NVIDIA's CUDA toolkit: one search for every file it
// takes from there (libdevice, ptxas).
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>

namespace dpex {

// `Relative` (e.g. "bin/ptxas") under $CUDA_PATH where it is set, else
// under /usr/local/cuda: the first that exists, as a regular file, or, with
// `Executable`, as a program this process may run; "" where none does.
std::string findInCudaToolkit(llvm::StringRef Relative, bool Executable);

} // namespace dpex
