#include "CudaParams.h"

namespace dpex::rt::cuda {

namespace {

// Matches `.extern .shared .align 16 .b8 dyn[]` in the PTX, and is enough
// for any element type a local accessor holds.
constexpr std::size_t LocalAlignment = 16;

} // namespace

KernelParams::KernelParams(const std::vector<KernelArg> &args)
    : size_(args.size()) {
  if (size_ > InPlace) {
    moreWords_.resize(size_);
    morePointers_.resize(size_);
    words_ = moreWords_.data();
    pointers_ = morePointers_.data();
  }
  for (std::size_t i = 0; i < size_; ++i) {
    const KernelArg &arg = args[i];
    switch (arg.kind) {
    case KernelArg::Kind::Value:
      // cuLaunchKernel only reads through the pointer.
      pointers_[i] = const_cast<void *>(arg.value);
      break;
    case KernelArg::Kind::Pointer:
      words_[i] = reinterpret_cast<std::uintptr_t>(arg.pointer);
      pointers_[i] = &words_[i];
      break;
    case KernelArg::Kind::Local: {
      std::size_t offset =
          (sharedBytes_ + LocalAlignment - 1) / LocalAlignment * LocalAlignment;
      words_[i] = offset;
      pointers_[i] = &words_[i];
      sharedBytes_ = offset + arg.size;
      break;
    }
    }
  }
}

} // namespace dpex::rt::cuda
