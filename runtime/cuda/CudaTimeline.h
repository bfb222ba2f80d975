// Places CUDA event times on the host's steady clock.
//
// CUDA events only measure the time between two events (cuEventElapsedTime,
// float milliseconds), while profiling_info wants absolute nanoseconds. Each
// device keeps an anchor: an event recorded on an idle stream of its own,
// whose time on the host clock is known. An event's time is the anchor's
// plus the elapsed time from the anchor to it. Anchors are renewed every
// second, because a float of milliseconds loses sub-microsecond precision
// after a few seconds; a new anchor's host time is derived from the previous
// anchor through the GPU clock, so all timestamps of a device stay on one
// consistent GPU timeline (only the first anchor reads the host clock).
#pragma once

#include "CudaLoader.h"

#include "core/Status.h"

#include <cstdint>
#include <memory>
#include <mutex>

namespace dpex::rt::cuda {

struct TimingAnchor {
  CUevent event = nullptr;
  std::uint64_t hostNs = 0;
};

class Timeline {
public:
  Timeline(const CudaApi &api, CUcontext context)
      : api_(api), context_(context) {}
  Timeline(const Timeline &) = delete;
  Timeline &operator=(const Timeline &) = delete;
  ~Timeline();

  // The anchor for events recorded from now on; complete once returned.
  Expected<std::shared_ptr<const TimingAnchor>> anchor();

private:
  // Records an event on the anchor stream and waits for it.
  Expected<CUevent> recordNow();
  std::shared_ptr<const TimingAnchor> own(CUevent event, std::uint64_t hostNs);

  const CudaApi &api_;
  CUcontext context_;
  std::mutex mutex_;
  CUstream stream_ = nullptr;
  std::shared_ptr<const TimingAnchor> anchor_;
  std::uint64_t anchorTakenNs_ = 0; // host clock when anchor_ was made
};

} // namespace dpex::rt::cuda
