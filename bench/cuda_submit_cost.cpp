// dpex's own CPU cost per CUDA launch: runs one launch loop of dpex_bench's
// dispatch section (dpex's or the raw driver's) a given number of times, so
// that bench/cuda_submit_instructions.py can count the instructions a launch
// costs under callgrind, against the simulated driver (test/sim/cuda),
// whose calls are cheap and do the same work for both. Instruction counts
// do not depend on the machine's load.
//
//   DPEX_DEVICE=cuda:0 dpex_cuda_submit_cost MODE LAUNCHES
//
// (the raw loops run on driver device 0).
//
// MODE: raw-async, async (independent launches, waited for every 256);
// raw-chain, chain (each launch after the previous one's event); raw-sync,
// sync (one launch run to completion at a time). The thread has the primary
// context current, as in dpex_bench (its raw baseline makes it so); with
// MODE async-own-thread, dpex's async launches run on a thread that has no
// context current.
#include "bench_kernels.dpex.hpp"
#include "raw_cuda.hpp"
#include "submit_loops.hpp"

#include <dpex/runtime.hpp>

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace bench; // the driver API's types, as raw_cuda.hpp declares them

constexpr unsigned StreamNonBlocking = 0x1;

// The driver entry points of the raw loops, resolved from the libcuda.so.1
// the runtime loaded. The context is made current by a push (which the
// simulation has, unlike cuCtxSetCurrent) that is never popped.
struct Raw {
  Raw() : library(dlopen("libcuda.so.1", RTLD_NOW | RTLD_NOLOAD)) {
    if (!library)
      fail("libcuda.so.1 is not loaded");
  }
  template <typename Fn> Fn get(const char *name) {
    void *symbol = dlsym(library, name);
    if (!symbol)
      fail(name);
    return reinterpret_cast<Fn>(symbol);
  }
  static void check(CUresult result, const char *call) {
    if (result != 0)
      fail(call);
  }
  [[noreturn]] static void fail(const char *what) {
    std::fprintf(stderr, "raw driver: %s failed\n", what);
    std::exit(1);
  }
  void *library;
};

// The sim parses the .entry declarations; its launches of unregistered
// kernels run nothing, as an empty kernel does.
const char EmptyPtx[] = ".version 7.5\n.target sm_80\n.address_size 64\n"
                        ".visible .entry empty()\n{\n\tret;\n}\n";

// Prints the simulated driver's count of calls of each entry point the
// loops use (test/sim/cuda/dpexsim.h), where the driver is the simulation.
void printDriverCalls() {
  void *library = dlopen("libcuda.so.1", RTLD_NOW | RTLD_NOLOAD);
  auto calls = library ? reinterpret_cast<unsigned long (*)(const char *)>(
                             dlsym(library, "dpexsim_calls"))
                       : nullptr;
  if (!calls)
    return;
  for (const char *entry :
       {"cuLaunchKernel", "cuEventRecord", "cuStreamWaitEvent",
        "cuStreamSynchronize", "cuEventQuery", "cuEventSynchronize",
        "cuCtxGetCurrent", "cuCtxPushCurrent", "cuCtxPopCurrent",
        "cuEventCreate"})
    std::printf("calls %s %lu\n", entry, calls(entry));
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s MODE LAUNCHES\n", argv[0]);
    return 2;
  }
  const std::string mode = argv[1];
  const int launches = std::atoi(argv[2]);
  dpex::queue q;
  // Loads the kernel, as every loop's first launch would.
  dpex::call_kernel(q, bench::empty, dpex::range<1>(1));
  if (mode == "async-own-thread") {
    std::thread([&] { dpexAsync(q, launches, false); }).join();
    printDriverCalls();
    return 0;
  }
  Raw raw;
  auto cuDeviceGet = raw.get<CUresult (*)(int *, int)>("cuDeviceGet");
  auto cuDevicePrimaryCtxRetain =
      raw.get<CUresult (*)(CUcontext *, int)>("cuDevicePrimaryCtxRetain");
  auto cuCtxPushCurrent =
      raw.get<CUresult (*)(CUcontext)>("cuCtxPushCurrent_v2");
  auto cuStreamCreate =
      raw.get<CUresult (*)(CUstream *, unsigned)>("cuStreamCreate");
  auto cuStreamSynchronize =
      raw.get<CUresult (*)(CUstream)>("cuStreamSynchronize");
  auto cuStreamWaitEvent =
      raw.get<CUresult (*)(CUstream, CUevent, unsigned)>("cuStreamWaitEvent");
  auto cuEventCreate =
      raw.get<CUresult (*)(CUevent *, unsigned)>("cuEventCreate");
  auto cuEventRecord =
      raw.get<CUresult (*)(CUevent, CUstream)>("cuEventRecord");
  auto cuModuleLoadData =
      raw.get<CUresult (*)(CUmodule *, const void *)>("cuModuleLoadData");
  auto cuModuleGetFunction =
      raw.get<CUresult (*)(CUfunction *, CUmodule, const char *)>(
          "cuModuleGetFunction");
  auto cuLaunchKernel = raw.get<CUresult (*)(
      CUfunction, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned,
      unsigned, CUstream, void **, void **)>("cuLaunchKernel");

  int device = 0;
  CUcontext context = nullptr;
  CUstream stream = nullptr;
  CUmodule module = nullptr;
  CUfunction empty = nullptr;
  Raw::check(cuDeviceGet(&device, 0), "cuDeviceGet");
  Raw::check(cuDevicePrimaryCtxRetain(&context, device),
             "cuDevicePrimaryCtxRetain");
  Raw::check(cuCtxPushCurrent(context), "cuCtxPushCurrent");
  Raw::check(cuStreamCreate(&stream, StreamNonBlocking), "cuStreamCreate");
  Raw::check(cuModuleLoadData(&module, EmptyPtx), "cuModuleLoadData");
  Raw::check(cuModuleGetFunction(&empty, module, "empty"),
             "cuModuleGetFunction");
  std::vector<CUevent> ends(Batch);
  for (CUevent &e : ends)
    Raw::check(cuEventCreate(&e, kEventDisableTiming), "cuEventCreate");
  auto launch = [&] {
    Raw::check(
        cuLaunchKernel(empty, 1, 1, 1, 1, 1, 1, 0, stream, nullptr, nullptr),
        "cuLaunchKernel");
  };
  auto sync = [&] {
    Raw::check(cuStreamSynchronize(stream), "cuStreamSynchronize");
  };

  if (mode == "raw-async" || mode == "raw-chain") {
    const bool chain = mode == "raw-chain";
    for (int i = 0; i < launches; ++i) {
      if (chain && i % Batch)
        Raw::check(cuStreamWaitEvent(stream, ends[i % Batch - 1], 0),
                   "cuStreamWaitEvent");
      launch();
      Raw::check(cuEventRecord(ends[i % Batch], stream), "cuEventRecord");
      if ((i + 1) % Batch == 0)
        sync();
    }
    sync();
  } else if (mode == "async" || mode == "chain") {
    dpexAsync(q, launches, mode == "chain");
  } else if (mode == "raw-sync") {
    for (int i = 0; i < launches; ++i) {
      launch();
      sync();
    }
  } else if (mode == "sync") {
    for (int i = 0; i < launches; ++i)
      dpex::call_kernel(q, bench::empty, dpex::range<1>(1));
  } else {
    std::fprintf(stderr, "unknown mode '%s'\n", mode.c_str());
    return 2;
  }
  printDriverCalls();
  return 0;
}
