// Types for the kernel-parameter tests; a header, because a struct passed to
// a kernel by value must be visible to the generated stub.
#pragma once

namespace types {
struct Pod {
  float a;
  int b;
};

struct WithVirtual {
  virtual float get() const { return v; }
  float v;
};

struct NotTriviallyCopyable {
  NotTriviallyCopyable(const NotTriviallyCopyable &other) : v(other.v) {}
  float v;
};
} // namespace types
