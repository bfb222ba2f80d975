#include "CudaHostPins.h"

#include "CudaContextScope.h"
#include "CudaError.h"

#include "core/Trace.h"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <mutex>

namespace dpex::rt::cuda {

namespace {

struct Registration {
  std::uintptr_t end;
  std::weak_ptr<void> holders;
};

struct Ledger {
  std::mutex mutex;
  std::map<std::uintptr_t, Registration> ranges; // by first byte
  // Holders of the registrations whose undoing the driver refused: they
  // stay locked, and copies inside them share them.
  std::vector<std::shared_ptr<void>> stuck;
};

// Never destroyed: a host event may release a registration during exit.
Ledger &ledger() {
  static Ledger *instance = new Ledger;
  return *instance;
}

std::uintptr_t pageSize() {
  static const std::uintptr_t size = [] {
    long page = sysconf(_SC_PAGESIZE);
    return static_cast<std::uintptr_t>(page > 0 ? page : 4096);
  }();
  return size;
}

// Registers the pages [begin, end), which none of the ledger's
// registrations overlaps, and enters them in the ledger; null, with the
// driver's `result`, where it refused. Called with the ledger locked.
std::shared_ptr<void> registerPages(Ledger &l, const CudaApi &api,
                                    CUcontext context, std::uintptr_t begin,
                                    std::uintptr_t end, CUresult &result) {
  void *first = reinterpret_cast<void *>(begin);
  ContextScope scope(api, context);
  result =
      api.cuMemHostRegister(first, end - begin, CU_MEMHOSTREGISTER_PORTABLE);
  if (result != CUDA_SUCCESS) {
    trace("cuda: host range of %zu bytes not page-locked (%s)",
          static_cast<std::size_t>(end - begin),
          errorText(api, result).c_str());
    return nullptr;
  }
  const CudaApi *apiPointer = &api;
  std::shared_ptr<void> holders(first, [apiPointer, context](void *range) {
    Ledger &l = ledger();
    std::lock_guard<std::mutex> lock(l.mutex);
    ContextScope scope(*apiPointer, context);
    const auto begin = reinterpret_cast<std::uintptr_t>(range);
    if (apiPointer->cuMemHostUnregister(range) == CUDA_SUCCESS) {
      l.ranges.erase(begin);
      return;
    }
    // The pages stay locked: the ledger keeps them, held for good, so that
    // no registration overlapping them is tried again.
    l.stuck.push_back(std::shared_ptr<void>(range, [](void *) {}));
    l.ranges[begin].holders = l.stuck.back();
  });
  l.ranges[begin] = Registration{end, holders};
  return holders;
}

} // namespace

std::vector<PinnedPiece> pinHostPieces(const CudaApi &api, CUcontext context,
                                       const void *pointer, std::size_t bytes) {
  const std::uintptr_t page = pageSize();
  const auto address = reinterpret_cast<std::uintptr_t>(pointer);
  const std::uintptr_t last = address + bytes;
  const std::uintptr_t begin = address / page * page;
  const std::uintptr_t end = (last + page - 1) / page * page;
  Ledger &l = ledger();
  // Declared before the lock, so that a failure's releases, which take it,
  // come after it was let go.
  std::vector<PinnedPiece> pieces;
  std::lock_guard<std::mutex> lock(l.mutex);
  auto piece = [&](std::uintptr_t from, std::uintptr_t to,
                   std::shared_ptr<void> holder) {
    from = std::max(from, address);
    to = std::min(to, last);
    pieces.push_back({reinterpret_cast<const char *>(from),
                      static_cast<std::size_t>(to - from), std::move(holder)});
  };
  // Pages the driver has locked already (the caller's, or a registration
  // whose undoing failed) need no registration: their piece holds none.
  auto registerGap = [&](std::uintptr_t from, std::uintptr_t to) {
    CUresult result = CUDA_SUCCESS;
    std::shared_ptr<void> holder =
        registerPages(l, api, context, from, to, result);
    if (!holder && result != CUDA_ERROR_HOST_MEMORY_ALREADY_REGISTERED)
      return false;
    piece(from, to, std::move(holder));
    return true;
  };
  std::uintptr_t cursor = begin;
  auto it = l.ranges.upper_bound(begin);
  if (it != l.ranges.begin())
    --it;
  for (; it != l.ranges.end() && it->first < end; ++it) {
    if (it->second.end <= begin)
      continue;
    std::shared_ptr<void> live = it->second.holders.lock();
    if (!live)
      return {}; // being undone: the driver still has it
    if (cursor < it->first && !registerGap(cursor, it->first))
      return {};
    piece(it->first, it->second.end, std::move(live));
    cursor = it->second.end;
  }
  if (cursor < end && !registerGap(cursor, end))
    return {};
  return pieces;
}

} // namespace dpex::rt::cuda
