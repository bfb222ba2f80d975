// call_kernel / call_kernel_async: type-checked launches of kernel handles.
//
// The templates here only check types, convert scalars (marking an integer
// its parameter's type does not hold) and lay the arguments out; argument
// and range validation, queue inference, building and enqueueing happen in
// the library (detail::launch).
#pragma once

#include <dpex/detail/kernel_desc.hpp>
#include <dpex/half.hpp>
#include <dpex/runtime/array.hpp>
#include <dpex/runtime/event.hpp>
#include <dpex/runtime/kernel_handle.hpp>
#include <dpex/runtime/local_memory.hpp>
#include <dpex/runtime/queue.hpp>
#include <dpex/runtime/range.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
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
  // scalar: why the value cannot be passed (it is outside the parameter
  // type's range); null when it can. The launch then runs nothing.
  const char *rejected = nullptr;
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

template <typename _Tp> struct always_false : std::false_type {};
template <typename _Tp>
using remove_cvref_t = std::remove_cv_t<std::remove_reference_t<_Tp>>;

// Whether `Param{a}` is well-formed for a non-constant `a` of type `Arg`:
// the brace-initialisation rules reject every narrowing conversion.
template <typename _Param, typename _Arg, typename = void>
struct converts_without_narrowing : std::false_type {};
template <typename _Param, typename _Arg>
struct converts_without_narrowing<
    _Param, _Arg, std::void_t<decltype(_Param{std::declval<_Arg>()})>>
    : std::true_type {};

// How an arithmetic argument reaches an arithmetic parameter other than
// bool. A conversion that keeps every value is exact; one between integers
// that keeps only some is range_checked (at run time, before the launch);
// the others change what the value is (lose a fraction, precision or
// exponent range) and do not compile.
enum class scalar_conversion {
  exact,
  range_checked,
  float_to_integer,
  narrower_float,
  inexact_integer_to_float,
  bool_to_float,
};

template <typename _Tp>
using widest_int_t =
    std::conditional_t<std::is_signed_v<_Tp>, long long, unsigned long long>;

// a < b for integers of any signedness (std::cmp_less before C++20).
template <typename _Tp, typename _Up>
constexpr bool integer_less(_Tp a, _Up b) {
  using _Wide = unsigned long long;
  if constexpr (std::is_signed_v<_Tp> == std::is_signed_v<_Up>)
    return static_cast<widest_int_t<_Tp>>(a) <
           static_cast<widest_int_t<_Up>>(b);
  else if constexpr (std::is_signed_v<_Tp>)
    return a < 0 || static_cast<_Wide>(a) < static_cast<_Wide>(b);
  else
    return b > 0 && static_cast<_Wide>(a) < static_cast<_Wide>(b);
}

// Whether integer type _To holds `value` (std::in_range before C++20).
template <typename _To, typename _From>
constexpr bool integer_fits(_From value) {
  return !integer_less(value, std::numeric_limits<_To>::min()) &&
         !integer_less(std::numeric_limits<_To>::max(), value);
}

template <typename _Param, typename _Arg>
constexpr scalar_conversion classify_scalar() {
  if constexpr (std::is_integral_v<_Param>) {
    if constexpr (std::is_same_v<_Arg, bool>)
      return scalar_conversion::exact; // 0 or 1, as in C++
    else if constexpr (std::is_floating_point_v<_Arg>)
      return scalar_conversion::float_to_integer;
    else if constexpr (integer_fits<_Param>(std::numeric_limits<_Arg>::min()) &&
                       integer_fits<_Param>(std::numeric_limits<_Arg>::max()))
      return scalar_conversion::exact;
    else
      return scalar_conversion::range_checked;
  } else if constexpr (std::is_floating_point_v<_Arg>) {
    return converts_without_narrowing<_Param, _Arg>::value
               ? scalar_conversion::exact
               : scalar_conversion::narrower_float;
  } else if constexpr (std::is_same_v<_Arg, bool>) {
    return scalar_conversion::bool_to_float;
  } else {
    // Every integer of at most `digits` bits is exact in the floating type.
    return std::numeric_limits<_Arg>::digits <=
                   std::numeric_limits<_Param>::digits
               ? scalar_conversion::exact
               : scalar_conversion::inexact_integer_to_float;
  }
}

template <typename _Tp> std::string decimal(_Tp value) {
  return std::to_string(static_cast<widest_int_t<_Tp>>(value));
}

template <typename _Tp> struct array_traits : std::false_type {};
template <typename _Tp> struct array_traits<array<_Tp>> : std::true_type {
  using element = _Tp;
};

template <typename _Tp> struct local_memory_traits : std::false_type {};
template <typename _Tp>
struct local_memory_traits<local_memory<_Tp>> : std::true_type {
  using element = _Tp;
};

template <typename _Tp> struct local_accessor_traits : std::false_type {};
template <typename _Tp>
struct local_accessor_traits<local_accessor<_Tp>> : std::true_type {
  using element = _Tp;
};

template <typename _Tp> struct index_traits {
  static constexpr bool valid = false;
};
template <int _Nm> struct index_traits<item<_Nm>> {
  static constexpr bool valid = true;
  static constexpr bool nd = false;
  static constexpr int dims = _Nm;
};
template <int _Nm> struct index_traits<nd_item<_Nm>> {
  static constexpr bool valid = true;
  static constexpr bool nd = true;
  static constexpr int dims = _Nm;
};

template <typename _Tp> struct space_traits {
  static constexpr bool valid = false;
};
template <int _Nm> struct space_traits<range<_Nm>> {
  static constexpr bool valid = true;
  static constexpr bool nd = false;
  static constexpr int dims = _Nm;
  static index_space make(const range<_Nm> &r) {
    index_space s{_Nm, false, {}, {}};
    for (int d = 0; d < _Nm; ++d)
      s.global[d] = r[d];
    return s;
  }
};
template <int _Nm> struct space_traits<nd_range<_Nm>> {
  static constexpr bool valid = true;
  static constexpr bool nd = true;
  static constexpr int dims = _Nm;
  static index_space make(const nd_range<_Nm> &r) {
    index_space s{_Nm, true, {}, {}};
    for (int d = 0; d < _Nm; ++d) {
      s.global[d] = r.get_global_range()[d];
      s.local[d] = r.get_local_range()[d];
    }
    return s;
  }
};

// Checks the argument at 1-based `Position` against its parameter. Each
// failure is one static_assert; the instantiation note shows the position.
template <std::size_t _Position, typename _Param, typename _Arg>
constexpr bool check_argument() {
  using _ArgT = remove_cvref_t<_Arg>;
  if constexpr (std::is_pointer_v<_Param>) {
    using _Tp = std::remove_cv_t<std::remove_pointer_t<_Param>>;
    static_assert(array_traits<_ArgT>::value,
                  "dpex::call_kernel: a pointer parameter (T* or const T*) "
                  "takes a dpex::array<T>");
    if constexpr (array_traits<_ArgT>::value) {
      static_assert(std::is_same_v<typename array_traits<_ArgT>::element, _Tp>,
                    "dpex::call_kernel: the dpex::array element type differs "
                    "from the type the pointer parameter points to");
      return std::is_same_v<typename array_traits<_ArgT>::element, _Tp>;
    }
    return false;
  } else if constexpr (local_accessor_traits<_Param>::value) {
    using _Tp = typename local_accessor_traits<_Param>::element;
    static_assert(local_memory_traits<_ArgT>::value,
                  "dpex::call_kernel: a dpex::local_accessor<T> parameter "
                  "takes a dpex::local_memory<T>");
    if constexpr (local_memory_traits<_ArgT>::value) {
      static_assert(
          std::is_same_v<typename local_memory_traits<_ArgT>::element, _Tp>,
          "dpex::call_kernel: the dpex::local_memory element type differs "
          "from the local_accessor's");
      return std::is_same_v<typename local_memory_traits<_ArgT>::element, _Tp>;
    }
    return false;
  } else if constexpr (std::is_same_v<_Param, bool>) {
    static_assert(std::is_same_v<_ArgT, bool>,
                  "dpex::call_kernel: a bool parameter takes a bool");
    return std::is_same_v<_ArgT, bool>;
  } else if constexpr (std::is_arithmetic_v<_Param>) {
    static_assert(std::is_arithmetic_v<_ArgT>,
                  "dpex::call_kernel: an arithmetic parameter takes an "
                  "arithmetic value");
    if constexpr (std::is_arithmetic_v<_ArgT>) {
      static_assert(!std::is_integral_v<_ArgT> ||
                        sizeof(_ArgT) <= sizeof(long long),
                    "dpex::call_kernel: an integer argument has at most 64 "
                    "bits");
      constexpr scalar_conversion conversion = classify_scalar<_Param, _ArgT>();
      static_assert(conversion != scalar_conversion::float_to_integer,
                    "dpex::call_kernel: the scalar argument narrows to the "
                    "parameter's type: a floating-point value for an integer "
                    "parameter; convert it explicitly, e.g. with "
                    "static_cast");
      static_assert(conversion != scalar_conversion::narrower_float,
                    "dpex::call_kernel: the scalar argument narrows to the "
                    "parameter's type: a floating-point value for a narrower "
                    "floating-point parameter (double to float); convert it "
                    "explicitly, e.g. with static_cast");
      static_assert(conversion != scalar_conversion::inexact_integer_to_float,
                    "dpex::call_kernel: the scalar argument narrows to the "
                    "parameter's type: an integer value for a floating-point "
                    "parameter that does not hold every value of the "
                    "integer's type exactly (int to float, int64_t to "
                    "double); convert it explicitly, e.g. with static_cast");
      static_assert(conversion != scalar_conversion::bool_to_float,
                    "dpex::call_kernel: the scalar argument narrows to the "
                    "parameter's type: a bool for a floating-point "
                    "parameter; convert it explicitly");
      return conversion == scalar_conversion::exact ||
             conversion == scalar_conversion::range_checked;
    }
    return false;
  } else if constexpr (std::is_enum_v<_Param>) {
    static_assert(std::is_same_v<_ArgT, _Param>,
                  "dpex::call_kernel: an enum parameter takes a value of the "
                  "same enum type");
    return std::is_same_v<_ArgT, _Param>;
  } else if constexpr (std::is_same_v<_Param, half>) {
    // Rounding a float or double to half loses what the caller may not
    // expect to lose, as the scalar rules' narrowing does.
    static_assert(std::is_same_v<_ArgT, half>,
                  "dpex::call_kernel: a dpex::half parameter takes a "
                  "dpex::half; convert explicitly, dpex::half(x)");
    return std::is_same_v<_ArgT, half>;
  } else if constexpr (std::is_class_v<_Param>) {
    static_assert(std::is_trivially_copyable_v<_Param>,
                  "dpex::call_kernel: a struct parameter must be trivially "
                  "copyable");
    static_assert(std::is_same_v<_ArgT, _Param>,
                  "dpex::call_kernel: a struct parameter takes a value of the "
                  "same struct type");
    return std::is_trivially_copyable_v<_Param> &&
           std::is_same_v<_ArgT, _Param>;
  } else {
    static_assert(always_false<_Param>::value,
                  "dpex::call_kernel: unsupported kernel parameter type");
    return false;
  }
}

template <typename... _Params> struct param_list {};

template <typename... _Params, typename... _Args, std::size_t... _Is>
constexpr bool check_arguments(param_list<_Params...>,
                               std::index_sequence<_Is...>,
                               param_list<_Args...>) {
  return (true && ... && check_argument<_Is + 1, _Params, _Args>());
}

template <typename _Index, typename _Space, typename... _Params,
          typename... _Args>
constexpr bool check_launch(param_list<_Params...>, param_list<_Args...>) {
  static_assert(index_traits<_Index>::valid,
                "dpex::call_kernel: a kernel's first parameter must be "
                "dpex::item<N> or dpex::nd_item<N>");
  static_assert(space_traits<_Space>::valid,
                "dpex::call_kernel: the index space must be a dpex::range<N> "
                "or a dpex::nd_range<N>");
  if constexpr (index_traits<_Index>::valid && space_traits<_Space>::valid) {
    constexpr bool kernel_nd = index_traits<_Index>::nd;
    constexpr bool space_nd = space_traits<_Space>::nd;
    static_assert(!kernel_nd || space_nd,
                  "dpex::call_kernel: an nd_item<N> kernel is launched on a "
                  "dpex::nd_range<N>, not a dpex::range<N>");
    static_assert(kernel_nd || !space_nd,
                  "dpex::call_kernel: an item<N> kernel is launched on a "
                  "dpex::range<N>, not a dpex::nd_range<N>");
    constexpr bool dims_match =
        index_traits<_Index>::dims == space_traits<_Space>::dims;
    static_assert(dims_match,
                  "dpex::call_kernel: the index space has a different number "
                  "of dimensions than the kernel's item/nd_item");
    static_assert(sizeof...(_Args) == sizeof...(_Params),
                  "dpex::call_kernel: wrong number of kernel arguments");
    if constexpr (sizeof...(_Args) == sizeof...(_Params))
      return kernel_nd == space_nd && dims_match &&
             check_arguments(param_list<_Params...>{},
                             std::index_sequence_for<_Params...>{},
                             param_list<_Args...>{});
  }
  return false;
}

// Holds one argument converted to its parameter's representation for the
// duration of the launch call.
template <typename _Param, typename = void> struct arg_slot {
  // Structs by value.
  _Param value;
  explicit arg_slot(const _Param &v) : value(v) {}
  launch_arg get() const {
    return {arg_kind::by_value, sizeof(_Param), &value, nullptr, 0};
  }
};

template <typename _Param>
struct arg_slot<_Param, std::enable_if_t<std::is_pointer_v<_Param>>> {
  const std::shared_ptr<rt::Buffer> *buffer;
  std::size_t offset;
  template <typename _Tp>
  explicit arg_slot(const array<_Tp> &a)
      : buffer(&array_access::buffer(a)), offset(array_access::byte_offset(a)) {
  }
  launch_arg get() const {
    return {arg_kind::global_pointer, sizeof(void *), nullptr, buffer, offset};
  }
};

template <typename _Param>
struct arg_slot<_Param,
                std::enable_if_t<local_accessor_traits<_Param>::value>> {
  std::size_t bytes;
  template <typename _Tp>
  explicit arg_slot(const local_memory<_Tp> &m) : bytes(m.byte_size()) {}
  launch_arg get() const {
    return {arg_kind::local_accessor, bytes, nullptr, nullptr, 0};
  }
};

// Enums, as their underlying type.
template <typename _Param>
struct arg_slot<_Param, std::enable_if_t<std::is_enum_v<_Param>>> {
  _Param value;
  explicit arg_slot(_Param v) : value(v) {}
  launch_arg get() const {
    return {arg_kind::scalar, sizeof(_Param), &value, nullptr, 0};
  }
};

template <> struct arg_slot<bool> {
  std::uint8_t value; // bool is an 8-bit integer on the device
  explicit arg_slot(bool v) : value(v ? 1 : 0) {}
  launch_arg get() const { return {arg_kind::boolean, 1, &value, nullptr, 0}; }
};

// Arithmetic values converted to the parameter's type; an integer the type
// does not hold is passed as rejected, with its value and the type's range.
template <typename _Param>
struct arg_slot<_Param, std::enable_if_t<std::is_arithmetic_v<_Param> &&
                                         !std::is_same_v<_Param, bool>>> {
  _Param value;
  std::string rejected;
  template <typename _ArgT>
  explicit arg_slot(const _ArgT &v) : value(static_cast<_Param>(v)) {
    if constexpr (classify_scalar<_Param, _ArgT>() ==
                  scalar_conversion::range_checked)
      if (!integer_fits<_Param>(v))
        rejected = "the value " + decimal(v) +
                   " is outside the parameter type's range [" +
                   decimal(std::numeric_limits<_Param>::min()) + ", " +
                   decimal(std::numeric_limits<_Param>::max()) + "]";
  }
  launch_arg get() const {
    return {arg_kind::scalar,
            sizeof(_Param),
            &value,
            nullptr,
            0,
            rejected.empty() ? nullptr : rejected.c_str()};
  }
};

template <typename _Index, typename... _Params, typename _Space,
          typename... _Args>
std::pair<event, event>
dispatch(const queue *q, const kernel<void(_Index, _Params...)> &k,
         const _Space &space, const std::vector<event> &deps, launch_mode mode,
         _Args &&...args) {
  constexpr bool ok = check_launch<_Index, _Space>(param_list<_Params...>{},
                                                   param_list<_Args...>{});
  if constexpr (ok) {
    const std::tuple<arg_slot<_Params>...> slots(args...);
    const auto prepared = std::apply(
        [](const auto &...slot) {
          return std::array<launch_arg, sizeof...(_Params)>{slot.get()...};
        },
        slots);
    return launch(q, k.desc(), space_traits<_Space>::make(space),
                  prepared.data(), prepared.size(), deps, mode);
  } else {
    return {};
  }
}

} // namespace detail

// Runs `k` over `space` on the queue of its array arguments and returns when
// the kernel has finished.
template <typename _Signature, typename _Space, typename... _Args>
void call_kernel(const kernel<_Signature> &k, const _Space &space,
                 _Args &&...args) {
  detail::dispatch(nullptr, k, space, {}, detail::launch_mode::sync,
                   std::forward<_Args>(args)...);
}

// As above on `q`; array arguments must live on `q`.
template <typename _Signature, typename _Space, typename... _Args>
void call_kernel(const queue &q, const kernel<_Signature> &k,
                 const _Space &space, _Args &&...args) {
  detail::dispatch(&q, k, space, {}, detail::launch_mode::sync,
                   std::forward<_Args>(args)...);
}

// Enqueues `k` after `deps` and returns (host event, device event). The
// device event completes with the kernel; the host event once the launch
// also released its arguments, which stay alive until then.
template <typename _Signature, typename _Space, typename... _Args>
std::pair<event, event>
call_kernel_async(const kernel<_Signature> &k, const _Space &space,
                  const std::vector<event> &deps, _Args &&...args) {
  return detail::dispatch(nullptr, k, space, deps, detail::launch_mode::async,
                          std::forward<_Args>(args)...);
}

template <typename _Signature, typename _Space, typename... _Args>
std::pair<event, event>
call_kernel_async(const queue &q, const kernel<_Signature> &k,
                  const _Space &space, const std::vector<event> &deps,
                  _Args &&...args) {
  return detail::dispatch(&q, k, space, deps, detail::launch_mode::async,
                          std::forward<_Args>(args)...);
}

} // namespace dpex
