// Internal to the Targets stage: how PTXImage.cpp configures NVPTX for an
// arch of supportedCudaArchs().
#pragma once

#include <string>

namespace dpex {

// The NVPTX target feature selecting the arch's PTX ISA version ("+ptx70").
std::string ptxFeatureFor(unsigned Arch);

// The arch the PTX for `Arch` is generated for: itself, or for a SASS-only
// arch the newest one LLVM 15 knows.
unsigned ptxCodeArch(unsigned Arch);

} // namespace dpex
