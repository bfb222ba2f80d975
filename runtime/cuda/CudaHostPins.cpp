#include "CudaHostPins.h"

#include "CudaContextScope.h"
#include "CudaError.h"

#include "core/Trace.h"

#include <unistd.h>

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

} // namespace

std::shared_ptr<void> pinHostRange(const CudaApi &api, CUcontext context,
                                   const void *pointer, std::size_t bytes) {
  const std::uintptr_t page = pageSize();
  const auto address = reinterpret_cast<std::uintptr_t>(pointer);
  const std::uintptr_t begin = address / page * page;
  const std::uintptr_t end = (address + bytes + page - 1) / page * page;
  Ledger &l = ledger();
  // Released after the lock: the last holder's release takes it.
  std::shared_ptr<void> live;
  std::lock_guard<std::mutex> lock(l.mutex);
  // The registrations that may overlap [begin, end): those starting before
  // its end, from the last one starting at or before `begin`.
  auto it = l.ranges.upper_bound(begin);
  if (it != l.ranges.begin())
    --it;
  for (; it != l.ranges.end() && it->first < end; ++it) {
    if (it->second.end <= begin)
      continue;
    live = it->second.holders.lock();
    if (!live)
      return nullptr; // being undone: the driver still has it
    if (it->first <= begin && end <= it->second.end)
      return live;
    return nullptr;
  }
  void *first = reinterpret_cast<void *>(begin);
  ContextScope scope(api, context);
  CUresult result =
      api.cuMemHostRegister(first, end - begin, CU_MEMHOSTREGISTER_PORTABLE);
  if (result != CUDA_SUCCESS) {
    trace("cuda: host range of %zu bytes not page-locked (%s); the copy "
          "takes the driver's pageable path",
          bytes, errorText(api, result).c_str());
    return nullptr;
  }
  const CudaApi *apiPointer = &api;
  std::shared_ptr<void> holders(first, [apiPointer, context](void *range) {
    Ledger &l = ledger();
    std::lock_guard<std::mutex> lock(l.mutex);
    ContextScope scope(*apiPointer, context);
    // A failure leaves the pages locked, which the next registration
    // overlapping them finds: it then takes the pageable path.
    apiPointer->cuMemHostUnregister(range);
    l.ranges.erase(reinterpret_cast<std::uintptr_t>(range));
  });
  l.ranges[begin] = Registration{end, holders};
  return holders;
}

} // namespace dpex::rt::cuda
