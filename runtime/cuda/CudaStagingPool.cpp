#include "CudaStagingPool.h"

#include "CudaContextScope.h"
#include "CudaError.h"

#include "core/Trace.h"

namespace dpex::rt::cuda {

StagingPool::StagingPool(const CudaApi &api, CUcontext context)
    : api_(api), context_(context) {}

Expected<std::unique_ptr<StagingPool>> StagingPool::create(const CudaApi &api,
                                                           CUcontext context) {
  std::unique_ptr<StagingPool> pool(new StagingPool(api, context));
  std::unique_lock<std::mutex> lock(pool->mutex_);
  for (SizeClass *sizes : {&pool->small_, &pool->large_})
    if (Status status = pool->grow(*sizes, lock); !status)
      return status.withContext("page-locked staging memory for async copies");
  lock.unlock();
  return pool;
}

StagingPool::~StagingPool() {
  ContextScope scope(api_, context_);
  for (void *block : allocations_)
    api_.cuMemFreeHost(block);
}

Status StagingPool::grow(SizeClass &sizes, std::unique_lock<std::mutex> &lock) {
  ++sizes.blocks;
  const std::size_t bytes = sizes.chunkBytes * sizes.chunksPerBlock;
  lock.unlock();
  void *block = nullptr;
  CUresult result;
  {
    ContextScope scope(api_, context_);
    result = api_.cuMemAllocHost(&block, bytes);
  }
  lock.lock();
  if (result != CUDA_SUCCESS) {
    --sizes.blocks;
    return cuError(api_, "cuMemAllocHost", result, errc::out_of_memory)
        .withContext("allocating " + std::to_string(bytes) + " bytes");
  }
  allocations_.push_back(block);
  for (std::size_t i = 0; i < sizes.chunksPerBlock; ++i)
    sizes.free.push_back(static_cast<char *>(block) + i * sizes.chunkBytes);
  trace("cuda: staging pool has %zu chunks of %zu KiB (cuMemAllocHost of %zu "
        "bytes)",
        sizes.blocks * sizes.chunksPerBlock, sizes.chunkBytes >> 10, bytes);
  return Status::ok();
}

Expected<StagingPool::Chunk> StagingPool::acquire(std::size_t bytes) {
  SizeClass &sizes = bytes <= small_.chunkBytes ? small_ : large_;
  std::unique_lock<std::mutex> lock(mutex_);
  while (sizes.free.empty()) {
    if (sizes.blocks < MaxBlocks) {
      if (Status status = grow(sizes, lock); !status)
        return status.withContext("growing the staging pool");
      continue;
    }
    released_.wait(lock);
  }
  Chunk chunk{sizes.free.back(), sizes.chunkBytes};
  sizes.free.pop_back();
  return chunk;
}

std::optional<StagingPool::Chunk> StagingPool::tryAcquire(std::size_t bytes) {
  SizeClass &sizes = bytes <= small_.chunkBytes ? small_ : large_;
  std::lock_guard<std::mutex> lock(mutex_);
  if (sizes.free.empty())
    return std::nullopt;
  Chunk chunk{sizes.free.back(), sizes.chunkBytes};
  sizes.free.pop_back();
  return chunk;
}

void StagingPool::release(Chunk chunk) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    (chunk.bytes == small_.chunkBytes ? small_ : large_)
        .free.push_back(chunk.pointer);
  }
  released_.notify_all();
}

} // namespace dpex::rt::cuda
