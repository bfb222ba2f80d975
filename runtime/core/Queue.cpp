// dpex::queue.
#include "Backend.h"

#include <dpex/runtime/queue.hpp>

namespace dpex {

queue::queue() : queue(default_device()) {}

queue::queue(const device &dev)
    : impl_(rt::valueOrThrow(dev.impl()->createQueue(false))) {}

queue::queue(const device &dev, enable_profiling_t)
    : impl_(rt::valueOrThrow(dev.impl()->createQueue(true))) {}

void queue::wait() const {
  rt::throwIfFailed(impl_->finish());
  impl_->pendingLaunches().waitIdle();
}

device queue::get_device() const { return device(impl_->sharedDevice()); }

bool queue::profiling_enabled() const { return impl_->profiling(); }

} // namespace dpex
