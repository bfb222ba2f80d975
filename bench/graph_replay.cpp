// Replay of a recorded dpex::graph against the raw driver's separate
// launches: a chain of 100 launches of a tiny kernel (STREAM triad on 256
// floats), timed from the first submit until the chain completed, in one
// process. Variants: the raw driver loop (OpenCL: clSetKernelArg for each
// argument and clEnqueueNDRangeKernel per launch, then clFinish; CUDA:
// cuLaunchKernel per launch, then cuStreamSynchronize), graph::replay()
// then a wait on its host event, and 100 call_kernel_async calls then
// queue::wait() for reference. Prints the median per-kernel time of each
// over the rounds, to submit the chain and until it completed, and its
// ratio to the raw loop's.
//
// Usage: dpex_graph_replay OPENCL_C_SOURCE|PTX [ROUNDS (default 50)]
// on the default device (DPEX_DEVICE): bench/opencl/bench_kernels.cl for an
// OpenCL device, the nvcc-built PTX of bench/cuda/bench_kernels.cu for a
// CUDA one.
#include "bench_kernels.dpex.hpp"
#include "raw_cuda.hpp"
#include "raw_opencl.hpp"
#include "stats.hpp"

#include <dpex/runtime.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace bench;

constexpr int Chain = 100;
constexpr std::size_t N = 256;
constexpr float S = 0.5f;

struct Variant {
  const char *name;
  std::function<void()> submit;          // submits the chain
  std::function<void()> finish;          // waits for it
  std::vector<double> submitUs, totalUs; // per kernel
};

std::string readFile(const char *path) {
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error(std::string("cannot read ") + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The raw loop on an OpenCL device.
std::function<void()> rawOpenCL(RawOpenCL &cl, const std::string &source) {
  const ClApi &api = cl.api();
  cl_kernel triad = cl.kernel(cl.build(source, "-cl-std=CL2.0"), "triad");
  void *a = cl.alloc(N * sizeof(float));
  void *b = cl.alloc(N * sizeof(float));
  void *c = cl.alloc(N * sizeof(float));
  std::vector<float> ones(N, 1.0f);
  cl.copy(b, ones.data(), N * sizeof(float));
  cl.copy(c, ones.data(), N * sizeof(float));
  return [&cl, &api, triad, a, b, c] {
    const std::size_t global = N;
    for (int i = 0; i < Chain; ++i) {
      clCheck(api.clSetKernelArg(triad, 0, sizeof(float), &S),
              "clSetKernelArg");
      clCheck(api.clSetKernelArgSVMPointer(triad, 1, b),
              "clSetKernelArgSVMPointer");
      clCheck(api.clSetKernelArgSVMPointer(triad, 2, c),
              "clSetKernelArgSVMPointer");
      clCheck(api.clSetKernelArgSVMPointer(triad, 3, a),
              "clSetKernelArgSVMPointer");
      clCheck(api.clEnqueueNDRangeKernel(cl.plainQueue(), triad, 1, nullptr,
                                         &global, nullptr, 0, nullptr, nullptr),
              "clEnqueueNDRangeKernel");
    }
  };
}

// The raw loop on a CUDA device.
std::function<void()> rawCuda(RawCuda &cu, const char *ptx) {
  CUfunction triad = cu.function(cu.loadPtx(ptx), "triad");
  CUdeviceptr a = cu.alloc(N * sizeof(float));
  CUdeviceptr b = cu.alloc(N * sizeof(float));
  CUdeviceptr c = cu.alloc(N * sizeof(float));
  std::vector<float> ones(N, 1.0f);
  cu.check(cu.api().cuMemcpyHtoD(b, ones.data(), N * sizeof(float)),
           "cuMemcpyHtoD");
  cu.check(cu.api().cuMemcpyHtoD(c, ones.data(), N * sizeof(float)),
           "cuMemcpyHtoD");
  return [&cu, triad, a, b, c]() mutable {
    float s = S;
    void *params[] = {&s, &b, &c, &a};
    for (int i = 0; i < Chain; ++i)
      cu.check(cu.api().cuLaunchKernel(triad, 1, 1, 1, N, 1, 1, 0, cu.stream(),
                                       params, nullptr),
               "cuLaunchKernel");
  };
}

} // namespace

int main(int argc, char **argv) try {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s OPENCL_C_SOURCE|PTX [ROUNDS]\n", argv[0]);
    return 2;
  }
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 50;
  dpex::queue q;
  const dpex::device dev = q.get_device();
  const bool cuda = dev.backend() == dpex::backend::cuda;

  std::unique_ptr<RawOpenCL> cl;
  std::unique_ptr<RawCuda> cu;
  std::function<void()> raw, rawFinish;
  if (cuda) {
    cu = std::make_unique<RawCuda>(dev.name());
    raw = rawCuda(*cu, argv[1]);
    rawFinish = [&] {
      cu->check(cu->api().cuStreamSynchronize(cu->stream()),
                "cuStreamSynchronize");
    };
  } else {
    cl = std::make_unique<RawOpenCL>(dev.name(), dev.platform());
    raw = rawOpenCL(*cl, readFile(argv[1]));
    rawFinish = [&] {
      clCheck(cl->api().clFinish(cl->plainQueue()), "clFinish");
    };
  }

  dpex::array<float> a(q, N), b(q, N), c(q, N);
  b.copy_from(std::vector<float>(N, 1.0f));
  c.copy_from(std::vector<float>(N, 1.0f));
  dpex::graph g(q);
  g.record([&] {
    dpex::event last;
    for (int i = 0; i < Chain; ++i)
      last = dpex::call_kernel_async(bench::triad, dpex::range<1>(N), {last}, S,
                                     b, c, a)
                 .second;
  });

  dpex::event replayed;
  std::vector<Variant> variants = {
      {cuda ? "raw: cuLaunchKernel per launch, cuStreamSynchronize"
            : "raw: clSetKernelArg x4 + clEnqueueNDRangeKernel per launch, "
              "clFinish",
       raw,
       rawFinish,
       {},
       {}},
      {"dpex: graph::replay() of the recorded chain, host event wait",
       [&] { replayed = g.replay().first; },
       [&] { replayed.wait(); },
       {},
       {}},
      {"dpex: call_kernel_async per launch, queue::wait()",
       [&] {
         for (int i = 0; i < Chain; ++i)
           dpex::call_kernel_async(bench::triad, dpex::range<1>(N), {}, S, b, c,
                                   a);
       },
       [&] { q.wait(); },
       {},
       {}},
  };

  for (int r = -3; r < rounds; ++r) // three rounds warm up
    for (std::size_t k = 0; k < variants.size(); ++k) {
      // Rotate the order so that no variant always runs first, one way in
      // even rounds and the other in odd ones so that each variant follows
      // each other one as often (PoCL runs a variant faster right after
      // one that left its worker threads awake).
      const std::size_t n = variants.size();
      const std::size_t turn = static_cast<std::size_t>(r + 3);
      Variant &v = variants[(turn % 2 ? n - 1 - k + turn : k + turn) % n];
      auto start = Clock::now();
      v.submit();
      double submitted = nsSince(start);
      v.finish();
      if (r >= 0) {
        v.submitUs.push_back(submitted / Chain / 1e3);
        v.totalUs.push_back(nsSince(start) / Chain / 1e3);
      }
    }

  std::vector<float> out = a.to_host();
  for (float value : out)
    if (value != 1.0f + S * 1.0f)
      throw std::runtime_error("wrong triad result");

  std::printf("# %s (%s), chain of %d triad launches on %zu floats, %d "
              "rounds, median us per kernel\n",
              dev.name().c_str(), dev.platform().c_str(), Chain, N, rounds);
  std::printf("  submit      x  |  until complete      x  | variant\n");
  const double baseSubmit = median(variants.front().submitUs);
  const double baseTotal = median(variants.front().totalUs);
  for (Variant &v : variants) {
    double s = median(v.submitUs), t = median(v.totalUs);
    std::printf("%8.3f  %5.2f  | %8.3f         %5.2f  | %s\n", s,
                s / baseSubmit, t, t / baseTotal, v.name);
  }
  return 0;
} catch (const std::exception &e) {
  std::fprintf(stderr, "dpex_graph_replay: %s\n", e.what());
  return 1;
}
