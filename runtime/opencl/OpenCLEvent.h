// A cl_event as a backend event.
#pragma once

#include "OpenCLLoader.h"

#include "core/Backend.h"

#include <memory>

namespace dpex::rt::opencl {

class OpenCLQueue;

// Commands are not flushed when enqueued (a clFlush per launch costs the
// submitting thread): an event flushes its queue when it is waited for, and
// when a status query or another queue's dependency finds its command still
// CL_QUEUED, so that a command someone waits for always reaches the device.
class OpenCLEvent final : public Event {
public:
  // Takes over the reference `event` holds, a command of `queue`.
  OpenCLEvent(const OpenCLApi &api, cl_event event, cl_context context,
              std::shared_ptr<OpenCLQueue> queue);
  OpenCLEvent(const OpenCLEvent &) = delete;
  OpenCLEvent &operator=(const OpenCLEvent &) = delete;
  ~OpenCLEvent() override;

  Status wait() override;
  Expected<bool> isComplete() override;
  Expected<profiling_info> profiling() override;

  cl_event handle() const { return event_; }
  cl_context context() const { return context_; }
  bool enqueuedOn(const Queue &queue) const override;
  // Flushes the queue if the command has not reached the device yet: before
  // a command of another queue waits for it (OpenCL requires the flush).
  void submit();

private:
  const OpenCLApi &api_;
  cl_event event_;
  cl_context context_;
  std::shared_ptr<OpenCLQueue> queue_;
  bool profiling_;
};

} // namespace dpex::rt::opencl
