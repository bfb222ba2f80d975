// What a queue's async launches keep alive until they completed, and when
// they let go of it.
//
// Each async launch is one record in a ring of slots the queue reuses: its
// host event, which holds the launch's arrays and the queue. Records are
// numbered in the order their launches were enqueued (the enqueue and the
// numbering happen under one lock), and the queue runs in order, so when
// the device event of record s has completed, so have all records before
// it. The ring keeps `known_`, the number below which every record is known
// complete: one status query can settle many records, and none settles a
// record twice.
//
// Nothing watches the records. They are retired (arguments released, host
// event completed) lazily, on the caller's thread:
//   - at every 16th submit to the queue, after one status query of the
//     oldest record (if it completed, one of the newest, then a binary
//     search between them), so that a burst of launches nobody waits for
//     holds only what has not completed;
//   - when a host event is waited for or found complete, a blocking copy
//     or queue::wait finished, an array is allocated on the queue, or an
//     array that launches hold is dropped;
//   - by the CompletionSweeper, only once the queue has pending records and
//     no submit happened for an interval (so it never contends with a
//     submitting thread).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace dpex::rt {

class HostEvent;
class Queue;

class LaunchRecords {
public:
  LaunchRecords() = default;
  LaunchRecords(const LaunchRecords &) = delete;
  LaunchRecords &operator=(const LaunchRecords &) = delete;

  // One async launch being submitted: holds the ring's lock from before the
  // enqueue until the record is added, so that record numbers follow the
  // queue's order. Every 16th submit first retires what status queries
  // show complete.
  class Submission {
  public:
    explicit Submission(LaunchRecords &records);
    Submission(const Submission &) = delete;
    Submission &operator=(const Submission &) = delete;
    ~Submission();

    // Records the launch of `host` (whose device event was just enqueued),
    // then lets the ring go. `queue` is the queue the ring belongs to.
    void record(std::shared_ptr<HostEvent> host,
                const std::shared_ptr<Queue> &queue);

  private:
    LaunchRecords &records_;
    std::unique_lock<std::mutex> lock_;
  };

  // Every record numbered up to `sequence` completed on the device: retires
  // them. The caller holds a reference to the queue.
  void retireThrough(std::uint64_t sequence);
  // Records enqueued so far; those below it complete once the queue has
  // run everything submitted to it (after a blocking copy or a finish).
  std::uint64_t enqueued();
  // Retires whatever one or two status queries show complete.
  void retireCompleted();
  // The sweeper's pass: if no submit happened since the previous pass and
  // no thread holds the ring, retires everything completed (a binary
  // search over the pending records). `empty`: nothing is pending, and the
  // queue is no longer listed with the sweeper.
  enum class Swept { busy, none, some, empty };
  Swept sweep();

private:
  // Below, `mutex_` is held.
  struct Slot {
    std::shared_ptr<HostEvent> host; // null once retired
  };
  Slot &slot(std::uint64_t sequence) {
    return slots_[sequence & (slots_.size() - 1)];
  }
  // Whether record `sequence`'s device event completed; a query that fails
  // counts as not complete (the record stays for a later check or a wait).
  bool completed(std::uint64_t sequence);
  // Advances known_ by status queries of the oldest and newest pending
  // records and, with `search`, a binary search between them.
  void poll(bool search);
  // Retires the records below known_, and `sequence` if given.
  void retireKnown();
  void retire(std::uint64_t sequence);
  void grow();

  std::mutex mutex_;
  std::vector<Slot> slots_; // a power of two, allocated on the first record
  std::uint64_t head_ = 0;  // oldest record not yet retired
  std::uint64_t tail_ = 0;  // next record's number
  std::uint64_t known_ = 0; // records below it completed
  // Submits so far, read by the sweeper without the lock.
  std::atomic<std::uint64_t> submits_{0};
  std::uint64_t submitsSwept_ = 0; // the sweeper's last look; its own
  bool listed_ = false;            // with the sweeper
};

} // namespace dpex::rt
