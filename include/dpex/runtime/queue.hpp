// dpex::queue: an in-order stream of work on one device.
#pragma once

#include <dpex/runtime/device.hpp>

#include <memory>

namespace dpex {

namespace rt {
class Queue;
}

// Asks a queue to record profiling timestamps for event::profiling(), as
// SYCL's property::queue::enable_profiling and OpenCL's
// CL_QUEUE_PROFILING_ENABLE do. Off by default: the timestamps cost every
// launch some time.
struct enable_profiling_t {
  explicit enable_profiling_t() = default;
};
inline constexpr enable_profiling_t enable_profiling{};

// A moved-from queue is empty: using it (its methods, an array or launch on
// it) throws error(errc::invalid_argument); assigning to it, comparing and
// destroying it do not.
class queue {
public:
  // A queue on default_device().
  queue();
  explicit queue(const device &dev);
  queue(const device &dev, enable_profiling_t);
  explicit queue(std::shared_ptr<rt::Queue> impl) : impl_(std::move(impl)) {}

  // Blocks until all work submitted to this queue finished and every async
  // launch on it released its arguments.
  void wait() const;
  device get_device() const;
  // Whether it was made with enable_profiling.
  bool profiling_enabled() const;

  const std::shared_ptr<rt::Queue> &impl() const { return impl_; }

  // Copies share one backend queue and compare equal.
  friend bool operator==(const queue &a, const queue &b) {
    return a.impl_ == b.impl_;
  }
  friend bool operator!=(const queue &a, const queue &b) { return !(a == b); }

private:
  std::shared_ptr<rt::Queue> impl_;
};

} // namespace dpex
