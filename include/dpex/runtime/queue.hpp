// dpex::queue: an in-order stream of work on one device.
#pragma once

#include <dpex/runtime/device.hpp>

#include <memory>

namespace dpex {

namespace rt {
class Queue;
}

class queue {
public:
  // A queue on default_device().
  queue();
  explicit queue(const device &dev);
  explicit queue(std::shared_ptr<rt::Queue> impl) : impl_(std::move(impl)) {}

  // Blocks until all work submitted to this queue finished and every async
  // launch on it released its arguments.
  void wait() const;
  device get_device() const;

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
