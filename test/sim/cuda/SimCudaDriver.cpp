// A simulated CUDA driver (libcuda.so.1) for tests on machines without a
// GPU. SIMULATION ONLY: never installed, never a substitute for a GPU run.
//
// It implements the entry points that runtime/cuda/CudaLoader.cpp resolves,
// with the driver's result codes for the misuses it can detect:
//   devices   DPEX_SIM_DEVICES (default 2) devices named "dpex simulated
//             CUDA device", sm_80, with an A100's launch limits;
//   contexts  one primary context per device, a per-thread context stack;
//             calls that need a context fail with CUDA_ERROR_INVALID_CONTEXT
//             when none (or another device's) is current;
//   memory    host memory; copies check that device ranges lie inside an
//             allocation; a copy whose host side lies outside every
//             cuMemHostRegister range and cuMemAllocHost allocation is
//             pageable and, as on a real driver, has finished (with the work
//             before it) when the call returns, while one from page-locked
//             memory runs on the stream; page-locking host memory
//             (cuMemHostRegister, cuMemAllocHost) while a stream of the
//             context has work is counted as an implicit synchronisation;
//   modules   PTX text, and the simulation's own "cubin" that cuLinkComplete
//             makes of linked PTX (a real cubin is refused as built for
//             another GPU); the .entry declarations give each kernel's
//             parameter sizes;
//   streams   in order, each served by a worker thread; a launch copies its
//             parameters and runs the host function registered for its
//             entry (dpexsim.h), after DPEX_SIM_KERNEL_US=min-max random
//             microseconds;
//   events    completion and timestamps of records as the worker reaches
//             them; cuStreamWaitEvent makes a worker wait;
//   host fns  cuLaunchHostFunc runs the function on the stream's worker in
//             stream order; a driver call made from it fails with
//             CUDA_ERROR_NOT_PERMITTED, as the driver documents;
//   graphs    stream capture collects a stream's launches and copies into
//             a graph instead of running them (records, waits and
//             synchronisations of a capturing stream are refused, and so
//             is a pageable copy, with CUDA_ERROR_INVALID_VALUE);
//             cuGraphLaunch enqueues a copy of them, in order, on a stream.
//
// Failure injection: DPEX_SIM_FAIL=<entry>:<n>[:<result>][,...] makes the
// n-th call of <entry> (named without _v2) return <result> (a number or a
// CUDA_ERROR_ name, with or without the prefix) instead of doing anything.
// The default result is the one a real driver gives for the call's most
// likely failure: CUDA_ERROR_OUT_OF_MEMORY for cuMemAlloc and cuMemAllocHost,
// _LAUNCH_FAILED for
// cuLaunchKernel and the synchronisations, _INVALID_PTX for module loads and
// for cuLinkAddData and cuLinkComplete, _UNKNOWN otherwise. A failed
// synchronisation still waits for the work (the error stands for a fault of
// that work); every other failed call does nothing.
#include "FaultRules.h"
#include "dpexsim.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#define SIM_EXPORT extern "C" __attribute__((visibility("default")))

using CUresult = int;
using CUdevice = int;
using CUdeviceptr = unsigned long long;

namespace {

enum : CUresult {
  SUCCESS = 0,
  INVALID_VALUE = 1,
  OUT_OF_MEMORY = 2,
  NOT_INITIALIZED = 3,
  INVALID_DEVICE = 101,
  INVALID_IMAGE = 200,
  INVALID_CONTEXT = 201,
  NO_BINARY_FOR_GPU = 209,
  INVALID_PTX = 218,
  INVALID_HANDLE = 400,
  ILLEGAL_STATE = 401,
  NOT_FOUND = 500,
  NOT_READY = 600,
  ILLEGAL_ADDRESS = 700,
  LAUNCH_OUT_OF_RESOURCES = 701,
  PEER_ACCESS_ALREADY_ENABLED = 704,
  HOST_MEMORY_ALREADY_REGISTERED = 712,
  HOST_MEMORY_NOT_REGISTERED = 713,
  LAUNCH_FAILED = 719,
  NOT_PERMITTED = 800,
  STREAM_CAPTURE_UNSUPPORTED = 900,
  UNKNOWN = 999,
};

struct ResultName {
  CUresult code;
  const char *name;
  const char *text;
};

const ResultName resultNames[] = {
    {SUCCESS, "CUDA_SUCCESS", "no error"},
    {INVALID_VALUE, "CUDA_ERROR_INVALID_VALUE", "invalid argument"},
    {OUT_OF_MEMORY, "CUDA_ERROR_OUT_OF_MEMORY", "out of memory"},
    {NOT_INITIALIZED, "CUDA_ERROR_NOT_INITIALIZED", "initialization error"},
    {INVALID_DEVICE, "CUDA_ERROR_INVALID_DEVICE", "invalid device ordinal"},
    {INVALID_IMAGE, "CUDA_ERROR_INVALID_IMAGE",
     "device kernel image is invalid"},
    {INVALID_CONTEXT, "CUDA_ERROR_INVALID_CONTEXT", "invalid device context"},
    {NO_BINARY_FOR_GPU, "CUDA_ERROR_NO_BINARY_FOR_GPU",
     "no kernel image is available for execution on the device"},
    {INVALID_PTX, "CUDA_ERROR_INVALID_PTX", "a PTX JIT compilation failed"},
    {INVALID_HANDLE, "CUDA_ERROR_INVALID_HANDLE", "invalid resource handle"},
    {ILLEGAL_STATE, "CUDA_ERROR_ILLEGAL_STATE",
     "the operation cannot be performed in the present state"},
    {NOT_FOUND, "CUDA_ERROR_NOT_FOUND", "named symbol not found"},
    {NOT_READY, "CUDA_ERROR_NOT_READY", "device not ready"},
    {ILLEGAL_ADDRESS, "CUDA_ERROR_ILLEGAL_ADDRESS",
     "an illegal memory access was encountered"},
    {LAUNCH_OUT_OF_RESOURCES, "CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES",
     "too many resources requested for launch"},
    {PEER_ACCESS_ALREADY_ENABLED, "CUDA_ERROR_PEER_ACCESS_ALREADY_ENABLED",
     "peer access is already enabled"},
    {HOST_MEMORY_ALREADY_REGISTERED,
     "CUDA_ERROR_HOST_MEMORY_ALREADY_REGISTERED",
     "part or all of the requested memory range is already mapped"},
    {HOST_MEMORY_NOT_REGISTERED, "CUDA_ERROR_HOST_MEMORY_NOT_REGISTERED",
     "pointer does not correspond to a registered memory region"},
    {LAUNCH_FAILED, "CUDA_ERROR_LAUNCH_FAILED", "unspecified launch failure"},
    {NOT_PERMITTED, "CUDA_ERROR_NOT_PERMITTED", "operation not permitted"},
    {STREAM_CAPTURE_UNSUPPORTED, "CUDA_ERROR_STREAM_CAPTURE_UNSUPPORTED",
     "operation not permitted when stream is capturing"},
    {UNKNOWN, "CUDA_ERROR_UNKNOWN", "unknown error"},
};

// CUdevice_attribute values and what the simulated device reports.
const std::pair<int, int> deviceAttributes[] = {
    {1, 1024},       // MAX_THREADS_PER_BLOCK
    {2, 1024},       // MAX_BLOCK_DIM_X
    {3, 1024},       // MAX_BLOCK_DIM_Y
    {4, 64},         // MAX_BLOCK_DIM_Z
    {5, 2147483647}, // MAX_GRID_DIM_X
    {6, 65535},      // MAX_GRID_DIM_Y
    {7, 65535},      // MAX_GRID_DIM_Z
    {8, 49152},      // MAX_SHARED_MEMORY_PER_BLOCK
    {10, 32},        // WARP_SIZE
    {16, 108},       // MULTIPROCESSOR_COUNT
    {75, 8},         // COMPUTE_CAPABILITY_MAJOR
    {76, 0},         // COMPUTE_CAPABILITY_MINOR
    {97, 166912},    // MAX_SHARED_MEMORY_PER_BLOCK_OPTIN
};
constexpr int SimArch = 80;
constexpr int MaxThreadsPerBlock = 1024;
constexpr unsigned MaxBlock[3] = {1024, 1024, 64};
constexpr unsigned MaxGrid[3] = {2147483647u, 65535u, 65535u};
constexpr int DefaultDynamicShared = 49152;
constexpr int OptinShared = 166912;
constexpr std::uint64_t DeviceMemoryBytes = 4ull << 30;
constexpr unsigned EVENT_DISABLE_TIMING = 0x2;

std::uint64_t nowNs() {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(
          std::chrono::steady_clock::now().time_since_epoch())
          .count());
}

} // namespace

struct CUctx_st {
  int device = 0;
  int refs = 0;
  std::set<CUctx_st *> peers;
};

struct CUfunc_st;

struct CUmod_st {
  CUctx_st *context;
  std::map<std::string, std::unique_ptr<CUfunc_st>> functions;
};

struct CUfunc_st {
  std::string entry;
  std::vector<std::size_t> paramSizes;
  int maxDynamicShared = DefaultDynamicShared;
};

namespace {

// What a record reached: shared by the event and the stream operation.
struct RecordMark {
  bool done = false;
  std::uint64_t ns = 0;
};

struct Op {
  enum Kind { Launch, Copy, Record, Wait, HostFunc };
  explicit Op(Kind k) : kind(k) {}
  Kind kind;
  // Launch
  std::string entry;
  unsigned grid[3] = {}, block[3] = {};
  unsigned shared = 0;
  std::vector<std::vector<unsigned char>> params;
  // Copy
  void *dst = nullptr;
  const void *src = nullptr;
  std::size_t bytes = 0;
  bool hostDst = false, hostSrc = false;
  // Record, Wait
  std::shared_ptr<RecordMark> mark;
  // HostFunc
  void (*fn)(void *) = nullptr;
  void *data = nullptr;
};

} // namespace

struct CUgraph_st {
  std::vector<Op> ops;
};

struct CUgraphExec_st {
  CUctx_st *context;
  std::vector<Op> ops;
};

struct CUstream_st {
  CUctx_st *context;
  CUgraph_st *capture = nullptr; // while capturing
  std::deque<Op> ops;            // the front one runs while `busy`
  bool busy = false;
  bool stopping = false;
  std::thread worker;
};

struct CUevent_st {
  CUctx_st *context;
  unsigned flags;
  std::shared_ptr<RecordMark> last; // null until recorded
};

namespace {

struct Allocation {
  std::size_t bytes;
  CUctx_st *context;
};

// One lock for the whole driver: simple, and no lock order to get wrong.
struct Driver {
  std::mutex mutex;
  std::condition_variable changed;
  bool initialized = false;
  int deviceCount = 2;
  std::vector<std::unique_ptr<CUctx_st>> contexts;
  std::map<std::uintptr_t, Allocation> allocations;
  std::map<std::uintptr_t, std::size_t> registered; // host ranges, by start
  std::map<std::uintptr_t, std::size_t> pinned;     // cuMemAllocHost's
  unsigned long pageableCopies = 0;
  unsigned long implicitSyncs = 0;
  std::uint64_t allocatedBytes[8] = {};
  std::vector<void *> quarantine; // freed while still in use
  std::set<CUstream_st *> streams;
  long events = 0;
  long modules = 0;
  long graphs = 0, graphExecs = 0;
  unsigned long cubinLoads = 0; // modules loaded from a linked "cubin"
  std::map<std::string, dpexsim_kernel_fn> kernels;
  dpexsim::FaultRules<CUresult> failRules;
  std::map<std::string, unsigned long> calls;
  unsigned long injected = 0;
  unsigned long earlyFrees = 0;
  unsigned minKernelUs = 0, maxKernelUs = 0;

  Driver();
};

// Never destroyed: stream workers may still wait on its condition variable
// while the process exits.
Driver &driver() {
  static Driver *instance = new Driver;
  return *instance;
}

// In the static TLS block: LeakSanitizer's scan of a dlopen()ed library's
// dynamic TLS crashes its tracer ("Tracer caught signal 11").
#define SIM_STATIC_TLS __attribute__((tls_model("initial-exec")))

SIM_STATIC_TLS thread_local std::vector<CUctx_st *> contextStack;
// Set on a stream worker while it runs a host function.
SIM_STATIC_TLS thread_local bool inHostFunc = false;

CUctx_st *current() {
  return contextStack.empty() ? nullptr : contextStack.back();
}

CUresult resultByName(const std::string &text, bool &ok) {
  ok = true;
  if (!text.empty() && std::isdigit(static_cast<unsigned char>(text[0])))
    return std::atoi(text.c_str());
  for (const ResultName &r : resultNames) {
    if (text == r.name || "CUDA_ERROR_" + text == r.name)
      return r.code;
  }
  ok = false;
  return UNKNOWN;
}

CUresult defaultFailure(const std::string &entry) {
  if (entry == "cuMemAlloc" || entry == "cuMemAllocHost")
    return OUT_OF_MEMORY;
  if (entry == "cuLaunchKernel" || entry == "cuGraphLaunch" ||
      entry == "cuStreamSynchronize" || entry == "cuEventSynchronize")
    return LAUNCH_FAILED;
  if (entry == "cuModuleLoadDataEx" || entry == "cuModuleLoadData" ||
      entry == "cuLinkAddData" || entry == "cuLinkComplete")
    return INVALID_PTX;
  return UNKNOWN;
}

// Parses DPEX_SIM_FAIL's syntax into `rules`.
bool parseFailures(const char *spec, dpexsim::FaultRules<CUresult> &rules) {
  return dpexsim::parseFaultRules(
      spec, rules,
      [](const std::string &entry, const std::string &result, bool &ok) {
        return result.empty() ? defaultFailure(entry)
                              : resultByName(result, ok);
      });
}

void parseKernelTime(const char *text, unsigned &lo, unsigned &hi) {
  lo = hi = 0;
  if (!text || !*text)
    return;
  char *end = nullptr;
  lo = static_cast<unsigned>(std::strtoul(text, &end, 10));
  hi = lo;
  if (*end == '-')
    hi = static_cast<unsigned>(std::strtoul(end + 1, nullptr, 10));
  if (hi < lo)
    std::swap(lo, hi);
}

Driver::Driver() {
  if (const char *count = std::getenv("DPEX_SIM_DEVICES"))
    deviceCount = std::max(0, std::min(8, std::atoi(count)));
  for (int i = 0; i < deviceCount; ++i) {
    contexts.push_back(std::make_unique<CUctx_st>());
    contexts.back()->device = i;
  }
  if (!parseFailures(std::getenv("DPEX_SIM_FAIL"), failRules)) {
    std::fprintf(stderr, "dpexsim: cannot parse DPEX_SIM_FAIL='%s'\n",
                 std::getenv("DPEX_SIM_FAIL"));
    std::abort();
  }
  parseKernelTime(std::getenv("DPEX_SIM_KERNEL_US"), minKernelUs, maxKernelUs);
}

// Counts a call of `entry` and returns the failure to inject, or SUCCESS;
// CUDA_ERROR_NOT_PERMITTED from a host function.
CUresult countCall(const char *entry) {
  if (inHostFunc) {
    std::fprintf(stderr, "dpexsim: %s called from a host function\n", entry);
    return NOT_PERMITTED;
  }
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  unsigned long n = ++d.calls[entry];
  CUresult injected =
      dpexsim::injectedResult<CUresult>(d.failRules, entry, n, SUCCESS);
  if (injected != SUCCESS)
    ++d.injected;
  return injected;
}

#define SIM_CALL(entry)                                                        \
  if (CUresult injected = countCall(entry); injected != SUCCESS)               \
  return injected

// The allocation holding [p, p + bytes), if any. Called with the lock held.
const Allocation *findRange(Driver &d, const void *p, std::size_t bytes) {
  auto address = reinterpret_cast<std::uintptr_t>(p);
  auto it = d.allocations.upper_bound(address);
  if (it == d.allocations.begin())
    return nullptr;
  --it;
  if (address + bytes > it->first + it->second.bytes)
    return nullptr;
  return &it->second;
}

// Whether a queued or running launch takes a pointer into [base, base+bytes)
// as a parameter. Called with the lock held.
const Op *pendingUse(Driver &d, std::uintptr_t base, std::size_t bytes) {
  for (CUstream_st *stream : d.streams)
    for (const Op &op : stream->ops) {
      if (op.kind != Op::Launch)
        continue;
      for (const std::vector<unsigned char> &param : op.params) {
        if (param.size() != sizeof(std::uintptr_t))
          continue;
        std::uintptr_t value;
        std::memcpy(&value, param.data(), sizeof(value));
        if (value >= base && value < base + bytes)
          return &op;
      }
    }
  return nullptr;
}

// Whether a queued or running copy reads or writes host memory in
// [base, base+bytes). Called with the lock held.
bool pendingCopy(Driver &d, std::uintptr_t base, std::size_t bytes) {
  for (CUstream_st *stream : d.streams)
    for (const Op &op : stream->ops) {
      if (op.kind != Op::Copy)
        continue;
      auto address = reinterpret_cast<std::uintptr_t>(
          op.hostDst ? static_cast<const void *>(op.dst) : op.src);
      if ((op.hostDst || op.hostSrc) && address < base + bytes &&
          base < address + op.bytes)
        return true;
    }
  return false;
}

// Whether [p, p + bytes) lies inside one range of `ranges`.
bool inside(const std::map<std::uintptr_t, std::size_t> &ranges, const void *p,
            std::size_t bytes) {
  auto address = reinterpret_cast<std::uintptr_t>(p);
  auto it = ranges.upper_bound(address);
  if (it == ranges.begin())
    return false;
  --it;
  return address + bytes <= it->first + it->second;
}

// Whether [address, address + bytes) overlaps a range of `ranges`.
bool overlaps(const std::map<std::uintptr_t, std::size_t> &ranges,
              std::uintptr_t address, std::size_t bytes) {
  auto it = ranges.lower_bound(address);
  if (it != ranges.end() && it->first < address + bytes)
    return true;
  return it != ranges.begin() &&
         std::prev(it)->first + std::prev(it)->second > address;
}

// Whether [p, p + bytes) lies inside one cuMemHostRegister range or
// cuMemAllocHost allocation. Called with the lock held.
bool isRegistered(Driver &d, const void *p, std::size_t bytes) {
  return inside(d.registered, p, bytes) || inside(d.pinned, p, bytes);
}

// Counts page-locking host memory while a stream of `context` has work.
// Called with the lock held.
void countImplicitSync(Driver &d, CUctx_st *context) {
  for (CUstream_st *stream : d.streams)
    if (stream->context == context && (stream->busy || !stream->ops.empty())) {
      ++d.implicitSyncs;
      return;
    }
}

unsigned kernelDelayUs(Driver &d) {
  if (d.maxKernelUs == 0)
    return 0;
  SIM_STATIC_TLS thread_local std::minstd_rand random(static_cast<unsigned>(
      std::hash<std::thread::id>()(std::this_thread::get_id())));
  return std::uniform_int_distribution<unsigned>(d.minKernelUs,
                                                 d.maxKernelUs)(random);
}

void runLaunch(Driver &d, const Op &op, int device) {
  dpexsim_kernel_fn fn = nullptr;
  unsigned delay;
  {
    std::lock_guard<std::mutex> lock(d.mutex);
    auto it = d.kernels.find(op.entry);
    if (it != d.kernels.end())
      fn = it->second;
    delay = kernelDelayUs(d);
  }
  if (delay)
    std::this_thread::sleep_for(std::chrono::microseconds(delay));
  if (!fn)
    return;
  std::vector<const void *> params;
  for (const std::vector<unsigned char> &param : op.params)
    params.push_back(param.data());
  std::vector<unsigned char> shared(op.shared);
  dpexsim_launch launch{};
  launch.entry = op.entry.c_str();
  launch.device = device;
  std::copy(op.grid, op.grid + 3, launch.grid);
  std::copy(op.block, op.block + 3, launch.block);
  launch.shared_bytes = op.shared;
  launch.shared = shared.empty() ? nullptr : shared.data();
  launch.num_params = static_cast<unsigned>(params.size());
  launch.params = params.data();
  fn(&launch);
}

void serve(CUstream_st *stream) {
  Driver &d = driver();
  std::unique_lock<std::mutex> lock(d.mutex);
  for (;;) {
    d.changed.wait(lock,
                   [&] { return stream->stopping || !stream->ops.empty(); });
    if (stream->ops.empty())
      return; // stopping, drained
    stream->busy = true;
    Op &op = stream->ops.front();
    switch (op.kind) {
    case Op::Launch:
      lock.unlock();
      runLaunch(d, op, stream->context->device);
      lock.lock();
      break;
    case Op::Copy:
      lock.unlock();
      std::memmove(op.dst, op.src, op.bytes);
      lock.lock();
      break;
    case Op::Record:
      op.mark->ns = nowNs();
      op.mark->done = true;
      break;
    case Op::Wait: {
      std::shared_ptr<RecordMark> mark = op.mark;
      d.changed.wait(lock, [&] { return mark->done; });
      break;
    }
    case Op::HostFunc:
      lock.unlock();
      inHostFunc = true;
      op.fn(op.data);
      inHostFunc = false;
      lock.lock();
      break;
    }
    stream->ops.pop_front();
    stream->busy = false;
    d.changed.notify_all();
  }
}

// Checks that a context is current and, where `stream` is given, that it is
// the stream's.
CUresult needContext(CUstream_st *stream = nullptr) {
  CUctx_st *ctx = current();
  if (!ctx)
    return INVALID_CONTEXT;
  if (stream && stream->context != ctx)
    return INVALID_CONTEXT;
  return SUCCESS;
}

bool knownStream(Driver &d, CUstream_st *stream) {
  return stream && d.streams.count(stream);
}

CUresult enqueue(CUstream_st *stream, Op op) {
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  if (!knownStream(d, stream))
    return INVALID_HANDLE;
  if (stream->capture) {
    if (op.kind == Op::Record || op.kind == Op::Wait)
      return STREAM_CAPTURE_UNSUPPORTED;
    stream->capture->ops.push_back(std::move(op));
    return SUCCESS;
  }
  stream->ops.push_back(std::move(op));
  d.changed.notify_all();
  return SUCCESS;
}

CUresult enqueueCopy(CUstream_st *stream, void *dst, const void *src,
                     std::size_t bytes, bool dstOnDevice, bool srcOnDevice) {
  if (CUresult r = needContext(stream); r != SUCCESS)
    return r;
  Driver &d = driver();
  {
    std::lock_guard<std::mutex> lock(d.mutex);
    if ((dstOnDevice && !findRange(d, dst, bytes)) ||
        (srcOnDevice && !findRange(d, src, bytes)) || !dst || !src)
      return INVALID_VALUE;
  }
  Op op(Op::Copy);
  op.dst = dst;
  op.src = src;
  op.bytes = bytes;
  op.hostDst = !dstOnDevice;
  op.hostSrc = !srcOnDevice;
  std::unique_lock<std::mutex> lock(d.mutex);
  if (!knownStream(d, stream))
    return INVALID_HANDLE;
  const bool pageable = (!dstOnDevice && !isRegistered(d, dst, bytes)) ||
                        (!srcOnDevice && !isRegistered(d, src, bytes));
  if (stream->capture) {
    // As on a real driver: a graph's copy node cannot stage pageable memory.
    if (pageable)
      return INVALID_VALUE;
    stream->capture->ops.push_back(std::move(op));
    return SUCCESS;
  }
  stream->ops.push_back(std::move(op));
  d.changed.notify_all();
  if (pageable) {
    ++d.pageableCopies;
    d.changed.wait(lock, [&] { return stream->ops.empty(); });
  }
  return SUCCESS;
}

// The .entry declarations of a PTX text: each kernel's parameter sizes.
bool parsePtx(const char *text,
              std::map<std::string, std::vector<std::size_t>> &entries,
              std::string &log) {
  std::string ptx(text);
  if (ptx.find(".version") == std::string::npos ||
      ptx.find(".target") == std::string::npos) {
    log = "dpexsim: not PTX text (no .version or .target directive)";
    return false;
  }
  std::size_t target = ptx.find(".target");
  std::size_t sm = ptx.find("sm_", target);
  if (sm != std::string::npos && std::atoi(ptx.c_str() + sm + 3) > SimArch) {
    log = "dpexsim: ptx targets sm_" +
          std::to_string(std::atoi(ptx.c_str() + sm + 3)) +
          ", newer than the simulated sm_80";
    return false;
  }
  std::size_t pos = 0;
  while ((pos = ptx.find(".entry", pos)) != std::string::npos) {
    pos += 6;
    std::size_t open = ptx.find('(', pos);
    std::size_t close = ptx.find(')', open);
    if (open == std::string::npos || close == std::string::npos) {
      log = "dpexsim: malformed .entry";
      return false;
    }
    std::string name = ptx.substr(pos, open - pos);
    name.erase(0, name.find_first_not_of(" \t\r\n"));
    name.erase(name.find_last_not_of(" \t\r\n") + 1);
    std::vector<std::size_t> sizes;
    std::string params = ptx.substr(open + 1, close - open - 1);
    std::size_t p = 0;
    while ((p = params.find(".param", p)) != std::string::npos) {
      p += 6;
      std::size_t end = params.find(',', p);
      std::string decl = params.substr(
          p, end == std::string::npos ? std::string::npos : end - p);
      std::size_t element = 0, count = 1;
      for (const char *type : {".u8", ".s8", ".b8"})
        if (decl.find(type) != std::string::npos)
          element = 1;
      for (const char *type : {".u16", ".s16", ".b16", ".f16"})
        if (decl.find(type) != std::string::npos)
          element = 2;
      for (const char *type : {".u32", ".s32", ".b32", ".f32"})
        if (decl.find(type) != std::string::npos)
          element = 4;
      for (const char *type : {".u64", ".s64", ".b64", ".f64"})
        if (decl.find(type) != std::string::npos)
          element = 8;
      if (std::size_t bracket = decl.find('['); bracket != std::string::npos)
        count = std::strtoul(decl.c_str() + bracket + 1, nullptr, 10);
      if (element == 0 || count == 0) {
        log = "dpexsim: unsupported parameter of " + name + ":" + decl;
        return false;
      }
      sizes.push_back(element * count);
    }
    entries[name] = sizes;
    pos = close;
  }
  return true;
}

void writeLog(unsigned numOptions, const int *options, void **values,
              int bufferOption, const std::string &text) {
  char *buffer = nullptr;
  std::size_t size = 0;
  for (unsigned i = 0; i < numOptions; ++i) {
    if (options[i] == bufferOption)
      buffer = static_cast<char *>(values[i]);
    if (options[i] == bufferOption + 1)
      size = reinterpret_cast<std::uintptr_t>(values[i]);
  }
  if (!buffer || size == 0)
    return;
  std::size_t n = std::min(size - 1, text.size());
  std::memcpy(buffer, text.data(), n);
  buffer[n] = '\0';
}

// What cuLinkComplete puts before the PTX it linked.
constexpr const char *SimCubinMagic = "dpexsim linked cubin\n";

CUresult loadModule(CUmod_st **module, const void *image, unsigned numOptions,
                    int *options, void **values) {
  if (CUresult r = needContext(); r != SUCCESS)
    return r;
  if (!module || !image)
    return INVALID_VALUE;
  constexpr int ERROR_LOG_BUFFER = 5, INFO_LOG_BUFFER = 3;
  if (std::memcmp(image,
                  "\x7f"
                  "ELF",
                  4) == 0) {
    writeLog(numOptions, options, values, ERROR_LOG_BUFFER,
             "dpexsim: cubin images are not simulated; use the PTX");
    return NO_BINARY_FOR_GPU;
  }
  // A linked "cubin" is the PTX behind a header: what it loads is the PTX
  // that was linked, as a real cubin holds the code its PTX compiled to.
  const char *text = static_cast<const char *>(image);
  bool linked =
      std::strncmp(text, SimCubinMagic, std::strlen(SimCubinMagic)) == 0;
  if (linked)
    text += std::strlen(SimCubinMagic);
  std::map<std::string, std::vector<std::size_t>> entries;
  std::string log;
  if (!parsePtx(text, entries, log)) {
    writeLog(numOptions, options, values, ERROR_LOG_BUFFER, log);
    return INVALID_PTX;
  }
  auto loaded = std::make_unique<CUmod_st>();
  loaded->context = current();
  for (auto &[name, sizes] : entries) {
    auto function = std::make_unique<CUfunc_st>();
    function->entry = name;
    function->paramSizes = sizes;
    loaded->functions.emplace(name, std::move(function));
  }
  writeLog(numOptions, options, values, INFO_LOG_BUFFER,
           "dpexsim: " + std::to_string(entries.size()) +
               " entry points (simulated, no code generated)");
  Driver &d = driver();
  {
    std::lock_guard<std::mutex> lock(d.mutex);
    ++d.modules;
    d.cubinLoads += linked;
  }
  *module = loaded.release();
  return SUCCESS;
}

} // namespace

// --- error names ----------------------------------------------------------

SIM_EXPORT CUresult cuGetErrorName(CUresult error, const char **name) {
  SIM_CALL("cuGetErrorName");
  for (const ResultName &r : resultNames)
    if (r.code == error) {
      *name = r.name;
      return SUCCESS;
    }
  *name = nullptr;
  return INVALID_VALUE;
}

SIM_EXPORT CUresult cuGetErrorString(CUresult error, const char **text) {
  SIM_CALL("cuGetErrorString");
  for (const ResultName &r : resultNames)
    if (r.code == error) {
      *text = r.text;
      return SUCCESS;
    }
  *text = nullptr;
  return INVALID_VALUE;
}

// --- initialisation and devices -------------------------------------------

SIM_EXPORT CUresult cuInit(unsigned flags) {
  SIM_CALL("cuInit");
  if (flags != 0)
    return INVALID_VALUE;
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  d.initialized = true;
  return SUCCESS;
}

// The version a CUDA 12.4 driver reports; needs no cuInit.
SIM_EXPORT CUresult cuDriverGetVersion(int *version) {
  SIM_CALL("cuDriverGetVersion");
  if (!version)
    return INVALID_VALUE;
  *version = 12040;
  return SUCCESS;
}

static CUresult needInit() {
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  return d.initialized ? SUCCESS : NOT_INITIALIZED;
}

SIM_EXPORT CUresult cuDeviceGetCount(int *count) {
  SIM_CALL("cuDeviceGetCount");
  if (CUresult r = needInit(); r != SUCCESS)
    return r;
  if (!count)
    return INVALID_VALUE;
  *count = driver().deviceCount;
  return SUCCESS;
}

SIM_EXPORT CUresult cuDeviceGet(CUdevice *device, int ordinal) {
  SIM_CALL("cuDeviceGet");
  if (CUresult r = needInit(); r != SUCCESS)
    return r;
  if (!device)
    return INVALID_VALUE;
  if (ordinal < 0 || ordinal >= driver().deviceCount)
    return INVALID_DEVICE;
  *device = ordinal;
  return SUCCESS;
}

SIM_EXPORT CUresult cuDeviceGetName(char *name, int length, CUdevice device) {
  SIM_CALL("cuDeviceGetName");
  if (CUresult r = needInit(); r != SUCCESS)
    return r;
  if (device < 0 || device >= driver().deviceCount)
    return INVALID_DEVICE;
  if (!name || length <= 0)
    return INVALID_VALUE;
  std::snprintf(name, static_cast<std::size_t>(length), "%s",
                "dpex simulated CUDA device");
  return SUCCESS;
}

SIM_EXPORT CUresult cuDeviceGetAttribute(int *value, int attribute,
                                         CUdevice device) {
  SIM_CALL("cuDeviceGetAttribute");
  if (CUresult r = needInit(); r != SUCCESS)
    return r;
  if (device < 0 || device >= driver().deviceCount)
    return INVALID_DEVICE;
  for (const auto &[what, reported] : deviceAttributes)
    if (what == attribute) {
      *value = reported;
      return SUCCESS;
    }
  return INVALID_VALUE;
}

// --- contexts -------------------------------------------------------------

SIM_EXPORT CUresult cuDevicePrimaryCtxRetain(CUctx_st **context,
                                             CUdevice device) {
  SIM_CALL("cuDevicePrimaryCtxRetain");
  if (CUresult r = needInit(); r != SUCCESS)
    return r;
  Driver &d = driver();
  if (device < 0 || device >= d.deviceCount)
    return INVALID_DEVICE;
  std::lock_guard<std::mutex> lock(d.mutex);
  ++d.contexts[device]->refs;
  *context = d.contexts[device].get();
  return SUCCESS;
}

SIM_EXPORT CUresult cuDevicePrimaryCtxRelease_v2(CUdevice device) {
  SIM_CALL("cuDevicePrimaryCtxRelease");
  Driver &d = driver();
  if (device < 0 || device >= d.deviceCount)
    return INVALID_DEVICE;
  std::lock_guard<std::mutex> lock(d.mutex);
  if (d.contexts[device]->refs == 0)
    return INVALID_CONTEXT;
  --d.contexts[device]->refs;
  return SUCCESS;
}

SIM_EXPORT CUresult cuCtxPushCurrent_v2(CUctx_st *context) {
  SIM_CALL("cuCtxPushCurrent");
  if (!context)
    return INVALID_CONTEXT;
  contextStack.push_back(context);
  return SUCCESS;
}

SIM_EXPORT CUresult cuCtxPopCurrent_v2(CUctx_st **context) {
  SIM_CALL("cuCtxPopCurrent");
  if (contextStack.empty())
    return INVALID_CONTEXT;
  if (context)
    *context = contextStack.back();
  contextStack.pop_back();
  return SUCCESS;
}

SIM_EXPORT CUresult cuCtxGetCurrent(CUctx_st **context) {
  SIM_CALL("cuCtxGetCurrent");
  if (!context)
    return INVALID_VALUE;
  *context = current();
  return SUCCESS;
}

SIM_EXPORT CUresult cuCtxEnablePeerAccess(CUctx_st *peer, unsigned flags) {
  SIM_CALL("cuCtxEnablePeerAccess");
  if (CUresult r = needContext(); r != SUCCESS)
    return r;
  if (!peer || flags != 0)
    return INVALID_VALUE;
  if (peer == current())
    return INVALID_CONTEXT;
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  if (!current()->peers.insert(peer).second)
    return PEER_ACCESS_ALREADY_ENABLED;
  return SUCCESS;
}

// --- streams --------------------------------------------------------------

SIM_EXPORT CUresult cuStreamCreate(CUstream_st **stream, unsigned flags) {
  SIM_CALL("cuStreamCreate");
  if (CUresult r = needContext(); r != SUCCESS)
    return r;
  if (!stream || (flags & ~1u))
    return INVALID_VALUE;
  auto *created = new CUstream_st;
  created->context = current();
  Driver &d = driver();
  {
    std::lock_guard<std::mutex> lock(d.mutex);
    d.streams.insert(created);
  }
  created->worker = std::thread(serve, created);
  *stream = created;
  return SUCCESS;
}

SIM_EXPORT CUresult cuStreamDestroy_v2(CUstream_st *stream) {
  SIM_CALL("cuStreamDestroy");
  Driver &d = driver();
  {
    std::lock_guard<std::mutex> lock(d.mutex);
    if (!knownStream(d, stream))
      return INVALID_HANDLE;
    if (stream->capture) {
      delete stream->capture;
      stream->capture = nullptr;
      --d.graphs;
    }
    stream->stopping = true;
    d.changed.notify_all();
  }
  // The work already queued still runs, as on a GPU.
  stream->worker.join();
  {
    std::lock_guard<std::mutex> lock(d.mutex);
    d.streams.erase(stream);
  }
  delete stream;
  return SUCCESS;
}

// A failure injected into a synchronisation stands for an error of the work
// waited for: reported once that work is over, as the driver reports a
// kernel's fault.
SIM_EXPORT CUresult cuStreamSynchronize(CUstream_st *stream) {
  CUresult injected = countCall("cuStreamSynchronize");
  Driver &d = driver();
  std::unique_lock<std::mutex> lock(d.mutex);
  if (!knownStream(d, stream))
    return INVALID_HANDLE;
  if (stream->capture)
    return STREAM_CAPTURE_UNSUPPORTED;
  d.changed.wait(lock, [&] { return stream->ops.empty(); });
  return injected;
}

SIM_EXPORT CUresult cuStreamWaitEvent(CUstream_st *stream, CUevent_st *event,
                                      unsigned flags) {
  SIM_CALL("cuStreamWaitEvent");
  if (!event || flags != 0)
    return INVALID_VALUE;
  Op op(Op::Wait);
  {
    Driver &d = driver();
    std::lock_guard<std::mutex> lock(d.mutex);
    if (!event->last)
      return SUCCESS; // never recorded: nothing to wait for
    op.mark = event->last;
  }
  return enqueue(stream, std::move(op));
}

// --- events ---------------------------------------------------------------

SIM_EXPORT CUresult cuEventCreate(CUevent_st **event, unsigned flags) {
  SIM_CALL("cuEventCreate");
  if (CUresult r = needContext(); r != SUCCESS)
    return r;
  if (!event || (flags & ~0x7u))
    return INVALID_VALUE;
  *event = new CUevent_st{current(), flags, nullptr};
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  ++d.events;
  return SUCCESS;
}

SIM_EXPORT CUresult cuEventRecord(CUevent_st *event, CUstream_st *stream) {
  SIM_CALL("cuEventRecord");
  if (!event)
    return INVALID_HANDLE;
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  if (!knownStream(d, stream) || stream->context != event->context)
    return INVALID_HANDLE;
  if (stream->capture)
    return STREAM_CAPTURE_UNSUPPORTED;
  Op op(Op::Record);
  op.mark = std::make_shared<RecordMark>();
  event->last = op.mark;
  stream->ops.push_back(std::move(op));
  d.changed.notify_all();
  return SUCCESS;
}

SIM_EXPORT CUresult cuEventQuery(CUevent_st *event) {
  SIM_CALL("cuEventQuery");
  if (!event)
    return INVALID_HANDLE;
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  return !event->last || event->last->done ? SUCCESS : NOT_READY;
}

SIM_EXPORT CUresult cuEventSynchronize(CUevent_st *event) {
  CUresult injected = countCall("cuEventSynchronize");
  if (!event)
    return INVALID_HANDLE;
  Driver &d = driver();
  std::unique_lock<std::mutex> lock(d.mutex);
  std::shared_ptr<RecordMark> mark = event->last;
  if (mark)
    d.changed.wait(lock, [&] { return mark->done; });
  return injected;
}

SIM_EXPORT CUresult cuEventElapsedTime(float *ms, CUevent_st *start,
                                       CUevent_st *end) {
  SIM_CALL("cuEventElapsedTime");
  if (!ms || !start || !end)
    return INVALID_VALUE;
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  if ((start->flags | end->flags) & EVENT_DISABLE_TIMING)
    return INVALID_HANDLE;
  if (!start->last || !end->last)
    return INVALID_HANDLE;
  if (!start->last->done || !end->last->done)
    return NOT_READY;
  *ms = static_cast<float>((static_cast<double>(end->last->ns) -
                            static_cast<double>(start->last->ns)) /
                           1e6);
  return SUCCESS;
}

SIM_EXPORT CUresult cuEventDestroy_v2(CUevent_st *event) {
  SIM_CALL("cuEventDestroy");
  if (!event)
    return INVALID_HANDLE;
  Driver &d = driver();
  {
    std::lock_guard<std::mutex> lock(d.mutex);
    --d.events;
  }
  // A pending record keeps its mark: destroying a pending event is allowed.
  delete event;
  return SUCCESS;
}

// --- memory ---------------------------------------------------------------

SIM_EXPORT CUresult cuMemAlloc_v2(CUdeviceptr *pointer, std::size_t bytes) {
  SIM_CALL("cuMemAlloc");
  if (CUresult r = needContext(); r != SUCCESS)
    return r;
  if (!pointer || bytes == 0)
    return INVALID_VALUE;
  Driver &d = driver();
  int device = current()->device;
  {
    std::lock_guard<std::mutex> lock(d.mutex);
    if (d.allocatedBytes[device] + bytes > DeviceMemoryBytes)
      return OUT_OF_MEMORY;
    d.allocatedBytes[device] += bytes;
  }
  // 256-byte aligned, as the driver's allocations are.
  void *memory = std::aligned_alloc(256, (bytes + 255) / 256 * 256);
  std::lock_guard<std::mutex> lock(d.mutex);
  if (!memory) {
    d.allocatedBytes[device] -= bytes;
    return OUT_OF_MEMORY;
  }
  d.allocations[reinterpret_cast<std::uintptr_t>(memory)] = {bytes, current()};
  *pointer = reinterpret_cast<CUdeviceptr>(memory);
  return SUCCESS;
}

SIM_EXPORT CUresult cuMemFree_v2(CUdeviceptr pointer) {
  SIM_CALL("cuMemFree");
  if (CUresult r = needContext(); r != SUCCESS)
    return r;
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  auto it = d.allocations.find(static_cast<std::uintptr_t>(pointer));
  if (it == d.allocations.end())
    return INVALID_VALUE;
  void *memory = reinterpret_cast<void *>(it->first);
  d.allocatedBytes[it->second.context->device] -= it->second.bytes;
  if (const Op *user = pendingUse(d, it->first, it->second.bytes)) {
    ++d.earlyFrees;
    std::fprintf(stderr,
                 "dpexsim: cuMemFree of %p while a pending launch of '%s' "
                 "uses it\n",
                 memory, user->entry.c_str());
    d.quarantine.push_back(memory);
  } else {
    std::free(memory);
  }
  d.allocations.erase(it);
  return SUCCESS;
}

// Page-locks [p, p + bytes); a range overlapping one registered before is
// refused, as the driver does. One made while the context has work on a
// stream is counted as an implicit synchronisation (dpexsim.h).
SIM_EXPORT CUresult cuMemHostRegister_v2(void *p, std::size_t bytes,
                                         unsigned flags) {
  SIM_CALL("cuMemHostRegister");
  if (CUresult r = needContext(); r != SUCCESS)
    return r;
  if (!p || bytes == 0 || (flags & ~0xFu))
    return INVALID_VALUE;
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  auto address = reinterpret_cast<std::uintptr_t>(p);
  if (overlaps(d.registered, address, bytes) ||
      overlaps(d.pinned, address, bytes))
    return HOST_MEMORY_ALREADY_REGISTERED;
  d.registered[address] = bytes;
  countImplicitSync(d, current());
  return SUCCESS;
}

SIM_EXPORT CUresult cuMemHostUnregister(void *p) {
  SIM_CALL("cuMemHostUnregister");
  if (CUresult r = needContext(); r != SUCCESS)
    return r;
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  auto it = d.registered.find(reinterpret_cast<std::uintptr_t>(p));
  if (it == d.registered.end())
    return HOST_MEMORY_NOT_REGISTERED;
  if (pendingCopy(d, it->first, it->second)) {
    ++d.earlyFrees;
    std::fprintf(stderr,
                 "dpexsim: cuMemHostUnregister of %p while a pending copy "
                 "uses it\n",
                 p);
  }
  d.registered.erase(it);
  return SUCCESS;
}

// Page-locked host memory; like a registration, counted as an implicit
// synchronisation when made while the context has work on a stream.
SIM_EXPORT CUresult cuMemAllocHost_v2(void **p, std::size_t bytes) {
  SIM_CALL("cuMemAllocHost");
  if (CUresult r = needContext(); r != SUCCESS)
    return r;
  if (!p || bytes == 0)
    return INVALID_VALUE;
  void *memory = std::aligned_alloc(4096, (bytes + 4095) / 4096 * 4096);
  if (!memory)
    return OUT_OF_MEMORY;
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  d.pinned[reinterpret_cast<std::uintptr_t>(memory)] = bytes;
  countImplicitSync(d, current());
  *p = memory;
  return SUCCESS;
}

SIM_EXPORT CUresult cuMemFreeHost(void *p) {
  SIM_CALL("cuMemFreeHost");
  if (CUresult r = needContext(); r != SUCCESS)
    return r;
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  auto it = d.pinned.find(reinterpret_cast<std::uintptr_t>(p));
  if (it == d.pinned.end())
    return INVALID_VALUE;
  if (pendingCopy(d, it->first, it->second)) {
    ++d.earlyFrees;
    std::fprintf(stderr,
                 "dpexsim: cuMemFreeHost of %p while a pending copy uses it\n",
                 p);
    d.quarantine.push_back(p);
  } else {
    std::free(p);
  }
  d.pinned.erase(it);
  return SUCCESS;
}

SIM_EXPORT CUresult cuMemcpyHtoDAsync_v2(CUdeviceptr dst, const void *src,
                                         std::size_t bytes,
                                         CUstream_st *stream) {
  SIM_CALL("cuMemcpyHtoDAsync");
  return enqueueCopy(stream, reinterpret_cast<void *>(dst), src, bytes, true,
                     false);
}

SIM_EXPORT CUresult cuMemcpyDtoHAsync_v2(void *dst, CUdeviceptr src,
                                         std::size_t bytes,
                                         CUstream_st *stream) {
  SIM_CALL("cuMemcpyDtoHAsync");
  return enqueueCopy(stream, dst, reinterpret_cast<const void *>(src), bytes,
                     false, true);
}

SIM_EXPORT CUresult cuMemcpyDtoDAsync_v2(CUdeviceptr dst, CUdeviceptr src,
                                         std::size_t bytes,
                                         CUstream_st *stream) {
  SIM_CALL("cuMemcpyDtoDAsync");
  return enqueueCopy(stream, reinterpret_cast<void *>(dst),
                     reinterpret_cast<const void *>(src), bytes, true, true);
}

SIM_EXPORT CUresult cuMemcpyPeerAsync(CUdeviceptr dst, CUctx_st *dstContext,
                                      CUdeviceptr src, CUctx_st *srcContext,
                                      std::size_t bytes, CUstream_st *stream) {
  SIM_CALL("cuMemcpyPeerAsync");
  Driver &d = driver();
  {
    std::lock_guard<std::mutex> lock(d.mutex);
    const Allocation *to = findRange(d, reinterpret_cast<void *>(dst), bytes);
    const Allocation *from =
        findRange(d, reinterpret_cast<const void *>(src), bytes);
    if (!to || !from || to->context != dstContext ||
        from->context != srcContext)
      return INVALID_VALUE;
  }
  return enqueueCopy(stream, reinterpret_cast<void *>(dst),
                     reinterpret_cast<const void *>(src), bytes, true, true);
}

// --- host functions -------------------------------------------------------

SIM_EXPORT CUresult cuLaunchHostFunc(CUstream_st *stream, void (*fn)(void *),
                                     void *data) {
  SIM_CALL("cuLaunchHostFunc");
  if (CUresult r = needContext(stream); r != SUCCESS)
    return r;
  if (!fn)
    return INVALID_VALUE;
  Op op(Op::HostFunc);
  op.fn = fn;
  op.data = data;
  return enqueue(stream, std::move(op));
}

// --- modules and kernels --------------------------------------------------

SIM_EXPORT CUresult cuModuleLoadDataEx(CUmod_st **module, const void *image,
                                       unsigned numOptions, int *options,
                                       void **values) {
  SIM_CALL("cuModuleLoadDataEx");
  return loadModule(module, image, numOptions, options, values);
}

SIM_EXPORT CUresult cuModuleLoadData(CUmod_st **module, const void *image) {
  SIM_CALL("cuModuleLoadData");
  return loadModule(module, image, 0, nullptr, nullptr);
}

// A link of PTX inputs: cuLinkComplete checks them as a module load would
// and returns the simulation's "cubin", owned by the link state.
struct CUlinkState_st {
  std::string ptx;
  std::string cubin;
};

SIM_EXPORT CUresult cuLinkCreate_v2(unsigned numOptions, int *options,
                                    void **values, CUlinkState_st **state) {
  SIM_CALL("cuLinkCreate");
  if (CUresult r = needContext(); r != SUCCESS)
    return r;
  if (!state || (numOptions && (!options || !values)))
    return INVALID_VALUE;
  *state = new CUlinkState_st;
  return SUCCESS;
}

SIM_EXPORT CUresult cuLinkAddData_v2(CUlinkState_st *state, int type,
                                     void *data, std::size_t size, const char *,
                                     unsigned, int *, void **) {
  SIM_CALL("cuLinkAddData");
  constexpr int InputPtx = 1;
  if (!state || !data || size == 0 || type != InputPtx ||
      !state->ptx.empty()) // one PTX input is all the runtime links
    return INVALID_VALUE;
  const char *text = static_cast<const char *>(data);
  state->ptx.assign(text, strnlen(text, size));
  return SUCCESS;
}

SIM_EXPORT CUresult cuLinkComplete(CUlinkState_st *state, void **cubin,
                                   std::size_t *size) {
  SIM_CALL("cuLinkComplete");
  if (!state || !cubin || !size || state->ptx.empty())
    return INVALID_VALUE;
  std::map<std::string, std::vector<std::size_t>> entries;
  std::string log;
  if (!parsePtx(state->ptx.c_str(), entries, log))
    return INVALID_PTX;
  state->cubin = SimCubinMagic + state->ptx;
  *cubin = state->cubin.data();
  *size = state->cubin.size() + 1; // with its NUL
  return SUCCESS;
}

SIM_EXPORT CUresult cuLinkDestroy(CUlinkState_st *state) {
  SIM_CALL("cuLinkDestroy");
  if (!state)
    return INVALID_HANDLE;
  delete state;
  return SUCCESS;
}

SIM_EXPORT CUresult cuModuleUnload(CUmod_st *module) {
  SIM_CALL("cuModuleUnload");
  if (!module)
    return INVALID_HANDLE;
  Driver &d = driver();
  {
    std::lock_guard<std::mutex> lock(d.mutex);
    --d.modules;
  }
  delete module;
  return SUCCESS;
}

SIM_EXPORT CUresult cuModuleGetFunction(CUfunc_st **function, CUmod_st *module,
                                        const char *name) {
  SIM_CALL("cuModuleGetFunction");
  if (!function || !module || !name)
    return INVALID_VALUE;
  auto it = module->functions.find(name);
  if (it == module->functions.end())
    return NOT_FOUND;
  *function = it->second.get();
  return SUCCESS;
}

SIM_EXPORT CUresult cuFuncGetAttribute(int *value, int attribute,
                                       CUfunc_st *function) {
  SIM_CALL("cuFuncGetAttribute");
  if (!value || !function)
    return INVALID_VALUE;
  switch (attribute) {
  case 0: // MAX_THREADS_PER_BLOCK
    *value = MaxThreadsPerBlock;
    return SUCCESS;
  case 1: // SHARED_SIZE_BYTES (static)
  case 2: // CONST_SIZE_BYTES
  case 3: // LOCAL_SIZE_BYTES
    *value = 0;
    return SUCCESS;
  case 4: // NUM_REGS
    *value = 32;
    return SUCCESS;
  case 8: // MAX_DYNAMIC_SHARED_SIZE_BYTES
    *value = function->maxDynamicShared;
    return SUCCESS;
  default:
    return INVALID_VALUE;
  }
}

SIM_EXPORT CUresult cuFuncSetAttribute(CUfunc_st *function, int attribute,
                                       int value) {
  SIM_CALL("cuFuncSetAttribute");
  if (!function || attribute != 8 || value < 0 || value > OptinShared)
    return INVALID_VALUE;
  function->maxDynamicShared = value;
  return SUCCESS;
}

SIM_EXPORT CUresult cuLaunchKernel(CUfunc_st *function, unsigned gridX,
                                   unsigned gridY, unsigned gridZ,
                                   unsigned blockX, unsigned blockY,
                                   unsigned blockZ, unsigned sharedBytes,
                                   CUstream_st *stream, void **params,
                                   void **extra) {
  SIM_CALL("cuLaunchKernel");
  if (CUresult r = needContext(stream); r != SUCCESS)
    return r;
  if (!function || extra)
    return INVALID_VALUE;
  const unsigned grid[3] = {gridX, gridY, gridZ};
  const unsigned block[3] = {blockX, blockY, blockZ};
  for (int axis = 0; axis < 3; ++axis)
    if (grid[axis] == 0 || grid[axis] > MaxGrid[axis] || block[axis] == 0 ||
        block[axis] > MaxBlock[axis])
      return INVALID_VALUE;
  if (static_cast<unsigned long>(blockX) * blockY * blockZ >
      static_cast<unsigned long>(MaxThreadsPerBlock))
    return INVALID_VALUE;
  if (sharedBytes > static_cast<unsigned>(function->maxDynamicShared))
    return INVALID_VALUE;
  if (!function->paramSizes.empty() && !params)
    return INVALID_VALUE;
  Op op(Op::Launch);
  op.entry = function->entry;
  std::copy(grid, grid + 3, op.grid);
  std::copy(block, block + 3, op.block);
  op.shared = sharedBytes;
  for (std::size_t i = 0; i < function->paramSizes.size(); ++i) {
    const auto *bytes = static_cast<const unsigned char *>(params[i]);
    op.params.emplace_back(bytes, bytes + function->paramSizes[i]);
  }
  return enqueue(stream, std::move(op));
}

// --- graphs -----------------------------------------------------------------

SIM_EXPORT CUresult cuStreamBeginCapture_v2(CUstream_st *stream, int mode) {
  SIM_CALL("cuStreamBeginCapture");
  if (CUresult r = needContext(stream); r != SUCCESS)
    return r;
  if (mode < 0 || mode > 2)
    return INVALID_VALUE;
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  if (!knownStream(d, stream))
    return INVALID_HANDLE;
  if (stream->capture)
    return ILLEGAL_STATE;
  stream->capture = new CUgraph_st;
  ++d.graphs;
  return SUCCESS;
}

SIM_EXPORT CUresult cuStreamEndCapture(CUstream_st *stream,
                                       CUgraph_st **graph) {
  SIM_CALL("cuStreamEndCapture");
  if (!graph)
    return INVALID_VALUE;
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  if (!knownStream(d, stream))
    return INVALID_HANDLE;
  if (!stream->capture)
    return ILLEGAL_STATE;
  *graph = stream->capture;
  stream->capture = nullptr;
  return SUCCESS;
}

SIM_EXPORT CUresult cuGraphInstantiateWithFlags(CUgraphExec_st **exec,
                                                CUgraph_st *graph,
                                                unsigned long long flags) {
  SIM_CALL("cuGraphInstantiateWithFlags");
  if (CUresult r = needContext(); r != SUCCESS)
    return r;
  if (!exec || !graph || flags != 0)
    return INVALID_VALUE;
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  *exec = new CUgraphExec_st{current(), graph->ops};
  ++d.graphExecs;
  return SUCCESS;
}

SIM_EXPORT CUresult cuGraphLaunch(CUgraphExec_st *exec, CUstream_st *stream) {
  SIM_CALL("cuGraphLaunch");
  if (!exec)
    return INVALID_HANDLE;
  if (CUresult r = needContext(stream); r != SUCCESS)
    return r;
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  if (!knownStream(d, stream))
    return INVALID_HANDLE;
  if (stream->capture || stream->context != exec->context)
    return INVALID_VALUE;
  for (const Op &op : exec->ops)
    stream->ops.push_back(op);
  d.changed.notify_all();
  return SUCCESS;
}

SIM_EXPORT CUresult cuGraphExecDestroy(CUgraphExec_st *exec) {
  SIM_CALL("cuGraphExecDestroy");
  if (!exec)
    return INVALID_HANDLE;
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  delete exec;
  --d.graphExecs;
  return SUCCESS;
}

SIM_EXPORT CUresult cuGraphDestroy(CUgraph_st *graph) {
  SIM_CALL("cuGraphDestroy");
  if (!graph)
    return INVALID_HANDLE;
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  delete graph;
  --d.graphs;
  return SUCCESS;
}

// --- the simulation's own interface (dpexsim.h) ---------------------------

SIM_EXPORT void dpexsim_register_kernel(const char *entry,
                                        dpexsim_kernel_fn fn) {
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  d.kernels[entry] = fn;
}

SIM_EXPORT int dpexsim_set_failures(const char *spec) {
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  d.calls.clear();
  return parseFailures(spec, d.failRules) ? 0 : (d.failRules.clear(), -1);
}

SIM_EXPORT unsigned long dpexsim_calls(const char *entry) {
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  auto it = d.calls.find(entry);
  return it == d.calls.end() ? 0 : it->second;
}

SIM_EXPORT unsigned long dpexsim_failures_injected(void) {
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  return d.injected;
}

SIM_EXPORT void dpexsim_set_kernel_time(unsigned minUs, unsigned maxUs) {
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  d.minKernelUs = std::min(minUs, maxUs);
  d.maxKernelUs = std::max(minUs, maxUs);
}

SIM_EXPORT unsigned long dpexsim_early_frees(void) {
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  return d.earlyFrees;
}

SIM_EXPORT unsigned long dpexsim_pageable_copies(void) {
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  return d.pageableCopies;
}

SIM_EXPORT unsigned long dpexsim_implicit_syncs(void) {
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  return d.implicitSyncs;
}

SIM_EXPORT unsigned long dpexsim_cubin_loads(void) {
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  return d.cubinLoads;
}

SIM_EXPORT long dpexsim_live(const char *kind) {
  Driver &d = driver();
  std::lock_guard<std::mutex> lock(d.mutex);
  std::string what = kind ? kind : "";
  if (what == "memory")
    return static_cast<long>(d.allocations.size());
  if (what == "stream")
    return static_cast<long>(d.streams.size());
  if (what == "event")
    return d.events;
  if (what == "module")
    return d.modules;
  if (what == "registration")
    return static_cast<long>(d.registered.size());
  if (what == "pinned")
    return static_cast<long>(d.pinned.size());
  if (what == "graph")
    return d.graphs;
  if (what == "graph_exec")
    return d.graphExecs;
  return -1;
}
