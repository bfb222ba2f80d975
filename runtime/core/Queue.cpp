// dpex::queue.
#include "Backend.h"

#include <dpex/runtime/array.hpp>
#include <dpex/runtime/queue.hpp>

namespace dpex {

queue::queue() : queue(default_device()) {}

queue::queue(const device &dev)
    : impl_(rt::valueOrThrow(dev.impl()->createQueue(false))) {}

queue::queue(const device &dev, enable_profiling_t)
    : impl_(rt::valueOrThrow(dev.impl()->createQueue(true))) {}

namespace {

// `q`'s backend queue, for dpex::queue::<method>.
rt::Queue &backendQueue(const std::shared_ptr<rt::Queue> &q,
                        const char *method) {
  if (!q)
    detail::throw_moved_from("dpex::queue", method);
  return *q;
}

} // namespace

void queue::wait() const {
  rt::Queue &q = backendQueue(impl_, "wait");
  // Everything recorded before the finish has completed once it returns.
  std::uint64_t recorded = q.launchRecords().enqueued();
  rt::throwIfFailed(q.finish());
  if (recorded)
    q.launchRecords().retireThrough(recorded - 1);
}

device queue::get_device() const {
  return device(backendQueue(impl_, "get_device").sharedDevice());
}

bool queue::profiling_enabled() const {
  return backendQueue(impl_, "profiling_enabled").profiling();
}

} // namespace dpex
