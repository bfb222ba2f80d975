#include "LaunchRecords.h"

#include "CompletionSweeper.h"
#include "HostEvent.h"

#include <algorithm>

namespace dpex::rt {

namespace {
// Slots allocated with the first record; the ring doubles when full, so a
// queue allocates only while its launches in flight reach a new high.
constexpr std::size_t InitialSlots = 64;
// Submits between two status queries of a submitting thread.
constexpr std::uint64_t SubmitsPerPoll = 16;
} // namespace

LaunchRecords::Submission::Submission(LaunchRecords &records)
    : records_(records), lock_(records.mutex_) {
  const std::uint64_t submits =
      records_.submits_.load(std::memory_order_relaxed) + 1;
  records_.submits_.store(submits, std::memory_order_relaxed);
  if (submits % SubmitsPerPoll == 0) {
    records_.poll(/*search=*/true);
    records_.retireKnown();
  }
}

LaunchRecords::Submission::~Submission() = default;

void LaunchRecords::Submission::record(std::shared_ptr<HostEvent> host,
                                       const std::shared_ptr<Queue> &queue) {
  LaunchRecords &r = records_;
  if (r.tail_ - r.head_ == r.slots_.size())
    r.grow();
  host->setSequence(r.tail_);
  r.slot(r.tail_).host = std::move(host);
  ++r.tail_;
  const bool list = !r.listed_;
  r.listed_ = true;
  lock_.unlock();
  if (list)
    CompletionSweeper::instance().add(queue);
}

void LaunchRecords::grow() {
  std::vector<Slot> larger(std::max(InitialSlots, slots_.size() * 2));
  for (std::uint64_t s = head_; s < tail_; ++s)
    larger[s & (larger.size() - 1)] = std::move(slot(s));
  slots_.swap(larger);
}

bool LaunchRecords::completed(std::uint64_t sequence) {
  Expected<bool> done = slot(sequence).host->device().isComplete();
  return done && *done;
}

void LaunchRecords::poll(bool search) {
  if (known_ >= tail_ || !completed(known_))
    return;
  ++known_;
  if (known_ == tail_)
    return;
  if (completed(tail_ - 1)) {
    known_ = tail_;
    return;
  }
  if (!search)
    return;
  // Records below known_ completed, tail_ - 1 did not: completion is a
  // prefix, found in O(log n) queries.
  std::uint64_t pending = tail_ - 1;
  while (known_ < pending) {
    std::uint64_t mid = known_ + (pending - known_) / 2;
    if (completed(mid))
      known_ = mid + 1;
    else
      pending = mid;
  }
}

void LaunchRecords::retireKnown() {
  for (; head_ < known_; ++head_) {
    std::shared_ptr<HostEvent> host = std::move(slot(head_).host);
    host->finish();
  }
}

void LaunchRecords::retireThrough(std::uint64_t sequence) {
  std::lock_guard<std::mutex> lock(mutex_);
  known_ = std::max(known_, std::min(sequence + 1, tail_));
  retireKnown();
}

std::uint64_t LaunchRecords::enqueued() {
  std::lock_guard<std::mutex> lock(mutex_);
  return tail_;
}

void LaunchRecords::retireCompleted() {
  std::lock_guard<std::mutex> lock(mutex_);
  poll(/*search=*/false);
  retireKnown();
}

LaunchRecords::Swept LaunchRecords::sweep() {
  const std::uint64_t submits = submits_.load(std::memory_order_relaxed);
  if (submits != submitsSwept_) {
    submitsSwept_ = submits;
    return Swept::busy;
  }
  std::unique_lock<std::mutex> lock(mutex_, std::try_to_lock);
  if (!lock)
    return Swept::busy;
  const std::uint64_t before = head_;
  poll(/*search=*/true);
  retireKnown();
  if (head_ == tail_) {
    listed_ = false;
    return Swept::empty;
  }
  return head_ != before ? Swept::some : Swept::none;
}

} // namespace dpex::rt
