// A SPIR-V image as a device lacking some kernel's required sub-group size
// can build it: Intel's runtime fails the whole program for one
// `OpExecutionMode %kernel SubgroupSize n` whose n it lacks, so the runtime
// drops those instructions and refuses such kernels at launch instead
// (docs/runtime.md, "Required sub-group sizes").
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace dpex::rt::opencl {

// The bytes of the SPIR-V module `data` without its SubgroupSize execution
// modes whose size is not in `sizes`, in the module's byte order. Nothing
// where it has none, or where the module is not well formed (the driver then
// reports it).
std::optional<std::vector<unsigned char>>
withoutUnsupportedSubgroupSizes(const unsigned char *data, std::size_t size,
                                const std::vector<std::size_t> &sizes);

} // namespace dpex::rt::opencl
