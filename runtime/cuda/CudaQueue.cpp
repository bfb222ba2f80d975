#include "CudaQueue.h"

#include "CudaContextScope.h"
#include "CudaError.h"
#include "CudaEvent.h"
#include "CudaLaunchShape.h"
#include "CudaModule.h"
#include "CudaParams.h"

#include "core/HostEvent.h"
#include "core/Trace.h"

#include <algorithm>
#include <cstring>
#include <optional>

namespace dpex::rt::cuda {

CudaQueue::CudaQueue(std::shared_ptr<CudaDevice> device, CUstream stream,
                     bool profiling)
    : Queue(device, profiling), api_(device->api()), cudaDevice_(*device),
      stream_(stream) {}

CudaQueue::~CudaQueue() {
  ContextScope scope(api_, cudaDevice_.context());
  api_.cuStreamSynchronize(stream_);
  api_.cuStreamDestroy(stream_);
  if (helper_) {
    api_.cuStreamSynchronize(helper_);
    api_.cuStreamDestroy(helper_);
  }
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
CudaQueue::enqueueCopy(const std::vector<CUevent> &waitList, Copy copy) {
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
  if (Status status = copy(); !status)
    return status;
  if (Status status = record(**event); !status) {
    // The copy is on the stream and uses memory the caller releases once it
    // sees the error: let it finish first.
    api_.cuStreamSynchronize(stream_);
    return status;
  }
  return std::shared_ptr<Event>(event.take());
}

// One copy between host memory and the device staged through one or two
// chunks of the device's staging pool, in pieces of a chunk's size, piece
// i through chunk i % 2: host functions move each piece between the
// caller's memory and its chunk (after the copy's dependencies, before the
// DMA of a host-to-device piece, after that of a device-to-host one), and
// a last one gives the chunks back and deletes this.
struct StagedCopy {
  struct Piece {
    StagedCopy *copy;
    char *chunk;
    std::size_t offset, bytes;
  };

  StagedCopy(StagingPool &pool, std::vector<StagingPool::Chunk> chunks,
             void *hostDst, const void *hostSrc, std::size_t bytes)
      : pool(pool), chunks(std::move(chunks)),
        hostDst(static_cast<char *>(hostDst)),
        hostSrc(static_cast<const char *>(hostSrc)) {
    const std::size_t size = this->chunks.front().bytes;
    for (std::size_t offset = 0; offset < bytes; offset += size)
      pieces.push_back(
          {this, this->chunks[pieces.size() % this->chunks.size()].pointer,
           offset, std::min(size, bytes - offset)});
  }
  StagedCopy(const StagedCopy &) = delete;
  StagedCopy &operator=(const StagedCopy &) = delete;
  ~StagedCopy() {
    for (const StagingPool::Chunk &chunk : chunks)
      pool.release(chunk);
  }

  // Host functions: they may make no driver call.
  static void fill(void *data) {
    auto *piece = static_cast<Piece *>(data);
    std::memcpy(piece->chunk, piece->copy->hostSrc + piece->offset,
                piece->bytes);
  }
  static void drain(void *data) {
    auto *piece = static_cast<Piece *>(data);
    std::memcpy(piece->copy->hostDst + piece->offset, piece->chunk,
                piece->bytes);
  }
  static void finish(void *data) { delete static_cast<StagedCopy *>(data); }

  StagingPool &pool;
  std::vector<StagingPool::Chunk> chunks;
  char *hostDst;       // device-to-host: the caller's memory
  const char *hostSrc; // host-to-device: the caller's memory
  std::vector<Piece> pieces;
};

namespace {

// Events of the device's pool for one staged copy, back in the pool when
// the copy was enqueued: a wait enqueued on one holds the record current
// then, whatever is recorded later.
class PooledEvents {
public:
  explicit PooledEvents(CudaEventPool &pool) : pool_(pool) {}
  PooledEvents(const PooledEvents &) = delete;
  PooledEvents &operator=(const PooledEvents &) = delete;
  ~PooledEvents() {
    for (CUevent event : events_)
      pool_.release(event);
  }
  Status take(std::size_t count) {
    while (events_.size() < count) {
      Expected<CUevent> event = pool_.acquire();
      if (!event)
        return event.status();
      events_.push_back(*event);
    }
    return Status::ok();
  }
  CUevent operator[](std::size_t i) const { return events_[i]; }

private:
  CudaEventPool &pool_;
  std::vector<CUevent> events_;
};

} // namespace

Expected<CUstream> CudaQueue::helperStream() {
  if (helper_)
    return helper_;
  CUresult result = api_.cuStreamCreate(&helper_, CU_STREAM_NON_BLOCKING);
  if (result != CUDA_SUCCESS) {
    helper_ = nullptr;
    return cuError(api_, "cuStreamCreate", result);
  }
  return helper_;
}

Status CudaQueue::enqueueStaged(void *dst, const void *src, bool toDevice,
                                std::unique_ptr<StagedCopy> staged) {
  // Each step names its call; the first that fails ends the enqueueing.
  const char *call = nullptr;
  CUresult result = CUDA_SUCCESS;
  auto step = [&](const char *name, CUresult r) {
    call = name;
    result = r;
    return r == CUDA_SUCCESS;
  };
  auto hostFunc = [&](CUstream stream, CUhostFn fn, void *data) {
    return step("cuLaunchHostFunc", api_.cuLaunchHostFunc(stream, fn, data));
  };
  auto recordOn = [&](CUevent event, CUstream stream) {
    return step("cuEventRecord", api_.cuEventRecord(event, stream));
  };
  auto waitOn = [&](CUstream stream, CUevent event) {
    return step("cuStreamWaitEvent", api_.cuStreamWaitEvent(stream, event, 0));
  };
  auto device = [](const void *pointer, std::size_t offset) {
    return reinterpret_cast<CUdeviceptr>(pointer) + offset;
  };
  auto dma = [&](StagedCopy::Piece &piece) {
    if (toDevice)
      return step("cuMemcpyHtoDAsync",
                  api_.cuMemcpyHtoDAsync(device(dst, piece.offset), piece.chunk,
                                         piece.bytes, stream_));
    return step("cuMemcpyDtoHAsync",
                api_.cuMemcpyDtoHAsync(piece.chunk, device(src, piece.offset),
                                       piece.bytes, stream_));
  };
  const CUhostFn move = toDevice ? &StagedCopy::fill : &StagedCopy::drain;
  std::vector<StagedCopy::Piece> &pieces = staged->pieces;
  CUstream helper = nullptr;
  PooledEvents events(cudaDevice_.eventPool(/*timing=*/false));
  bool ok = true;
  if (staged->chunks.size() == 1) {
    // One chunk: its memcpy's and DMAs take turns on the stream.
    for (std::size_t i = 0; ok && i < pieces.size(); ++i)
      ok = toDevice ? hostFunc(stream_, move, &pieces[i]) && dma(pieces[i])
                    : dma(pieces[i]) && hostFunc(stream_, move, &pieces[i]);
  } else {
    // Two chunks: the memcpy's run on a helper stream, so that a piece's
    // memcpy overlaps the DMA of the one before it. moved[c] and copied[c]
    // are recorded after the memcpy and the DMA of the last piece through
    // chunk c; a chunk is used again only after both.
    Expected<CUstream> taken = helperStream();
    if (!taken)
      return taken.status();
    helper = *taken;
    if (Status status = events.take(5); !status)
      return status;
    const CUevent started = events[0], moved[2] = {events[1], events[2]},
                  copied[2] = {events[3], events[4]};
    if (toDevice)
      ok = recordOn(started, stream_) && waitOn(helper, started);
    for (std::size_t i = 0; ok && i < pieces.size(); ++i) {
      const std::size_t c = i % 2;
      if (toDevice)
        ok = (i < 2 || waitOn(helper, copied[c])) &&
             hostFunc(helper, move, &pieces[i]) && recordOn(moved[c], helper) &&
             waitOn(stream_, moved[c]) && dma(pieces[i]) &&
             recordOn(copied[c], stream_);
      else
        ok = (i < 2 || waitOn(stream_, moved[c])) && dma(pieces[i]) &&
             recordOn(copied[c], stream_) && waitOn(helper, copied[c]) &&
             hostFunc(helper, move, &pieces[i]) && recordOn(moved[c], helper);
    }
    // Device-to-host: the copy ends once its last memcpy did.
    if (!toDevice)
      ok = ok && waitOn(stream_, moved[(pieces.size() - 1) % 2]);
  }
  if (ok && hostFunc(stream_, &StagedCopy::finish, staged.get())) {
    staged.release(); // deleted by its last host function
    return Status::ok();
  }
  // The pieces enqueued use the chunks and the caller's memory: the chunks
  // go back (with `staged`) once they are done.
  api_.cuStreamSynchronize(stream_);
  if (helper)
    api_.cuStreamSynchronize(helper);
  return cuError(api_, call, result);
}

Expected<std::shared_ptr<Event>>
CudaQueue::copyAsync(void *dst, const void *src, std::size_t bytes,
                     const std::vector<Event *> &deps,
                     std::vector<std::shared_ptr<void>> & /*keep*/) {
  Expected<std::vector<CUevent>> waitList = deviceDependencies(deps);
  if (!waitList)
    return waitList.status();
  const bool toDevice = cudaDevice_.isDeviceMemory(dst);
  const bool fromDevice = cudaDevice_.isDeviceMemory(src);
  if (toDevice && fromDevice)
    return enqueueCopy(*waitList, [&] {
      CUresult result = api_.cuMemcpyDtoDAsync(
          reinterpret_cast<CUdeviceptr>(dst),
          reinterpret_cast<CUdeviceptr>(src), bytes, stream_);
      return result == CUDA_SUCCESS
                 ? Status::ok()
                 : cuError(api_, "cuMemcpyDtoDAsync", result);
    });
  // Taken before the queue's lock: it may wait for another copy's chunk.
  // A second one, for copies of several pieces, only where one is free.
  StagingPool &pool = cudaDevice_.stagingPool();
  Expected<StagingPool::Chunk> chunk = pool.acquire(bytes);
  if (!chunk)
    return chunk.status();
  std::vector<StagingPool::Chunk> chunks{*chunk};
  if (bytes > chunk->bytes)
    if (std::optional<StagingPool::Chunk> second = pool.tryAcquire(bytes))
      chunks.push_back(*second);
  auto staged =
      std::make_unique<StagedCopy>(pool, std::move(chunks), dst, src, bytes);
  return enqueueCopy(*waitList, [&] {
    return enqueueStaged(dst, src, toDevice, std::move(staged));
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
  return enqueueCopy(*waitList, [&] {
    CUresult result = api_.cuMemcpyPeerAsync(
        reinterpret_cast<CUdeviceptr>(dst), cudaDevice_.context(),
        reinterpret_cast<CUdeviceptr>(src), peer->cudaDevice().context(), bytes,
        stream_);
    return result == CUDA_SUCCESS ? Status::ok()
                                  : cuError(api_, "cuMemcpyPeerAsync", result);
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
  return enqueueCopy(*waitList, [&] {
    CUresult result = api_.cuGraphLaunch(exec, stream_);
    return result == CUDA_SUCCESS ? Status::ok()
                                  : cuError(api_, "cuGraphLaunch", result);
  });
}

} // namespace dpex::rt::cuda
