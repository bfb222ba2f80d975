#include "CudaQueue.h"

#include "CudaContextScope.h"
#include "CudaError.h"
#include "CudaEvent.h"
#include "CudaHostPins.h"
#include "CudaLaunchShape.h"
#include "CudaModule.h"
#include "CudaParams.h"

#include "core/HostEvent.h"
#include "core/Trace.h"

namespace dpex::rt::cuda {

CudaQueue::CudaQueue(std::shared_ptr<CudaDevice> device, CUstream stream,
                     bool profiling)
    : Queue(device, profiling), api_(device->api()), cudaDevice_(*device),
      stream_(stream) {}

CudaQueue::~CudaQueue() {
  ContextScope scope(api_, cudaDevice_.context());
  api_.cuStreamSynchronize(stream_);
  api_.cuStreamDestroy(stream_);
}

Status CudaQueue::copy(void *dst, const void *src, std::size_t bytes) {
  ContextScope scope(api_, cudaDevice_.context());
  CUresult result;
  const char *call;
  // Enqueued on the stream so that the copy follows the work already there;
  // the stream synchronisation below makes it blocking.
  if (cudaDevice_.isDeviceMemory(dst)) {
    call = "cuMemcpyHtoDAsync";
    std::lock_guard<std::mutex> lock(mutex_);
    result = api_.cuMemcpyHtoDAsync(reinterpret_cast<CUdeviceptr>(dst), src,
                                    bytes, stream_);
  } else {
    call = "cuMemcpyDtoHAsync";
    std::lock_guard<std::mutex> lock(mutex_);
    result = api_.cuMemcpyDtoHAsync(dst, reinterpret_cast<CUdeviceptr>(src),
                                    bytes, stream_);
  }
  if (result != CUDA_SUCCESS)
    return cuError(api_, call, result);
  result = api_.cuStreamSynchronize(stream_);
  if (result != CUDA_SUCCESS)
    return cuError(api_, "cuStreamSynchronize", result);
  return Status::ok();
}

Status CudaQueue::copyOnDevice(void *dst, const void *src, std::size_t bytes) {
  ContextScope scope(api_, cudaDevice_.context());
  {
    std::lock_guard<std::mutex> lock(mutex_);
    CUresult result = api_.cuMemcpyDtoDAsync(reinterpret_cast<CUdeviceptr>(dst),
                                             reinterpret_cast<CUdeviceptr>(src),
                                             bytes, stream_);
    if (result != CUDA_SUCCESS)
      return cuError(api_, "cuMemcpyDtoDAsync", result);
  }
  return finish();
}

Expected<bool> CudaQueue::copyFromPeer(void *dst, Queue &source,
                                       const void *src, std::size_t bytes) {
  auto *peer = dynamic_cast<CudaQueue *>(&source);
  if (!peer)
    return false;
  // The copy runs on this stream, so the source's work must be done first.
  if (Status status = peer->finish(); !status)
    return status;
  ContextScope scope(api_, cudaDevice_.context());
  // Direct GPU-to-GPU transfers need peer access; where the GPUs cannot
  // have it (or it is already on) cuMemcpyPeerAsync still copies, staged by
  // the driver, so the result is not an error.
  api_.cuCtxEnablePeerAccess(peer->cudaDevice().context(), 0);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    CUresult result = api_.cuMemcpyPeerAsync(
        reinterpret_cast<CUdeviceptr>(dst), cudaDevice_.context(),
        reinterpret_cast<CUdeviceptr>(src), peer->cudaDevice().context(), bytes,
        stream_);
    if (result != CUDA_SUCCESS)
      return cuError(api_, "cuMemcpyPeerAsync", result);
  }
  if (Status status = finish(); !status)
    return status;
  return true;
}

template <typename Copy>
Expected<std::shared_ptr<Event>>
CudaQueue::enqueueCopy(const std::vector<CUevent> &waitList, const char *call,
                       Copy copy) {
  Expected<std::shared_ptr<CudaEvent>> event = newEvent(/*bracketed=*/true);
  if (!event)
    return event.status();
  ContextScope scope(api_, cudaDevice_.context());
  std::lock_guard<std::mutex> lock(mutex_);
  if (Status status = waitFor(waitList); !status)
    return status;
  CUevent start = (*event)->start();
  CUresult result = start ? api_.cuEventRecord(start, stream_) : CUDA_SUCCESS;
  if (result != CUDA_SUCCESS)
    return cuError(api_, "cuEventRecord", result);
  result = copy();
  if (result != CUDA_SUCCESS)
    return cuError(api_, call, result);
  if (Status status = record(**event); !status) {
    // The copy is on the stream and uses memory the caller releases once it
    // sees the error: let it finish first.
    api_.cuStreamSynchronize(stream_);
    return status;
  }
  return std::shared_ptr<Event>(event.take());
}

Expected<std::shared_ptr<Event>>
CudaQueue::copyAsync(void *dst, const void *src, std::size_t bytes,
                     const std::vector<Event *> &deps,
                     std::vector<std::shared_ptr<void>> &keep) {
  Expected<std::vector<CUevent>> waitList = deviceDependencies(deps);
  if (!waitList)
    return waitList.status();
  const bool toDevice = cudaDevice_.isDeviceMemory(dst);
  const bool fromDevice = cudaDevice_.isDeviceMemory(src);
  const void *host = !toDevice ? dst : !fromDevice ? src : nullptr;
  if (host)
    if (std::shared_ptr<void> pinned =
            pinHostRange(api_, cudaDevice_.context(), host, bytes))
      keep.push_back(std::move(pinned));
  auto device = [](const void *pointer) {
    return reinterpret_cast<CUdeviceptr>(pointer);
  };
  if (toDevice && fromDevice)
    return enqueueCopy(*waitList, "cuMemcpyDtoDAsync", [&] {
      return api_.cuMemcpyDtoDAsync(device(dst), device(src), bytes, stream_);
    });
  if (toDevice)
    return enqueueCopy(*waitList, "cuMemcpyHtoDAsync", [&] {
      return api_.cuMemcpyHtoDAsync(device(dst), src, bytes, stream_);
    });
  return enqueueCopy(*waitList, "cuMemcpyDtoHAsync", [&] {
    return api_.cuMemcpyDtoHAsync(dst, device(src), bytes, stream_);
  });
}

Expected<std::shared_ptr<Event>>
CudaQueue::copyFromPeerAsync(void *dst, Queue &source, const void *src,
                             std::size_t bytes,
                             const std::vector<Event *> &deps) {
  auto *peer = dynamic_cast<CudaQueue *>(&source);
  if (!peer)
    return std::shared_ptr<Event>();
  Expected<std::shared_ptr<Event>> sourceDone = peer->marker({});
  if (!sourceDone)
    return sourceDone.status();
  Expected<std::vector<CUevent>> waitList = deviceDependencies(deps);
  if (!waitList)
    return waitList.status();
  waitList->push_back(static_cast<CudaEvent &>(**sourceDone).handle());
  {
    // As in copyFromPeer: without peer access the driver stages the copy.
    ContextScope scope(api_, cudaDevice_.context());
    api_.cuCtxEnablePeerAccess(peer->cudaDevice().context(), 0);
  }
  return enqueueCopy(*waitList, "cuMemcpyPeerAsync", [&] {
    return api_.cuMemcpyPeerAsync(reinterpret_cast<CUdeviceptr>(dst),
                                  cudaDevice_.context(),
                                  reinterpret_cast<CUdeviceptr>(src),
                                  peer->cudaDevice().context(), bytes, stream_);
  });
}

Expected<std::vector<CUevent>>
CudaQueue::deviceDependencies(const std::vector<Event *> &deps) {
  std::vector<CUevent> events;
  events.reserve(deps.size());
  for (Event *dep : deps) {
    auto *cudaEvent = dynamic_cast<CudaEvent *>(dep);
    if (cudaEvent && cudaEvent->context() == cudaDevice_.context()) {
      events.push_back(cudaEvent->handle());
      continue;
    }
    if (Status status = dep->wait(); !status)
      return status.withContext("dependency");
  }
  return events;
}

Status CudaQueue::waitFor(const std::vector<CUevent> &events) {
  for (CUevent event : events) {
    CUresult result = api_.cuStreamWaitEvent(stream_, event, 0);
    if (result != CUDA_SUCCESS)
      return cuError(api_, "cuStreamWaitEvent", result);
  }
  return Status::ok();
}

Status CudaQueue::record(CudaEvent &event) {
  CUresult result = api_.cuEventRecord(event.handle(), stream_);
  if (result != CUDA_SUCCESS)
    return cuError(api_, "cuEventRecord", result);
  return Status::ok();
}

Status CudaQueue::enqueue(Kernel &kernel, const LaunchConfig &config,
                          const std::vector<KernelArg> &args,
                          const std::vector<Event *> &deps, CudaEvent *event,
                          bool wait) {
  auto &cudaKernel = static_cast<CudaKernel &>(kernel);
  Expected<LaunchShape> shape = chooseLaunchShape(
      config, cudaDevice_.gridLimits(), cudaKernel.maxWorkGroupSize());
  if (!shape)
    return shape.status();
  KernelParams params(args);
  if (Status status = cudaKernel.allowDynamicShared(params.sharedBytes());
      !status)
    return status;
  // Most launches wait for nothing on another queue.
  std::vector<CUevent> waitList;
  if (!deps.empty()) {
    Expected<std::vector<CUevent>> events = deviceDependencies(deps);
    if (!events)
      return events.status();
    waitList = events.take();
  }

  ContextScope scope(api_, cudaDevice_.context());
  {
    // Only timings need a launch's driver calls adjacent on the stream
    // (mutex_): elsewhere, another thread's work between them would only
    // make a wait or an end event later, never early.
    std::unique_lock<std::mutex> lock(mutex_, std::defer_lock);
    if (profiling())
      lock.lock();
    CUevent start = event ? event->start() : nullptr;
    if (!waitList.empty())
      if (Status status = waitFor(waitList); !status)
        return status;
    CUresult result = start ? api_.cuEventRecord(start, stream_) : CUDA_SUCCESS;
    if (result != CUDA_SUCCESS)
      return cuError(api_, "cuEventRecord", result);
    result = api_.cuLaunchKernel(
        cudaKernel.handle(), shape->grid[0], shape->grid[1], shape->grid[2],
        shape->block[0], shape->block[1], shape->block[2],
        static_cast<unsigned>(params.sharedBytes()), stream_, params.data(),
        nullptr);
    if (result != CUDA_SUCCESS)
      return cuError(api_, "cuLaunchKernel", result, errc::launch_failed);
    if (event)
      if (Status status = record(*event); !status) {
        // The kernel is on the stream and uses the launch's arrays, which the
        // caller releases once it sees the error: let it finish first.
        api_.cuStreamSynchronize(stream_);
        return status;
      }
  }
  if (traceEnabled())
    trace("cuda launch '%s': grid [%u, %u, %u] block [%u, %u, %u] dynamic "
          "shared memory %zu bytes",
          cudaKernel.entry().c_str(), shape->grid[0], shape->grid[1],
          shape->grid[2], shape->block[0], shape->block[1], shape->block[2],
          params.sharedBytes());
  if (!wait)
    return Status::ok();
  // In the context made current for the launch: a launch run to completion
  // checks the thread's context once.
  CUresult result = api_.cuStreamSynchronize(stream_);
  if (result != CUDA_SUCCESS)
    return cuError(api_, "cuStreamSynchronize", result, errc::launch_failed);
  return Status::ok();
}

Expected<std::shared_ptr<Event>>
CudaQueue::launch(Kernel &kernel, const LaunchConfig &config,
                  const std::vector<KernelArg> &args,
                  const std::vector<Event *> &deps) {
  Expected<std::shared_ptr<CudaEvent>> event = newEvent(/*bracketed=*/true);
  if (!event)
    return event.status();
  if (Status status =
          enqueue(kernel, config, args, deps, event->get(), /*wait=*/false);
      !status)
    return status;
  return std::shared_ptr<Event>(event.take());
}

Expected<std::shared_ptr<CudaEvent>> CudaQueue::newEvent(bool bracketed) {
  std::shared_ptr<const TimingAnchor> anchor;
  if (profiling()) {
    Expected<std::shared_ptr<const TimingAnchor>> taken =
        cudaDevice_.timingAnchor();
    if (!taken)
      return taken.status();
    anchor = taken.take();
  }
  CudaEventPool &pool = cudaDevice_.eventPool(profiling());
  Expected<CUevent> end = pool.acquire();
  if (!end)
    return end.status();
  CUevent start = nullptr;
  if (profiling()) {
    start = *end;
    if (bracketed) {
      Expected<CUevent> acquired = pool.acquire();
      if (!acquired) {
        pool.release(*end);
        return acquired.status();
      }
      start = *acquired;
    }
  }
  // The CudaEvent returns its events to the pool.
  return std::make_shared<CudaEvent>(shared_from_this(), start, *end,
                                     std::move(anchor),
                                     profiling() ? hostNowNs() : 0);
}

// Without the events a launch records for its device event: launch, then
// wait for the stream (which may also wait for other threads' launches on
// it, submitted meanwhile).
Status CudaQueue::launchAndWait(Kernel &kernel, const LaunchConfig &config,
                                const std::vector<KernelArg> &args,
                                const std::vector<Event *> &deps) {
  return enqueue(kernel, config, args, deps, nullptr, /*wait=*/true);
}

Expected<std::shared_ptr<Event>>
CudaQueue::marker(const std::vector<Event *> &deps) {
  Expected<std::vector<CUevent>> waitList = deviceDependencies(deps);
  if (!waitList)
    return waitList.status();
  Expected<std::shared_ptr<CudaEvent>> event = newEvent(/*bracketed=*/false);
  if (!event)
    return event.status();
  ContextScope scope(api_, cudaDevice_.context());
  std::lock_guard<std::mutex> lock(mutex_);
  if (Status status = waitFor(*waitList); !status)
    return status;
  if (Status status = record(**event); !status)
    return status;
  return std::shared_ptr<Event>(event.take());
}

Status CudaQueue::finish() {
  ContextScope scope(api_, cudaDevice_.context());
  CUresult result = api_.cuStreamSynchronize(stream_);
  if (result != CUDA_SUCCESS)
    return cuError(api_, "cuStreamSynchronize", result, errc::launch_failed);
  return Status::ok();
}

} // namespace dpex::rt::cuda

namespace dpex::rt::cuda {

Expected<std::shared_ptr<Event>>
CudaQueue::launchGraph(CUgraphExec exec, const std::vector<Event *> &deps) {
  Expected<std::vector<CUevent>> waitList = deviceDependencies(deps);
  if (!waitList)
    return waitList.status();
  return enqueueCopy(*waitList, "cuGraphLaunch",
                     [&] { return api_.cuGraphLaunch(exec, stream_); });
}

} // namespace dpex::rt::cuda
