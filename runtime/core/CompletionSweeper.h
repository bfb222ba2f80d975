// Retires the async launches nobody waits for (LaunchRecords.h): a thread
// that looks at the queues with pending records, and only at those, and
// retires what completed on a queue once no submit happened there for a
// whole nap, so it never contends with a submitting thread. While it
// retires nothing (nothing completed, or the queues are busy submitting)
// its naps grow from 50 us up to a millisecond; with no queue listed it
// blocks.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace dpex::rt {

class Queue;

class CompletionSweeper {
public:
  // The process-wide sweeper, started on first use and never destroyed, so
  // that it outlives every queue it holds.
  static CompletionSweeper &instance();

  // Looks at `queue` until it has no pending records. Called by the
  // queue's LaunchRecords, once per period with pending records. Holds no
  // reference: a queue lives while its records do, and a queue with none
  // is not kept alive for the sweeper.
  void add(const std::shared_ptr<Queue> &queue);

private:
  CompletionSweeper();
  void run();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<std::weak_ptr<Queue>> queues_;
};

} // namespace dpex::rt
