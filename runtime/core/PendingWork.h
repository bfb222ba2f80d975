// Counts work still in flight so that a waiter can block until none is.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace dpex::rt {

class PendingWork {
public:
  void begin() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++count_;
  }
  void end() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (--count_ == 0)
      idle_.notify_all();
  }
  void waitIdle() {
    std::unique_lock<std::mutex> lock(mutex_);
    idle_.wait(lock, [this] { return count_ == 0; });
  }

private:
  std::mutex mutex_;
  std::condition_variable idle_;
  std::size_t count_ = 0;
};

} // namespace dpex::rt
