// Pending work ends exactly once per token, however the token goes away, and
// the count stays alive as long as a token needs it.
#include "core/PendingWork.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <utility>

namespace {

using dpex::rt::PendingWork;

// A thread blocked in waitIdle() until no work is pending.
class IdleWaiter {
public:
  explicit IdleWaiter(PendingWork &work)
      : thread_([this, &work] {
          work.waitIdle();
          idle_ = true;
        }) {}
  ~IdleWaiter() { thread_.join(); }

  // Whether waitIdle() returned, given a moment to.
  bool idleSoon() const {
    for (int i = 0; i < 50 && !idle_; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    return idle_;
  }

private:
  std::atomic<bool> idle_{false};
  std::thread thread_;
};

} // namespace

TEST_CASE("a pending work token ends its work once", "[pending]") {
  auto work = std::make_shared<PendingWork>();
  PendingWork::Token other(work);
  PendingWork::Token token(work);
  token.end();
  token.end();
  IdleWaiter waiter(*work);
  // One end too many would have let the count reach zero with `other`
  // pending.
  CHECK_FALSE(waiter.idleSoon());
  other.end();
  CHECK(waiter.idleSoon());
}

TEST_CASE("a pending work token ends its work when destroyed", "[pending]") {
  auto work = std::make_shared<PendingWork>();
  auto token = std::make_unique<PendingWork::Token>(work);
  IdleWaiter waiter(*work);
  CHECK_FALSE(waiter.idleSoon());
  token.reset();
  CHECK(waiter.idleSoon());
}

TEST_CASE("a moved pending work token ends its work once, where it went",
          "[pending]") {
  auto work = std::make_shared<PendingWork>();
  PendingWork::Token other(work);
  {
    PendingWork::Token from(work);
    PendingWork::Token to(std::move(from));
    to.end();
  }
  IdleWaiter waiter(*work);
  CHECK_FALSE(waiter.idleSoon());
  other.end();
  CHECK(waiter.idleSoon());
}

TEST_CASE("a pending work token keeps its count alive", "[pending]") {
  auto work = std::make_shared<PendingWork>();
  std::weak_ptr<PendingWork> watched = work;
  PendingWork::Token token(std::move(work));
  CHECK_FALSE(watched.expired());
  token.end();
  CHECK(watched.expired());
}
