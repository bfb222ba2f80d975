// Where dpex's OpenCL async launch time goes: the raw loop of dpex_bench's
// dispatch baseline with the driver calls dpex adds per launch, one at a
// time, next to dpex's call_kernel_async, in one process and one run.
//
//   DPEX_DEVICE=opencl:cpu dpex_opencl_dispatch_breakdown
//   bench/opencl/bench_kernels.cl [ROUNDS]
//
// Prints, per variant, the median host time per launch to submit a batch of
// 256 launches and to see the batch complete, with ratios to the first
// variant. A diagnostic for bench/notes.md, not a target.
#include "bench_kernels.dpex.hpp"
#include "raw_opencl.hpp"
#include "stats.hpp"

#include <dpex/runtime.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace bench;

constexpr int Batch = 256;

struct Variant {
  const char *name;
  std::function<void()> launch;
  std::function<void()> finish;
  std::vector<double> submit, total;
};

void CL_CALLBACK ignoreCompletion(cl_event, cl_int, void *) {}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s OPENCL_C_SOURCE [ROUNDS]\n", argv[0]);
    return 2;
  }
  int rounds = argc > 2 ? std::atoi(argv[2]) : 30;
  std::ifstream in(argv[1]);
  if (!in)
    throw std::runtime_error(std::string("cannot read ") + argv[1]);
  std::stringstream source;
  source << in.rdbuf();

  dpex::queue q;
  RawOpenCL cl(q.get_device().name(), q.get_device().platform());
  const ClApi &api = cl.api();
  cl_kernel empty = cl.kernel(cl.build(source.str(), "-cl-std=CL2.0"), "empty");
  const std::size_t one = 1;

  auto enqueue = [&] {
    cl_event event = nullptr;
    clCheck(api.clEnqueueNDRangeKernel(cl.plainQueue(), empty, 1, nullptr, &one,
                                       nullptr, 0, nullptr, &event),
            "clEnqueueNDRangeKernel");
    return event;
  };
  auto finishRaw = [&] { clCheck(api.clFinish(cl.plainQueue()), "clFinish"); };

  std::vector<cl_event> kept;
  kept.reserve(Batch);
  std::vector<Variant> variants = {
      {"raw: clEnqueueNDRangeKernel returning an event (dpex_bench's baseline)",
       [&] { api.clReleaseEvent(enqueue()); },
       finishRaw,
       {},
       {}},
      {"+ clFlush",
       [&] {
         api.clReleaseEvent(enqueue());
         clCheck(api.clFlush(cl.plainQueue()), "clFlush");
       },
       finishRaw,
       {},
       {}},
      {"+ clSetEventCallback (CL_COMPLETE, a callback that returns)",
       [&] {
         cl_event event = enqueue();
         clCheck(api.clFlush(cl.plainQueue()), "clFlush");
         clCheck(api.clSetEventCallback(event, CL_COMPLETE, ignoreCompletion,
                                        nullptr),
                 "clSetEventCallback");
         api.clReleaseEvent(event);
       },
       finishRaw,
       {},
       {}},
      // dpex holds each launch's event until a status query found it
      // complete, then releases it: the driver destroys a completed event
      // on the releasing thread, where it destroys an event released while
      // pending on its own.
      {"raw, each event kept until the batch completed, then released",
       [&] { kept.push_back(enqueue()); },
       [&] {
         finishRaw();
         for (cl_event event : kept)
           api.clReleaseEvent(event);
         kept.clear();
       },
       {},
       {}},
      {"dpex: call_kernel_async",
       [&] { dpex::call_kernel_async(q, bench::empty, dpex::range<1>(1), {}); },
       [&] { q.wait(); },
       {},
       {}},
  };

  for (int r = -1; r < rounds; ++r) // round -1 warms up
    for (std::size_t k = 0; k < variants.size(); ++k) {
      // Rotate the order so that no variant always runs first.
      Variant &v = variants[(k + r + 1) % variants.size()];
      auto start = Clock::now();
      for (int i = 0; i < Batch; ++i)
        v.launch();
      double submitted = nsSince(start);
      v.finish();
      if (r >= 0) {
        v.submit.push_back(submitted / Batch / 1e3);
        v.total.push_back(nsSince(start) / Batch / 1e3);
      }
    }

  std::printf("# %s, %d rounds of %d launches, median us per launch\n",
              q.get_device().name().c_str(), rounds, Batch);
  std::printf("  submit     x  |  until complete     x  | variant\n");
  double baseSubmit = median(variants.front().submit);
  double baseTotal = median(variants.front().total);
  for (Variant &v : variants) {
    double s = median(v.submit), t = median(v.total);
    std::printf("%8.2f  %5.2f  | %8.2f         %5.2f  | %s\n", s,
                s / baseSubmit, t, t / baseTotal, v.name);
  }
  return 0;
}
