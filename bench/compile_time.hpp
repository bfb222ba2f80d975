// Compile time and peak memory of dpexc against clang + llvm-spirv on the
// same ten kernels (bench/compile/ten_kernels.{cpp,cl}).
#pragma once

#include "results.hpp"

#include <string>

namespace bench {

// Runs each pipeline `reps` times, interleaved, after one warm-up run each;
// appends the comparisons to `report`. Throws if a compiler fails.
void benchCompile(const std::string &dpexc, const std::string &sourceDir,
                  int reps, Report &report);

} // namespace bench
