// The host toolchain's system include directories, as the clang driver would
// pass them: kernels compile against the host's C and C++ headers (as SYCL
// device compilation does), with the host as the auxiliary target.
#pragma once

#include <string>
#include <vector>

namespace dpex {

// cc1 arguments (-resource-dir, -internal-isystem, ...) for the host target.
std::vector<std::string> hostSystemIncludeArgs(const std::string &Standard);

// The triple of the machine dpexc runs on (the auxiliary target).
std::string hostTriple();

} // namespace dpex
