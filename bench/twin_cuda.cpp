// CUDA twins: CUDA C++ compiled to PTX by nvcc, loaded with the driver API.
#include "raw_cuda.hpp"
#include "twin.hpp"

#include <map>

namespace bench {

namespace {

class CudaTwin : public Twin {
public:
  CudaTwin(const std::string &deviceName, const std::string &ptxPath)
      : cu_(deviceName), module_(cu_.loadPtx(ptxPath)),
        empty_(cu_.function(module_, "empty")) {}

  std::string description() const override {
    return "CUDA C++ compiled by nvcc";
  }

  std::uintptr_t alloc(std::size_t bytes) override { return cu_.alloc(bytes); }
  void free(std::uintptr_t p) override { cu_.free(p); }
  void upload(std::uintptr_t dst, const void *src, std::size_t bytes) override {
    cu_.check(cu_.api().cuMemcpyHtoD(dst, src, bytes), "cuMemcpyHtoD");
  }
  void download(void *dst, std::uintptr_t src, std::size_t bytes) override {
    cu_.check(cu_.api().cuMemcpyDtoH(dst, src, bytes), "cuMemcpyDtoH");
  }

  double run(const char *name, const Shape &shape,
             const std::vector<TwinArg> &args) override {
    std::vector<void *> params;
    std::vector<CUdeviceptr> pointers(args.size());
    unsigned shared = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
      const TwinArg &a = args[i];
      switch (a.kind) {
      case TwinArg::Kind::Value:
        params.push_back(const_cast<unsigned char *>(a.bytes.data()));
        break;
      case TwinArg::Kind::Buffer:
        pointers[i] = a.buffer;
        params.push_back(&pointers[i]);
        break;
      case TwinArg::Kind::Local:
        // The twins carve their local arrays out of dynamic shared memory.
        shared += static_cast<unsigned>(a.localBytes);
        break;
      }
    }
    // A range launch gets the block dpex's CUDA backend picks for the
    // extents used here (powers of two): 256 threads in 1-D, 32 x 8 in 2-D.
    std::size_t local[3] = {shape.local[0], shape.local[1], shape.local[2]};
    if (local[0] == 0) {
      if (shape.dims == 1)
        local[0] = 256;
      else {
        local[0] = 8;
        local[1] = 32;
      }
    }
    unsigned block[3] = {1, 1, 1}, grid[3] = {1, 1, 1};
    for (unsigned d = 0; d < shape.dims; ++d) {
      block[shape.dims - 1 - d] = static_cast<unsigned>(local[d]);
      grid[shape.dims - 1 - d] =
          static_cast<unsigned>(shape.global[d] / local[d]);
    }
    return cu_.timedLaunch(function(name), {grid[0], grid[1], grid[2]},
                           {block[0], block[1], block[2]}, shared,
                           params.data());
  }

  double copy(std::uintptr_t dst, std::uintptr_t src,
              std::size_t bytes) override {
    return cu_.timedCopy(dst, src, bytes);
  }

  void launchEmptySync() override {
    const CuApi &api = cu_.api();
    cu_.check(api.cuLaunchKernel(empty_, 1, 1, 1, 1, 1, 1, 0, cu_.stream(),
                                 nullptr, nullptr),
              "cuLaunchKernel");
    cu_.check(api.cuStreamSynchronize(cu_.stream()), "cuStreamSynchronize");
  }

  // Each launch records an event (what call_kernel_async returns on a queue
  // without profiling: no timing); with `chain` the stream first waits for
  // the previous launch's event.
  void launchEmptyAsync(int count, bool chain) override {
    const CuApi &api = cu_.api();
    while (events_.size() < static_cast<std::size_t>(count)) {
      CUevent e = nullptr;
      cu_.check(api.cuEventCreate(&e, kEventDisableTiming), "cuEventCreate");
      events_.push_back(e);
    }
    for (int i = 0; i < count; ++i) {
      if (chain && i > 0)
        cu_.check(api.cuStreamWaitEvent(cu_.stream(), events_[i - 1], 0),
                  "cuStreamWaitEvent");
      cu_.check(api.cuLaunchKernel(empty_, 1, 1, 1, 1, 1, 1, 0, cu_.stream(),
                                   nullptr, nullptr),
                "cuLaunchKernel");
      cu_.check(api.cuEventRecord(events_[i], cu_.stream()), "cuEventRecord");
    }
  }

  void finish() override {
    cu_.check(cu_.api().cuStreamSynchronize(cu_.stream()),
              "cuStreamSynchronize");
  }

private:
  CUfunction function(const char *name) {
    auto it = functions_.find(name);
    if (it == functions_.end())
      it = functions_.emplace(name, cu_.function(module_, name)).first;
    return it->second;
  }

  RawCuda cu_;
  CUmodule module_;
  CUfunction empty_;
  std::map<std::string, CUfunction> functions_;
  std::vector<CUevent> events_;
};

} // namespace

std::unique_ptr<Twin> makeCudaTwin(const std::string &deviceName,
                                   const std::string &ptxPath) {
  return std::make_unique<CudaTwin>(deviceName, ptxPath);
}

} // namespace bench
