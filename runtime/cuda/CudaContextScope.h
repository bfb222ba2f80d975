// Makes a context current on the calling thread for one scope.
//
// Runtime calls come from any application thread (and the completion
// worker), so every driver call that needs a context pushes the device's
// primary context and pops it again, leaving the thread's own CUDA state as
// it was. A thread that already has the context current (the completion
// watcher, an application using the primary context) skips both calls.
#pragma once

#include "CudaLoader.h"

namespace dpex::rt::cuda {

class ContextScope {
public:
  ContextScope(const CudaApi &api, CUcontext context)
      : api_(api), pushed_(!isCurrent(api, context) &&
                           api.cuCtxPushCurrent(context) == CUDA_SUCCESS) {}
  ContextScope(const ContextScope &) = delete;
  ContextScope &operator=(const ContextScope &) = delete;
  // A failed push needs no report here: the call it guards then fails with
  // CUDA_ERROR_INVALID_CONTEXT, which is reported.
  ~ContextScope() {
    if (pushed_) {
      CUcontext popped = nullptr;
      api_.cuCtxPopCurrent(&popped);
    }
  }

private:
  static bool isCurrent(const CudaApi &api, CUcontext context) {
    CUcontext current = nullptr;
    return api.cuCtxGetCurrent(&current) == CUDA_SUCCESS && current == context;
  }

  const CudaApi &api_;
  bool pushed_;
};

} // namespace dpex::rt::cuda
