// A cl_event as a backend event.
#pragma once

#include "OpenCLLoader.h"

#include "core/Backend.h"

namespace dpex::rt::opencl {

class OpenCLEvent final : public Event {
public:
  // Takes over the reference `event` holds, a command of `queue`.
  OpenCLEvent(const OpenCLApi &api, cl_event event, cl_context context,
              const Queue &queue)
      : api_(api), event_(event), context_(context), queue_(&queue),
        profiling_(queue.profiling()) {}
  OpenCLEvent(const OpenCLEvent &) = delete;
  OpenCLEvent &operator=(const OpenCLEvent &) = delete;
  ~OpenCLEvent() override;

  Status wait() override;
  Expected<bool> isComplete() override;
  Expected<profiling_info> profiling() override;

  cl_event handle() const { return event_; }
  cl_context context() const { return context_; }
  bool enqueuedOn(const Queue &queue) const override {
    return queue_ == &queue;
  }

private:
  const OpenCLApi &api_;
  cl_event event_;
  cl_context context_;
  const Queue *queue_;
  bool profiling_;
};

} // namespace dpex::rt::opencl
