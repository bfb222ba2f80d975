// The kernelParams array of one cuLaunchKernel, in the parameter ABI of the
// PTX that dpexc emits (docs/runtime.md, "CUDA"):
//
// - the entry takes one parameter per kernel argument, in order;
// - scalars, bools (one byte) and structs are their value bytes;
// - pointers are the 8-byte device address of the array (slice);
// - local accessors are an 8-byte byte offset into the launch's dynamic
//   shared memory, where the accessors are laid out one after another in
//   argument order, each starting at a multiple of 16 bytes.
#pragma once

#include "core/Backend.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dpex::rt::cuda {

class KernelParams {
public:
  // The values of `args` must outlive this object.
  explicit KernelParams(const std::vector<KernelArg> &args);
  KernelParams(const KernelParams &) = delete;
  KernelParams &operator=(const KernelParams &) = delete;

  // One pointer per parameter, to its value; cuLaunchKernel's kernelParams.
  void **data() { return pointers_.data(); }
  std::size_t size() const { return pointers_.size(); }
  // Dynamic shared memory the local accessors need, in bytes.
  std::size_t sharedBytes() const { return sharedBytes_; }

private:
  // Values made here (addresses, offsets); reserved up front so that
  // pointers_ may point into it.
  std::vector<std::uint64_t> words_;
  std::vector<void *> pointers_;
  std::size_t sharedBytes_ = 0;
};

} // namespace dpex::rt::cuda
