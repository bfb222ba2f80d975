#include "CudaEvent.h"

#include "CudaContextScope.h"
#include "CudaError.h"
#include "CudaQueue.h"

#include <algorithm>

namespace dpex::rt::cuda {

CudaEvent::CudaEvent(std::shared_ptr<CudaQueue> queue, CUevent start,
                     CUevent end, std::shared_ptr<const TimingAnchor> anchor,
                     std::uint64_t submittedNs)
    : queue_(std::move(queue)), start_(start), end_(end),
      anchor_(std::move(anchor)), submittedNs_(submittedNs) {}

CudaEvent::~CudaEvent() {
  CudaEventPool &pool = queue_->cudaDevice().eventPool(queue_->profiling());
  if (start_ && start_ != end_)
    pool.release(start_);
  pool.release(end_);
}

bool CudaEvent::enqueuedOn(const Queue &queue) const {
  return queue_.get() == &queue;
}

CUcontext CudaEvent::context() const { return queue_->cudaDevice().context(); }

Status CudaEvent::wait() {
  const CudaApi &api = queue_->api();
  ContextScope scope(api, context());
  CUresult result = api.cuEventSynchronize(end_);
  if (result != CUDA_SUCCESS)
    return cuError(api, "cuEventSynchronize", result, errc::launch_failed);
  return Status::ok();
}

Expected<bool> CudaEvent::isComplete() {
  const CudaApi &api = queue_->api();
  ContextScope scope(api, context());
  CUresult result = api.cuEventQuery(end_);
  if (result == CUDA_SUCCESS)
    return true;
  if (result == CUDA_ERROR_NOT_READY)
    return false;
  if (errcFor(result, errc::backend_error) == errc::launch_failed)
    return true;
  return cuError(api, "cuEventQuery", result);
}

Expected<profiling_info> CudaEvent::profiling() {
  if (!queue_->profiling())
    return profilingDisabled();
  if (Status status = wait(); !status)
    return status;
  const CudaApi &api = queue_->api();
  ContextScope scope(api, context());
  float sinceAnchor = 0.0f, duration = 0.0f;
  CUresult result =
      api.cuEventElapsedTime(&sinceAnchor, anchor_->event, start_);
  if (result == CUDA_SUCCESS)
    result = api.cuEventElapsedTime(&duration, start_, end_);
  if (result != CUDA_SUCCESS)
    return cuError(api, "cuEventElapsedTime", result);
  profiling_info times;
  times.start = anchor_->hostNs +
                static_cast<std::uint64_t>(std::max(0.0f, sinceAnchor) * 1e6);
  times.end =
      times.start + static_cast<std::uint64_t>(std::max(0.0f, duration) * 1e6);
  times.queued = std::min(submittedNs_, times.start);
  return times;
}

} // namespace dpex::rt::cuda
