// Compile time and peak memory of dpexc against clang + llvm-spirv on the
// same ten kernels (bench/compile/ten_kernels.{cpp,cl}).
#pragma once

#include "results.hpp"

#include <string>

namespace bench {

// dpex_bench's first argument for its probe mode: runs the command after it
// and prints its wall time in ms and its own peak RSS in KiB.
inline constexpr const char *kRssProbeFlag = "--rss-probe";
int rssProbe(int argc, char **argv);

// Runs each pipeline `reps` times, interleaved, after one warm-up run each;
// appends the comparisons to `report`. Throws if a compiler fails.
void benchCompile(const std::string &dpexc, const std::string &sourceDir,
                  int reps, Report &report);

} // namespace bench
