// Page-locked staging memory for the async copies between host memory and
// a device: the copy moves the caller's bytes through a chunk of it (a host
// function on the stream memcpy's between the chunk and the caller's
// memory), so that the DMA always runs from page-locked memory and no copy
// page-locks the caller's memory. Page-locking host memory
// (cuMemHostRegister, cuMemAllocHost) synchronises the context: work on
// other streams issued before it does not overlap work issued after it.
// The pool is therefore allocated with the context, before any stream
// exists, and the copy path allocates nothing while chunks are free.
//
// Two sizes of chunk, each allocated in blocks by one cuMemAllocHost:
//  - small, 64 KiB, 32 a block (2 MiB): a copy up to 64 KiB takes one, so
//    that many small copies queued behind a long kernel fit without growing;
//  - large, 2 MiB, 8 a block (16 MiB): larger copies, in 2 MiB pieces,
//    through two chunks where two are free (double-buffered: one piece's
//    memcpy beside the other's DMA). A piece costs a host function and a
//    few driver calls (some microseconds), small beside a 2 MiB memcpy
//    (over a hundred microseconds); 8 chunks serve 4 such copies at once.
// A class without a free chunk grows by a block (which synchronises the
// context, as a registration did), up to 8 blocks (16 MiB small, 128 MiB
// large); past that the copy waits for a chunk to come back. A copy's
// second chunk is taken only where one is free: never a growth or a wait.
#pragma once

#include "CudaLoader.h"

#include "core/Status.h"

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace dpex::rt::cuda {

class StagingPool {
public:
  struct Chunk {
    char *pointer = nullptr;
    std::size_t bytes = 0;
  };

  static constexpr std::size_t SmallChunkBytes = 64 << 10;
  static constexpr std::size_t SmallChunksPerBlock = 32;
  static constexpr std::size_t LargeChunkBytes = 2 << 20;
  static constexpr std::size_t LargeChunksPerBlock = 8;
  static constexpr std::size_t MaxBlocks = 8;

  // The first block of each size; the caller makes sure no stream of
  // `context` has work (at context creation).
  static Expected<std::unique_ptr<StagingPool>> create(const CudaApi &api,
                                                       CUcontext context);
  StagingPool(const StagingPool &) = delete;
  StagingPool &operator=(const StagingPool &) = delete;
  // Frees the blocks: every chunk must be back (the streams were drained).
  ~StagingPool();

  // A free chunk for a copy of `bytes` (of the small size where it fits),
  // growing its size's blocks or waiting for a chunk as said above.
  Expected<Chunk> acquire(std::size_t bytes);
  // A free chunk as acquire() gives, without growing or waiting; none
  // where none is free.
  std::optional<Chunk> tryAcquire(std::size_t bytes);
  // Takes a chunk back. Makes no driver call: called by host functions.
  void release(Chunk chunk);

private:
  struct SizeClass {
    std::size_t chunkBytes;
    std::size_t chunksPerBlock;
    std::size_t blocks = 0; // allocated or being allocated
    std::vector<char *> free;
  };

  StagingPool(const CudaApi &api, CUcontext context);
  // Allocates a block of `sizes` and adds its chunks to the free list.
  // Called with `lock` held; lets it go during the allocation.
  Status grow(SizeClass &sizes, std::unique_lock<std::mutex> &lock);

  const CudaApi &api_;
  CUcontext context_;
  std::mutex mutex_;
  std::condition_variable released_;
  SizeClass small_{SmallChunkBytes, SmallChunksPerBlock, 0, {}};
  SizeClass large_{LargeChunkBytes, LargeChunksPerBlock, 0, {}};
  std::vector<void *> allocations_;
};

} // namespace dpex::rt::cuda
