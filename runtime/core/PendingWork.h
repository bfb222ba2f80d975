// Counts work still in flight so that a waiter can block until none is.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>

namespace dpex::rt {

class PendingWork {
public:
  // One piece of work, counted from construction until end() or
  // destruction, whichever comes first; a moved-from token counts nothing.
  // It shares ownership of the count (or, through an aliasing pointer, of
  // what holds it), so that the count outlives the work.
  class Token {
  public:
    explicit Token(std::shared_ptr<PendingWork> work) : work_(std::move(work)) {
      work_->begin();
    }
    Token(Token &&) noexcept = default;
    Token &operator=(Token &&) = delete;
    ~Token() { end(); }

    void end() {
      if (std::shared_ptr<PendingWork> work = std::move(work_))
        work->end();
    }

  private:
    std::shared_ptr<PendingWork> work_;
  };

  void waitIdle() {
    std::unique_lock<std::mutex> lock(mutex_);
    idle_.wait(lock, [this] { return count_ == 0; });
  }

private:
  void begin() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++count_;
  }
  void end() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (--count_ == 0)
      idle_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable idle_;
  std::size_t count_ = 0;
};

} // namespace dpex::rt
