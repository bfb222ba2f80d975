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
  // Submits the commands enqueued so far to the device (see OpenCLEvent).
  void flush() const { api_.clFlush(queue_); }

private:
  // The cl_events of `deps` usable in this context; waits on the host for
  // the others (other devices or backends).
  Expected<std::vector<cl_event>> waitList(const std::vector<Event *> &deps);

  const OpenCLApi &api_;
  OpenCLDevice &clDevice_;
  cl_command_queue queue_;
};

} // namespace dpex::rt::opencl
