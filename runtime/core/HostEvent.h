// The host event of an async launch: completes after the device event, once
// the launch released its arguments (the arrays, which it holds until then).
// Until then it also counts as pending work of the launch's queue, which
// queue::wait() waits for.
#pragma once

#include "Backend.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace dpex::rt {

class Buffer;

class HostEvent final : public Event {
public:
  // Counts itself as pending work of `queue` until finish(), and keeps
  // `queue` alive until then.
  HostEvent(std::shared_ptr<Event> device, std::shared_ptr<Queue> queue,
            std::vector<std::shared_ptr<Buffer>> buffers);

  Status wait() override;
  Expected<bool> isComplete() override;
  // Host steady-clock times: launch submitted, device completion observed,
  // arguments released; like the device's, only on a profiling queue.
  Expected<profiling_info> profiling() override;
  Status onComplete(std::function<void()> callback) override;
  Event *deviceEvent() override { return device_->deviceEvent(); }

  // Once the device event completed: releases the arguments, completes this
  // event, then ends its pending work and lets the queue go.
  void finish();

private:
  std::shared_ptr<Event> device_;
  PendingWork::Token pending_;
  std::vector<std::shared_ptr<Buffer>> buffers_;
  std::mutex mutex_;
  std::condition_variable done_;
  bool complete_ = false;
  profiling_info times_;
  std::vector<std::function<void()>> callbacks_;
};

// Nanoseconds on the host's steady clock.
std::uint64_t hostNowNs();

} // namespace dpex::rt
