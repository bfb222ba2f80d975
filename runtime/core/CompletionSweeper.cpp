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

void CompletionSweeper::add(const std::shared_ptr<Queue> &queue) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queues_.push_back(queue);
  }
  ready_.notify_one();
}

void CompletionSweeper::run() {
  std::vector<std::weak_ptr<Queue>> listed;
  // Queues being swept, held for the pass; then those to unlist, held
  // until they are unlisted, so that their addresses are not reused
  // meanwhile.
  std::vector<std::shared_ptr<Queue>> sweeping, emptied;
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
      listed.assign(queues_.begin(), queues_.end());
    }
    std::this_thread::sleep_for(nap);
    bool progress = false;
    bool expired = false;
    for (const std::weak_ptr<Queue> &entry : listed) {
      // A queue with pending records is alive (its records hold it); one
      // that is gone had none.
      std::shared_ptr<Queue> queue = entry.lock();
      if (!queue) {
        expired = true;
        continue;
      }
      LaunchRecords::Swept swept = queue->launchRecords().sweep();
      progress |= swept == LaunchRecords::Swept::some ||
                  swept == LaunchRecords::Swept::empty;
      if (swept == LaunchRecords::Swept::empty)
        emptied.push_back(std::move(queue));
      else
        sweeping.push_back(std::move(queue));
    }
    listed.clear();
    if (expired || !emptied.empty()) {
      std::lock_guard<std::mutex> lock(mutex_);
      for (const std::shared_ptr<Queue> &queue : emptied) {
        auto at = std::find_if(
            queues_.begin(), queues_.end(), [&](const std::weak_ptr<Queue> &q) {
              return !q.owner_before(queue) && !queue.owner_before(q);
            });
        if (at != queues_.end())
          queues_.erase(at);
      }
      queues_.erase(std::remove_if(queues_.begin(), queues_.end(),
                                   [](const std::weak_ptr<Queue> &q) {
                                     return q.expired();
                                   }),
                    queues_.end());
    }
    // Outside the lock: a queue whose last reference this was is
    // destroyed here.
    sweeping.clear();
    emptied.clear();
    nap = progress ? Interval : std::min(nap * 2, LongestNap);
  }
}

} // namespace dpex::rt
