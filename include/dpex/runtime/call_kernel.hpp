// call_kernel / call_kernel_async: type-checked launches of kernel handles.
//
// The templates here only check types and lay the arguments out; queue
// inference, range validation, building and enqueueing happen in the library
// (detail::launch).
#pragma once

#include <dpex/detail/kernel_desc.hpp>
#include <dpex/runtime/array.hpp>
#include <dpex/runtime/event.hpp>
#include <dpex/runtime/kernel_handle.hpp>
#include <dpex/runtime/local_memory.hpp>
#include <dpex/runtime/queue.hpp>
#include <dpex/runtime/range.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace dpex {
namespace detail {

// One kernel argument, laid out for the library's launch code.
struct launch_arg {
  arg_kind kind;
  std::size_t size;  // bytes of the value, or of the local memory
  const void *value; // scalar, boolean, by_value: the converted value
  const std::shared_ptr<rt::Buffer> *buffer; // global_pointer: the array
  std::size_t offset; // global_pointer: byte offset into *buffer
};

// Extents in dpex order (dimension 0 slowest-varying); `local` is all
// zero for a range launch.
struct index_space {
  std::uint32_t dims;
  bool nd;
  std::size_t global[3];
  std::size_t local[3];
};

enum class launch_mode { sync, async };

// Throws dpex::error. In sync mode returns two complete events once the
// kernel finished.
std::pair<event, event>
launch(const queue *explicit_queue, const kernel_desc &desc,
       const index_space &space, const launch_arg *args, std::size_t num_args,
       const std::vector<event> &deps, launch_mode mode);

template <typename T> struct always_false : std::false_type {};
template <typename T>
using remove_cvref_t = std::remove_cv_t<std::remove_reference_t<T>>;

// Whether `Param{a}` is well-formed for a non-constant `a` of type `Arg`:
// the brace-initialisation rules reject every narrowing conversion.
template <typename Param, typename Arg, typename = void>
struct converts_without_narrowing : std::false_type {};
template <typename Param, typename Arg>
struct converts_without_narrowing<
    Param, Arg, std::void_t<decltype(Param{std::declval<Arg>()})>>
    : std::true_type {};

template <typename T> struct array_traits : std::false_type {};
template <typename T> struct array_traits<array<T>> : std::true_type {
  using element = T;
};

template <typename T> struct local_memory_traits : std::false_type {};
template <typename T>
struct local_memory_traits<local_memory<T>> : std::true_type {
  using element = T;
};

template <typename T> struct local_accessor_traits : std::false_type {};
template <typename T>
struct local_accessor_traits<local_accessor<T>> : std::true_type {
  using element = T;
};

template <typename T> struct index_traits {
  static constexpr bool valid = false;
};
template <int N> struct index_traits<item<N>> {
  static constexpr bool valid = true;
  static constexpr bool nd = false;
  static constexpr int dims = N;
};
template <int N> struct index_traits<nd_item<N>> {
  static constexpr bool valid = true;
  static constexpr bool nd = true;
  static constexpr int dims = N;
};

template <typename T> struct space_traits {
  static constexpr bool valid = false;
};
template <int N> struct space_traits<range<N>> {
  static constexpr bool valid = true;
  static constexpr bool nd = false;
  static constexpr int dims = N;
  static index_space make(const range<N> &r) {
    index_space s{N, false, {}, {}};
    for (int d = 0; d < N; ++d)
      s.global[d] = r[d];
    return s;
  }
};
template <int N> struct space_traits<nd_range<N>> {
  static constexpr bool valid = true;
  static constexpr bool nd = true;
  static constexpr int dims = N;
  static index_space make(const nd_range<N> &r) {
    index_space s{N, true, {}, {}};
    for (int d = 0; d < N; ++d) {
      s.global[d] = r.get_global_range()[d];
      s.local[d] = r.get_local_range()[d];
    }
    return s;
  }
};

// Checks the argument at 1-based `Position` against its parameter. Each
// failure is one static_assert; the instantiation note shows the position.
template <std::size_t Position, typename Param, typename Arg>
constexpr bool check_argument() {
  using A = remove_cvref_t<Arg>;
  if constexpr (std::is_pointer_v<Param>) {
    using T = std::remove_cv_t<std::remove_pointer_t<Param>>;
    static_assert(array_traits<A>::value,
                  "dpex::call_kernel: a pointer parameter (T* or const T*) "
                  "takes a dpex::array<T>");
    if constexpr (array_traits<A>::value) {
      static_assert(std::is_same_v<typename array_traits<A>::element, T>,
                    "dpex::call_kernel: the dpex::array element type differs "
                    "from the type the pointer parameter points to");
      return std::is_same_v<typename array_traits<A>::element, T>;
    }
    return false;
  } else if constexpr (local_accessor_traits<Param>::value) {
    using T = typename local_accessor_traits<Param>::element;
    static_assert(local_memory_traits<A>::value,
                  "dpex::call_kernel: a dpex::local_accessor<T> parameter "
                  "takes a dpex::local_memory<T>");
    if constexpr (local_memory_traits<A>::value) {
      static_assert(
          std::is_same_v<typename local_memory_traits<A>::element, T>,
          "dpex::call_kernel: the dpex::local_memory element type differs "
          "from the local_accessor's");
      return std::is_same_v<typename local_memory_traits<A>::element, T>;
    }
    return false;
  } else if constexpr (std::is_same_v<Param, bool>) {
    static_assert(std::is_same_v<A, bool>,
                  "dpex::call_kernel: a bool parameter takes a bool");
    return std::is_same_v<A, bool>;
  } else if constexpr (std::is_arithmetic_v<Param>) {
    static_assert(std::is_arithmetic_v<A>,
                  "dpex::call_kernel: an arithmetic parameter takes an "
                  "arithmetic value");
    if constexpr (std::is_arithmetic_v<A>) {
      static_assert(converts_without_narrowing<Param, A>::value,
                    "dpex::call_kernel: the scalar argument narrows to the "
                    "parameter's type (as in brace-initialisation: double to "
                    "float, size_t to int, int to float); convert it "
                    "explicitly, e.g. with static_cast");
      return converts_without_narrowing<Param, A>::value;
    }
    return false;
  } else if constexpr (std::is_enum_v<Param>) {
    static_assert(std::is_same_v<A, Param>,
                  "dpex::call_kernel: an enum parameter takes a value of the "
                  "same enum type");
    return std::is_same_v<A, Param>;
  } else if constexpr (std::is_class_v<Param>) {
    static_assert(std::is_trivially_copyable_v<Param>,
                  "dpex::call_kernel: a struct parameter must be trivially "
                  "copyable");
    static_assert(std::is_same_v<A, Param>,
                  "dpex::call_kernel: a struct parameter takes a value of the "
                  "same struct type");
    return std::is_trivially_copyable_v<Param> && std::is_same_v<A, Param>;
  } else {
    static_assert(always_false<Param>::value,
                  "dpex::call_kernel: unsupported kernel parameter type");
    return false;
  }
}

template <typename... Params> struct param_list {};

template <typename... Params, typename... Args, std::size_t... I>
constexpr bool check_arguments(param_list<Params...>, std::index_sequence<I...>,
                               param_list<Args...>) {
  return (true && ... && check_argument<I + 1, Params, Args>());
}

template <typename Index, typename Space, typename... Params, typename... Args>
constexpr bool check_launch(param_list<Params...>, param_list<Args...>) {
  static_assert(index_traits<Index>::valid,
                "dpex::call_kernel: a kernel's first parameter must be "
                "dpex::item<N> or dpex::nd_item<N>");
  static_assert(space_traits<Space>::valid,
                "dpex::call_kernel: the index space must be a dpex::range<N> "
                "or a dpex::nd_range<N>");
  if constexpr (index_traits<Index>::valid && space_traits<Space>::valid) {
    constexpr bool kernel_nd = index_traits<Index>::nd;
    constexpr bool space_nd = space_traits<Space>::nd;
    static_assert(!kernel_nd || space_nd,
                  "dpex::call_kernel: an nd_item<N> kernel is launched on a "
                  "dpex::nd_range<N>, not a dpex::range<N>");
    static_assert(kernel_nd || !space_nd,
                  "dpex::call_kernel: an item<N> kernel is launched on a "
                  "dpex::range<N>, not a dpex::nd_range<N>");
    constexpr bool dims_match =
        index_traits<Index>::dims == space_traits<Space>::dims;
    static_assert(dims_match,
                  "dpex::call_kernel: the index space has a different number "
                  "of dimensions than the kernel's item/nd_item");
    static_assert(sizeof...(Args) == sizeof...(Params),
                  "dpex::call_kernel: wrong number of kernel arguments");
    if constexpr (sizeof...(Args) == sizeof...(Params))
      return kernel_nd == space_nd && dims_match &&
             check_arguments(param_list<Params...>{},
                             std::index_sequence_for<Params...>{},
                             param_list<Args...>{});
  }
  return false;
}

// Holds one argument converted to its parameter's representation for the
// duration of the launch call.
template <typename Param, typename = void> struct arg_slot {
  // Structs by value.
  Param value;
  explicit arg_slot(const Param &v) : value(v) {}
  launch_arg get() const {
    return {arg_kind::by_value, sizeof(Param), &value, nullptr, 0};
  }
};

template <typename Param>
struct arg_slot<Param, std::enable_if_t<std::is_pointer_v<Param>>> {
  const std::shared_ptr<rt::Buffer> *buffer;
  std::size_t offset;
  template <typename T>
  explicit arg_slot(const array<T> &a)
      : buffer(&array_access::buffer(a)), offset(array_access::byte_offset(a)) {
  }
  launch_arg get() const {
    return {arg_kind::global_pointer, sizeof(void *), nullptr, buffer, offset};
  }
};

template <typename Param>
struct arg_slot<Param, std::enable_if_t<local_accessor_traits<Param>::value>> {
  std::size_t bytes;
  template <typename T>
  explicit arg_slot(const local_memory<T> &m) : bytes(m.byte_size()) {}
  launch_arg get() const {
    return {arg_kind::local_accessor, bytes, nullptr, nullptr, 0};
  }
};

// Enums, as their underlying type.
template <typename Param>
struct arg_slot<Param, std::enable_if_t<std::is_enum_v<Param>>> {
  Param value;
  explicit arg_slot(Param v) : value(v) {}
  launch_arg get() const {
    return {arg_kind::scalar, sizeof(Param), &value, nullptr, 0};
  }
};

template <> struct arg_slot<bool> {
  std::uint8_t value; // bool is an 8-bit integer on the device
  explicit arg_slot(bool v) : value(v ? 1 : 0) {}
  launch_arg get() const { return {arg_kind::boolean, 1, &value, nullptr, 0}; }
};

template <typename Param>
struct arg_slot<Param, std::enable_if_t<std::is_arithmetic_v<Param> &&
                                        !std::is_same_v<Param, bool>>> {
  Param value;
  template <typename A>
  explicit arg_slot(const A &v) : value(static_cast<Param>(v)) {}
  launch_arg get() const {
    return {arg_kind::scalar, sizeof(Param), &value, nullptr, 0};
  }
};

template <typename Index, typename... Params, typename Space, typename... Args>
std::pair<event, event>
dispatch(const queue *q, const kernel<void(Index, Params...)> &k,
         const Space &space, const std::vector<event> &deps, launch_mode mode,
         Args &&...args) {
  constexpr bool ok = check_launch<Index, Space>(param_list<Params...>{},
                                                 param_list<Args...>{});
  if constexpr (ok) {
    const std::tuple<arg_slot<Params>...> slots(args...);
    const auto prepared = std::apply(
        [](const auto &...slot) {
          return std::array<launch_arg, sizeof...(Params)>{slot.get()...};
        },
        slots);
    return launch(q, k.desc(), space_traits<Space>::make(space),
                  prepared.data(), prepared.size(), deps, mode);
  } else {
    return {};
  }
}

} // namespace detail

// Runs `k` over `space` on the queue of its array arguments and returns when
// the kernel has finished.
template <typename Signature, typename Space, typename... Args>
void call_kernel(const kernel<Signature> &k, const Space &space,
                 Args &&...args) {
  detail::dispatch(nullptr, k, space, {}, detail::launch_mode::sync,
                   std::forward<Args>(args)...);
}

// As above on `q`; array arguments must live on `q`.
template <typename Signature, typename Space, typename... Args>
void call_kernel(const queue &q, const kernel<Signature> &k, const Space &space,
                 Args &&...args) {
  detail::dispatch(&q, k, space, {}, detail::launch_mode::sync,
                   std::forward<Args>(args)...);
}

// Enqueues `k` after `deps` and returns (host event, device event). The
// device event completes with the kernel; the host event once the launch
// also released its arguments, which stay alive until then.
template <typename Signature, typename Space, typename... Args>
std::pair<event, event>
call_kernel_async(const kernel<Signature> &k, const Space &space,
                  const std::vector<event> &deps, Args &&...args) {
  return detail::dispatch(nullptr, k, space, deps, detail::launch_mode::async,
                          std::forward<Args>(args)...);
}

template <typename Signature, typename Space, typename... Args>
std::pair<event, event>
call_kernel_async(const queue &q, const kernel<Signature> &k,
                  const Space &space, const std::vector<event> &deps,
                  Args &&...args) {
  return detail::dispatch(&q, k, space, deps, detail::launch_mode::async,
                          std::forward<Args>(args)...);
}

} // namespace dpex
