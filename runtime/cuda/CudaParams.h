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
  void **data() { return pointers_; }
  std::size_t size() const { return size_; }
  // Dynamic shared memory the local accessors need, in bytes.
  std::size_t sharedBytes() const { return sharedBytes_; }

private:
  // Built per launch: the parameters of most kernels fit in place, so that
  // a launch allocates nothing for them.
  static constexpr std::size_t InPlace = 16;
  // Values made here (addresses, offsets), one slot per parameter, which
  // pointers_ may point into.
  std::uint64_t wordsInPlace_[InPlace];
  void *pointersInPlace_[InPlace];
  std::vector<std::uint64_t> moreWords_;
  std::vector<void *> morePointers_;
  std::uint64_t *words_ = wordsInPlace_;
  void **pointers_ = pointersInPlace_;
  std::size_t size_ = 0;
  std::size_t sharedBytes_ = 0;
};

} // namespace dpex::rt::cuda
