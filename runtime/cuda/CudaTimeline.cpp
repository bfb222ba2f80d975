#include "CudaTimeline.h"

#include "CudaContextScope.h"
#include "CudaError.h"

#include "core/HostEvent.h"

namespace dpex::rt::cuda {

namespace {

constexpr std::uint64_t RenewAfterNs = 1000000000;

} // namespace

Timeline::~Timeline() {
  ContextScope scope(api_, context_);
  anchor_.reset();
  if (stream_)
    api_.cuStreamDestroy(stream_);
}

Expected<CUevent> Timeline::recordNow() {
  if (!stream_) {
    CUresult result = api_.cuStreamCreate(&stream_, CU_STREAM_NON_BLOCKING);
    if (result != CUDA_SUCCESS) {
      stream_ = nullptr;
      return cuError(api_, "cuStreamCreate", result);
    }
  }
  CUevent event = nullptr;
  CUresult result = api_.cuEventCreate(&event, CU_EVENT_DEFAULT);
  if (result != CUDA_SUCCESS)
    return cuError(api_, "cuEventCreate", result);
  result = api_.cuEventRecord(event, stream_);
  if (result == CUDA_SUCCESS)
    result = api_.cuEventSynchronize(event);
  if (result != CUDA_SUCCESS) {
    api_.cuEventDestroy(event);
    return cuError(api_, "cuEventRecord", result);
  }
  return event;
}

std::shared_ptr<const TimingAnchor> Timeline::own(CUevent event,
                                                  std::uint64_t hostNs) {
  const CudaApi &api = api_;
  CUcontext context = context_;
  return std::shared_ptr<const TimingAnchor>(
      new TimingAnchor{event, hostNs}, [&api, context](const TimingAnchor *a) {
        ContextScope scope(api, context);
        api.cuEventDestroy(a->event);
        delete a;
      });
}

Expected<std::shared_ptr<const TimingAnchor>> Timeline::anchor() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::uint64_t now = hostNowNs();
  if (anchor_ && now - anchorTakenNs_ < RenewAfterNs)
    return anchor_;

  ContextScope scope(api_, context_);
  Expected<CUevent> event = recordNow();
  if (!event)
    return event.status().withContext("profiling anchor");
  std::uint64_t hostNs;
  if (!anchor_) {
    // Read after the event completed: never earlier than its GPU time, so
    // derived start times are never before the host saw the launch.
    hostNs = hostNowNs();
  } else {
    float ms = 0.0f;
    CUresult result = api_.cuEventElapsedTime(&ms, anchor_->event, *event);
    if (result != CUDA_SUCCESS) {
      api_.cuEventDestroy(*event);
      return cuError(api_, "cuEventElapsedTime", result)
          .withContext("profiling anchor");
    }
    hostNs = anchor_->hostNs + static_cast<std::uint64_t>(ms * 1e6);
  }
  anchor_ = own(*event, hostNs);
  anchorTakenNs_ = now;
  return anchor_;
}

} // namespace dpex::rt::cuda
