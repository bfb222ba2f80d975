// The host event of an async launch: completes after the device event, once
// the launch released its arguments (the arrays, which it holds until then,
// and the queue). Its queue's LaunchRecords retires it; waiting for it or
// finding its device event complete retires it (and the records before it)
// on the caller's thread.
#pragma once

#include "Backend.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace dpex::rt {

class Buffer;

class HostEvent final : public Event {
public:
  // Keeps `queue` alive until finished. Use make().
  HostEvent(std::shared_ptr<Event> device, std::shared_ptr<Queue> queue);
  // One per async launch or copy: its memory comes from the thread's recent
  // host events that were destroyed. Records retire in batches, more at a
  // time than malloc's per-thread cache keeps of this size, which sends
  // every other allocation through malloc's slow path.
  static std::shared_ptr<HostEvent> make(std::shared_ptr<Event> device,
                                         std::shared_ptr<Queue> queue);

  // Keeps `buffer` alive until finished. Before the launch is recorded.
  void hold(std::shared_ptr<Buffer> buffer);
  // Keeps what an async copy needs (core/AsyncCopy.cpp) until finished,
  // released before the buffers, the last one kept first.
  void keep(std::shared_ptr<void> object);

  Status wait() override;
  Expected<bool> isComplete() override;
  // Host steady-clock times: launch submitted, device completion observed,
  // arguments released; like the device's, only on a profiling queue.
  Expected<profiling_info> profiling() override;
  Event *deviceEvent() override { return device_->deviceEvent(); }

  // For LaunchRecords: the launch's device event, the record's number, and
  // retiring it once the device event completed (under the ring's lock):
  // releases the arguments, completes this event, lets the queue go.
  Event &device() { return *device_; }
  void setSequence(std::uint64_t sequence) { sequence_ = sequence; }
  void finish();

private:
  // The queue while not finished; null after.
  std::shared_ptr<Queue> queue();

  std::shared_ptr<Event> device_;
  // Most launches pass a few arrays: held in place, the rest in `more_`.
  static constexpr std::size_t InPlace = 4;
  std::array<std::shared_ptr<Buffer>, InPlace> buffers_;
  std::vector<std::shared_ptr<Buffer>> more_;
  std::vector<std::shared_ptr<void>> kept_;
  std::size_t held_ = 0;
  std::uint64_t sequence_ = 0;
  std::atomic<bool> complete_{false};
  profiling_info times_; // written before complete_ is set
  std::mutex mutex_;     // guards queue_
  std::shared_ptr<Queue> queue_;
};

// Nanoseconds on the host's steady clock.
std::uint64_t hostNowNs();

} // namespace dpex::rt
