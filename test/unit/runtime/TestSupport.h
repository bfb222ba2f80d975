// Helpers shared by the runtime tests.
#pragma once

#include <dpex/runtime.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>

namespace dpex_test {

// Runs `f`, which must throw dpex::error, and returns the error.
template <typename F> dpex::error expectError(F &&f) {
  try {
    f();
  } catch (const dpex::error &e) {
    return e;
  }
  FAIL("expected a dpex::error");
  throw std::logic_error("unreachable");
}

// Sets an environment variable for the lifetime of the object.
class ScopedEnv {
public:
  ScopedEnv(const char *name, const char *value) : name_(name) {
    if (const char *old = std::getenv(name))
      old_ = old;
    ::setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (old_)
      ::setenv(name_, old_->c_str(), 1);
    else
      ::unsetenv(name_);
  }

private:
  const char *name_;
  std::optional<std::string> old_;
};

} // namespace dpex_test
