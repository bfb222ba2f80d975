// dpex::event and dpex::wait_all.
#include "Backend.h"

#include <dpex/runtime/event.hpp>

namespace dpex {

void event::wait() const {
  if (impl_)
    rt::throwIfFailed(impl_->wait());
}

bool event::is_complete() const {
  return !impl_ || rt::valueOrThrow(impl_->isComplete());
}

profiling_info event::profiling() const {
  if (!impl_)
    return {};
  return rt::valueOrThrow(impl_->profiling());
}

void wait_all(const std::vector<event> &events) {
  for (const event &e : events)
    e.wait();
}

} // namespace dpex
