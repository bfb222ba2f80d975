#include "CompletionWorker.h"

#include "IdleLinger.h"

#include <thread>
#include <utility>

namespace dpex::rt {

CompletionWorker &CompletionWorker::instance() {
  static CompletionWorker *worker = new CompletionWorker();
  return *worker;
}

CompletionWorker::CompletionWorker() {
  std::thread([this] { run(); }).detach();
}

void CompletionWorker::post(std::function<void()> work) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(work));
  }
  ready_.notify_one();
}

void CompletionWorker::run() {
  std::deque<std::function<void()>> batch;
  for (;;) {
    {
      auto hasWork = [this] { return !queue_.empty(); };
      std::unique_lock<std::mutex> lock(mutex_);
      lingerWhileIdle(lock, hasWork);
      ready_.wait(lock, hasWork);
      // Everything that completed meanwhile, for one lock round trip.
      batch.swap(queue_);
    }
    for (auto &work : batch)
      work();
    batch.clear();
  }
}

} // namespace dpex::rt
