// An in-order cl_command_queue, with profiling where asked for.
#pragma once

#include "OpenCLDevice.h"

#include "core/Backend.h"

#include <memory>

namespace dpex::rt::opencl {

class OpenCLQueue final : public Queue,
                          public std::enable_shared_from_this<OpenCLQueue> {
public:
  // Takes over the reference `queue` holds.
  OpenCLQueue(std::shared_ptr<OpenCLDevice> device, cl_command_queue queue,
              bool profiling);
  ~OpenCLQueue() override;

  Status copy(void *dst, const void *src, std::size_t bytes) override;
  // clEnqueueSVMMemcpy copies between SVM allocations too.
  Status copyOnDevice(void *dst, const void *src, std::size_t bytes) override {
    return copy(dst, src, bytes);
  }
  // A non-blocking clEnqueueSVMMemcpy with the dependencies as its wait
  // list, flushed at once: unlike a launch, a copy is worth starting before
  // anyone waits for it.
  Expected<std::shared_ptr<Event>>
  copyAsync(void *dst, const void *src, std::size_t bytes,
            const std::vector<Event *> &deps,
            std::vector<std::shared_ptr<void>> &keep) override;
  Expected<std::shared_ptr<Event>>
  launch(Kernel &kernel, const LaunchConfig &config,
         const std::vector<KernelArg> &args,
         const std::vector<Event *> &deps) override;
  Expected<std::shared_ptr<Event>>
  marker(const std::vector<Event *> &deps) override;
  Status finish() override;
  // A prepared replay list: one clCloneKernel copy per recorded launch,
  // its arguments set once here, so that a replay is only the enqueues,
  // held behind a user event until the last one is in, with an event for
  // the last one alone and one clFlush. The generic
  // replay where the driver has no clCloneKernel.
  Expected<std::unique_ptr<GraphExec>>
  instantiate(const std::vector<RecordedOp> &ops) override;
  // Submits the commands enqueued so far to the device (see OpenCLEvent).
  void flush() const { api_.clFlush(queue_); }
  void release(void *pointer) override;

  // The cl_events of `deps` usable in this context; waits on the host for
  // the others (other devices or backends).
  Expected<std::vector<cl_event>> waitList(const std::vector<Event *> &deps);
  // The same into `events`, room for deps.size(); returns how many.
  Expected<cl_uint> waitList(const std::vector<Event *> &deps,
                             cl_event *events);
  const OpenCLApi &api() const { return api_; }
  cl_context context() const { return clDevice_.context(); }
  cl_command_queue handle() const { return queue_; }

private:
  const OpenCLApi &api_;
  OpenCLDevice &clDevice_;
  cl_command_queue queue_;
};

} // namespace dpex::rt::opencl
