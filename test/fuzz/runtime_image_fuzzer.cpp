// Corrupted device images and descriptors through the runtime's module
// loader and launch path on an OpenCL device (PoCL by default: DPEX_DEVICE
// defaults to opencl:cpu) or, with DPEX_DEVICE=cuda:0, on a CUDA GPU, where
// the ptx seed is the image that loads. Every failure must surface as
// dpex::error; any other exception, a crash or a sanitizer report is a bug.
//
// An input's image bytes model a stub's image after corruption: the digest
// recorded with them is the one dpexc recorded for the uncorrupted image,
// the seed image of the same format. So only the seed images themselves pass
// the runtime's integrity check and reach PoCL; every other byte string must
// be rejected before any driver call (PoCL's bitcode reader crashes on many
// of them, the findings in regressions/).
//
// Input: a 12-byte header that fills the kernel_desc fields a stub could get
// wrong, then the image bytes.
//   [0]  image format (raw byte: values outside the enum are allowed)
//   [1]  bit 0: nd flag; bits 1-2: dimensions; bit 3: async launch;
//        bit 4: the image's range_guard; bit 5: rounded_range
//   [2]  num_args (0-4; the handle below passes 2)
//   [3..6] arg kinds (raw bytes)   [7..10] arg sizes
//   [11] entry point: "fill", "affine", "" or a name no image has
#include <dpex/runtime.hpp>

#include <cstdint>
#include <cstdlib>
#include <deque>
#include <memory>
#include <vector>

namespace {

using namespace dpex::detail;

constexpr std::size_t HeaderSize = 12;
// PoCL compiles each image it accepts; larger images only make iterations
// slower without reaching new runtime code.
constexpr std::size_t MaxImageSize = 64 * 1024;
constexpr std::size_t GlobalSize = 64;
// Mutated kernels may index past the range they are launched on; a roomy
// buffer keeps such writes inside it.
constexpr std::size_t BufferSize = 64 * 1024;

struct Descriptor {
  device_image image{};
  module_desc module{};
  std::vector<arg_desc> args;
  kernel_desc kernel{};
};

// The runtime caches modules and kernels by descriptor address, which a
// stub's static descriptors keep for the life of the process. Each input gets
// fresh descriptors and they stay allocated, so that a later input never
// reuses an address and gets an earlier input's cached build.
std::deque<std::unique_ptr<Descriptor>> Descriptors;

// image_digest of the seed images in corpus/runtime_image_fuzzer/: spirv_fill,
// spir_fill and ptx_fill (PTX text without a NUL, as dpexc writes it).
std::uint64_t recordedDigest(image_format Format) {
  switch (Format) {
  case image_format::spirv:
    return 0xd599d6b6436882d9ull;
  case image_format::spir:
    return 0x4f2b5a7dd5a8daafull;
  case image_format::ptx:
    return 0x9624c50edfd5844eull;
  case image_format::cubin: // no seed: every cubin input must be rejected
    break;
  }
  return 0; // also a format byte outside the enum
}

std::unique_ptr<dpex::queue> Queue;
std::unique_ptr<dpex::array<int>> Out;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  setenv("DPEX_DEVICE", "opencl:cpu", /*overwrite=*/0);
  // PoCL would otherwise keep every image it compiled in its on-disk cache.
  setenv("POCL_KERNEL_CACHE", "0", 0);
  Queue = std::make_unique<dpex::queue>();
  Out = std::make_unique<dpex::array<int>>(*Queue, BufferSize);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *Data,
                                      std::size_t Size) {
  if (Size < HeaderSize || Size - HeaderSize > MaxImageSize)
    return -1; // not added to the corpus
  const std::uint8_t *H = Data;
  std::vector<unsigned char> Bytes(Data + HeaderSize, Data + Size);

  auto &D = *Descriptors.emplace_back(std::make_unique<Descriptor>());
  auto Format = static_cast<image_format>(H[0]);
  // The ptx seed is `.target sm_80`.
  D.image = {Format, Bytes.data(), Bytes.size(), recordedDigest(Format),
             Format == image_format::ptx ? 80u : 0u};
  D.image.range_guard = (H[1] & 16) != 0;
  D.module = {"fuzzed.cpp", &D.image, 1};
  static const char *const Entries[] = {"fill", "affine", "", "no_such_kernel"};
  std::size_t NumArgs = H[2] % 5;
  for (std::size_t I = 0; I < NumArgs; ++I)
    D.args.push_back(
        {static_cast<arg_kind>(H[3 + I]), H[7 + I], 4, "a", "int"});
  D.kernel = {&D.module,       Entries[H[11] % 4],
              "fuzzed",        static_cast<std::uint32_t>((H[1] >> 1) & 3),
              (H[1] & 1) != 0, D.args.data(),
              NumArgs};
  D.kernel.rounded_range = (H[1] & 32) != 0;

  // The signature of test/unit/runtime's fill kernel, the valid seeds' one.
  const dpex::kernel<void(dpex::item<1>, int, int *)> Kernel{D.kernel};
  try {
    if (H[1] & 8)
      dpex::call_kernel_async(Kernel, dpex::range<1>(GlobalSize), {}, 7, *Out)
          .first.wait();
    else
      dpex::call_kernel(Kernel, dpex::range<1>(GlobalSize), 7, *Out);
  } catch (const dpex::error &) {
    // The expected outcome for almost every input.
  }
  // The image is only read while the module builds; the descriptor stays.
  D.image.data = nullptr;
  return 0;
}
