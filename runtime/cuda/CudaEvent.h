// Completion and timing of work on a CUDA stream: a CUDA event recorded
// after it and, on a profiling queue, one before it.
#pragma once

#include "CudaLoader.h"
#include "CudaTimeline.h"

#include "core/Backend.h"

#include <cstdint>
#include <memory>

namespace dpex::rt::cuda {

class CudaQueue;

class CudaEvent final : public Event {
public:
  // Takes over `start` and `end` (one event if they are the same) from the
  // device's event pool, recorded on `queue`'s stream after `anchor`
  // completed. `submittedNs` is the host clock when the work was submitted.
  // Without profiling, `start` and `anchor` are null and `end` comes from
  // the pool of events without timing.
  CudaEvent(std::shared_ptr<CudaQueue> queue, CUevent start, CUevent end,
            std::shared_ptr<const TimingAnchor> anchor,
            std::uint64_t submittedNs);
  CudaEvent(const CudaEvent &) = delete;
  CudaEvent &operator=(const CudaEvent &) = delete;
  ~CudaEvent() override;

  Status wait() override;
  // A kernel's fault counts as complete (wait() reports it); a query that
  // fails otherwise is an error.
  Expected<bool> isComplete() override;
  // start/end: CUDA event times placed on the host steady clock (see
  // Timeline); queued: the host clock at submission, or start if the clocks'
  // drift would put it later.
  Expected<profiling_info> profiling() override;

  bool enqueuedOn(const Queue &queue) const override;

  CUevent handle() const { return end_; }
  // Null without profiling.
  CUevent start() const { return start_; }
  CUcontext context() const;

private:
  std::shared_ptr<CudaQueue> queue_;
  CUevent start_;
  CUevent end_;
  std::shared_ptr<const TimingAnchor> anchor_;
  std::uint64_t submittedNs_;
};

} // namespace dpex::rt::cuda
