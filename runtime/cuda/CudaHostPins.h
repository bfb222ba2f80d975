// Page-locked registrations (cuMemHostRegister) of the host memory that a
// CUDA graph's copies read or write: the driver captures no copy from
// pageable memory. (Async copies outside graphs stage through the device's
// staging pool instead, CudaStagingPool.h.)
//
// Registrations are process-wide and whole pages, and the driver refuses
// one that overlaps another, so the runtime keeps one ledger of those it
// made: a range overlapping live registrations shares them, and a
// registration is undone when the last graph holding it released it (one
// the driver refuses to undo stays in the ledger, shared for good).
#pragma once

#include "CudaLoader.h"

#include <cstddef>
#include <memory>
#include <vector>

namespace dpex::rt::cuda {

// A part of a host range lying inside one registration, held by `holder`.
struct PinnedPiece {
  const char *pointer;
  std::size_t bytes;
  std::shared_ptr<void> holder;
};

// [pointer, pointer + bytes) as pieces, in order, each inside one
// registration: the live registrations it overlaps, and new ones for the
// pages between them. A copy that must not take the pageable path (a
// graph's, which the driver refuses to capture from pageable memory) is
// issued one copy per piece. Empty where a part cannot be registered.
std::vector<PinnedPiece> pinHostPieces(const CudaApi &api, CUcontext context,
                                       const void *pointer, std::size_t bytes);

} // namespace dpex::rt::cuda
