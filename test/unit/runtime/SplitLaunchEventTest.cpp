// A launch enqueued as two parts (a split grid) reports as one: complete
// with its last part, timed from the first part's start to the last's end,
// failed if either part failed.
#include "core/SplitLaunchEvent.h"

#include <catch2/catch.hpp>

namespace {

using dpex::rt::Status;

class FakeEvent final : public dpex::rt::Event {
public:
  FakeEvent(dpex::profiling_info times, Status status)
      : times_(times), status_(std::move(status)) {}
  Status wait() override { return status_; }
  dpex::rt::Expected<bool> isComplete() override { return complete; }
  dpex::rt::Expected<dpex::profiling_info> profiling() override {
    return times_;
  }
  bool complete = false;

private:
  dpex::profiling_info times_;
  Status status_;
};

std::shared_ptr<FakeEvent> part(std::uint64_t queued, std::uint64_t start,
                                std::uint64_t end,
                                Status status = Status::ok()) {
  dpex::profiling_info times;
  times.queued = queued;
  times.start = start;
  times.end = end;
  return std::make_shared<FakeEvent>(times, std::move(status));
}

} // namespace

TEST_CASE("a split launch is timed from its first part to its last",
          "[split]") {
  auto first = part(10, 20, 30), last = part(15, 31, 45);
  dpex::rt::SplitLaunchEvent event(first, last);
  auto times = event.profiling();
  REQUIRE(times);
  REQUIRE(times->queued == 10);
  REQUIRE(times->start == 20);
  REQUIRE(times->end == 45);
}

TEST_CASE("a split launch completes with its last part", "[split]") {
  auto first = part(0, 0, 0), last = part(0, 0, 0);
  dpex::rt::SplitLaunchEvent event(first, last);
  first->complete = true;
  REQUIRE_FALSE(*event.isComplete());
  last->complete = true;
  REQUIRE(*event.isComplete());
  REQUIRE(event.deviceEvent() == last.get());
}

TEST_CASE("a split launch fails when its first part failed", "[split]") {
  auto first =
      part(0, 0, 0, Status::error(dpex::errc::launch_failed, "first part"));
  dpex::rt::SplitLaunchEvent event(first, part(0, 0, 0));
  Status status = event.wait();
  REQUIRE_FALSE(status);
  REQUIRE(status.code() == dpex::errc::launch_failed);
}
