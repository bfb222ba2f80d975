// The completion watcher's bookkeeping (see CudaCompletionWatcher.h), apart
// from the driver so that its ordering can be tested without a GPU.
//
// Events are grouped into one lane per stream, each ordered by the
// submission sequence their queue gave them when recording them. A stream
// runs in order, so the completed events of a lane are a prefix of it: the
// newest alone settles a drained lane, a binary search the rest, in
// O(log n) queries rather than one per launch (each query contends with the
// submitting threads for the driver). Events can reach the watcher in
// another order than they were recorded in, when several threads launch on
// one queue; ordering by sequence, not by arrival, keeps the prefix true.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <iterator>
#include <vector>

namespace dpex::rt::cuda {

// `Entry` has `stream` (any comparable key) and `sequence` (std::uint64_t,
// increasing in the order the entries' events were recorded on their
// stream).
template <typename Entry> class CompletionLanes {
public:
  bool empty() const { return lanes_.empty(); }

  void add(Entry entry) {
    auto lane = std::find_if(lanes_.begin(), lanes_.end(), [&](const Lane &l) {
      return l.stream == entry.stream;
    });
    if (lane == lanes_.end())
      lane = lanes_.insert(lanes_.end(), Lane{entry.stream, {}});
    // Almost always the newest; else its place among the waiting ones.
    auto &entries = lane->entries;
    auto at = entries.end();
    while (at != entries.begin() && std::prev(at)->sequence > entry.sequence)
      --at;
    entries.insert(at, std::move(entry));
  }

  // Calls `finish(entry)` for each entry whose event has completed, as
  // `isDone(entry)` tells, oldest first in each lane, and drops them.
  template <typename IsDone, typename Finish>
  void completeReady(IsDone isDone, Finish finish) {
    for (Lane &lane : lanes_) {
      for (std::size_t done = completedPrefix(lane, isDone); done > 0; --done) {
        Entry finished = std::move(lane.entries.front());
        lane.entries.pop_front();
        finish(finished);
      }
    }
    lanes_.erase(
        std::remove_if(lanes_.begin(), lanes_.end(),
                       [](const Lane &l) { return l.entries.empty(); }),
        lanes_.end());
  }

private:
  using Stream = decltype(Entry::stream);
  struct Lane {
    Stream stream;
    std::deque<Entry> entries; // by sequence
  };

  template <typename IsDone>
  static std::size_t completedPrefix(const Lane &lane, IsDone &isDone) {
    std::size_t lo = 0, hi = lane.entries.size() - 1;
    if (isDone(lane.entries[hi]))
      return lane.entries.size();
    while (lo < hi) { // entries[hi] is pending; all before lo are done
      std::size_t mid = lo + (hi - lo) / 2;
      if (isDone(lane.entries[mid]))
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo;
  }

  std::vector<Lane> lanes_;
};

} // namespace dpex::rt::cuda
