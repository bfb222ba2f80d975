// Index spaces: dpex::range<N> for item<N> kernels, dpex::nd_range<N> for
// nd_item<N> kernels. Dimension 0 is the slowest-varying one, as in SYCL.
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>

namespace dpex {

template <int _Dims> class range {
  static_assert(_Dims >= 1 && _Dims <= 3,
                "dpex::range<N>: N must be 1, 2 or 3");

public:
  // range<N>(e0, ..., eN-1); implicit so that nd_range<1>({n}, {64}) works.
  template <typename... _Extents,
            typename = std::enable_if_t<sizeof...(_Extents) == _Dims &&
                                        (std::is_integral_v<_Extents> && ...)>>
  constexpr range(_Extents... extents)
      : extents_{static_cast<std::size_t>(extents)...} {}

  constexpr std::size_t get(int dim) const { return extents_[dim]; }
  constexpr std::size_t operator[](int dim) const { return extents_[dim]; }
  constexpr std::size_t size() const {
    std::size_t n = 1;
    for (std::size_t e : extents_)
      n *= e;
    return n;
  }

  friend constexpr bool operator==(const range &a, const range &b) {
    for (int d = 0; d < _Dims; ++d)
      if (a.extents_[d] != b.extents_[d])
        return false;
    return true;
  }
  friend constexpr bool operator!=(const range &a, const range &b) {
    return !(a == b);
  }

private:
  std::array<std::size_t, _Dims> extents_;
};

template <int _Dims> class nd_range {
public:
  // The local range must divide the global range in every dimension; that
  // and the device limits are checked at launch (errc::invalid_range).
  constexpr nd_range(range<_Dims> global, range<_Dims> local)
      : global_(global), local_(local) {}

  constexpr range<_Dims> get_global_range() const { return global_; }
  constexpr range<_Dims> get_local_range() const { return local_; }

private:
  range<_Dims> global_;
  range<_Dims> local_;
};

} // namespace dpex
