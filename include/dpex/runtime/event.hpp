// dpex::event: completion and timing of enqueued work.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace dpex {

namespace rt {
class Event;
}

// Timestamps in nanoseconds. Device events report the backend's own
// profiling counters; host events report the host's steady clock.
struct profiling_info {
  std::uint64_t queued = 0;
  std::uint64_t start = 0;
  std::uint64_t end = 0;
};

class event {
public:
  // A default-constructed event is complete, and so is a moved-from one:
  // neither tracks any work.
  event() = default;
  explicit event(std::shared_ptr<rt::Event> impl) : impl_(std::move(impl)) {}

  // Blocks until the event completes; throws error(errc::launch_failed) if
  // the work it tracks failed on the device.
  void wait() const;
  // Throws error(errc::backend_error) if the backend cannot tell.
  bool is_complete() const;
  // Valid once the event completed (waits for it first). Needs a queue made
  // with enable_profiling, else throws error(errc::invalid_argument).
  profiling_info profiling() const;

  const std::shared_ptr<rt::Event> &impl() const { return impl_; }

  friend bool operator==(const event &a, const event &b) {
    return a.impl_ == b.impl_;
  }
  friend bool operator!=(const event &a, const event &b) { return !(a == b); }

private:
  std::shared_ptr<rt::Event> impl_;
};

void wait_all(const std::vector<event> &events);

} // namespace dpex
