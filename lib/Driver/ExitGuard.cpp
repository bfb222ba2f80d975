#include "ExitGuard.h"

#include <cstdlib>
#include <mutex>

namespace dpex {

namespace {
ExitGuard *Active = nullptr;
} // namespace

ExitGuard::ExitGuard(std::function<void()> OnExit)
    : OnExit(std::move(OnExit)), Outer(Active) {
  // atexit handlers cannot be removed, so one is registered for the process
  // and does nothing while no guard lives.
  static std::once_flag Registered;
  std::call_once(Registered, [] { std::atexit(&ExitGuard::atExit); });
  Active = this;
}

ExitGuard::~ExitGuard() { Active = Outer; }

void ExitGuard::atExit() {
  ExitGuard *Guard = Active;
  if (!Guard)
    return;
  Active = nullptr;
  Guard->OnExit();
  // Not exit(): the library's status is what must not reach the caller, and
  // the rest of the exit sequence (static destructors) may be in the state
  // the library left.
  std::_Exit(Status);
}

} // namespace dpex
