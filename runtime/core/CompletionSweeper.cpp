#include "CompletionSweeper.h"

#include "Backend.h"
#include "IdleLinger.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace dpex::rt {

namespace {
// A queue is swept after a nap without a submit there, Interval at first.
// A pass that retires nothing, because nothing completed or because the
// queues are busy submitting, doubles the nap, up to LongestNap: during a
// burst of launches the sweeper wakes rarely, and the burst's own submits
// retire what completes.
constexpr auto Interval = std::chrono::microseconds(50);
constexpr auto LongestNap = std::chrono::microseconds(1000);
} // namespace

CompletionSweeper &CompletionSweeper::instance() {
  static CompletionSweeper *sweeper = new CompletionSweeper();
  return *sweeper;
}

CompletionSweeper::CompletionSweeper() {
  std::thread([this] { run(); }).detach();
}

void CompletionSweeper::add(std::shared_ptr<Queue> queue) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queues_.push_back(std::move(queue));
  }
  ready_.notify_one();
}

void CompletionSweeper::run() {
  std::vector<std::shared_ptr<Queue>> sweeping;
  std::vector<Queue *> emptied;
  auto nap = std::chrono::microseconds(Interval);
  for (;;) {
    {
      auto hasWork = [this] { return !queues_.empty(); };
      std::unique_lock<std::mutex> lock(mutex_);
      if (queues_.empty()) {
        nap = Interval;
        lingerWhileIdle(lock, hasWork);
        ready_.wait(lock, hasWork);
      }
      sweeping.assign(queues_.begin(), queues_.end());
    }
    std::this_thread::sleep_for(nap);
    bool progress = false;
    for (const std::shared_ptr<Queue> &queue : sweeping) {
      LaunchRecords::Swept swept = queue->launchRecords().sweep();
      progress |= swept == LaunchRecords::Swept::some ||
                  swept == LaunchRecords::Swept::empty;
      if (swept == LaunchRecords::Swept::empty)
        emptied.push_back(queue.get());
    }
    if (!emptied.empty()) {
      std::lock_guard<std::mutex> lock(mutex_);
      for (Queue *queue : emptied) {
        auto at = std::find_if(
            queues_.begin(), queues_.end(),
            [&](const std::shared_ptr<Queue> &q) { return q.get() == queue; });
        if (at == queues_.end())
          continue;
        // Moved out so that the queue, if this was its last reference, is
        // destroyed after the lock is released.
        std::swap(*at, queues_.back());
        sweeping.push_back(std::move(queues_.back()));
        queues_.pop_back();
      }
      emptied.clear();
    }
    sweeping.clear();
    nap = progress ? Interval : std::min(nap * 2, LongestNap);
  }
}

} // namespace dpex::rt
