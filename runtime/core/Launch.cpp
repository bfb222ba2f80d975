// detail::launch: everything between call_kernel's type-checked arguments
// and the backend's enqueue: queue inference, range checks, kernel lookup,
// argument validation, and keeping async arguments alive.
#include "Backend.h"
#include "Buffer.h"
#include "HostEvent.h"
#include "RangeRounding.h"
#include "SplitLaunchEvent.h"
#include "Trace.h"

#include <dpex/runtime/call_kernel.hpp>

#include <algorithm>
#include <chrono>
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
Expected<std::shared_ptr<rt::Queue>> inferQueue(const queue *explicitQueue,
                                                const kernel_desc &desc,
                                                const launch_arg *args,
                                                std::size_t numArgs) {
  std::shared_ptr<rt::Queue> chosen =
      explicitQueue ? explicitQueue->impl() : nullptr;
  std::size_t chosenArg = numArgs;
  for (std::size_t i = 0; i < numArgs; ++i) {
    if (args[i].kind != arg_kind::global_pointer)
      continue;
    const std::shared_ptr<rt::Queue> &q = (*args[i].buffer)->queue();
    if (!chosen) {
      chosen = q;
      chosenArg = i;
      continue;
    }
    if (q == chosen)
      continue;
    std::string other = chosenArg == numArgs
                            ? "the queue passed to the call (device '" +
                                  chosen->device().name() + "')"
                            : describeArg(desc, chosenArg) +
                                  ", which is on a queue on device '" +
                                  chosen->device().name() + "'";
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

Status checkRange(const index_space &space, const rt::DeviceLimits &limits) {
  if (space.dims > limits.maxDimensions)
    return Status::error(errc::invalid_range,
                         std::to_string(space.dims) +
                             "-dimensional launch exceeds the device's " +
                             std::to_string(limits.maxDimensions));
  if (!space.nd)
    return Status::ok();
  std::string global = extents(space.global, space.dims);
  std::string local = extents(space.local, space.dims);
  std::size_t groupSize = 1;
  for (std::uint32_t d = 0; d < space.dims; ++d) {
    std::size_t l = space.local[d];
    if (l == 0 || space.global[d] % l != 0)
      return Status::error(errc::invalid_range,
                           "local range " + local +
                               " does not divide global range " + global +
                               " in dimension " + std::to_string(d));
    // dpex dimension d is backend dimension dims-1-d.
    std::size_t max = limits.maxWorkItemSizes[space.dims - 1 - d];
    if (l > max)
      return Status::error(errc::invalid_range,
                           "local range " + local + " exceeds the device's " +
                               std::to_string(max) +
                               " work-items in dimension " + std::to_string(d));
    groupSize *= l;
  }
  if (groupSize > limits.maxWorkGroupSize)
    return Status::error(errc::invalid_range,
                         "work-group of local range " + local + " has " +
                             std::to_string(groupSize) +
                             " work-items; the device allows at most " +
                             std::to_string(limits.maxWorkGroupSize));
  return Status::ok();
}

Expected<std::vector<rt::KernelArg>> prepareArgs(const kernel_desc &desc,
                                                 const launch_arg *args,
                                                 std::size_t numArgs) {
  // Room for the range arguments launchOrError appends to an item kernel's.
  std::vector<rt::KernelArg> prepared;
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
  return prepared;
}

// Backend events a launch on `queue` must wait for; host events order device
// work through their device event. Commands of `queue` itself are already
// ahead of anything enqueued on it.
std::vector<rt::Event *> dependencies(const std::vector<event> &deps,
                                      const rt::Queue &queue) {
  std::vector<rt::Event *> events;
  events.reserve(deps.size());
  for (const event &e : deps) {
    if (!e.impl())
      continue;
    rt::Event *device = e.impl()->deviceEvent();
    if (!device->enqueuedOn(queue))
      events.push_back(device);
  }
  return events;
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
      queue.marker(dependencies(deps, queue));
  if (!marker)
    return marker.status();
  event e(marker.take());
  return std::pair<event, event>{e, e};
}

// The backend's view of `space`: its dimensions reversed (see Backend.h).
rt::LaunchConfig backendConfig(const index_space &space) {
  rt::LaunchConfig config;
  config.dims = space.dims;
  config.hasLocal = space.nd;
  for (std::uint32_t d = 0; d < space.dims; ++d) {
    config.global[space.dims - 1 - d] = space.global[d];
    config.local[space.dims - 1 - d] = space.nd ? space.local[d] : 1;
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
  // dpexc folds the spir image's range guards away.
  if (module.image().format == image_format::spir)
    return rt::splitItemGrid(config, limits.rangeGranule);
  rt::roundItemGrid(config, limits.rangeGranule);
  return std::nullopt;
}

// Enqueues the launch: once, or a split grid's bulk then its tail, which the
// in-order queue runs after the bulk.
Expected<std::shared_ptr<rt::Event>>
submit(rt::Queue &queue, rt::Kernel &kernel, const rt::LaunchConfig &config,
       const std::optional<rt::SplitGrid> &split,
       const std::vector<rt::KernelArg> &args,
       const std::vector<rt::Event *> &waitFor) {
  if (!split)
    return queue.launch(kernel, config, args, waitFor);
  Expected<std::shared_ptr<rt::Event>> bulk =
      queue.launch(kernel, split->bulk, args, waitFor);
  if (!bulk)
    return bulk.status();
  Expected<std::shared_ptr<rt::Event>> tail =
      queue.launch(kernel, split->tail, args, {});
  if (!tail)
    return tail.status();
  return std::shared_ptr<rt::Event>(
      std::make_shared<rt::SplitLaunchEvent>(bulk.take(), tail.take()));
}

// submit() run to completion, without an event where the backend needs none.
Status submitAndWait(rt::Queue &queue, rt::Kernel &kernel,
                     const rt::LaunchConfig &config,
                     const std::optional<rt::SplitGrid> &split,
                     const std::vector<rt::KernelArg> &args,
                     const std::vector<rt::Event *> &waitFor) {
  if (!split)
    return queue.launchAndWait(kernel, config, args, waitFor);
  Expected<std::shared_ptr<rt::Event>> bulk =
      queue.launch(kernel, split->bulk, args, waitFor);
  if (!bulk)
    return bulk.status();
  return queue.launchAndWait(kernel, split->tail, args, {});
}

// The trace's words for a launch: kernel, device, image and ranges.
std::string describeLaunch(const kernel_desc &desc, rt::Device &device,
                           const rt::Module &module, const index_space &space,
                           const rt::LaunchConfig &config,
                           const std::optional<rt::SplitGrid> &split) {
  std::string text = std::string(desc.display_name) + " on '" + device.name() +
                     "' (" + to_string(device.backendKind()) + ") image " +
                     module.imageDescription() + " global " +
                     extents(space.global, space.dims) + " local " +
                     (space.nd ? extents(space.local, space.dims) : "-");
  std::size_t grid[3];
  for (std::uint32_t d = 0; d < space.dims; ++d)
    grid[d] = config.global[space.dims - 1 - d];
  if (!std::equal(grid, grid + space.dims, space.global))
    text += " grid " + extents(grid, space.dims);
  if (split)
    text += " split after " + std::to_string(split->bulk.global[0]) +
            " along dimension " + std::to_string(space.dims - 1);
  return text;
}

double msSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - start)
      .count();
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
  if (numArgs != desc.num_args || space.dims != desc.dimensions ||
      space.nd != desc.nd)
    return Status::error(
        errc::invalid_argument,
        "the kernel handle's signature does not match its descriptor (" +
            std::to_string(desc.num_args) + " arguments, " +
            (desc.nd ? "nd_item<" : "item<") + std::to_string(desc.dimensions) +
            ">); regenerate the stub");

  Expected<std::shared_ptr<rt::Queue>> inferred =
      inferQueue(explicitQueue, desc, args, numArgs);
  if (!inferred)
    return inferred.status();
  std::shared_ptr<rt::Queue> queue = inferred.take();
  rt::Device &device = queue->device();

  if (Status status = checkRange(space, device.limits()); !status)
    return status;

  Expected<rt::KernelCache::Entry> kernel = device.getKernel(desc);
  if (!kernel)
    return kernel.status();
  if (space.nd) {
    std::size_t groupSize = 1;
    for (std::uint32_t d = 0; d < space.dims; ++d)
      groupSize *= space.local[d];
    std::size_t max = kernel->kernel->maxWorkGroupSize();
    if (groupSize > max)
      return Status::error(errc::invalid_range,
                           "work-group of " + std::to_string(groupSize) +
                               " work-items exceeds this kernel's limit of " +
                               std::to_string(max) + " on '" + device.name() +
                               "'");
  }

  Expected<std::vector<rt::KernelArg>> prepared =
      prepareArgs(desc, args, numArgs);
  if (!prepared)
    return prepared.status();

  if (std::any_of(space.global, space.global + space.dims,
                  [](std::size_t extent) { return extent == 0; }))
    return launchNothing(*queue, desc, space, deps);
  std::vector<rt::Event *> waitFor = dependencies(deps, *queue);

  rt::LaunchConfig config = backendConfig(space);
  std::optional<rt::SplitGrid> split;
  // Alive until the backend has taken the arguments.
  std::uint64_t userRange[3];
  if (desc.rounded_range) {
    for (std::uint32_t d = 0; d < space.dims; ++d) {
      userRange[d] = space.global[d];
      rt::KernelArg &arg = prepared->emplace_back();
      arg.kind = rt::KernelArg::Kind::Value;
      arg.value = &userRange[d];
      arg.size = sizeof(std::uint64_t);
      arg.position = numArgs + 1 + d;
      arg.desc = &RangeArgDesc;
    }
    split = chooseItemGrid(config, *kernel->module, device.limits());
  }

  // Only the trace reads a sync launch's event (for the kernel's time).
  if (mode == launch_mode::sync && !tracing) {
    if (Status status = submitAndWait(*queue, *kernel->kernel, config, split,
                                      *prepared, waitFor);
        !status)
      return status;
    return std::pair<event, event>{};
  }

  Expected<std::shared_ptr<rt::Event>> launched =
      submit(*queue, *kernel->kernel, config, split, *prepared, waitFor);
  if (!launched)
    return launched.status();
  std::shared_ptr<rt::Event> deviceEvent = launched.take();

  if (mode == launch_mode::sync) {
    if (Status status = deviceEvent->wait(); !status)
      return status;
    if (tracing) {
      // The kernel's own time where the queue records it.
      Expected<profiling_info> times = deviceEvent->profiling();
      std::string kernelTime =
          times ? " (kernel " +
                      std::to_string((times->end - times->start) / 1e6) + " ms)"
                : "";
      rt::trace(
          "launch %s: sync %.3f ms%s",
          describeLaunch(desc, device, *kernel->module, space, config, split)
              .c_str(),
          msSince(start), kernelTime.c_str());
    }
    return std::pair<event, event>{};
  }

  std::vector<std::shared_ptr<rt::Buffer>> buffers;
  for (std::size_t i = 0; i < numArgs; ++i)
    if (args[i].kind == arg_kind::global_pointer)
      buffers.push_back(*args[i].buffer);
  auto host =
      std::make_shared<rt::HostEvent>(deviceEvent, queue, std::move(buffers));
  if (Status registered = deviceEvent->onComplete([host] { host->finish(); });
      !registered) {
    // No completion callback: fall back to finishing the launch here.
    Status waited = deviceEvent->wait();
    host->finish();
    if (!waited)
      return waited;
  }
  if (tracing)
    rt::trace(
        "launch %s: async submitted in %.3f ms",
        describeLaunch(desc, device, *kernel->module, space, config, split)
            .c_str(),
        msSince(start));
  return std::pair<event, event>{event(host), event(deviceEvent)};
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
