// The dpex kernel language: what kernel sources compiled by dpexc include.
//
// Everything here is compiled for the device only. Index queries are calls to
// `__dpex_*` intrinsics that dpexc's IndexBuiltinLowering pass replaces with
// SPIR-V built-in variables; they have no definition anywhere else.
#pragma once

#if !defined(__SPIR__) && !defined(__SPIR64__)
#error "<dpex/kernel.hpp> is for kernel sources compiled by dpexc; host code includes <dpex/runtime.hpp>"
#endif

#include <stddef.h>
#include <stdint.h>

#define DPEX_KERNEL __attribute__((annotate("dpex.kernel")))
#define DPEX_DEVICE_FUNC __attribute__((annotate("dpex.device_func")))

// Index-space intrinsics. `dim` is the backend dimension (0 = fastest).
#define DPEX_INTRINSIC extern "C" __attribute__((const, nothrow))
DPEX_INTRINSIC size_t __dpex_global_id(unsigned dim);
DPEX_INTRINSIC size_t __dpex_global_size(unsigned dim);
DPEX_INTRINSIC size_t __dpex_local_id(unsigned dim);
DPEX_INTRINSIC size_t __dpex_local_size(unsigned dim);
DPEX_INTRINSIC size_t __dpex_group_id(unsigned dim);
DPEX_INTRINSIC size_t __dpex_num_groups(unsigned dim);
#undef DPEX_INTRINSIC

namespace dpex {

namespace detail {
// dpex dimension 0 is the slowest-varying (as in SYCL); the backend's
// dimension 0 is the fastest, so row-major accesses coalesce when the last
// dpex dimension maps to backend dimension 0.
template <int Dims> constexpr unsigned backend_dim(int d) {
  return static_cast<unsigned>(Dims - 1 - d);
}

// Row-major linearisation of a Dims-dimensional index.
template <int Dims, typename IdFn, typename RangeFn>
size_t linearize(IdFn id, RangeFn range) {
  size_t linear = 0;
  for (int d = 0; d < Dims; ++d)
    linear = linear * range(d) + id(d);
  return linear;
}
} // namespace detail

template <int Dims> class group {
  static_assert(Dims >= 1 && Dims <= 3, "dpex::group has 1 to 3 dimensions");

public:
  static constexpr int dimensions = Dims;

  size_t get_group_id(int d) const {
    return __dpex_group_id(detail::backend_dim<Dims>(d));
  }
  size_t get_group_range(int d) const {
    return __dpex_num_groups(detail::backend_dim<Dims>(d));
  }
  size_t get_local_range(int d) const {
    return __dpex_local_size(detail::backend_dim<Dims>(d));
  }
  size_t get_group_linear_id() const {
    return detail::linearize<Dims>([this](int d) { return get_group_id(d); },
                                   [this](int d) { return get_group_range(d); });
  }
  // True for the one work-item of the group whose local id is all zeros.
  bool leader() const {
    for (int d = 0; d < Dims; ++d)
      if (__dpex_local_id(detail::backend_dim<Dims>(d)) != 0)
        return false;
    return true;
  }
};

template <int Dims> class item {
  static_assert(Dims >= 1 && Dims <= 3, "dpex::item has 1 to 3 dimensions");

public:
  static constexpr int dimensions = Dims;

  size_t get_id(int d) const {
    return __dpex_global_id(detail::backend_dim<Dims>(d));
  }
  size_t operator[](int d) const { return get_id(d); }
  size_t get_range(int d) const {
    return __dpex_global_size(detail::backend_dim<Dims>(d));
  }
  size_t get_linear_id() const {
    return detail::linearize<Dims>([this](int d) { return get_id(d); },
                                   [this](int d) { return get_range(d); });
  }
};

template <int Dims> class nd_item {
  static_assert(Dims >= 1 && Dims <= 3, "dpex::nd_item has 1 to 3 dimensions");

public:
  static constexpr int dimensions = Dims;

  size_t get_global_id(int d) const {
    return __dpex_global_id(detail::backend_dim<Dims>(d));
  }
  size_t get_local_id(int d) const {
    return __dpex_local_id(detail::backend_dim<Dims>(d));
  }
  size_t get_global_range(int d) const {
    return __dpex_global_size(detail::backend_dim<Dims>(d));
  }
  size_t get_local_range(int d) const {
    return __dpex_local_size(detail::backend_dim<Dims>(d));
  }
  size_t get_group_range(int d) const {
    return __dpex_num_groups(detail::backend_dim<Dims>(d));
  }
  size_t get_global_linear_id() const {
    return detail::linearize<Dims>(
        [this](int d) { return get_global_id(d); },
        [this](int d) { return get_global_range(d); });
  }
  size_t get_local_linear_id() const {
    return detail::linearize<Dims>(
        [this](int d) { return get_local_id(d); },
        [this](int d) { return get_local_range(d); });
  }
  group<Dims> get_group() const { return group<Dims>(); }
};

} // namespace dpex
