// dpex::queue.
#include "Backend.h"

#include <dpex/runtime/queue.hpp>

namespace dpex {

queue::queue() : queue(default_device()) {}

queue::queue(const device &dev)
    : impl_(rt::valueOrThrow(dev.impl()->createQueue())) {}

void queue::wait() const {
  rt::throwIfFailed(impl_->finish());
  impl_->pendingLaunches().waitIdle();
}

device queue::get_device() const { return device(impl_->sharedDevice()); }

} // namespace dpex
