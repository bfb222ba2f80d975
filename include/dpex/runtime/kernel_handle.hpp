// dpex::kernel<Sig>: the typed handle a generated stub defines per kernel.
#pragma once

#include <dpex/detail/kernel_desc.hpp>

namespace dpex {

// Device-side types named in kernel signatures; include/dpex/kernel.hpp
// defines them for device code. Host code only needs their names.
template <int Dims> class item;
template <int Dims> class nd_item;
template <typename T> class local_accessor;

namespace detail {
template <typename...> inline constexpr bool dependent_false = false;
// The value of a generated kernel template handle for an instantiation that
// dpexc did not compile: naming one fails a static_assert in the stub.
struct uncompiled_kernel {};
} // namespace detail

template <typename Signature> class kernel {
  static_assert(sizeof(Signature) == 0,
                "dpex::kernel<Sig>: Sig must be void(dpex::item<N> or "
                "dpex::nd_item<N>, parameters...)");
};

template <typename Index, typename... Params>
class kernel<void(Index, Params...)> {
public:
  using index_type = Index;

  constexpr explicit kernel(const detail::kernel_desc &desc) : desc_(&desc) {}

  constexpr const detail::kernel_desc &desc() const { return *desc_; }
  constexpr const char *name() const { return desc_->display_name; }

private:
  const detail::kernel_desc *desc_;
};

} // namespace dpex
