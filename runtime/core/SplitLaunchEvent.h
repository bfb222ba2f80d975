// The device event of a launch that ran as two enqueues on one in-order
// queue (a split grid, RangeRounding.h): it completes with the second, and
// its profiling spans both.
#pragma once

#include "Backend.h"

#include <memory>

namespace dpex::rt {

class SplitLaunchEvent final : public Event {
public:
  SplitLaunchEvent(std::shared_ptr<Event> first, std::shared_ptr<Event> last)
      : first_(std::move(first)), last_(std::move(last)) {}

  Status wait() override;
  Expected<bool> isComplete() override { return last_->isComplete(); }
  // Queued and started as the first part, ended as the last.
  Expected<profiling_info> profiling() override;
  // Work ordered after the last part is ordered after both.
  Event *deviceEvent() override { return last_->deviceEvent(); }
  bool enqueuedOn(const Queue &queue) const override {
    return last_->enqueuedOn(queue);
  }

private:
  std::shared_ptr<Event> first_;
  std::shared_ptr<Event> last_;
};

} // namespace dpex::rt
