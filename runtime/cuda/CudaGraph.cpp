// dpex::graph on CUDA: the recorded operations are captured into a CUDA
// graph on a stream of their own (so that no other thread's work on the
// queue's stream lands in it), instantiated once, and each replay is one
// cuGraphLaunch on the queue's stream.
#include "CudaContextScope.h"
#include "CudaError.h"
#include "CudaHostPins.h"
#include "CudaLaunchShape.h"
#include "CudaModule.h"
#include "CudaParams.h"
#include "CudaQueue.h"

#include "core/Trace.h"

#include <string>

namespace dpex::rt::cuda {

namespace {

class CudaGraphExec final : public GraphExec {
public:
  CudaGraphExec(std::shared_ptr<CudaQueue> queue, CUgraphExec exec,
                std::vector<std::shared_ptr<void>> pins)
      : queue_(std::move(queue)), exec_(exec), pins_(std::move(pins)) {}
  ~CudaGraphExec() override {
    {
      ContextScope scope(queue_->api(), queue_->cudaDevice().context());
      queue_->api().cuGraphExecDestroy(exec_);
    }
    while (!pins_.empty())
      pins_.pop_back();
  }

  Expected<std::shared_ptr<Event>>
  replay(const std::vector<Event *> &deps) override {
    return queue_->launchGraph(exec_, deps);
  }
  const char *kind() const override { return "a CUDA graph (stream capture)"; }

private:
  std::shared_ptr<CudaQueue> queue_;
  CUgraphExec exec_;
  // Page-locked host ranges of the graph's copies, for its lifetime.
  std::vector<std::shared_ptr<void>> pins_;
};

// A recorded operation in the driver's terms: a launch's shape and
// parameters, or the page-locked pieces of a copy's host memory.
struct PreparedLaunch {
  LaunchShape shape;
  std::unique_ptr<KernelParams> params;
  std::vector<PinnedPiece> pieces;
};

// Enqueues `op` on the capturing `stream`; `call` names the driver call.
CUresult capture(const CudaApi &api, CudaDevice &device, CUstream stream,
                 const RecordedOp &op, PreparedLaunch &launch,
                 const char *&call) {
  auto address = [](const void *pointer) {
    return reinterpret_cast<CUdeviceptr>(pointer);
  };
  if (op.kind == RecordedOp::Kind::Launch) {
    call = "cuLaunchKernel";
    const LaunchShape &shape = launch.shape;
    return api.cuLaunchKernel(
        static_cast<CudaKernel &>(*op.kernel).handle(), shape.grid[0],
        shape.grid[1], shape.grid[2], shape.block[0], shape.block[1],
        shape.block[2], static_cast<unsigned>(launch.params->sharedBytes()),
        stream, launch.params->data(), nullptr);
  }
  const bool toDevice = device.isDeviceMemory(op.dst);
  const bool fromDevice = device.isDeviceMemory(op.src);
  if (toDevice && fromDevice) {
    call = "cuMemcpyDtoDAsync";
    return api.cuMemcpyDtoDAsync(address(op.dst), address(op.src), op.bytes,
                                 stream);
  }
  // One copy per piece: the driver captures none from pageable memory, and
  // a copy spanning two registrations is pageable to it.
  const char *host = static_cast<const char *>(toDevice ? op.src : op.dst);
  call = toDevice ? "cuMemcpyHtoDAsync" : "cuMemcpyDtoHAsync";
  for (const PinnedPiece &piece : launch.pieces) {
    const std::size_t offset = static_cast<std::size_t>(piece.pointer - host);
    CUresult result =
        toDevice ? api.cuMemcpyHtoDAsync(address(op.dst) + offset,
                                         piece.pointer, piece.bytes, stream)
                 : api.cuMemcpyDtoHAsync(const_cast<char *>(piece.pointer),
                                         address(op.src) + offset, piece.bytes,
                                         stream);
    if (result != CUDA_SUCCESS)
      return result;
  }
  return CUDA_SUCCESS;
}

} // namespace

Expected<std::unique_ptr<GraphExec>>
CudaQueue::instantiate(const std::vector<RecordedOp> &ops) {
  const CudaApi &api = api_;
  if (!api.cuStreamBeginCapture || !api.cuStreamEndCapture ||
      !api.cuGraphInstantiateWithFlags || !api.cuGraphLaunch ||
      !api.cuGraphExecDestroy || !api.cuGraphDestroy)
    return Queue::instantiate(ops);
  CudaDevice &device = cudaDevice_;

  // Everything that can fail before the capture, checked first.
  std::vector<PreparedLaunch> launches(ops.size());
  std::vector<std::shared_ptr<void>> pins;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const RecordedOp &op = ops[i];
    if (op.kind == RecordedOp::Kind::Copy) {
      const bool toDevice = device.isDeviceMemory(op.dst);
      const bool fromDevice = device.isDeviceMemory(op.src);
      const void *host = !toDevice ? op.dst : !fromDevice ? op.src : nullptr;
      if (!host || op.bytes == 0)
        continue;
      launches[i].pieces = pinHostPieces(api, device.context(), host, op.bytes);
      if (launches[i].pieces.empty())
        return Status::error(
            errc::backend_error,
            "a CUDA graph copies only from and into page-locked host memory, "
            "and the " +
                std::to_string(op.bytes) +
                " bytes of host memory of a recorded copy could not be "
                "page-locked (cuMemHostRegister refused them, or they overlap "
                "a registration being undone; DPEX_TRACE=1 shows the "
                "driver's error)");
      for (const PinnedPiece &piece : launches[i].pieces)
        if (piece.holder)
          pins.push_back(piece.holder);
      continue;
    }
    auto &kernel = static_cast<CudaKernel &>(*op.kernel);
    Expected<LaunchShape> shape = chooseLaunchShape(
        op.config, device.gridLimits(), kernel.maxWorkGroupSize());
    if (!shape)
      return shape.status();
    launches[i].shape = *shape;
    launches[i].params = std::make_unique<KernelParams>(op.args);
    if (Status status =
            kernel.allowDynamicShared(launches[i].params->sharedBytes());
        !status)
      return status;
  }

  ContextScope scope(api, device.context());
  CUstream stream = nullptr;
  CUresult result = api.cuStreamCreate(&stream, CU_STREAM_NON_BLOCKING);
  if (result != CUDA_SUCCESS)
    return cuError(api, "cuStreamCreate", result);
  struct StreamGuard {
    const CudaApi &api;
    CUstream stream;
    ~StreamGuard() { api.cuStreamDestroy(stream); }
  } guard{api, stream};

  result =
      api.cuStreamBeginCapture(stream, CU_STREAM_CAPTURE_MODE_THREAD_LOCAL);
  if (result != CUDA_SUCCESS)
    return cuError(api, "cuStreamBeginCapture", result);
  const char *failedCall = nullptr;
  CUresult failure = CUDA_SUCCESS;
  for (std::size_t i = 0; i < ops.size() && failure == CUDA_SUCCESS; ++i)
    failure = capture(api, device, stream, ops[i], launches[i], failedCall);
  // Ended even after a failure, which leaves the stream capturing.
  CUgraph graph = nullptr;
  CUresult ended = api.cuStreamEndCapture(stream, &graph);
  if (failure != CUDA_SUCCESS || ended != CUDA_SUCCESS) {
    if (graph)
      api.cuGraphDestroy(graph);
    if (failure != CUDA_SUCCESS)
      return cuError(api, failedCall, failure);
    return cuError(api, "cuStreamEndCapture", ended);
  }
  CUgraphExec exec = nullptr;
  result = api.cuGraphInstantiateWithFlags(&exec, graph, 0);
  api.cuGraphDestroy(graph);
  if (result != CUDA_SUCCESS)
    return cuError(api, "cuGraphInstantiateWithFlags", result);
  return std::unique_ptr<GraphExec>(std::make_unique<CudaGraphExec>(
      std::static_pointer_cast<CudaQueue>(shared_from_this()), exec,
      std::move(pins)));
}

} // namespace dpex::rt::cuda
