#include "OpenCLEvent.h"

#include "OpenCLError.h"
#include "OpenCLQueue.h"

#include <chrono>
#include <thread>

namespace dpex::rt::opencl {

OpenCLEvent::OpenCLEvent(const OpenCLApi &api, cl_event event,
                         cl_context context, std::shared_ptr<OpenCLQueue> queue)
    : api_(api), event_(event), context_(context), queue_(std::move(queue)),
      profiling_(queue_->profiling()) {}

OpenCLEvent::~OpenCLEvent() { api_.clReleaseEvent(event_); }

bool OpenCLEvent::enqueuedOn(const Queue &queue) const {
  return queue_.get() == &queue;
}

void OpenCLEvent::submit() {
  cl_int status = CL_COMPLETE;
  if (api_.clGetEventInfo(event_, CL_EVENT_COMMAND_EXECUTION_STATUS,
                          sizeof(status), &status, nullptr) == CL_SUCCESS &&
      status == CL_QUEUED)
    queue_->flush();
}

Status OpenCLEvent::wait() {
  queue_->flush();
  cl_int err = api_.clWaitForEvents(1, &event_);
  cl_int status = CL_COMPLETE;
  auto query = [&] {
    return api_.clGetEventInfo(event_, CL_EVENT_COMMAND_EXECUTION_STATUS,
                               sizeof(status), &status, nullptr);
  };
  cl_int queried = query();
  // A failed wait may leave the command running, and using the arrays that
  // the caller releases once it sees the error: wait for its end by polling.
  while (err != CL_SUCCESS && queried == CL_SUCCESS && status > CL_COMPLETE) {
    std::this_thread::sleep_for(std::chrono::microseconds(100));
    queried = query();
  }
  // A negative execution status is the error the command failed with.
  if (status < 0)
    return clError(errc::launch_failed, "command failed on the device", status);
  if (err != CL_SUCCESS)
    return clError(errc::launch_failed, "clWaitForEvents", err);
  return Status::ok();
}

Expected<bool> OpenCLEvent::isComplete() {
  cl_int status = CL_COMPLETE;
  cl_int err = api_.clGetEventInfo(event_, CL_EVENT_COMMAND_EXECUTION_STATUS,
                                   sizeof(status), &status, nullptr);
  if (err != CL_SUCCESS)
    return clError(errc::backend_error, "clGetEventInfo", err);
  if (status == CL_QUEUED)
    queue_->flush();
  // A failed command (negative status) is final too; wait() reports it.
  return status <= CL_COMPLETE;
}

Expected<profiling_info> OpenCLEvent::profiling() {
  if (!profiling_)
    return profilingDisabled();
  if (Status status = wait(); !status)
    return status;
  profiling_info times;
  const std::pair<cl_profiling_info, std::uint64_t *> fields[] = {
      {CL_PROFILING_COMMAND_QUEUED, &times.queued},
      {CL_PROFILING_COMMAND_START, &times.start},
      {CL_PROFILING_COMMAND_END, &times.end}};
  for (const auto &[what, out] : fields) {
    cl_ulong value = 0;
    cl_int err = api_.clGetEventProfilingInfo(event_, what, sizeof(value),
                                              &value, nullptr);
    if (err != CL_SUCCESS)
      return clError(errc::backend_error, "clGetEventProfilingInfo", err);
    *out = value;
  }
  return times;
}

} // namespace dpex::rt::opencl
