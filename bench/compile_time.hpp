// Compile time and peak memory of dpexc against clang + llvm-spirv on the
// bench kernels (bench/kernels/bench_kernels.cpp and its OpenCL C twin), and
// the host compiler's time on the stubs dpexc writes.
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
// `sourceRoot` is the dpex source tree, `clSource` the OpenCL C twin.
void benchCompile(const std::string &dpexc, const std::string &sourceRoot,
                  const std::string &clSource, int reps, Report &report);

} // namespace bench
