#include "HostEvent.h"

#include "Buffer.h"

#include <chrono>

namespace dpex::rt {

std::uint64_t hostNowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

HostEvent::HostEvent(std::shared_ptr<Event> device,
                     std::shared_ptr<Queue> queue,
                     std::vector<std::shared_ptr<Buffer>> buffers)
    : device_(std::move(device)),
      pending_(std::shared_ptr<PendingWork>(queue, &queue->pendingLaunches())),
      buffers_(std::move(buffers)) {
  times_.queued = hostNowNs();
}

Status HostEvent::wait() {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return complete_; });
  }
  // Complete by now; this only reports whether the kernel failed.
  return device_->wait();
}

Expected<bool> HostEvent::isComplete() {
  std::lock_guard<std::mutex> lock(mutex_);
  return complete_;
}

Expected<profiling_info> HostEvent::profiling() {
  // Refused where the device event refuses it (no profiling queue).
  if (Expected<profiling_info> device = device_->profiling(); !device)
    return device.status();
  if (Status status = wait(); !status)
    return status;
  std::lock_guard<std::mutex> lock(mutex_);
  return times_;
}

Status HostEvent::onComplete(std::function<void()> callback) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!complete_) {
      callbacks_.push_back(std::move(callback));
      return Status::ok();
    }
  }
  callback();
  return Status::ok();
}

void HostEvent::finish() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    times_.start = hostNowNs();
  }
  buffers_.clear();
  std::vector<std::function<void()>> callbacks;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    times_.end = hostNowNs();
    complete_ = true;
    callbacks.swap(callbacks_);
  }
  done_.notify_all();
  for (auto &callback : callbacks)
    callback();
  pending_.end();
}

} // namespace dpex::rt
