// Finishes async launches off the backend's callback thread: releases the
// arguments a launch kept alive, then completes its host event.
//
// Backend completion callbacks must not call back into the backend, but
// releasing the last reference to an array frees device memory, so the
// callback only hands the launch to this worker thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace dpex::rt {

class Buffer;
class HostEvent;
class Queue;

struct LaunchCompletion {
  std::shared_ptr<HostEvent> host;
  std::shared_ptr<Queue> queue;
  std::vector<std::shared_ptr<Buffer>> buffers;

  // Releases the buffers, completes the host event, then drops the queue.
  void finish();
};

class CompletionWorker {
public:
  // The process-wide worker, started on first use and never destroyed, so
  // that late backend callbacks during exit find it alive.
  static CompletionWorker &instance();

  void post(std::shared_ptr<LaunchCompletion> completion);

private:
  CompletionWorker();
  void run();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::shared_ptr<LaunchCompletion>> queue_;
};

} // namespace dpex::rt
