// The host event of an async launch: completes after the device event, once
// the launch released its arguments (see CompletionWorker).
#pragma once

#include "Backend.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace dpex::rt {

class HostEvent final : public Event {
public:
  explicit HostEvent(std::shared_ptr<Event> device);

  Status wait() override;
  bool isComplete() override;
  // Host steady-clock times: launch submitted, device completion observed,
  // arguments released.
  Expected<profiling_info> profiling() override;
  Status onComplete(std::function<void()> callback) override;
  Event *deviceEvent() override { return device_.get(); }

  // Called by the CompletionWorker around releasing the arguments.
  void markDeviceDone();
  void complete();

private:
  std::shared_ptr<Event> device_;
  std::mutex mutex_;
  std::condition_variable done_;
  bool complete_ = false;
  profiling_info times_;
  std::vector<std::function<void()>> callbacks_;
};

// Nanoseconds on the host's steady clock.
std::uint64_t hostNowNs();

} // namespace dpex::rt
