// The interface every backend (runtime/opencl, runtime/cuda) implements.
// Nothing here names a backend API type; the core (queue inference, range
// checks, caching, async completion) is written against these classes only.
//
// Conventions: methods report failures as Status/Expected and never throw;
// extents in LaunchConfig and DeviceLimits are in backend order, index 0
// being the fastest-varying dimension (OpenCL dim 0, CUDA x), which is the
// LAST dpex dimension.
#pragma once

#include "KernelCache.h"
#include "LaunchRecords.h"
#include "Status.h"

#include <dpex/detail/kernel_desc.hpp>
#include <dpex/runtime/device.hpp>
#include <dpex/runtime/event.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace dpex::rt {

class Queue;

// What one device accepts, filled by its backend; the core checks every
// launch and allocation against it before anything is enqueued
// (core/Launch.cpp, core/Buffer.cpp), so that a driver never sees a request it
// would crash on or silently drop.
struct DeviceLimits {
  std::uint32_t maxDimensions = 3;
  std::size_t maxWorkGroupSize = 1;
  std::size_t maxWorkItemSizes[3] = {1, 1, 1}; // backend order
  // Work-items of one launch: per dimension (backend order) and in all;
  // and its work-groups, in all.
  std::size_t maxGlobalSizes[3] = {1, 1, 1};
  std::size_t maxGlobalItems = 1;
  std::size_t maxWorkGroups = 1;
  // Bytes of one allocation; 0 where only the allocation itself can tell.
  std::size_t maxAllocation = 0;
  // Bytes of local memory one work-group can use, static and dynamic
  // (local accessors) together; 0 where the driver does not say.
  std::size_t localMemory = 0;
  // Work-items an item launch's grid is rounded toward, so that the driver
  // can form work-groups of about this size whatever the range's extents.
  std::size_t rangeGranule = 64;
};

class Event {
public:
  virtual ~Event();
  // Blocks until complete; fails with errc::launch_failed if the work failed.
  virtual Status wait() = 0;
  // Fails if the backend cannot tell.
  virtual Expected<bool> isComplete() = 0;
  // Fails with errc::invalid_argument on a queue made without profiling.
  virtual Expected<profiling_info> profiling() = 0;
  // The backend event that orders device work, for events that are not one
  // themselves (HostEvent); backend events return themselves.
  virtual Event *deviceEvent() { return this; }
  // Whether this is a command of `queue`, which then runs it before anything
  // enqueued later (queues are in order). Compares addresses only: the queue
  // may be gone, and its commands with it completed.
  virtual bool enqueuedOn(const Queue &) const { return false; }

protected:
  // What profiling() reports on a queue made without profiling.
  static Status profilingDisabled();
};

// A compiled entry point. Owned by its Module.
class Kernel {
public:
  virtual ~Kernel();
  // The largest work-group this kernel can run with on its device.
  virtual std::size_t maxWorkGroupSize() const = 0;
  // Bytes of local memory the kernel declares itself, which the local
  // accessors of a launch share the device's DeviceLimits::localMemory with.
  virtual std::size_t staticLocalMemory() const = 0;
};

// One module_desc built for one device (and its context).
class Module {
public:
  virtual ~Module();
  // The kernel stays owned by the module. Not called concurrently for one
  // module (KernelCache serialises it).
  virtual Expected<Kernel *> createKernel(const char *entry) = 0;
  // Which image was loaded and how, for DPEX_TRACE, e.g. "spir (cl_khr_spir)".
  virtual const std::string &imageDescription() const = 0;
  // The image it was built from (one of its module_desc's).
  virtual const detail::device_image &image() const = 0;
};

// A prepared kernel argument.
struct KernelArg {
  enum class Kind { Value, Pointer, Local };
  Kind kind;
  const void *value = nullptr; // Value: `size` bytes
  void *pointer = nullptr;     // Pointer: device address
  std::size_t size = 0;        // Value: bytes; Local: bytes of local memory
  // For error messages: 1-based position after the index space, and the
  // parameter as the kernel declares it.
  std::size_t position = 0;
  const detail::arg_desc *desc = nullptr;

  // "argument 2 'x' (const float*)"
  std::string describe() const {
    return "argument " + std::to_string(position) + " '" + desc->name + "' (" +
           desc->type_name + ")";
  }
};

struct LaunchConfig {
  std::uint32_t dims = 1;
  std::size_t global[3] = {1, 1, 1}; // backend order
  std::size_t local[3] = {1, 1, 1};  // backend order; used if hasLocal
  bool hasLocal = false;
  // Added to every global id (backend order). Only OpenCL has global
  // offsets; the core sets them only for an image without the range guard
  // (dpexc's spir image, which only OpenCL devices load).
  std::size_t offset[3] = {0, 0, 0};
};

// One operation of a recorded graph (core/Graph.cpp), in the backend's
// terms: a launch, whose argument values it owns, or a copy between host
// memory and allocations of the graph's device (either side).
struct RecordedOp {
  enum class Kind { Launch, Copy };
  Kind kind = Kind::Launch;
  // Launch: the kernel stays owned by its device's kernel cache.
  Kernel *kernel = nullptr;
  LaunchConfig config;
  std::vector<KernelArg> args; // Value arguments point into `values`
  std::vector<std::unique_ptr<unsigned char[]>> values;
  // Copy.
  void *dst = nullptr;
  const void *src = nullptr;
  std::size_t bytes = 0;
};

// A recorded graph as its queue's backend replays it. Owned with the
// operations it was made from, which outlive it.
class GraphExec {
public:
  virtual ~GraphExec();
  // Enqueues every operation in order after `deps` and returns the event
  // of the last one. On failure nothing of the replay is left running.
  virtual Expected<std::shared_ptr<Event>>
  replay(const std::vector<Event *> &deps) = 0;
  // How the backend replays, for DPEX_TRACE, e.g. "cuda graph".
  virtual const char *kind() const = 0;
};

class Device : public std::enable_shared_from_this<Device> {
public:
  Device() = default;
  Device(const Device &) = delete;
  Device &operator=(const Device &) = delete;
  virtual ~Device();

  virtual const std::string &name() const = 0;
  // The driver's platform ("Intel(R) OpenCL", "Portable Computing Language",
  // "NVIDIA CUDA"): device names alone do not tell two CPU runtimes apart.
  virtual const std::string &platformName() const = 0;
  // Its vendor ("The pocl project", "Intel(R) Corporation"), which
  // DPEX_DEVICE=backend:<name> also matches: PoCL's platform name does not
  // say "pocl".
  virtual const std::string &platformVendor() const = 0;
  virtual backend backendKind() const = 0;
  virtual device_type type() const = 0;
  virtual const DeviceLimits &limits() const = 0;
  // Whether this device can load images of `format` at all.
  virtual bool canLoad(detail::image_format format) const = 0;
  // Which of a module's images it builds, in words, e.g. "spir
  // (cl_khr_spir; no SPIR-V in CL_DEVICE_IL_VERSION)".
  virtual std::string imageSummary() const = 0;
  // What the driver reports, read when asked; "", 0 or {} where it does
  // not say: its version, the device's compute units (CUDA: multiprocessors)
  // and the sub-group sizes its kernels can run with (CUDA: the warp size).
  virtual std::string driverVersion() const = 0;
  virtual std::size_t computeUnits() const = 0;
  virtual std::vector<std::size_t> subGroupSizes() const = 0;

  // A queue whose events have profiling() if `profiling`.
  virtual Expected<std::shared_ptr<Queue>> createQueue(bool profiling) = 0;
  // Device memory the kernels of every queue on this device can address.
  virtual Expected<void *> allocate(std::size_t bytes) = 0;
  virtual void deallocate(void *pointer) = 0;
  virtual Expected<std::unique_ptr<Module>>
  buildModule(const detail::module_desc &module) = 0;

  // The kernel for `desc`, building its module on first use.
  Expected<KernelCache::Entry> getKernel(const detail::kernel_desc &desc) {
    return kernels_.get(*this, desc);
  }

private:
  KernelCache kernels_;
};

class Queue {
public:
  Queue(std::shared_ptr<Device> device, bool profiling)
      : device_(std::move(device)), profiling_(profiling) {}
  Queue(const Queue &) = delete;
  Queue &operator=(const Queue &) = delete;
  virtual ~Queue();

  Device &device() const { return *device_; }
  // Whether its events record profiling timestamps.
  bool profiling() const { return profiling_; }
  const std::shared_ptr<Device> &sharedDevice() const { return device_; }

  // Gives back an allocation of this queue's device once the work already
  // submitted to the queue is done with it.
  virtual void release(void *pointer) { device_->deallocate(pointer); }

  // Blocking copy between host and device memory in either direction,
  // ordered after the work already submitted to this queue.
  virtual Status copy(void *dst, const void *src, std::size_t bytes) = 0;
  // Blocking copy between two allocations of this queue's device, ordered
  // after the work already submitted to this queue.
  virtual Status copyOnDevice(void *dst, const void *src,
                              std::size_t bytes) = 0;
  // Blocking copy into `dst` on this queue's device from `src` on the
  // device of `source`, another device of the same backend, through the
  // driver's peer copy, ordered after the work already on both queues.
  // False, having done nothing, where the backend has no copy between the
  // two devices; the caller then stages it through the host. The default
  // has none.
  virtual Expected<bool> copyFromPeer(void *dst, Queue &source, const void *src,
                                      std::size_t bytes);
  // Enqueues a copy of `bytes` from `src` to `dst` after `deps` and returns
  // its event at once; each side is host memory or an allocation of this
  // queue's device. Host memory is read or written until the event
  // completed. What the copy needs until then (a page-locked registration
  // of the host range, say) the backend appends to `keep`, which the caller
  // releases once the event completed, last entry first.
  virtual Expected<std::shared_ptr<Event>>
  copyAsync(void *dst, const void *src, std::size_t bytes,
            const std::vector<Event *> &deps,
            std::vector<std::shared_ptr<void>> &keep) = 0;
  // copyFromPeer() as an async copy after `deps`: enqueued after the work
  // already on both queues, its event returned at once. Null, having done
  // nothing, where the backend has no copy between the two devices. The
  // default has none.
  virtual Expected<std::shared_ptr<Event>>
  copyFromPeerAsync(void *dst, Queue &source, const void *src,
                    std::size_t bytes, const std::vector<Event *> &deps);
  // Enqueues `kernel` after `deps` (backend events, possibly of other
  // devices or backends) and submits it for execution. Safe to call from
  // many threads at once.
  virtual Expected<std::shared_ptr<Event>>
  launch(Kernel &kernel, const LaunchConfig &config,
         const std::vector<KernelArg> &args,
         const std::vector<Event *> &deps) = 0;
  // launch() run to completion. The default waits on launch()'s event; a
  // backend can do without one, which is what a launch without profiling
  // costs in the raw driver API.
  virtual Status launchAndWait(Kernel &kernel, const LaunchConfig &config,
                               const std::vector<KernelArg> &args,
                               const std::vector<Event *> &deps);
  // An event that completes once all of `deps` did.
  virtual Expected<std::shared_ptr<Event>>
  marker(const std::vector<Event *> &deps) = 0;
  // Blocks until all submitted work completed.
  virtual Status finish() = 0;
  // Prepares `ops` (not empty, staying alive and unchanged as long as the
  // result) for replays on this queue. The default replays them through
  // launch() and copyAsync().
  virtual Expected<std::unique_ptr<GraphExec>>
  instantiate(const std::vector<RecordedOp> &ops);

  // Async launches whose arguments are not yet released.
  LaunchRecords &launchRecords() { return records_; }

private:
  std::shared_ptr<Device> device_;
  bool profiling_;
  LaunchRecords records_;
};

// The backend events work on `queue` must wait for: host events order
// device work through their device event; commands of `queue` itself are
// already ahead of anything enqueued on it, and default events are complete.
std::vector<Event *> dependencies(const std::vector<event> &deps,
                                  const Queue &queue);
// The same into `events`, emptied first.
void dependencies(const std::vector<event> &deps, const Queue &queue,
                  std::vector<Event *> &events);

class Backend {
public:
  virtual ~Backend();
  virtual backend kind() const = 0;
  // Empty if the backend's driver library is missing.
  virtual const std::vector<std::shared_ptr<Device>> &devices() const = 0;
  // Why devices() is empty, e.g. "libOpenCL.so.1 not found"; empty if not.
  virtual const std::string &unavailableReason() const = 0;
};

// Backend factories; each never fails (an unavailable backend has no
// devices and says why).
std::unique_ptr<Backend> createCudaBackend();
std::unique_ptr<Backend> createOpenCLBackend();

} // namespace dpex::rt
