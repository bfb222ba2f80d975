// The dpex kernel language: what kernel sources compiled by dpexc include.
//
// Everything here is compiled for the device only. Index queries are calls to
// `__dpex_*` intrinsics that dpexc's IndexBuiltinLowering pass replaces with
// SPIR-V built-in variables; they have no definition anywhere else.
// Barriers, atomics and math call the SPIR-V friendly built-ins
// (`__spirv_*`) that SPIRV-LLVM-Translator turns into SPIR-V instructions;
// they too are declarations only. docs/kernel-language.md describes each
// lowering. Template parameters and private names are reserved identifiers
// (`_Tp`, `_Nm`, `_Dims`), which no user macro can replace.
#pragma once

// __DPEX_IDE__: an editor's host parse of a kernel source (add_dpex_kernel's
// <name>_ide target in compile_commands.json); the same declarations,
// without device address spaces.
#if !defined(__SPIR__) && !defined(__SPIR64__) && !defined(__DPEX_IDE__)
#error                                                                         \
    "<dpex/kernel.hpp> is for kernel sources compiled by dpexc; host code includes <dpex/runtime.hpp>"
#endif

#include <dpex/half.hpp>

#include <stddef.h>
#include <stdint.h>

#define DPEX_KERNEL __attribute__((annotate("dpex.kernel")))
#define DPEX_DEVICE_FUNC __attribute__((annotate("dpex.device_func")))
// The kernel runs with sub-groups of n work-items (SPIR-V execution mode
// SubgroupSize; docs/kernel-language.md, "Sub-groups").
#define DPEX_REQD_SUB_GROUP_SIZE(n)                                            \
  __attribute__((annotate("dpex.reqd_sub_group_size", n)))

// Index-space intrinsics. `dim` is the backend dimension (0 = fastest).
#define DPEX_INTRINSIC extern "C" __attribute__((const, nothrow))
DPEX_INTRINSIC size_t __dpex_global_id(unsigned dim);
DPEX_INTRINSIC size_t __dpex_global_size(unsigned dim);
DPEX_INTRINSIC size_t __dpex_local_id(unsigned dim);
DPEX_INTRINSIC size_t __dpex_local_size(unsigned dim);
DPEX_INTRINSIC size_t __dpex_group_id(unsigned dim);
DPEX_INTRINSIC size_t __dpex_num_groups(unsigned dim);
#undef DPEX_INTRINSIC

// SPIR-V friendly built-ins. They keep C++ linkage: the translator recognises
// them by their Itanium-mangled names (`_Z22__spirv_ControlBarrieriii`, ...)
// and reads the storage class of an atomic from its pointer's address space,
// so every atomic has one overload per address space.
#if defined(__SPIR__) || defined(__SPIR64__)
#define DPEX_GLOBAL_AS __attribute__((opencl_global))
#define DPEX_LOCAL_AS __attribute__((opencl_local))
#define DPEX_CONSTANT_AS __attribute__((opencl_constant))
#else
// Host pointers have one address space; the overloads per space below then
// redeclare the same functions, which C++ allows.
#define DPEX_GLOBAL_AS
#define DPEX_LOCAL_AS
#define DPEX_CONSTANT_AS
#endif

// Convergent: no transformation may make a barrier control-dependent on more
// values than it was (docs/kernel-language.md), and calls inherit this
// through inlining.
__attribute__((convergent, nothrow)) void
__spirv_ControlBarrier(int execution_scope, int memory_scope, int semantics);
__attribute__((nothrow)) void __spirv_MemoryBarrier(int memory_scope,
                                                    int semantics);

// Sub-group built-ins (SPIR-V BuiltIn variables, read through the
// translator's function form) and group instructions at Subgroup scope:
// OpGroup* (Groups capability) and OpSubgroupShuffleINTEL
// (SPV_INTEL_subgroups). Convergent, like the barrier: every work-item of
// the sub-group must reach each call.
#define DPEX_SPIRV_SUBGROUP_BUILTIN(NAME)                                      \
  __attribute__((const, nothrow)) unsigned __spirv_BuiltIn##NAME();
DPEX_SPIRV_SUBGROUP_BUILTIN(SubgroupLocalInvocationId)
DPEX_SPIRV_SUBGROUP_BUILTIN(SubgroupSize)
DPEX_SPIRV_SUBGROUP_BUILTIN(SubgroupMaxSize)
DPEX_SPIRV_SUBGROUP_BUILTIN(SubgroupId)
DPEX_SPIRV_SUBGROUP_BUILTIN(NumSubgroups)
#undef DPEX_SPIRV_SUBGROUP_BUILTIN
#define DPEX_SPIRV_GROUP_OP(NAME, T)                                           \
  __attribute__((convergent, nothrow)) T __spirv_Group##NAME(int, int, T);
#define DPEX_SPIRV_GROUP_VALUE(T)                                              \
  __attribute__((convergent, nothrow)) T __spirv_GroupBroadcast(int, T,        \
                                                                unsigned);     \
  __attribute__((convergent, nothrow)) T __spirv_SubgroupShuffleINTEL(         \
      T, unsigned);
#define DPEX_SPIRV_GROUP_INT(T, S)                                             \
  DPEX_SPIRV_GROUP_VALUE(T)                                                    \
  DPEX_SPIRV_GROUP_OP(IAdd, T)                                                 \
  DPEX_SPIRV_GROUP_OP(S##Min, T) DPEX_SPIRV_GROUP_OP(S##Max, T)
#define DPEX_SPIRV_GROUP_FLOAT(T)                                              \
  DPEX_SPIRV_GROUP_VALUE(T)                                                    \
  DPEX_SPIRV_GROUP_OP(FAdd, T)                                                 \
  DPEX_SPIRV_GROUP_OP(FMin, T) DPEX_SPIRV_GROUP_OP(FMax, T)
DPEX_SPIRV_GROUP_INT(int, S)
DPEX_SPIRV_GROUP_INT(unsigned, U)
DPEX_SPIRV_GROUP_INT(long, S)
DPEX_SPIRV_GROUP_INT(unsigned long, U)
DPEX_SPIRV_GROUP_FLOAT(float)
DPEX_SPIRV_GROUP_FLOAT(double)
#undef DPEX_SPIRV_GROUP_FLOAT
#undef DPEX_SPIRV_GROUP_INT
#undef DPEX_SPIRV_GROUP_VALUE
#undef DPEX_SPIRV_GROUP_OP
__attribute__((convergent, nothrow)) bool __spirv_GroupAny(int, bool);
__attribute__((convergent, nothrow)) bool __spirv_GroupAll(int, bool);

#define DPEX_SPIRV_ATOMICS(AS, T)                                              \
  __attribute__((nothrow)) T __spirv_AtomicLoad(AS T *, int, int);             \
  __attribute__((nothrow)) void __spirv_AtomicStore(AS T *, int, int, T);      \
  __attribute__((nothrow)) T __spirv_AtomicExchange(AS T *, int, int, T);      \
  __attribute__((nothrow)) T __spirv_AtomicCompareExchange(AS T *, int, int,   \
                                                           int, T, T);         \
  __attribute__((nothrow)) T __spirv_AtomicIAdd(AS T *, int, int, T);          \
  __attribute__((nothrow)) T __spirv_AtomicISub(AS T *, int, int, T);          \
  __attribute__((nothrow)) T __spirv_AtomicAnd(AS T *, int, int, T);           \
  __attribute__((nothrow)) T __spirv_AtomicOr(AS T *, int, int, T);            \
  __attribute__((nothrow)) T __spirv_AtomicXor(AS T *, int, int, T);
#define DPEX_SPIRV_SIGNED_ATOMICS(AS, T)                                       \
  DPEX_SPIRV_ATOMICS(AS, T)                                                    \
  __attribute__((nothrow)) T __spirv_AtomicSMin(AS T *, int, int, T);          \
  __attribute__((nothrow)) T __spirv_AtomicSMax(AS T *, int, int, T);
#define DPEX_SPIRV_UNSIGNED_ATOMICS(AS, T)                                     \
  DPEX_SPIRV_ATOMICS(AS, T)                                                    \
  __attribute__((nothrow)) T __spirv_AtomicUMin(AS T *, int, int, T);          \
  __attribute__((nothrow)) T __spirv_AtomicUMax(AS T *, int, int, T);
// SPV_EXT_shader_atomic_float_add. dpexc's SPIR-V image has a
// compare-exchange loop in its place (OpenCL consumers need not have the
// extension); the PTX image keeps the atomic add.
#define DPEX_SPIRV_FLOAT_ATOMICS(AS)                                           \
  __attribute__((nothrow)) float __spirv_AtomicFAddEXT(AS float *, int, int,   \
                                                       float);                 \
  __attribute__((nothrow)) double __spirv_AtomicFAddEXT(AS double *, int, int, \
                                                        double);
#define DPEX_SPIRV_ATOMICS_IN(AS)                                              \
  DPEX_SPIRV_SIGNED_ATOMICS(AS, int)                                           \
  DPEX_SPIRV_UNSIGNED_ATOMICS(AS, unsigned int)                                \
  DPEX_SPIRV_SIGNED_ATOMICS(AS, long)                                          \
  DPEX_SPIRV_UNSIGNED_ATOMICS(AS, unsigned long)                               \
  DPEX_SPIRV_FLOAT_ATOMICS(AS)
DPEX_SPIRV_ATOMICS_IN(DPEX_GLOBAL_AS)
DPEX_SPIRV_ATOMICS_IN(DPEX_LOCAL_AS)
DPEX_SPIRV_ATOMICS_IN()
#undef DPEX_SPIRV_ATOMICS_IN
#undef DPEX_SPIRV_FLOAT_ATOMICS
#undef DPEX_SPIRV_UNSIGNED_ATOMICS
#undef DPEX_SPIRV_SIGNED_ATOMICS
#undef DPEX_SPIRV_ATOMICS

// OpenCL.std printf. The format must be in the Constant storage class;
// dpexc's PrintfLowering pass moves the string literal there.
template <typename... _Args>
__attribute__((nothrow)) int __spirv_ocl_printf(const DPEX_CONSTANT_AS char *,
                                                _Args...);

// OpenCL.std extended instructions, float and double.
#define DPEX_SPIRV_OCL_1(NAME)                                                 \
  __attribute__((const, nothrow)) float __spirv_ocl_##NAME(float);             \
  __attribute__((const, nothrow)) double __spirv_ocl_##NAME(double);
#define DPEX_SPIRV_OCL_2(NAME)                                                 \
  __attribute__((const, nothrow)) float __spirv_ocl_##NAME(float, float);      \
  __attribute__((const, nothrow)) double __spirv_ocl_##NAME(double, double);
#define DPEX_SPIRV_OCL_3(NAME)                                                 \
  __attribute__((const, nothrow)) float __spirv_ocl_##NAME(float, float,       \
                                                           float);             \
  __attribute__((const, nothrow)) double __spirv_ocl_##NAME(double, double,    \
                                                            double);
// clang-format lays this list out differently on every run.
// clang-format off
#define DPEX_MATH_1(X)                                                         \
  X(sqrt) X(rsqrt) X(cbrt) X(exp) X(exp2) X(expm1) X(log) X(log2) X(log10)     \
  X(log1p) X(sin) X(cos) X(tan) X(asin) X(acos) X(atan) X(sinh) X(cosh)        \
  X(tanh) X(erf) X(erfc) X(fabs) X(floor) X(ceil) X(trunc) X(round)
// clang-format on
#define DPEX_MATH_2(X) X(pow) X(atan2) X(fmin) X(fmax) X(fmod) X(hypot)
#define DPEX_MATH_3(X) X(fma)
DPEX_MATH_1(DPEX_SPIRV_OCL_1)
DPEX_MATH_2(DPEX_SPIRV_OCL_2)
DPEX_MATH_3(DPEX_SPIRV_OCL_3)
#undef DPEX_SPIRV_OCL_3
#undef DPEX_SPIRV_OCL_2
#undef DPEX_SPIRV_OCL_1

namespace dpex {

namespace detail {
// dpex dimension 0 is the slowest-varying (as in SYCL); the backend's
// dimension 0 is the fastest, so row-major accesses coalesce when the last
// dpex dimension maps to backend dimension 0.
template <int _Dims> constexpr unsigned backend_dim(int d) {
  return static_cast<unsigned>(_Dims - 1 - d);
}

// Row-major linearisation of a Dims-dimensional index.
template <int _Dims, typename _IdFn, typename _RangeFn>
size_t linearize(_IdFn id, _RangeFn range) {
  size_t linear = 0;
  for (int d = 0; d < _Dims; ++d)
    linear = linear * range(d) + id(d);
  return linear;
}
} // namespace detail

template <int _Dims> class group {
  static_assert(_Dims >= 1 && _Dims <= 3, "dpex::group has 1 to 3 dimensions");

public:
  static constexpr int dimensions = _Dims;

  size_t get_group_id(int d) const {
    return __dpex_group_id(detail::backend_dim<_Dims>(d));
  }
  size_t get_group_range(int d) const {
    return __dpex_num_groups(detail::backend_dim<_Dims>(d));
  }
  size_t get_local_range(int d) const {
    return __dpex_local_size(detail::backend_dim<_Dims>(d));
  }
  size_t get_group_linear_id() const {
    return detail::linearize<_Dims>(
        [this](int d) { return get_group_id(d); },
        [this](int d) { return get_group_range(d); });
  }
  size_t get_local_id(int d) const {
    return __dpex_local_id(detail::backend_dim<_Dims>(d));
  }
  size_t get_local_linear_id() const {
    return detail::linearize<_Dims>(
        [this](int d) { return get_local_id(d); },
        [this](int d) { return get_local_range(d); });
  }
  size_t get_local_linear_range() const {
    size_t n = 1;
    for (int d = 0; d < _Dims; ++d)
      n *= get_local_range(d);
    return n;
  }
  // True for the one work-item of the group whose local id is all zeros.
  bool leader() const {
    for (int d = 0; d < _Dims; ++d)
      if (__dpex_local_id(detail::backend_dim<_Dims>(d)) != 0)
        return false;
    return true;
  }
};

template <int _Dims> class item {
  static_assert(_Dims >= 1 && _Dims <= 3, "dpex::item has 1 to 3 dimensions");

public:
  static constexpr int dimensions = _Dims;

  size_t get_id(int d) const {
    return __dpex_global_id(detail::backend_dim<_Dims>(d));
  }
  size_t operator[](int d) const { return get_id(d); }
  // The range the kernel was launched on, which the backend's grid may
  // exceed (it is rounded up to a size the device runs well).
  size_t get_range(int d) const { return range_[d]; }
  size_t get_linear_id() const {
    return detail::linearize<_Dims>([this](int d) { return get_id(d); },
                                    [this](int d) { return get_range(d); });
  }

private:
  // Filled by the kernel's entry from its trailing range arguments
  // (KernelABILowering); dpex order.
  size_t range_[_Dims];
};

// The sub-group of the calling work-item (SYCL's sub_group): a 1-D slice
// of its work-group, contiguous in local linear id; the device picks its
// size (device::sub_group_sizes() on the host), and the last sub-group of a
// work-group may be smaller.
class sub_group {
public:
  static constexpr int dimensions = 1;

  size_t get_local_id(int = 0) const {
    return __spirv_BuiltInSubgroupLocalInvocationId();
  }
  size_t get_local_linear_id() const { return get_local_id(); }
  // Work-items in this sub-group.
  size_t get_local_range(int = 0) const {
    return __spirv_BuiltInSubgroupSize();
  }
  size_t get_local_linear_range() const { return get_local_range(); }
  // Work-items in any sub-group of this launch.
  size_t get_max_local_range(int = 0) const {
    return __spirv_BuiltInSubgroupMaxSize();
  }
  size_t get_group_id(int = 0) const { return __spirv_BuiltInSubgroupId(); }
  size_t get_group_linear_id() const { return get_group_id(); }
  // Sub-groups in the work-group.
  size_t get_group_range(int = 0) const {
    return __spirv_BuiltInNumSubgroups();
  }
  size_t get_group_linear_range() const { return get_group_range(); }
  bool leader() const { return get_local_id() == 0; }
};

template <int _Dims> class nd_item {
  static_assert(_Dims >= 1 && _Dims <= 3,
                "dpex::nd_item has 1 to 3 dimensions");

public:
  static constexpr int dimensions = _Dims;

  size_t get_global_id(int d) const {
    return __dpex_global_id(detail::backend_dim<_Dims>(d));
  }
  size_t get_local_id(int d) const {
    return __dpex_local_id(detail::backend_dim<_Dims>(d));
  }
  size_t get_global_range(int d) const {
    return __dpex_global_size(detail::backend_dim<_Dims>(d));
  }
  size_t get_local_range(int d) const {
    return __dpex_local_size(detail::backend_dim<_Dims>(d));
  }
  size_t get_group_range(int d) const {
    return __dpex_num_groups(detail::backend_dim<_Dims>(d));
  }
  size_t get_global_linear_id() const {
    return detail::linearize<_Dims>(
        [this](int d) { return get_global_id(d); },
        [this](int d) { return get_global_range(d); });
  }
  size_t get_local_linear_id() const {
    return detail::linearize<_Dims>(
        [this](int d) { return get_local_id(d); },
        [this](int d) { return get_local_range(d); });
  }
  group<_Dims> get_group() const { return group<_Dims>(); }
  sub_group get_sub_group() const { return sub_group(); }
};

// Work-group local memory, sized at launch (`dpex::local_memory<T>(count)`
// on the host). dpexc's KernelABILowering binds `ptr`, which must stay the
// first field, to the kernel's Workgroup pointer parameter.
template <typename _Tp> class local_accessor {
public:
  using value_type = _Tp;

  _Tp &operator[](size_t i) const { return ptr[i]; }
  _Tp *get_pointer() const { return ptr; }

  _Tp *ptr;
};

// A per-work-item fixed-size array; it lives in registers or private memory.
template <typename _Tp, size_t _Nm> class private_array {
  static_assert(_Nm > 0, "dpex::private_array needs at least one element");

public:
  using value_type = _Tp;

  _Tp &operator[](size_t i) { return data_[i]; }
  const _Tp &operator[](size_t i) const { return data_[i]; }
  static constexpr size_t size() { return _Nm; }
  _Tp *begin() { return data_; }
  _Tp *end() { return data_ + _Nm; }
  const _Tp *begin() const { return data_; }
  const _Tp *end() const { return data_ + _Nm; }

private:
  _Tp data_[_Nm];
};

// SYCL's names; the values are SPIR-V's MemorySemantics ordering bits and
// Scope operands, so a constant enum is already the instruction's operand.
enum class memory_order : int {
  relaxed = 0x0,
  acquire = 0x2,
  release = 0x4,
  acq_rel = 0x8,
  seq_cst = 0x10,
};
enum class memory_scope : int {
  work_item = 4,
  sub_group = 3,
  work_group = 2,
  device = 1,
  system = 0,
};
enum class address_space : int { global_space, local_space, generic_space };

namespace detail {
// SPIR-V MemorySemantics storage-class bits.
constexpr int workgroup_memory = 0x100;
constexpr int cross_workgroup_memory = 0x200;

constexpr int semantics(memory_order order, address_space space) {
  return static_cast<int>(order) |
         (space == address_space::global_space ? cross_workgroup_memory
          : space == address_space::local_space
              ? workgroup_memory
              : workgroup_memory | cross_workgroup_memory);
}
constexpr int scope(memory_scope s) { return static_cast<int>(s); }

// SYCL's memory_order_traits: the part of an order that applies to a read
// and to a write.
constexpr memory_order read_order(memory_order o) {
  return o == memory_order::acq_rel   ? memory_order::acquire
         : o == memory_order::release ? memory_order::relaxed
                                      : o;
}
constexpr memory_order write_order(memory_order o) {
  return o == memory_order::acq_rel   ? memory_order::release
         : o == memory_order::acquire ? memory_order::relaxed
                                      : o;
}

// Pointer to `p`'s object in address space `Space`. SPIR 1.2 consumers have
// no generic space, so the atomic must name the concrete one.
template <address_space _Space, typename _Up> auto in_space(_Up *p) {
  if constexpr (_Space == address_space::global_space)
    return (DPEX_GLOBAL_AS _Up *)p;
  else if constexpr (_Space == address_space::local_space)
    return (DPEX_LOCAL_AS _Up *)p;
  else
    return p;
}

template <bool _Cond, typename _Then, typename _Else> struct select {
  using type = _Then;
};
template <typename _Then, typename _Else> struct select<false, _Then, _Else> {
  using type = _Else;
};

template <typename _Tp>
constexpr bool is_atomic_integer =
    __is_same(_Tp, int) || __is_same(_Tp, unsigned int) ||
    __is_same(_Tp, long) || __is_same(_Tp, unsigned long) ||
    __is_same(_Tp, long long) || __is_same(_Tp, unsigned long long);
template <typename _Tp>
constexpr bool is_atomic_float =
    __is_same(_Tp, float) || __is_same(_Tp, double);
} // namespace detail

// An atomic view of `ref`, which must live in `Space` (a global pointer
// parameter's memory for global_space, a local_accessor's for local_space).
template <typename _Tp, memory_order _DefaultOrder = memory_order::relaxed,
          memory_scope _DefaultScope = memory_scope::device,
          address_space _Space = address_space::global_space>
class atomic_ref {
  static_assert(detail::is_atomic_integer<_Tp> || detail::is_atomic_float<_Tp>,
                "dpex::atomic_ref supports int32, uint32, int64, uint64, float "
                "and double");
  static constexpr bool is_float = detail::is_atomic_float<_Tp>;
  static constexpr bool is_unsigned = !is_float && _Tp(-1) > _Tp(0);
  // What the SPIR-V instruction operates on: the same-sized int or long,
  // unsigned where T is, and the bit pattern of a float.
  using _Word = typename detail::select<
      sizeof(_Tp) == 4,
      typename detail::select<is_unsigned, unsigned int, int>::type,
      typename detail::select<is_unsigned, unsigned long, long>::type>::type;

public:
  using value_type = _Tp;
  static constexpr size_t required_alignment = sizeof(_Tp);
  static constexpr memory_order default_read_order =
      detail::read_order(_DefaultOrder);
  static constexpr memory_order default_write_order =
      detail::write_order(_DefaultOrder);
  static constexpr memory_order default_read_modify_write_order = _DefaultOrder;
  static constexpr memory_scope default_scope = _DefaultScope;

  explicit atomic_ref(_Tp &ref) : ptr_(&ref) {}

  _Tp load(memory_order order = default_read_order,
           memory_scope scope = _DefaultScope) const {
    return from_word(
        __spirv_AtomicLoad(word_ptr(), detail::scope(scope), sem(order)));
  }
  void store(_Tp value, memory_order order = default_write_order,
             memory_scope scope = _DefaultScope) const {
    __spirv_AtomicStore(word_ptr(), detail::scope(scope), sem(order),
                        to_word(value));
  }
  operator _Tp() const { return load(); }
  _Tp operator=(_Tp value) const {
    store(value);
    return value;
  }
  _Tp exchange(_Tp value, memory_order order = _DefaultOrder,
               memory_scope scope = _DefaultScope) const {
    return from_word(__spirv_AtomicExchange(word_ptr(), detail::scope(scope),
                                            sem(order), to_word(value)));
  }
  // On failure `expected` receives the value found. Floating-point values
  // compare by bit pattern, as in SYCL.
  bool compare_exchange_strong(_Tp &expected, _Tp desired,
                               memory_order success = _DefaultOrder,
                               memory_order failure = default_read_order,
                               memory_scope scope = _DefaultScope) const {
    _Word want = to_word(expected);
    _Word found = __spirv_AtomicCompareExchange(
        word_ptr(), detail::scope(scope), sem(success),
        sem(detail::read_order(failure)), to_word(desired), want);
    expected = from_word(found);
    return found == want;
  }
  bool compare_exchange_strong(_Tp &expected, _Tp desired, memory_order order,
                               memory_scope scope) const {
    return compare_exchange_strong(expected, desired, order,
                                   detail::read_order(order), scope);
  }

  _Tp fetch_add(_Tp v, memory_order order = _DefaultOrder,
                memory_scope scope = _DefaultScope) const {
    if constexpr (is_float)
      return __spirv_AtomicFAddEXT(value_ptr(), detail::scope(scope),
                                   sem(order), v);
    else
      return __spirv_AtomicIAdd(word_ptr(), detail::scope(scope), sem(order),
                                _Word(v));
  }
  _Tp fetch_sub(_Tp v, memory_order order = _DefaultOrder,
                memory_scope scope = _DefaultScope) const {
    // x - v and x + -v round alike.
    if constexpr (is_float)
      return __spirv_AtomicFAddEXT(value_ptr(), detail::scope(scope),
                                   sem(order), -v);
    else
      return __spirv_AtomicISub(word_ptr(), detail::scope(scope), sem(order),
                                _Word(v));
  }
  _Tp fetch_min(_Tp v, memory_order order = _DefaultOrder,
                memory_scope scope = _DefaultScope) const {
    if constexpr (is_float)
      return update([v](_Tp old) { return v < old ? v : old; }, order, scope);
    else if constexpr (is_unsigned)
      return __spirv_AtomicUMin(word_ptr(), detail::scope(scope), sem(order),
                                _Word(v));
    else
      return __spirv_AtomicSMin(word_ptr(), detail::scope(scope), sem(order),
                                _Word(v));
  }
  _Tp fetch_max(_Tp v, memory_order order = _DefaultOrder,
                memory_scope scope = _DefaultScope) const {
    if constexpr (is_float)
      return update([v](_Tp old) { return v > old ? v : old; }, order, scope);
    else if constexpr (is_unsigned)
      return __spirv_AtomicUMax(word_ptr(), detail::scope(scope), sem(order),
                                _Word(v));
    else
      return __spirv_AtomicSMax(word_ptr(), detail::scope(scope), sem(order),
                                _Word(v));
  }
  _Tp fetch_and(_Tp v, memory_order order = _DefaultOrder,
                memory_scope scope = _DefaultScope) const {
    static_assert(!is_float, "fetch_and is for integer atomic_ref only");
    return __spirv_AtomicAnd(word_ptr(), detail::scope(scope), sem(order),
                             _Word(v));
  }
  _Tp fetch_or(_Tp v, memory_order order = _DefaultOrder,
               memory_scope scope = _DefaultScope) const {
    static_assert(!is_float, "fetch_or is for integer atomic_ref only");
    return __spirv_AtomicOr(word_ptr(), detail::scope(scope), sem(order),
                            _Word(v));
  }
  _Tp fetch_xor(_Tp v, memory_order order = _DefaultOrder,
                memory_scope scope = _DefaultScope) const {
    static_assert(!is_float, "fetch_xor is for integer atomic_ref only");
    return __spirv_AtomicXor(word_ptr(), detail::scope(scope), sem(order),
                             _Word(v));
  }

  _Tp operator+=(_Tp v) const { return fetch_add(v) + v; }
  _Tp operator-=(_Tp v) const { return fetch_sub(v) - v; }
  _Tp operator++() const { return fetch_add(_Tp(1)) + _Tp(1); }
  _Tp operator++(int) const { return fetch_add(_Tp(1)); }
  _Tp operator--() const { return fetch_sub(_Tp(1)) - _Tp(1); }
  _Tp operator--(int) const { return fetch_sub(_Tp(1)); }

private:
  _Tp *ptr_;

  auto value_ptr() const { return detail::in_space<_Space>(ptr_); }
  auto word_ptr() const {
    return detail::in_space<_Space>(reinterpret_cast<_Word *>(ptr_));
  }
  static int sem(memory_order order) {
    return detail::semantics(order, _Space);
  }
  static _Word to_word(_Tp v) { return __builtin_bit_cast(_Word, v); }
  static _Tp from_word(_Word w) { return __builtin_bit_cast(_Tp, w); }

  // SPIR-V has no floating-point min or max atomic without an extension
  // OpenCL consumers need not have, nor has PTX: a compare-exchange loop on
  // the bit pattern applies `op` instead. It ends
  // when no other work-item changed the value between the read and the swap.
  template <typename _Op>
  _Tp update(_Op op, memory_order order, memory_scope scope) const {
    _Word seen = __spirv_AtomicLoad(word_ptr(), detail::scope(scope),
                                    sem(memory_order::relaxed));
    for (;;) {
      _Word desired = to_word(op(from_word(seen)));
      _Word found = __spirv_AtomicCompareExchange(
          word_ptr(), detail::scope(scope), sem(order),
          sem(memory_order::relaxed), desired, seen);
      if (found == seen)
        return from_word(seen);
      seen = found;
    }
  }
};

// Every work-item of `g` waits here until all have arrived; memory of `scope`
// (work-group local and global) written before is visible after.
template <int _Dims>
void group_barrier(group<_Dims>,
                   memory_scope scope = memory_scope::work_group) {
  __spirv_ControlBarrier(
      detail::scope(memory_scope::work_group), detail::scope(scope),
      detail::semantics(memory_order::seq_cst, address_space::generic_space));
}

// Orders this work-item's memory accesses; a relaxed fence orders nothing.
inline void atomic_fence(memory_order order, memory_scope scope) {
  if (order != memory_order::relaxed)
    __spirv_MemoryBarrier(
        detail::scope(scope),
        detail::semantics(order, address_space::generic_space));
}

// Math: OpenCL.std extended instructions for float and double.
#define DPEX_MATH_FN_1(NAME)                                                   \
  inline float NAME(float x) { return __spirv_ocl_##NAME(x); }                 \
  inline double NAME(double x) { return __spirv_ocl_##NAME(x); }
#define DPEX_MATH_FN_2(NAME)                                                   \
  inline float NAME(float x, float y) { return __spirv_ocl_##NAME(x, y); }     \
  inline double NAME(double x, double y) { return __spirv_ocl_##NAME(x, y); }
#define DPEX_MATH_FN_3(NAME)                                                   \
  inline float NAME(float x, float y, float z) {                               \
    return __spirv_ocl_##NAME(x, y, z);                                        \
  }                                                                            \
  inline double NAME(double x, double y, double z) {                           \
    return __spirv_ocl_##NAME(x, y, z);                                        \
  }
DPEX_MATH_1(DPEX_MATH_FN_1)
DPEX_MATH_2(DPEX_MATH_FN_2)
DPEX_MATH_3(DPEX_MATH_FN_3)
#undef DPEX_MATH_FN_3
#undef DPEX_MATH_FN_2
#undef DPEX_MATH_FN_1

// Math on half computes in float and rounds the result to half.
#define DPEX_HALF_MATH_FN_1(NAME)                                              \
  inline half NAME(half x) { return half(NAME(float(x))); }
#define DPEX_HALF_MATH_FN_2(NAME)                                              \
  inline half NAME(half x, half y) { return half(NAME(float(x), float(y))); }
#define DPEX_HALF_MATH_FN_3(NAME)                                              \
  inline half NAME(half x, half y, half z) {                                   \
    return half(NAME(float(x), float(y), float(z)));                           \
  }
DPEX_MATH_1(DPEX_HALF_MATH_FN_1)
DPEX_MATH_2(DPEX_HALF_MATH_FN_2)
DPEX_MATH_3(DPEX_HALF_MATH_FN_3)
#undef DPEX_HALF_MATH_FN_3
#undef DPEX_HALF_MATH_FN_2
#undef DPEX_HALF_MATH_FN_1

namespace detail {
// printf's default argument promotions, which a variadic template skips:
// the consumer reads %f as a double and %d/%c as an int.
inline double printf_arg(float v) { return v; }
inline int printf_arg(bool v) { return v; }
inline int printf_arg(char v) { return v; }
inline int printf_arg(signed char v) { return v; }
inline int printf_arg(unsigned char v) { return v; }
inline int printf_arg(short v) { return v; }
inline int printf_arg(unsigned short v) { return v; }
template <typename _Tp> _Tp printf_arg(_Tp v) { return v; }
} // namespace detail

// OpenCL printf from a kernel. `format` must be a string literal (or another
// constant string): dpexc places it in constant memory.
template <typename... _Args> int printf(const char *format, _Args... args) {
  return __spirv_ocl_printf((const DPEX_CONSTANT_AS char *)format,
                            detail::printf_arg(args)...);
}

// Classification is plain IR (an unordered compare; a compare of |x| with
// infinity) that every consumer has.
inline bool isnan(float x) { return __builtin_isnan(x); }
inline bool isnan(double x) { return __builtin_isnan(x); }
inline bool isinf(float x) { return __builtin_isinf(x); }
inline bool isinf(double x) { return __builtin_isinf(x); }
inline bool isnan(half x) { return (x.bits() & 0x7fffu) > 0x7c00u; }
inline bool isinf(half x) { return (x.bits() & 0x7fffu) == 0x7c00u; }

} // namespace dpex

#include "dpex/group_algorithms.hpp"
#include "dpex/sub_group_algorithms.hpp"

#undef DPEX_MATH_3
#undef DPEX_MATH_2
#undef DPEX_MATH_1
