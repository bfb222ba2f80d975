// dpex::kernel<Sig>: the typed handle a generated stub defines per kernel.
#pragma once

#include <dpex/detail/kernel_desc.hpp>

namespace dpex {

// Device-side types named in kernel signatures; include/dpex/kernel.hpp
// defines them for device code. Host code only needs their names.
template <int _Dims> class item;
template <int _Dims> class nd_item;
template <typename _Tp> class local_accessor;

namespace detail {
template <typename...> inline constexpr bool dependent_false = false;
// The value of a generated kernel template handle for an instantiation that
// dpexc did not compile: naming one fails a static_assert in the stub.
struct uncompiled_kernel {};
} // namespace detail

template <typename _Signature> class kernel {
  static_assert(sizeof(_Signature) == 0,
                "dpex::kernel<Sig>: Sig must be void(dpex::item<N> or "
                "dpex::nd_item<N>, parameters...)");
};

template <typename _Index, typename... _Params>
class kernel<void(_Index, _Params...)> {
public:
  using index_type = _Index;

  constexpr explicit kernel(const detail::kernel_desc &desc) : desc_(&desc) {}

  constexpr const detail::kernel_desc &desc() const { return *desc_; }
  constexpr const char *name() const { return desc_->display_name; }

private:
  const detail::kernel_desc *desc_;
};

} // namespace dpex
