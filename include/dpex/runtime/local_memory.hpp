// dpex::local_memory<T>(n): sizes a local_accessor<T> parameter at launch.
#pragma once

#include <cstddef>

namespace dpex {

template <typename _Tp> class local_memory {
public:
  explicit constexpr local_memory(std::size_t count) : count_(count) {}

  constexpr std::size_t size() const { return count_; }
  constexpr std::size_t byte_size() const { return count_ * sizeof(_Tp); }

private:
  std::size_t count_;
};

} // namespace dpex
