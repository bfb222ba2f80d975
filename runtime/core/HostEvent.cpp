#include "HostEvent.h"

#include "Buffer.h"

#include <chrono>
#include <vector>

namespace dpex::rt {

namespace {

// Allocates single objects of T from blocks of T that the calling thread
// freed before, up to RecycledBlocks of them; the rest from the heap.
template <typename T> class RecyclingAllocator {
public:
  using value_type = T;
  RecyclingAllocator() = default;
  template <typename U> RecyclingAllocator(const RecyclingAllocator<U> &) {}

  T *allocate(std::size_t n) {
    Cache *cache = n == 1 ? threadCache() : nullptr;
    if (!cache || cache->blocks.empty())
      return static_cast<T *>(::operator new(n * sizeof(T)));
    void *block = cache->blocks.back();
    cache->blocks.pop_back();
    return static_cast<T *>(block);
  }
  void deallocate(T *pointer, std::size_t n) {
    Cache *cache = n == 1 ? threadCache() : nullptr;
    if (cache && cache->blocks.size() < RecycledBlocks)
      cache->blocks.push_back(pointer);
    else
      ::operator delete(pointer);
  }

  friend bool operator==(const RecyclingAllocator &,
                         const RecyclingAllocator &) {
    return true;
  }
  friend bool operator!=(const RecyclingAllocator &,
                         const RecyclingAllocator &) {
    return false;
  }

private:
  // A queue::wait() after a burst retires the burst at once: kept for the
  // next burst up to this many (about 80 KiB of host events per thread).
  static constexpr std::size_t RecycledBlocks = 256;
  struct Cache {
    Cache() { blocks.reserve(RecycledBlocks); }
    ~Cache() {
      for (void *block : blocks)
        ::operator delete(block);
      gone = true;
    }
    std::vector<void *> blocks;
  };
  // Set once the thread's cache was destroyed (at thread exit), after which
  // the thread's host events come from and go to the heap.
  static inline thread_local bool gone = false;
  static Cache *threadCache() {
    if (gone)
      return nullptr;
    thread_local Cache cache;
    return &cache;
  }
};

} // namespace

std::uint64_t hostNowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

HostEvent::HostEvent(std::shared_ptr<Event> device,
                     std::shared_ptr<Queue> queue)
    : device_(std::move(device)), queue_(std::move(queue)) {
  if (queue_->profiling())
    times_.queued = hostNowNs();
}

std::shared_ptr<HostEvent> HostEvent::make(std::shared_ptr<Event> device,
                                           std::shared_ptr<Queue> queue) {
  return std::allocate_shared<HostEvent>(RecyclingAllocator<HostEvent>(),
                                         std::move(device), std::move(queue));
}

void HostEvent::hold(std::shared_ptr<Buffer> buffer) {
  if (held_ < InPlace)
    buffers_[held_++] = std::move(buffer);
  else
    more_.push_back(std::move(buffer));
}

void HostEvent::keep(std::shared_ptr<void> object) {
  kept_.push_back(std::move(object));
}

std::shared_ptr<Queue> HostEvent::queue() {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_;
}

Status HostEvent::wait() {
  // The driver's own wait; whether the kernel failed or not, it has ended,
  // and so have the records before it on the in-order queue.
  Status status = device_->wait();
  if (!complete_.load(std::memory_order_acquire))
    if (std::shared_ptr<Queue> q = queue())
      q->launchRecords().retireThrough(sequence_);
  return status;
}

Expected<bool> HostEvent::isComplete() {
  if (complete_.load(std::memory_order_acquire))
    return true;
  Expected<bool> ended = device_->isComplete();
  if (!ended || !*ended)
    return ended;
  if (std::shared_ptr<Queue> q = queue())
    q->launchRecords().retireThrough(sequence_);
  return true;
}

Expected<profiling_info> HostEvent::profiling() {
  // Refused where the device event refuses it (no profiling queue).
  if (Expected<profiling_info> device = device_->profiling(); !device)
    return device.status();
  if (Status status = wait(); !status)
    return status;
  return times_;
}

void HostEvent::finish() {
  const bool timed = times_.queued != 0;
  if (timed)
    times_.start = hostNowNs();
  while (!kept_.empty())
    kept_.pop_back();
  for (std::size_t i = 0; i < held_ && i < InPlace; ++i)
    buffers_[i].reset();
  more_.clear();
  if (timed)
    times_.end = hostNowNs();
  // Complete before the queue is let go: a waiter that finds no queue finds
  // the event complete. Whoever retires this holds a reference to the
  // queue of its own, so the queue outlives this call.
  complete_.store(true, std::memory_order_release);
  std::lock_guard<std::mutex> lock(mutex_);
  queue_.reset();
}

} // namespace dpex::rt
