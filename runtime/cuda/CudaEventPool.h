// Reuses CUDA events across launches. Every launch needs an end event, and a
// start event on a profiling queue; creating and destroying them per launch
// cost more than the launch itself on the H100 (bench/notes.md). Re-recording a
// released event is safe: a stream that waits on an event waits for the record
// current at the time of cuStreamWaitEvent, not for later ones.
#pragma once

#include "CudaLoader.h"

#include "core/Status.h"

#include <mutex>
#include <vector>

namespace dpex::rt::cuda {

class CudaEventPool {
public:
  // Events created with `flags` (CU_EVENT_DEFAULT: timing enabled;
  // CU_EVENT_DISABLE_TIMING: cheaper to record and to wait for).
  CudaEventPool(const CudaApi &api, CUcontext context, unsigned flags)
      : api_(api), context_(context), flags_(flags) {}
  CudaEventPool(const CudaEventPool &) = delete;
  CudaEventPool &operator=(const CudaEventPool &) = delete;
  ~CudaEventPool();

  // An idle event, or a new one.
  Expected<CUevent> acquire();
  // Takes `event` back; it may still be pending.
  void release(CUevent event);

private:
  // Idle events kept beyond this many are destroyed: enough for deep
  // pipelines of async launches, bounded after a burst.
  static constexpr std::size_t MaxIdle = 4096;

  const CudaApi &api_;
  CUcontext context_;
  unsigned flags_;
  std::mutex mutex_;
  std::vector<CUevent> idle_;
};

} // namespace dpex::rt::cuda
