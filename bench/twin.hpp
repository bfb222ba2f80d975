// A kernel twin: the same algorithm as a dpex benchmark kernel, written in
// the backend's own language and run through the raw driver API on the
// device the dpex queue uses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace bench {

// Extents in dpex order (dimension 0 slowest-varying).
struct Shape {
  unsigned dims;
  std::size_t global[3];
  std::size_t local[3]; // all 0 for a range launch
};

struct TwinArg {
  enum class Kind { Value, Buffer, Local } kind;
  std::vector<unsigned char> bytes; // Value
  std::uintptr_t buffer = 0;        // Buffer: a device address
  std::size_t localBytes = 0;       // Local

  template <typename T> static TwinArg value(T v) {
    TwinArg a{Kind::Value, std::vector<unsigned char>(sizeof v)};
    std::memcpy(a.bytes.data(), &v, sizeof v);
    return a;
  }
  static TwinArg buf(std::uintptr_t p) { return {Kind::Buffer, {}, p}; }
  static TwinArg local(std::size_t bytes) {
    return {Kind::Local, {}, 0, bytes};
  }
};

class Twin {
public:
  virtual ~Twin() = default;
  // What the twins are, e.g. "OpenCL C built by the driver".
  virtual std::string description() const = 0;
  virtual std::uintptr_t alloc(std::size_t bytes) = 0;
  virtual void free(std::uintptr_t p) = 0;
  virtual void upload(std::uintptr_t dst, const void *src,
                      std::size_t bytes) = 0;
  virtual void download(void *dst, std::uintptr_t src, std::size_t bytes) = 0;
  // Device time in ns of one run of kernel `name`.
  virtual double run(const char *name, const Shape &shape,
                     const std::vector<TwinArg> &args) = 0;
  // Device time in ns of a device-to-device copy.
  virtual double copy(std::uintptr_t dst, std::uintptr_t src,
                      std::size_t bytes) = 0;
  // One launch of the empty kernel, waited for: the raw sync
  // dispatch.
  virtual void launchEmptySync() = 0;
  // `count` launches of the empty kernel without waiting; with `chain`, each
  // after the previous one through an event. Returns once they are enqueued.
  virtual void launchEmptyAsync(int count, bool chain) = 0;
  virtual void finish() = 0;
};

// Throws if the backend or device is missing.
std::unique_ptr<Twin> makeOpenCLTwin(const std::string &deviceName,
                                     const std::string &platformName,
                                     const std::string &sourcePath);
std::unique_ptr<Twin> makeCudaTwin(const std::string &deviceName,
                                   const std::string &ptxPath);

} // namespace bench
