#include "SpirvSubgroupSize.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace dpex::rt::opencl {

namespace {

constexpr std::uint32_t Magic = 0x07230203;
constexpr std::size_t HeaderWords = 5;
constexpr std::uint32_t OpExecutionMode = 16;
constexpr std::uint32_t OpFunction = 54;
constexpr std::uint32_t SubgroupSizeMode = 35;

} // namespace

std::optional<std::vector<unsigned char>>
withoutUnsupportedSubgroupSizes(const unsigned char *data, std::size_t size,
                                const std::vector<std::size_t> &sizes) {
  if (size % 4 != 0 || size / 4 < HeaderWords)
    return std::nullopt;
  const std::size_t words = size / 4;
  auto little = [&](std::size_t i) {
    const unsigned char *b = data + 4 * i;
    return std::uint32_t(b[0]) | std::uint32_t(b[1]) << 8 |
           std::uint32_t(b[2]) << 16 | std::uint32_t(b[3]) << 24;
  };
  auto big = [&](std::size_t i) {
    const unsigned char *b = data + 4 * i;
    return std::uint32_t(b[3]) | std::uint32_t(b[2]) << 8 |
           std::uint32_t(b[1]) << 16 | std::uint32_t(b[0]) << 24;
  };
  bool bigEndian = big(0) == Magic;
  if (!bigEndian && little(0) != Magic)
    return std::nullopt;
  auto word = [&](std::size_t i) { return bigEndian ? big(i) : little(i); };

  // Word ranges [first, end) to leave out.
  std::vector<std::pair<std::size_t, std::size_t>> dropped;
  for (std::size_t i = HeaderWords; i < words;) {
    const std::uint32_t first = word(i);
    const std::size_t count = first >> 16;
    const std::uint32_t opcode = first & 0xffff;
    if (count == 0 || count > words - i)
      return std::nullopt;
    // Execution modes precede every function (the logical layout).
    if (opcode == OpFunction)
      break;
    if (opcode == OpExecutionMode && count == 4 &&
        word(i + 2) == SubgroupSizeMode &&
        std::find(sizes.begin(), sizes.end(), word(i + 3)) == sizes.end())
      dropped.emplace_back(i, i + count);
    i += count;
  }
  if (dropped.empty())
    return std::nullopt;
  std::vector<unsigned char> out;
  out.reserve(size);
  std::size_t from = 0;
  for (auto [first, end] : dropped) {
    out.insert(out.end(), data + 4 * from, data + 4 * first);
    from = end;
  }
  out.insert(out.end(), data + 4 * from, data + size);
  return out;
}

} // namespace dpex::rt::opencl
