// Error values inside the runtime. Only the public API layer turns them into
// dpex::error exceptions (throwIfFailed), so backend code never throws.
#pragma once

#include <dpex/runtime/error.hpp>

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace dpex::rt {

class Status {
public:
  static Status ok() { return Status(); }
  static Status error(errc code, std::string message) {
    return Status(code, std::move(message));
  }

  bool isOk() const { return !code_; }
  explicit operator bool() const { return isOk(); }
  errc code() const { return *code_; }
  const std::string &message() const { return message_; }

  // Prepends context, e.g. the kernel and argument a backend error concerns.
  Status withContext(const std::string &context) const {
    return isOk() ? *this : Status(*code_, context + ": " + message_);
  }

private:
  Status() = default;
  Status(errc code, std::string message)
      : code_(code), message_(std::move(message)) {}

  std::optional<errc> code_;
  std::string message_;
};

// A value or the Status explaining why there is none.
template <typename T> class Expected {
public:
  Expected(T value) : value_(std::move(value)), status_(Status::ok()) {}
  Expected(Status status) : status_(std::move(status)) {
    assert(!status_.isOk() && "an Expected without a value needs an error");
  }

  explicit operator bool() const { return status_.isOk(); }
  const Status &status() const { return status_; }
  T &operator*() { return *value_; }
  const T &operator*() const { return *value_; }
  T *operator->() { return &*value_; }
  const T *operator->() const { return &*value_; }
  T take() { return std::move(*value_); }

private:
  std::optional<T> value_;
  Status status_;
};

// Public API boundary: throws dpex::error for a failed status.
inline void throwIfFailed(const Status &status) {
  if (!status)
    throw dpex::error(status.code(), "dpex: " + status.message());
}

template <typename T> T valueOrThrow(Expected<T> expected) {
  throwIfFailed(expected.status());
  return expected.take();
}

} // namespace dpex::rt
