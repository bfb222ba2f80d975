// The grid of an item launch: rounded up for extents drivers cannot split
// into good work-groups, left alone where it already fits.
#include "core/RangeRounding.h"

#include <catch2/catch.hpp>

#include <limits>

namespace {

dpex::rt::LaunchConfig grid(std::initializer_list<std::size_t> extents) {
  dpex::rt::LaunchConfig config;
  config.dims = static_cast<std::uint32_t>(extents.size());
  std::size_t axis = 0;
  for (std::size_t e : extents)
    config.global[axis++] = e;
  return config;
}

constexpr std::size_t SizeMax = std::numeric_limits<std::size_t>::max();

// A device that rounds toward `n` work-items and takes any extent.
dpex::rt::DeviceLimits granule(std::size_t n) {
  dpex::rt::DeviceLimits limits;
  limits.rangeGranule = n;
  for (std::size_t &max : limits.maxGlobalSizes)
    max = SizeMax;
  limits.maxGlobalItems = SizeMax;
  return limits;
}

} // namespace

TEST_CASE("a prime extent is rounded up to whole work-groups", "[range]") {
  auto config = grid({16777213});
  dpex::rt::roundItemGrid(config, granule(64));
  REQUIRE(config.global[0] == 16777216);
  config = grid({16773127});
  dpex::rt::roundItemGrid(config, granule(256));
  REQUIRE(config.global[0] % 256 == 0);
  REQUIRE(config.global[0] - 16773127 < 256);
}

TEST_CASE("an extent that already fits stays as it is", "[range]") {
  for (std::size_t extent : {1u << 24, 1024u, 64u}) {
    auto config = grid({extent});
    dpex::rt::roundItemGrid(config, granule(64));
    REQUIRE(config.global[0] == extent);
  }
}

TEST_CASE("rounding adds at most an eighth in any dimension", "[range]") {
  for (std::size_t extent : {1u, 3u, 7u, 9u, 65u, 100u, 1000u, 4097u, 99991u}) {
    auto config = grid({extent, extent});
    dpex::rt::roundItemGrid(config, granule(256));
    for (int axis = 0; axis < 2; ++axis) {
      REQUIRE(config.global[axis] >= extent);
      REQUIRE(config.global[axis] <= extent + extent / 8);
    }
  }
}

TEST_CASE("a short fastest dimension leaves the group to the next one",
          "[range]") {
  // range<2>(4099, 3): backend x is 3, y is 4099.
  auto config = grid({3, 4099});
  dpex::rt::roundItemGrid(config, granule(64));
  REQUIRE(config.global[0] == 3);
  REQUIRE(config.global[1] % 64 == 0);
  REQUIRE(config.global[1] - 4099 < 64);
}

TEST_CASE("rounding never wraps past SIZE_MAX nor passes the device's limits",
          "[range]") {
  // Rounded up, SIZE_MAX would wrap to a grid of 0: it stays exact.
  auto config = grid({SizeMax});
  dpex::rt::roundItemGrid(config, granule(64));
  REQUIRE(config.global[0] == SizeMax);
  // Where a whole multiple still fits, it is taken.
  config = grid({SizeMax - 100});
  dpex::rt::roundItemGrid(config, granule(64));
  REQUIRE(config.global[0] == SizeMax - 63);
  dpex::rt::DeviceLimits limits = granule(64);
  limits.maxGlobalSizes[0] = 1000;
  config = grid({999});
  dpex::rt::roundItemGrid(config, limits);
  REQUIRE(config.global[0] == 999);
  // Within each dimension's limit, but not within the total.
  limits = granule(64);
  limits.maxGlobalItems = 999 * 999;
  config = grid({999, 999});
  dpex::rt::roundItemGrid(config, limits);
  REQUIRE((config.global[0] == 999 && config.global[1] == 999));
}

TEST_CASE("an exact grid splits into whole work-groups and a tail", "[range]") {
  auto split = dpex::rt::splitItemGrid(grid({16777213, 3}), 64);
  REQUIRE(split);
  const auto &bulk = split->bulk, &tail = split->tail;
  REQUIRE((bulk.hasLocal && tail.hasLocal));
  REQUIRE(bulk.global[0] == 16777152);
  REQUIRE(bulk.local[0] == 64);
  REQUIRE(bulk.offset[0] == 0);
  REQUIRE(tail.offset[0] == 16777152);
  REQUIRE(tail.global[0] == 61);
  REQUIRE(tail.local[0] == 61);
  // The other dimensions are covered whole by both parts.
  for (const auto *part : {&bulk, &tail}) {
    REQUIRE(part->global[1] == 3);
    REQUIRE(part->local[1] == 1);
    REQUIRE(part->offset[1] == 0);
  }
}

TEST_CASE("an exact grid the driver divides well is not split", "[range]") {
  REQUIRE_FALSE(dpex::rt::splitItemGrid(grid({1 << 24}), 64));
  REQUIRE_FALSE(dpex::rt::splitItemGrid(grid({61, 1000}), 64));
  REQUIRE_FALSE(dpex::rt::splitItemGrid(grid({16777213}), 1));
}
