// Size arithmetic on user-given extents and counts, which can be anything up
// to SIZE_MAX: products that say when they overflow instead of wrapping.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>

namespace dpex::rt {

// a * b; nothing where it does not fit size_t.
inline std::optional<std::size_t> checkedMultiply(std::size_t a,
                                                  std::size_t b) {
  std::size_t product = 0;
  if (__builtin_mul_overflow(a, b, &product))
    return std::nullopt;
  return product;
}

// a * b, or SIZE_MAX where it does not fit: for limits, which only need to
// say "more than any request can be".
inline std::size_t saturatingMultiply(std::size_t a, std::size_t b) {
  return checkedMultiply(a, b).value_or(
      std::numeric_limits<std::size_t>::max());
}

// The product of values[0..n); nothing where it does not fit size_t.
inline std::optional<std::size_t> checkedProduct(const std::size_t *values,
                                                 std::size_t n) {
  std::size_t product = 1;
  for (std::size_t i = 0; i < n; ++i) {
    std::optional<std::size_t> next = checkedMultiply(product, values[i]);
    if (!next)
      return std::nullopt;
    product = *next;
  }
  return product;
}

} // namespace dpex::rt
