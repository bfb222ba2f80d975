// dpex's own CPU cost per OpenCL launch: runs one launch loop of dpex_bench's
// dispatch section (dpex's or the raw driver's, on the device the dpex queue
// runs on), first 256 launches to warm up (the kernels built, the launch
// records' ring grown), then the given number inside measuredLoop, so that
// bench/opencl_submit_instructions.py can count the instructions a launch
// costs under callgrind, collecting inside measuredLoop alone. Instruction
// counts do not depend on the machine's load.
//
//   DPEX_DEVICE=opencl:<pocl|intel> dpex_opencl_submit_cost
//   bench/opencl/bench_kernels.cl MODE LAUNCHES
//
// MODE: raw-async, async (independent launches, waited for
// every 256); raw-chain, chain (each launch after the previous one's event);
// raw-sync, sync (one launch run to completion at a time). The raw loops are
// dpex_bench's baselines (bench/twin_opencl.cpp).
#include "bench_kernels.dpex.hpp"
#include "raw_opencl.hpp"
#include "submit_loops.hpp"

#include <dpex/runtime.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace bench;

// The raw driver's side of the loops.
struct Raw {
  const ClApi &api;
  cl_command_queue queue;
  cl_kernel empty;
};

enum class Mode { RawAsync, Async, RawChain, Chain, RawSync, Sync };
const std::pair<const char *, Mode> ModeNames[] = {
    {"raw-async", Mode::RawAsync}, {"async", Mode::Async},
    {"raw-chain", Mode::RawChain}, {"chain", Mode::Chain},
    {"raw-sync", Mode::RawSync},   {"sync", Mode::Sync}};

void rawAsync(const Raw &raw, int launches, bool chain) {
  const std::size_t one = 1;
  cl_event previous = nullptr;
  for (int i = 0; i < launches; ++i) {
    cl_event event = nullptr;
    const bool wait = chain && previous;
    clCheck(raw.api.clEnqueueNDRangeKernel(raw.queue, raw.empty, 1, nullptr,
                                           &one, nullptr, wait ? 1 : 0,
                                           wait ? &previous : nullptr, &event),
            "clEnqueueNDRangeKernel");
    if (previous)
      raw.api.clReleaseEvent(previous);
    previous = event;
    if ((i + 1) % Batch == 0) {
      raw.api.clReleaseEvent(previous);
      previous = nullptr;
      clCheck(raw.api.clFinish(raw.queue), "clFinish");
    }
  }
  if (previous)
    raw.api.clReleaseEvent(previous);
  clCheck(raw.api.clFinish(raw.queue), "clFinish");
}

// Inlined into both callers: a call from measuredLoop would be a tail
// jump, which callgrind does not see measuredLoop's end of.
[[gnu::always_inline]] inline void
runLoop(Mode mode, int launches, const dpex::queue &q, const Raw &raw) {
  const std::size_t one = 1;
  switch (mode) {
  case Mode::RawAsync:
  case Mode::RawChain:
    rawAsync(raw, launches, mode == Mode::RawChain);
    break;
  case Mode::Async:
  case Mode::Chain:
    dpexAsync(q, launches, mode == Mode::Chain);
    break;
  case Mode::RawSync:
    for (int i = 0; i < launches; ++i) {
      clCheck(raw.api.clEnqueueNDRangeKernel(raw.queue, raw.empty, 1, nullptr,
                                             &one, nullptr, 0, nullptr,
                                             nullptr),
              "clEnqueueNDRangeKernel");
      clCheck(raw.api.clFinish(raw.queue), "clFinish");
    }
    break;
  case Mode::Sync:
    for (int i = 0; i < launches; ++i)
      dpex::call_kernel(q, bench::empty, dpex::range<1>(1));
    break;
  }
}

// Not inlined: callgrind collects inside it alone.
[[gnu::noinline]] void measuredLoop(Mode mode, int launches,
                                    const dpex::queue &q, const Raw &raw) {
  runLoop(mode, launches, q, raw);
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s OPENCL_C_SOURCE MODE LAUNCHES\n", argv[0]);
    return 2;
  }
  const std::string name = argv[2];
  const auto *mode =
      std::find_if(std::begin(ModeNames), std::end(ModeNames),
                   [&](const auto &entry) { return name == entry.first; });
  if (mode == std::end(ModeNames)) {
    std::fprintf(stderr, "unknown mode '%s'\n", name.c_str());
    return 2;
  }
  const int launches = std::atoi(argv[3]);
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  std::stringstream source;
  source << in.rdbuf();

  dpex::queue q;
  RawOpenCL cl(q.get_device().name(), q.get_device().platform());
  const Raw raw{cl.api(), cl.plainQueue(),
                cl.kernel(cl.build(source.str(), "-cl-std=CL2.0"), "empty")};
  runLoop(mode->second, Batch, q, raw);
  measuredLoop(mode->second, launches, q, raw);
  return 0;
}
