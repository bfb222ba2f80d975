#include "CudaParams.h"

namespace dpex::rt::cuda {

namespace {

// Matches `.extern .shared .align 16 .b8 dyn[]` in the PTX, and is enough
// for any element type a local accessor holds.
constexpr std::size_t LocalAlignment = 16;

} // namespace

KernelParams::KernelParams(const std::vector<KernelArg> &args) {
  words_.reserve(args.size());
  pointers_.reserve(args.size());
  for (const KernelArg &arg : args) {
    switch (arg.kind) {
    case KernelArg::Kind::Value:
      // cuLaunchKernel only reads through the pointer.
      pointers_.push_back(const_cast<void *>(arg.value));
      break;
    case KernelArg::Kind::Pointer:
      words_.push_back(reinterpret_cast<std::uintptr_t>(arg.pointer));
      pointers_.push_back(&words_.back());
      break;
    case KernelArg::Kind::Local: {
      std::size_t offset =
          (sharedBytes_ + LocalAlignment - 1) / LocalAlignment * LocalAlignment;
      words_.push_back(offset);
      pointers_.push_back(&words_.back());
      sharedBytes_ = offset + arg.size;
      break;
    }
    }
  }
}

} // namespace dpex::rt::cuda
