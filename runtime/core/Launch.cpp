// detail::launch: everything between call_kernel's type-checked arguments
// and the backend's enqueue. A launch is validated (queue inference, range
// checks, kernel lookup, arguments), configured in the backend's terms (grid,
// range arguments), then submitted; an async launch's arguments stay alive
// until it completed.
#include "Backend.h"
#include "Buffer.h"
#include "CheckedMath.h"
#include "Graph.h"
#include "HostEvent.h"
#include "RangeRounding.h"
#include "SplitLaunchEvent.h"
#include "Trace.h"

#include <dpex/runtime/call_kernel.hpp>

#include <algorithm>
#include <chrono>
#include <limits>
#include <optional>
#include <string>

namespace dpex::detail {

namespace {

using rt::Expected;
using rt::Status;

const char *argKindName(arg_kind kind) {
  switch (kind) {
  case arg_kind::scalar:
    return "scalar";
  case arg_kind::boolean:
    return "bool";
  case arg_kind::global_pointer:
    return "pointer";
  case arg_kind::local_accessor:
    return "local_accessor";
  case arg_kind::by_value:
    return "struct";
  }
  return "unknown";
}

std::string describeArg(const kernel_desc &desc, std::size_t i) {
  return "argument " + std::to_string(i + 1) + " '" + desc.args[i].name +
         "' (" + desc.args[i].type_name + ")";
}

std::string extents(const std::size_t *values, std::uint32_t dims) {
  std::string text = "[";
  for (std::uint32_t d = 0; d < dims; ++d)
    text += (d ? ", " : "") + std::to_string(values[d]);
  return text + "]";
}

// The queue the launch runs on: the explicit one, else the arrays' one.
// Points into the queue or array passed to the call, which outlive it: a
// launch copies the pointer to the queue only where it keeps the queue.
Expected<const std::shared_ptr<rt::Queue> *>
inferQueue(const queue *explicitQueue, const kernel_desc &desc,
           const launch_arg *args, std::size_t numArgs) {
  if (explicitQueue && !explicitQueue->impl())
    return Status::error(errc::invalid_argument,
                         "the queue passed to the call is a moved-from queue");
  const std::shared_ptr<rt::Queue> *chosen =
      explicitQueue ? &explicitQueue->impl() : nullptr;
  std::size_t chosenArg = numArgs;
  for (std::size_t i = 0; i < numArgs; ++i) {
    if (args[i].kind != arg_kind::global_pointer)
      continue;
    if (!*args[i].buffer)
      return Status::error(errc::invalid_argument,
                           describeArg(desc, i) + " is a moved-from array");
    const std::shared_ptr<rt::Queue> &q = (*args[i].buffer)->queue();
    if (!chosen) {
      chosen = &q;
      chosenArg = i;
      continue;
    }
    if (q == *chosen)
      continue;
    std::string other = chosenArg == numArgs
                            ? "the queue passed to the call (device '" +
                                  (*chosen)->device().name() + "')"
                            : describeArg(desc, chosenArg) +
                                  ", which is on a queue on device '" +
                                  (*chosen)->device().name() + "'";
    return Status::error(
        errc::queue_inference,
        describeArg(desc, i) + " is an array on another queue (device '" +
            q->device().name() + "') than " + other +
            "; compute follows data, so all arrays of a launch must share "
            "one queue");
  }
  if (!chosen)
    return Status::error(errc::queue_inference,
                         "no array argument to infer the queue from; pass a "
                         "queue as first argument: call_kernel(q, kernel, "
                         "index_space, args...)");
  return chosen;
}

// dpex dimension d is backend axis dims-1-d (see Backend.h).
std::uint32_t backendAxis(std::uint32_t dims, std::uint32_t d) {
  return dims - 1 - d;
}

// Work-items per work-group of an nd launch, if that fits size_t.
std::optional<std::size_t> workGroupSize(const index_space &space) {
  return rt::checkedProduct(space.local, space.dims);
}

// `groupSize`: workGroupSize(space), if it fits size_t.
Status checkRange(const index_space &space, const rt::DeviceLimits &limits,
                  std::optional<std::size_t> groupSize) {
  if (space.dims > limits.maxDimensions)
    return Status::error(errc::invalid_range,
                         std::to_string(space.dims) +
                             "-dimensional launch exceeds the device's " +
                             std::to_string(limits.maxDimensions));
  // Worded only for an error: a launch that passes builds no strings.
  auto global = [&] { return extents(space.global, space.dims); };
  for (std::uint32_t d = 0; d < space.dims; ++d) {
    std::size_t max = limits.maxGlobalSizes[backendAxis(space.dims, d)];
    if (space.global[d] > max)
      return Status::error(errc::invalid_range,
                           "global range " + global() +
                               " exceeds the device's " + std::to_string(max) +
                               " work-items in dimension " + std::to_string(d) +
                               " by " + std::to_string(space.global[d] - max));
  }
  std::optional<std::size_t> items =
      rt::checkedProduct(space.global, space.dims);
  if (!items || *items > limits.maxGlobalItems)
    return Status::error(
        errc::invalid_range,
        "global range " + global() + " has " +
            (items ? std::to_string(*items) + " work-items, " +
                         std::to_string(*items - limits.maxGlobalItems) +
                         " more than"
                   : std::string("more work-items than size_t holds;")) +
            " the device's " + std::to_string(limits.maxGlobalItems) +
            " in one launch");
  if (!space.nd)
    return Status::ok();
  auto local = [&] { return extents(space.local, space.dims); };
  std::size_t groups[3];
  for (std::uint32_t d = 0; d < space.dims; ++d) {
    std::size_t l = space.local[d];
    if (l == 0 || space.global[d] % l != 0)
      return Status::error(errc::invalid_range,
                           "local range " + local() +
                               " does not divide global range " + global() +
                               " in dimension " + std::to_string(d));
    std::size_t max = limits.maxWorkItemSizes[backendAxis(space.dims, d)];
    if (l > max)
      return Status::error(errc::invalid_range,
                           "local range " + local() + " exceeds the device's " +
                               std::to_string(max) +
                               " work-items in dimension " + std::to_string(d));
    groups[d] = space.global[d] / l;
  }
  if (!groupSize || *groupSize > limits.maxWorkGroupSize)
    return Status::error(
        errc::invalid_range,
        "work-group of local range " + local() + " has " +
            (groupSize ? std::to_string(*groupSize) : "more than SIZE_MAX") +
            " work-items; the device allows at most " +
            std::to_string(limits.maxWorkGroupSize));
  // Fits: each group has at least one work-item.
  std::size_t numGroups = *rt::checkedProduct(groups, space.dims);
  if (numGroups > limits.maxWorkGroups)
    return Status::error(errc::invalid_range,
                         "nd_range " + global() + " / " + local() + " has " +
                             std::to_string(numGroups) + " work-groups, " +
                             std::to_string(numGroups - limits.maxWorkGroups) +
                             " more than the device's " +
                             std::to_string(limits.maxWorkGroups) +
                             " in one launch");
  return Status::ok();
}

// A kernel's registers or local memory can limit its work-groups below the
// device's limit. `groupSize`: workGroupSize(space), which checkRange
// found to fit.
Status checkKernelGroupSize(const index_space &space, std::size_t groupSize,
                            const rt::Kernel &kernel,
                            const rt::Device &device) {
  std::size_t max = kernel.maxWorkGroupSize();
  if (!space.nd || groupSize <= max)
    return Status::ok();
  return Status::error(errc::invalid_range,
                       "work-group of " + std::to_string(groupSize) +
                           " work-items exceeds this kernel's limit of " +
                           std::to_string(max) + " on '" + device.name() + "'");
}

// What a launch builds per call and the backend reads only until its
// enqueue returned: kept per thread for the next launch, so that a launch
// allocates none of it. Launches on one thread never overlap (a launch
// runs no user code).
struct LaunchScratch {
  std::vector<rt::KernelArg> args;
  std::vector<rt::Event *> waitFor;
};

// Set once the thread's scratch was destroyed (at thread exit, or at
// process exit before static destructors, which may still launch).
thread_local bool threadScratchGone = false;

struct ThreadScratch : LaunchScratch {
  ~ThreadScratch() { threadScratchGone = true; }
};

// Null once the thread's scratch is gone.
LaunchScratch *threadScratch() {
  if (threadScratchGone)
    return nullptr;
  thread_local ThreadScratch scratch;
  return &scratch;
}

// Fills `prepared` (emptied first) with the launch's arguments.
Status prepareArgs(const kernel_desc &desc, const launch_arg *args,
                   std::size_t numArgs, std::vector<rt::KernelArg> &prepared) {
  prepared.clear();
  // Room for the range arguments ConfiguredLaunch appends to an item
  // kernel's.
  prepared.reserve(numArgs + (desc.rounded_range ? desc.dimensions : 0));
  prepared.resize(numArgs);
  for (std::size_t i = 0; i < numArgs; ++i) {
    const launch_arg &arg = args[i];
    const arg_desc &param = desc.args[i];
    if (arg.kind != param.kind)
      return Status::error(errc::invalid_argument,
                           describeArg(desc, i) + ": the kernel takes a " +
                               argKindName(param.kind) +
                               " but the handle's signature passes a " +
                               argKindName(arg.kind));
    rt::KernelArg &out = prepared[i];
    out.position = i + 1;
    out.desc = &param;
    switch (arg.kind) {
    case arg_kind::scalar:
    case arg_kind::boolean:
    case arg_kind::by_value:
      if (arg.size != param.size)
        return Status::error(
            errc::invalid_argument,
            describeArg(desc, i) + ": value of " + std::to_string(arg.size) +
                " bytes, the kernel expects " + std::to_string(param.size));
      out.kind = rt::KernelArg::Kind::Value;
      out.value = arg.value;
      out.size = arg.size;
      break;
    case arg_kind::global_pointer:
      out.kind = rt::KernelArg::Kind::Pointer;
      out.pointer = static_cast<char *>((*arg.buffer)->pointer()) + arg.offset;
      break;
    case arg_kind::local_accessor:
      // OpenCL forbids it, and drivers differ in how: PoCL says
      // CL_INVALID_ARG_SIZE, Intel's CPU runtime crashes in the kernel; on
      // CUDA every access would be out of bounds.
      if (arg.size == 0)
        return Status::error(errc::invalid_argument,
                             describeArg(desc, i) +
                                 ": local memory of 0 elements; a local "
                                 "accessor needs at least one");
      out.kind = rt::KernelArg::Kind::Local;
      out.size = arg.size;
      break;
    }
  }
  return Status::ok();
}

// The local accessors of a launch share the device's local memory with
// what the kernel declares itself. A local_memory<T> whose byte size does
// not fit size_t says SIZE_MAX (local_memory::byte_size).
Status checkLocalMemory(const std::vector<rt::KernelArg> &args,
                        const rt::Kernel &kernel, const rt::Device &device) {
  const std::size_t limit = device.limits().localMemory;
  if (limit == 0)
    return Status::ok(); // the driver did not say
  const std::size_t declared = kernel.staticLocalMemory();
  std::size_t total = declared;
  for (const rt::KernelArg &arg : args) {
    if (arg.kind != rt::KernelArg::Kind::Local)
      continue;
    std::size_t before = total;
    if (arg.size == std::numeric_limits<std::size_t>::max())
      return Status::error(errc::invalid_argument,
                           arg.describe() +
                               ": local memory whose size in bytes does not "
                               "fit size_t; '" +
                               device.name() + "' has " +
                               std::to_string(limit) + " bytes");
    if (__builtin_add_overflow(before, arg.size, &total) || total > limit)
      return Status::error(
          errc::invalid_argument,
          arg.describe() + ": local memory of " + std::to_string(arg.size) +
              " bytes, with the " + std::to_string(before) +
              " bytes before it (the kernel's own and earlier local "
              "accessors), is " +
              std::to_string(arg.size - (limit > before ? limit - before : 0)) +
              " bytes over the " + std::to_string(limit) +
              " bytes of local memory of '" + device.name() + "'");
  }
  return Status::ok();
}

// A launch checked against its kernel's descriptor and its queue's device.
struct ValidLaunch {
  const std::shared_ptr<rt::Queue> *queue; // see inferQueue
  rt::KernelCache::Entry kernel;
};

// The first check that fails names the descriptor, argument or range at
// fault; so does a kernel that fails to build. Fills `prepared` with the
// arguments in the backend's terms.
Expected<ValidLaunch>
validateLaunch(const queue *explicitQueue, const kernel_desc &desc,
               const index_space &space, const launch_arg *args,
               std::size_t numArgs, std::vector<rt::KernelArg> &prepared) {
  if (numArgs != desc.num_args || space.dims != desc.dimensions ||
      space.nd != desc.nd)
    return Status::error(
        errc::invalid_argument,
        "the kernel handle's signature does not match its descriptor (" +
            std::to_string(desc.num_args) + " arguments, " +
            (desc.nd ? "nd_item<" : "item<") + std::to_string(desc.dimensions) +
            ">); regenerate the stub");
  for (std::size_t i = 0; i < numArgs; ++i)
    if (args[i].rejected)
      return Status::error(errc::invalid_argument,
                           describeArg(desc, i) + ": " + args[i].rejected);

  Expected<const std::shared_ptr<rt::Queue> *> queue =
      inferQueue(explicitQueue, desc, args, numArgs);
  if (!queue)
    return queue.status();
  rt::Device &device = (**queue)->device();

  const std::optional<std::size_t> groupSize = workGroupSize(space);
  if (Status status = checkRange(space, device.limits(), groupSize); !status)
    return status;

  Expected<rt::KernelCache::Entry> kernel = device.getKernel(desc);
  if (!kernel)
    return kernel.status();
  if (Status status = checkKernelGroupSize(space, groupSize.value_or(1),
                                           *kernel->kernel, device);
      !status)
    return status;

  if (Status status = prepareArgs(desc, args, numArgs, prepared); !status)
    return status;
  if (Status status = checkLocalMemory(prepared, *kernel->kernel, device);
      !status)
    return status;
  return ValidLaunch{*queue, *kernel};
}

// A launch of an empty range: nothing runs, but its events complete only
// once `deps` have, those on `queue` included (a marker follows them).
Expected<std::pair<event, event>>
launchNothing(rt::Queue &queue, const kernel_desc &desc,
              const index_space &space, const std::vector<event> &deps) {
  rt::trace("launch %s: empty range %s, nothing to run", desc.display_name,
            extents(space.global, space.dims).c_str());
  if (std::none_of(deps.begin(), deps.end(),
                   [](const event &e) { return e.impl() != nullptr; }))
    return std::pair<event, event>{};
  Expected<std::shared_ptr<rt::Event>> marker =
      queue.marker(rt::dependencies(deps, queue));
  if (!marker)
    return marker.status();
  event e(marker.take());
  return std::pair<event, event>{e, e};
}

// The backend's view of `space`: its dimensions reversed.
rt::LaunchConfig backendConfig(const index_space &space) {
  rt::LaunchConfig config;
  config.dims = space.dims;
  config.hasLocal = space.nd;
  for (std::uint32_t d = 0; d < space.dims; ++d) {
    std::uint32_t axis = backendAxis(space.dims, d);
    config.global[axis] = space.global[d];
    config.local[axis] = space.nd ? space.local[d] : 1;
  }
  return config;
}

// How the trailing range arguments of a rounded_range kernel describe
// themselves in an error.
const arg_desc RangeArgDesc{arg_kind::scalar, sizeof(std::uint64_t),
                            alignof(std::uint64_t), "(launch range)", "size_t"};

// The grid of an item launch (see RangeRounding.h): rounded up where the
// image guards the range, else exact, split where the driver would pick
// small work-groups.
std::optional<rt::SplitGrid> chooseItemGrid(rt::LaunchConfig &config,
                                            const rt::Module &module,
                                            const rt::DeviceLimits &limits) {
  // The stub records whether the image kept its guards.
  if (!module.image().range_guard)
    return rt::splitItemGrid(config, limits.rangeGranule);
  rt::roundItemGrid(config, limits);
  return std::nullopt;
}

// A launch in the backend's terms: its grid and its arguments (`args`, to
// which those of a rounded_range kernel get the launch range appended,
// which they point to inside this object: so it is neither copied nor
// moved).
class ConfiguredLaunch {
public:
  ConfiguredLaunch(const kernel_desc &desc, const index_space &space,
                   const rt::Module &module, const rt::DeviceLimits &limits,
                   std::vector<rt::KernelArg> &args)
      : config_(backendConfig(space)), args_(args) {
    if (!desc.rounded_range)
      return;
    for (std::uint32_t d = 0; d < space.dims; ++d) {
      range_[d] = space.global[d];
      rt::KernelArg &arg = args_.emplace_back();
      arg.kind = rt::KernelArg::Kind::Value;
      arg.value = &range_[d];
      arg.size = sizeof(std::uint64_t);
      arg.position = desc.num_args + 1 + d;
      arg.desc = &RangeArgDesc;
    }
    split_ = chooseItemGrid(config_, module, limits);
  }
  ConfiguredLaunch(const ConfiguredLaunch &) = delete;
  ConfiguredLaunch &operator=(const ConfiguredLaunch &) = delete;

  const rt::LaunchConfig &config() const { return config_; }
  // Set where the grid runs as two launches.
  const std::optional<rt::SplitGrid> &split() const { return split_; }
  const std::vector<rt::KernelArg> &args() const { return args_; }

private:
  rt::LaunchConfig config_;
  std::optional<rt::SplitGrid> split_;
  std::vector<rt::KernelArg> &args_;
  std::uint64_t range_[3];
};

// Enqueues the launch: once, or a split grid's bulk then its tail, which the
// in-order queue runs after the bulk.
Expected<std::shared_ptr<rt::Event>>
submit(rt::Queue &queue, rt::Kernel &kernel, const ConfiguredLaunch &launch,
       const std::vector<rt::Event *> &waitFor) {
  if (!launch.split())
    return queue.launch(kernel, launch.config(), launch.args(), waitFor);
  Expected<std::shared_ptr<rt::Event>> bulk =
      queue.launch(kernel, launch.split()->bulk, launch.args(), waitFor);
  if (!bulk)
    return bulk.status();
  Expected<std::shared_ptr<rt::Event>> tail =
      queue.launch(kernel, launch.split()->tail, launch.args(), {});
  if (!tail)
    return tail.status();
  return std::shared_ptr<rt::Event>(
      std::make_shared<rt::SplitLaunchEvent>(bulk.take(), tail.take()));
}

// submit() run to completion, without an event where the backend needs none.
Status submitAndWait(rt::Queue &queue, rt::Kernel &kernel,
                     const ConfiguredLaunch &launch,
                     const std::vector<rt::Event *> &waitFor) {
  if (!launch.split())
    return queue.launchAndWait(kernel, launch.config(), launch.args(), waitFor);
  Expected<std::shared_ptr<rt::Event>> bulk =
      queue.launch(kernel, launch.split()->bulk, launch.args(), waitFor);
  if (!bulk)
    return bulk.status();
  return queue.launchAndWait(kernel, launch.split()->tail, launch.args(), {});
}

// The events of a sync launch: none, once it completed.
Expected<std::pair<event, event>> waitForLaunch(rt::Event &deviceEvent) {
  if (Status status = deviceEvent.wait(); !status)
    return status;
  return std::pair<event, event>{};
}

// Submits an async launch and records it with its queue: its host event
// holds the arrays and the queue until the device event completed.
Expected<std::pair<event, event>>
submitAsync(const std::shared_ptr<rt::Queue> &queue, rt::Kernel &kernel,
            const ConfiguredLaunch &launch,
            const std::vector<rt::Event *> &waitFor, const launch_arg *args,
            std::size_t numArgs) {
  rt::LaunchRecords::Submission submission(queue->launchRecords());
  Expected<std::shared_ptr<rt::Event>> launched =
      submit(*queue, kernel, launch, waitFor);
  if (!launched)
    return launched.status();
  std::shared_ptr<rt::Event> deviceEvent = launched.take();
  auto host = rt::HostEvent::make(deviceEvent, queue);
  for (std::size_t i = 0; i < numArgs; ++i)
    if (args[i].kind == arg_kind::global_pointer)
      host->hold(*args[i].buffer);
  event hostEvent(host);
  submission.record(std::move(host), queue);
  return std::pair<event, event>{std::move(hostEvent),
                                 event(std::move(deviceEvent))};
}

// The trace's words for a launch: kernel, device, image and ranges.
std::string describeLaunch(const kernel_desc &desc, const index_space &space,
                           rt::Device &device, const rt::Module &module,
                           const ConfiguredLaunch &launch) {
  std::string text = std::string(desc.display_name) + " on '" + device.name() +
                     "' (" + to_string(device.backendKind()) + ") image " +
                     module.imageDescription() + " global " +
                     extents(space.global, space.dims) + " local " +
                     (space.nd ? extents(space.local, space.dims) : "-");
  std::size_t grid[3];
  for (std::uint32_t d = 0; d < space.dims; ++d)
    grid[d] = launch.config().global[backendAxis(space.dims, d)];
  if (!std::equal(grid, grid + space.dims, space.global))
    text += " grid " + extents(grid, space.dims);
  if (launch.split())
    text += " split after " + std::to_string(launch.split()->bulk.global[0]) +
            " along dimension " + std::to_string(space.dims - 1);
  return text;
}

double msSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - start)
      .count();
}

// DPEX_TRACE's line for a launch that ran (sync, with the kernel's own time
// where the queue records it) or was submitted (async).
void traceLaunch(const std::string &launch, launch_mode mode,
                 rt::Event &deviceEvent,
                 std::chrono::steady_clock::time_point start) {
  if (mode == launch_mode::async) {
    rt::trace("launch %s: async submitted in %.3f ms", launch.c_str(),
              msSince(start));
    return;
  }
  Expected<profiling_info> times = deviceEvent.profiling();
  std::string kernelTime =
      times ? " (kernel " + std::to_string((times->end - times->start) / 1e6) +
                  " ms)"
            : "";
  rt::trace("launch %s: sync %.3f ms%s", launch.c_str(), msSince(start),
            kernelTime.c_str());
}

Expected<std::pair<event, event>>
launchOrError(const queue *explicitQueue, const kernel_desc &desc,
              const index_space &space, const launch_arg *args,
              std::size_t numArgs, const std::vector<event> &deps,
              launch_mode mode) {
  // Only the trace reads the launch's own timing.
  const bool tracing = rt::traceEnabled();
  auto start = tracing ? std::chrono::steady_clock::now()
                       : std::chrono::steady_clock::time_point();
  LaunchScratch own;
  LaunchScratch *threadOwned = threadScratch();
  LaunchScratch &scratch = threadOwned ? *threadOwned : own;
  Expected<ValidLaunch> valid =
      validateLaunch(explicitQueue, desc, space, args, numArgs, scratch.args);
  if (!valid)
    return valid.status();
  rt::Queue &queue = **valid->queue;
  // While a graph records on this thread, launches are recorded, not run.
  rt::Graph *graph = rt::Graph::recording();
  if (graph) {
    if (mode == launch_mode::sync)
      return Status::error(errc::invalid_argument,
                           "dpex::graph::record: call_kernel runs at once, "
                           "which a recording cannot; use call_kernel_async");
    if (Status status = graph->admit(queue, deps, "call_kernel_async"); !status)
      return status;
  }
  if (std::any_of(space.global, space.global + space.dims,
                  [](std::size_t extent) { return extent == 0; }))
    return graph ? graph->placeholder()
                 : launchNothing(queue, desc, space, deps);

  std::vector<rt::Event *> &waitFor = scratch.waitFor;
  rt::dependencies(deps, queue, waitFor);
  const rt::Module &module = *valid->kernel.module;
  rt::Kernel &kernel = *valid->kernel.kernel;
  const ConfiguredLaunch configured(desc, space, module,
                                    queue.device().limits(), scratch.args);

  if (graph) {
    std::vector<std::shared_ptr<rt::Buffer>> buffers;
    for (std::size_t i = 0; i < numArgs; ++i)
      if (args[i].kind == arg_kind::global_pointer)
        buffers.push_back(*args[i].buffer);
    if (configured.split())
      return graph->recordLaunch(
          kernel, {&configured.split()->bulk, &configured.split()->tail},
          configured.args(), std::move(buffers));
    return graph->recordLaunch(kernel, {&configured.config()},
                               configured.args(), std::move(buffers));
  }

  // Only the trace reads a sync launch's event (for the kernel's time).
  if (mode == launch_mode::sync && !tracing) {
    if (Status status = submitAndWait(queue, kernel, configured, waitFor);
        !status)
      return status;
    return std::pair<event, event>{};
  }
  if (mode == launch_mode::async) {
    Expected<std::pair<event, event>> events =
        submitAsync(*valid->queue, kernel, configured, waitFor, args, numArgs);
    if (events && tracing)
      traceLaunch(
          describeLaunch(desc, space, queue.device(), module, configured), mode,
          *events->second.impl(), start);
    return events;
  }
  Expected<std::shared_ptr<rt::Event>> launched =
      submit(queue, kernel, configured, waitFor);
  if (!launched)
    return launched.status();
  std::shared_ptr<rt::Event> deviceEvent = launched.take();
  Expected<std::pair<event, event>> events = waitForLaunch(*deviceEvent);
  if (events && tracing)
    traceLaunch(describeLaunch(desc, space, queue.device(), module, configured),
                mode, *deviceEvent, start);
  return events;
}

} // namespace

std::pair<event, event>
launch(const queue *explicit_queue, const kernel_desc &desc,
       const index_space &space, const launch_arg *args, std::size_t num_args,
       const std::vector<event> &deps, launch_mode mode) {
  Expected<std::pair<event, event>> result =
      launchOrError(explicit_queue, desc, space, args, num_args, deps, mode);
  if (!result) {
    std::string where =
        std::string(mode == launch_mode::sync ? "call_kernel("
                                              : "call_kernel_async(") +
        desc.display_name + ")";
    rt::throwIfFailed(result.status().withContext(where));
  }
  return result.take();
}

} // namespace dpex::detail
