#include "CudaEventPool.h"

#include "CudaContextScope.h"
#include "CudaError.h"

namespace dpex::rt::cuda {

CudaEventPool::~CudaEventPool() {
  ContextScope scope(api_, context_);
  for (CUevent event : idle_)
    api_.cuEventDestroy(event);
}

Expected<CUevent> CudaEventPool::acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      CUevent event = idle_.back();
      idle_.pop_back();
      return event;
    }
  }
  ContextScope scope(api_, context_);
  CUevent event = nullptr;
  CUresult result = api_.cuEventCreate(&event, flags_);
  if (result != CUDA_SUCCESS)
    return cuError(api_, "cuEventCreate", result);
  return event;
}

void CudaEventPool::release(CUevent event) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (idle_.size() < MaxIdle) {
      idle_.push_back(event);
      return;
    }
  }
  ContextScope scope(api_, context_);
  // Safe while still pending: the driver frees it once it completes.
  api_.cuEventDestroy(event);
}

} // namespace dpex::rt::cuda
