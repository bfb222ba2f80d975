#include "CompletionWorker.h"

#include "Buffer.h"
#include "HostEvent.h"
#include "IdleLinger.h"

#include <thread>

namespace dpex::rt {

void LaunchCompletion::finish() {
  host->markDeviceDone();
  buffers.clear();
  host->complete();
  queue->pendingLaunches().end();
  queue.reset();
}

CompletionWorker &CompletionWorker::instance() {
  static CompletionWorker *worker = new CompletionWorker();
  return *worker;
}

CompletionWorker::CompletionWorker() {
  std::thread([this] { run(); }).detach();
}

void CompletionWorker::post(std::shared_ptr<LaunchCompletion> completion) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(completion));
  }
  ready_.notify_one();
}

void CompletionWorker::run() {
  for (;;) {
    std::shared_ptr<LaunchCompletion> completion;
    {
      auto hasWork = [this] { return !queue_.empty(); };
      std::unique_lock<std::mutex> lock(mutex_);
      lingerWhileIdle(lock, hasWork);
      ready_.wait(lock, hasWork);
      completion = std::move(queue_.front());
      queue_.pop_front();
    }
    completion->finish();
  }
}

} // namespace dpex::rt
