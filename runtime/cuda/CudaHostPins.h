// Page-locked registrations (cuMemHostRegister) of the host memory that
// async copies read or write, so that the copy runs on its stream while the
// caller goes on: from pageable memory the driver copies device-to-host
// synchronously and host-to-device only after the stream drained.
//
// Registrations are process-wide and whole pages, and the driver refuses
// one that overlaps another, so the runtime keeps one ledger of those it
// made: a copy inside a live registration shares it, a copy that overlaps
// one without lying inside it is not registered (it takes the driver's
// pageable path, which has left the host memory once the call returns),
// and a registration is undone when the last copy holding it released it
// (one the driver refuses to undo stays in the ledger, shared for good).
#pragma once

#include "CudaLoader.h"

#include <cstddef>
#include <memory>
#include <vector>

namespace dpex::rt::cuda {

// A registration covering [pointer, pointer + bytes), held until the
// result is dropped (with `context` current for cuMemHostUnregister). Null
// where the range is not registered: it overlaps another registration
// without lying inside it, or the driver refused it (memory the caller
// page-locked already, for one, needs none).
std::shared_ptr<void> pinHostRange(const CudaApi &api, CUcontext context,
                                   const void *pointer, std::size_t bytes);

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
