// Runs completion callbacks of CUDA events on a thread of the device's own.
//
// cuLaunchHostFunc would put a host node on the stream, which stalls the
// stream's later work until the driver has run the node's callback: one
// host round trip per async launch, paid by every launch of a dependency
// chain. Instead this thread polls the events (see CudaCompletionWatcher.cpp)
// and runs each callback once its event has completed; the streams never
// wait for the host. Events of one stream complete in order, so it polls the
// oldest of each stream: a short kernel on one queue completes while a long
// one still runs on another. Which is oldest is the order the queue recorded
// them in, not the order they were watched in (CudaCompletionLanes.h).
#pragma once

#include "CudaLoader.h"

#include <functional>
#include <memory>
#include <mutex>

namespace dpex::rt::cuda {

class CudaEvent;

class CudaCompletionWatcher {
public:
  CudaCompletionWatcher(const CudaApi &api, CUcontext context);
  CudaCompletionWatcher(const CudaCompletionWatcher &) = delete;
  CudaCompletionWatcher &operator=(const CudaCompletionWatcher &) = delete;
  // Lets the thread end; it holds no callbacks by then, since each one keeps
  // its event, and so the device, alive.
  ~CudaCompletionWatcher();

  // Calls `callback` on the watcher thread, whose current context is the
  // device's, once `event` has completed or failed (its failure is for
  // Event::wait to report).
  void watch(std::shared_ptr<CudaEvent> event, std::function<void()> callback);

private:
  struct State;
  const CudaApi &api_;
  CUcontext context_;
  std::once_flag started_;
  // Shared with the thread, which may outlive this object by the time it
  // takes to notice the stop request.
  std::shared_ptr<State> state_;
};

} // namespace dpex::rt::cuda
