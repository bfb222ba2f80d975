// Error values inside the runtime. Only the public API layer turns them into
// dpex::error exceptions (throwIfFailed), so backend code never throws.
#pragma once

#include <dpex/runtime/error.hpp>

#include <cassert>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace dpex::rt {

// Success is a null pointer: passing a Status (or an Expected) along the
// launch path constructs and destroys no string unless something failed.
class Status {
public:
  static Status ok() { return Status(); }
  static Status error(errc code, std::string message) {
    return Status(std::make_unique<Failure>(Failure{code, std::move(message)}));
  }

  Status(const Status &other)
      : failure_(other.failure_ ? std::make_unique<Failure>(*other.failure_)
                                : nullptr) {}
  Status &operator=(const Status &other) {
    if (this != &other)
      *this = Status(other);
    return *this;
  }
  Status(Status &&) noexcept = default;
  Status &operator=(Status &&) noexcept = default;

  bool isOk() const { return !failure_; }
  explicit operator bool() const { return isOk(); }
  // Of a failed status.
  errc code() const { return failure_->code; }
  const std::string &message() const { return failure_->message; }

  // Prepends context, e.g. the kernel and argument a backend error concerns.
  Status withContext(const std::string &context) const {
    return isOk() ? Status() : error(code(), context + ": " + message());
  }

private:
  struct Failure {
    errc code;
    std::string message;
  };

  Status() = default;
  explicit Status(std::unique_ptr<Failure> failure)
      : failure_(std::move(failure)) {}

  std::unique_ptr<Failure> failure_;
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
