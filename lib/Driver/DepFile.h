// Make-style dependency files (-MD -MF) and the --list-kernels JSON.
#pragma once

#include "dpex/compiler/KernelInfo.h"

#include <string>
#include <vector>

namespace dpex {

// "t1 t2: d1 d2 ..." with Make escaping, one prerequisite per line, plus an
// empty rule per header so deleting a header does not break the build.
std::string formatDepFile(const std::vector<std::string> &Targets,
                          const std::vector<std::string> &Dependencies);

std::string formatKernelList(const std::vector<KernelInfo> &Kernels);

} // namespace dpex
