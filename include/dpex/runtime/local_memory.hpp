// dpex::local_memory<T>(n): sizes a local_accessor<T> parameter at launch.
#pragma once

#include <cstddef>
#include <limits>

namespace dpex {

template <typename _Tp> class local_memory {
public:
  explicit constexpr local_memory(std::size_t count) : count_(count) {}

  constexpr std::size_t size() const { return count_; }
  // SIZE_MAX where count * sizeof(T) does not fit size_t: more than any
  // device has, which a launch reports as errc::invalid_argument.
  constexpr std::size_t byte_size() const {
    return count_ > std::numeric_limits<std::size_t>::max() / sizeof(_Tp)
               ? std::numeric_limits<std::size_t>::max()
               : count_ * sizeof(_Tp);
  }

private:
  std::size_t count_;
};

} // namespace dpex
