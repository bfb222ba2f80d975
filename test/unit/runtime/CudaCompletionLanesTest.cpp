// The CUDA completion watcher's ordering (cuda/CudaCompletionLanes.h), over
// fake events: a stream completes its events in the order they were
// recorded, whatever order they reached the watcher in.
#include "cuda/CudaCompletionLanes.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

using dpex::rt::cuda::CompletionLanes;

namespace {

struct FakeEvent {
  int stream;
  std::uint64_t sequence;
};

// Streams whose first `completed[stream]` recorded events have completed.
struct FakeStreams {
  std::vector<std::uint64_t> completed;
  bool isDone(const FakeEvent &e) const {
    return e.sequence <= completed[e.stream];
  }
};

// Runs one poll and returns the finished events, in the order finished.
std::vector<std::uint64_t> poll(CompletionLanes<FakeEvent> &lanes,
                                const FakeStreams &streams, int stream) {
  std::vector<std::uint64_t> finished;
  lanes.completeReady([&](const FakeEvent &e) { return streams.isDone(e); },
                      [&](FakeEvent &e) {
                        if (e.stream == stream)
                          finished.push_back(e.sequence);
                      });
  return finished;
}

} // namespace

TEST_CASE("an event that reaches the watcher before an older one of its "
          "stream completes only once its own work has",
          "[cuda][watcher]") {
  // Two threads launch on one queue: the second launch's event is watched
  // first. The stream has run the first launch only.
  CompletionLanes<FakeEvent> lanes;
  lanes.add({0, 2});
  lanes.add({0, 1});
  FakeStreams streams{{1}};
  REQUIRE(poll(lanes, streams, 0) == std::vector<std::uint64_t>{1});
  REQUIRE_FALSE(lanes.empty());
  streams.completed[0] = 2;
  REQUIRE(poll(lanes, streams, 0) == std::vector<std::uint64_t>{2});
  REQUIRE(lanes.empty());
}

TEST_CASE("the watcher finishes each stream's completed events oldest first, "
          "in any arrival order",
          "[cuda][watcher]") {
  CompletionLanes<FakeEvent> lanes;
  // Two streams, events arriving shuffled.
  const std::uint64_t arrival[] = {3, 1, 7, 2, 5, 4, 8, 6};
  for (std::uint64_t sequence : arrival) {
    lanes.add({0, sequence});
    lanes.add({1, sequence});
  }
  for (std::uint64_t done = 0; done <= 8; ++done) {
    // Stream 0 progresses; stream 1 stays at 4.
    FakeStreams streams{{done, 4}};
    std::vector<std::uint64_t> finished = poll(lanes, streams, 0);
    std::vector<std::uint64_t> expected;
    if (done > 0)
      expected.push_back(done);
    REQUIRE(finished == expected);
  }
  // Stream 1's first four finished on the first poll; the rest once done.
  FakeStreams streams{{8, 8}};
  REQUIRE(poll(lanes, streams, 1) == std::vector<std::uint64_t>{5, 6, 7, 8});
  REQUIRE(lanes.empty());
}
