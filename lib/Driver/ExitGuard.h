// Libraries the compiler calls can end the process with exit():
// SPIRV-LLVM-Translator 15 does on input it cannot translate, and LLVM does
// after a fatal error handler returns. While an ExitGuard lives, such an
// exit runs the guard's handler (which reports the failure and removes the
// outputs) and the process then ends with status 3, an internal error,
// instead of the library's status, which a build would read as success or
// as an ordinary compile error.
#pragma once

#include <functional>

namespace dpex {

class ExitGuard {
public:
  explicit ExitGuard(std::function<void()> OnExit);
  ~ExitGuard();
  ExitGuard(const ExitGuard &) = delete;
  ExitGuard &operator=(const ExitGuard &) = delete;

  static constexpr int Status = 3;

private:
  std::function<void()> OnExit;
  ExitGuard *Outer;
  static void atExit();
};

} // namespace dpex
