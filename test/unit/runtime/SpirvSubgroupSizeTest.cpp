// The SPIR-V walker that drops the SubgroupSize execution modes a device
// lacks: only those instructions go, every other word stays as it was, in
// either byte order; a module it cannot walk is left to the driver.
#include "opencl/SpirvSubgroupSize.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

namespace {

using dpex::rt::opencl::withoutUnsupportedSubgroupSizes;

constexpr std::uint32_t op(std::uint32_t words, std::uint32_t opcode) {
  return words << 16 | opcode;
}

constexpr std::uint32_t OpCapability = 17, OpEntryPoint = 15,
                        OpExecutionMode = 16, OpFunction = 54,
                        OpFunctionEnd = 56, SubgroupSize = 35,
                        ContractionOff = 31;

// Header, a capability, two entry points (%1 "a", %2 "b"), and their
// execution modes: %1 SubgroupSize 2, %1 ContractionOff, %2 SubgroupSize 16.
// A function follows, then words that look like an execution mode but sit
// where none can (past the first function): they are not the walker's.
const std::vector<std::uint32_t> Module = {0x07230203,
                                           0x00010000,
                                           0,
                                           10,
                                           0, // header
                                           op(2, OpCapability),
                                           6, // Kernel
                                           op(4, OpEntryPoint),
                                           6,
                                           1,
                                           0x61, // Kernel %1 "a"
                                           op(4, OpEntryPoint),
                                           6,
                                           2,
                                           0x62, // Kernel %2 "b"
                                           op(4, OpExecutionMode),
                                           1,
                                           SubgroupSize,
                                           2, // dropped for {8, 16}
                                           op(3, OpExecutionMode),
                                           1,
                                           ContractionOff, // kept
                                           op(4, OpExecutionMode),
                                           2,
                                           SubgroupSize,
                                           16, // kept
                                           op(5, OpFunction),
                                           3,
                                           1,
                                           0,
                                           4, // %1's function
                                           op(4, OpExecutionMode),
                                           2,
                                           SubgroupSize,
                                           32, // not a mode here
                                           op(1, OpFunctionEnd)};

std::vector<unsigned char> bytes(const std::vector<std::uint32_t> &words,
                                 bool bigEndian = false) {
  std::vector<unsigned char> out;
  for (std::uint32_t w : words)
    for (int b = 0; b < 4; ++b)
      out.push_back(
          static_cast<unsigned char>(w >> (8 * (bigEndian ? 3 - b : b))));
  return out;
}

// `Module` without its words [first, end).
std::vector<std::uint32_t> without(std::size_t first, std::size_t end) {
  std::vector<std::uint32_t> out(Module.begin(), Module.begin() + first);
  out.insert(out.end(), Module.begin() + end, Module.end());
  return out;
}

constexpr std::size_t Size2Mode = 15; // index of its first word

} // namespace

TEST_CASE("SubgroupSize execution modes a device lacks are dropped",
          "[spirv]") {
  std::vector<unsigned char> in = bytes(Module);
  auto out = withoutUnsupportedSubgroupSizes(in.data(), in.size(), {8, 16});
  REQUIRE(out);
  CHECK(*out == bytes(without(Size2Mode, Size2Mode + 4)));

  // Neither size: both modes go, ContractionOff stays.
  out = withoutUnsupportedSubgroupSizes(in.data(), in.size(), {4, 8});
  REQUIRE(out);
  std::vector<std::uint32_t> both = without(Size2Mode, Size2Mode + 4);
  both.erase(both.begin() + Size2Mode + 3, both.begin() + Size2Mode + 7);
  CHECK(*out == bytes(both));

  // No sizes reported at all: every SubgroupSize mode goes.
  out = withoutUnsupportedSubgroupSizes(in.data(), in.size(), {});
  REQUIRE(out);
  CHECK(*out == bytes(both));
}

TEST_CASE("A module whose sizes the device has is left alone", "[spirv]") {
  std::vector<unsigned char> in = bytes(Module);
  CHECK_FALSE(withoutUnsupportedSubgroupSizes(in.data(), in.size(), {2, 16}));
  CHECK_FALSE(
      withoutUnsupportedSubgroupSizes(in.data(), in.size(), {2, 4, 16, 32}));
}

TEST_CASE("A big-endian module keeps its byte order", "[spirv]") {
  std::vector<unsigned char> in = bytes(Module, /*bigEndian=*/true);
  auto out = withoutUnsupportedSubgroupSizes(in.data(), in.size(), {16});
  REQUIRE(out);
  CHECK(*out == bytes(without(Size2Mode, Size2Mode + 4), /*bigEndian=*/true));
}

TEST_CASE("A module the walker cannot read is left to the driver", "[spirv]") {
  std::vector<unsigned char> in = bytes(Module);
  SECTION("not SPIR-V") {
    in[0] ^= 0xff;
    CHECK_FALSE(withoutUnsupportedSubgroupSizes(in.data(), in.size(), {16}));
  }
  SECTION("not whole words") {
    CHECK_FALSE(
        withoutUnsupportedSubgroupSizes(in.data(), in.size() - 1, {16}));
  }
  SECTION("shorter than its header") {
    CHECK_FALSE(withoutUnsupportedSubgroupSizes(in.data(), 16, {16}));
  }
  SECTION("an instruction of no words") {
    std::vector<std::uint32_t> words = Module;
    words[7] = op(0, OpEntryPoint);
    in = bytes(words);
    CHECK_FALSE(withoutUnsupportedSubgroupSizes(in.data(), in.size(), {16}));
  }
  SECTION("an instruction past the end") {
    // Cut inside the SubgroupSize 2 mode.
    CHECK_FALSE(
        withoutUnsupportedSubgroupSizes(in.data(), 4 * (Size2Mode + 2), {16}));
  }
}
