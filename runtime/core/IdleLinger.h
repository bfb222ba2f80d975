// For worker threads fed through a condition variable. A thread blocked on
// it makes whoever hands it work pay a futex wake-up system call; a thread
// that keeps up with a burst of launches blocks between any two of them, so
// every launch of the burst would pay one. Napping a little before blocking,
// without waiting on the condition variable, lets notify_one find no waiter
// during a burst.
#pragma once

#include <chrono>
#include <mutex>
#include <thread>

namespace dpex::rt {

// Returns with `lock` held, once `hasWork()` or after about a millisecond.
template <typename HasWork>
void lingerWhileIdle(std::unique_lock<std::mutex> &lock, HasWork hasWork) {
  constexpr int Naps = 20;
  for (int nap = 0; nap < Naps && !hasWork(); ++nap) {
    lock.unlock();
    std::this_thread::sleep_for(std::chrono::microseconds(50));
    lock.lock();
  }
}

} // namespace dpex::rt
