// Runs completion work off the driver's callback threads: OpenCL forbids
// blocking calls in an event callback, but finishing an async launch may
// release the last reference to an array, which frees device memory. The
// callback only hands that work to this thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace dpex::rt {

class CompletionWorker {
public:
  // The process-wide worker, started on first use and never destroyed, so
  // that late backend callbacks during exit find it alive.
  static CompletionWorker &instance();

  void post(std::function<void()> work);

private:
  CompletionWorker();
  void run();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
};

} // namespace dpex::rt
