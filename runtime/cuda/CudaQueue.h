// A non-blocking CUDA stream in the device's primary context.
#pragma once

#include "CudaDevice.h"

#include "core/Backend.h"

#include <memory>
#include <mutex>

namespace dpex::rt::cuda {

class CudaEvent;
struct StagedCopy;

class CudaQueue final : public Queue,
                        public std::enable_shared_from_this<CudaQueue> {
public:
  // Takes over `stream`.
  CudaQueue(std::shared_ptr<CudaDevice> device, CUstream stream,
            bool profiling);
  ~CudaQueue() override;

  Status copy(void *dst, const void *src, std::size_t bytes) override;
  Status copyOnDevice(void *dst, const void *src, std::size_t bytes) override;
  // cuMemcpyPeerAsync from another CUDA device, with peer access enabled
  // where the two GPUs support it (else the driver stages the copy).
  Expected<bool> copyFromPeer(void *dst, Queue &source, const void *src,
                              std::size_t bytes) override;
  // Between the records of the copy's events, after `deps`: a device copy
  // is cuMemcpyDtoDAsync; a copy to or from host memory goes through a
  // chunk of the device's staging pool (CudaStagingPool.h), piece by piece,
  // host functions moving the caller's bytes (on a helper stream, beside
  // the DMAs, where a second chunk double-buffers the copy). Keeps nothing
  // in `keep`: the chunks come back by the copy's last host function.
  Expected<std::shared_ptr<Event>>
  copyAsync(void *dst, const void *src, std::size_t bytes,
            const std::vector<Event *> &deps,
            std::vector<std::shared_ptr<void>> &keep) override;
  // cuMemcpyPeerAsync on this stream, which waits on the device for a
  // marker of the source's stream (a stream may wait for another device's
  // event).
  Expected<std::shared_ptr<Event>>
  copyFromPeerAsync(void *dst, Queue &source, const void *src,
                    std::size_t bytes,
                    const std::vector<Event *> &deps) override;
  Expected<std::shared_ptr<Event>>
  launch(Kernel &kernel, const LaunchConfig &config,
         const std::vector<KernelArg> &args,
         const std::vector<Event *> &deps) override;
  Status launchAndWait(Kernel &kernel, const LaunchConfig &config,
                       const std::vector<KernelArg> &args,
                       const std::vector<Event *> &deps) override;
  Expected<std::shared_ptr<Event>>
  marker(const std::vector<Event *> &deps) override;
  Status finish() override;
  // A CUDA graph captured from the operations (CudaGraph.cpp); the generic
  // replay where the driver lacks the graph entry points.
  Expected<std::unique_ptr<GraphExec>>
  instantiate(const std::vector<RecordedOp> &ops) override;
  // cuGraphLaunch of `exec` on the stream after `deps`, between the records
  // of its event's start and end events.
  Expected<std::shared_ptr<Event>>
  launchGraph(CUgraphExec exec, const std::vector<Event *> &deps);

  const CudaApi &api() const { return api_; }
  CudaDevice &cudaDevice() const { return cudaDevice_; }
  CUstream stream() const { return stream_; }

private:
  // The events of `deps` this stream can wait for on the device (same
  // context); waits on the host for the others (other devices, backends).
  Expected<std::vector<CUevent>>
  deviceDependencies(const std::vector<Event *> &deps);
  // Launches `kernel` on the stream after `deps`, between the records of
  // `event`'s start and end events where `event` is not null; with `wait`,
  // then waits for the stream.
  Status enqueue(Kernel &kernel, const LaunchConfig &config,
                 const std::vector<KernelArg> &args,
                 const std::vector<Event *> &deps, CudaEvent *event, bool wait);
  // An event for work about to be enqueued: its end event and, on a
  // profiling queue, a start event (a separate one if `bracketed`).
  Expected<std::shared_ptr<CudaEvent>> newEvent(bool bracketed);
  // Enqueues `copy` (driver calls on the stream, returning a Status that
  // names the one that failed) after `waitList`, between the records of a
  // new event's start and end events.
  template <typename Copy>
  Expected<std::shared_ptr<Event>>
  enqueueCopy(const std::vector<CUevent> &waitList, Copy copy);
  // The stream the memcpy's of double-buffered staged copies run on,
  // created at the first. Called with mutex_ held.
  Expected<CUstream> helperStream();
  // Enqueues the pieces of `staged` and the host function that ends it.
  // On failure, waits for the pieces already enqueued and names the call.
  // Called with mutex_ held.
  Status enqueueStaged(void *dst, const void *src, bool toDevice,
                       std::unique_ptr<StagedCopy> staged);
  // Makes the stream wait for `events`. Called with mutex_ held.
  Status waitFor(const std::vector<CUevent> &events);
  // Records `event`'s end event on the stream. Called with mutex_ held.
  Status record(CudaEvent &event);

  const CudaApi &api_;
  CudaDevice &cudaDevice_;
  CUstream stream_;
  CUstream helper_ = nullptr;
  // Keeps each launch's start event, kernel and end event adjacent on the
  // stream of a profiling queue when several threads launch at once, so
  // timings measure only their own kernel.
  std::mutex mutex_;
};

} // namespace dpex::rt::cuda
