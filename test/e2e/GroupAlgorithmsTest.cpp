// Work-group algorithms against a host reference: each group's work-items in
// local linear order, combined one after another.
#include "group/group_cases.hpp"
#include "group_kernels.dpex.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <vector>

using namespace group_cases;

namespace {

// `groups` groups of `local` along dimension 0.
template <int Dims>
dpex::range<Dims> stacked(dpex::range<Dims> local, std::size_t groups) {
  if constexpr (Dims == 1)
    return dpex::range<1>(local[0] * groups);
  else if constexpr (Dims == 2)
    return dpex::range<2>(local[0] * groups, local[1]);
  else
    return dpex::range<3>(local[0] * groups, local[1], local[2]);
}

template <typename T> T combine(int op, T a, T b) {
  if constexpr (std::is_integral_v<T>) {
    if (op == BitAnd)
      return a & b;
    if (op == BitOr)
      return a | b;
    if (op == BitXor)
      return a ^ b;
  }
  switch (op) {
  case Plus:
    return a + b;
  case Multiplies:
    return a * b;
  case Minimum:
    return std::min(a, b);
  case Maximum:
    return std::max(a, b);
  case LogicalAnd:
    return T(a && b);
  default:
    return T(a || b);
  }
}

// SYCL's known identities (infinities for floating point).
template <typename T> T identity(int op) {
  using limits = std::numeric_limits<T>;
  switch (op) {
  case Multiplies:
  case LogicalAnd:
    return T(1);
  case Minimum:
    return limits::has_infinity ? limits::infinity() : limits::max();
  case Maximum:
    return limits::has_infinity ? -limits::infinity() : limits::lowest();
  default:
    if constexpr (std::is_integral_v<T>)
      if (op == BitAnd)
        return T(~T(0));
    return T(0);
  }
}

// The expected results of group_algorithms for one group of n work-items.
template <typename T> std::vector<T> expected(int op, const std::vector<T> &x) {
  const std::size_t n = x.size();
  std::vector<T> out(n * NumSlots);
  T total = x[0];
  for (std::size_t l = 1; l < n; ++l)
    total = combine(op, total, x[l]);
  T prefix{};
  for (std::size_t l = 0; l < n; ++l) {
    T *o = &out[l * NumSlots];
    o[Broadcast] = x[broadcaster(n)];
    o[Reduce] = total;
    if (l == 0) {
      o[ExclusiveScan] = identity<T>(op);
      o[ExclusiveScanInit] = init<T>(op);
      prefix = x[0];
    } else {
      o[ExclusiveScan] = prefix;
      o[ExclusiveScanInit] = combine(op, init<T>(op), prefix);
      prefix = combine(op, prefix, x[l]);
    }
    o[InclusiveScan] = prefix;
    o[InclusiveScanInit] = combine(op, init<T>(op), prefix);
  }
  return out;
}

// Runs group_algorithms<T, O, Dims> on `groups` groups of `local` work-items
// and checks every slot of every work-item.
template <typename T, int O, int Dims>
void check(const dpex::kernel<void(dpex::nd_item<Dims>, const T *, T *)> &k,
           dpex::range<Dims> local, std::size_t groups = 3) {
  dpex::queue q;
  std::size_t n = 1;
  for (int d = 0; d < Dims; ++d)
    n *= local[d];
  if (n > q.get_device().max_work_group_size())
    return;
  dpex::range<Dims> global = stacked(local, groups);
  std::vector<T> hin(groups * n);
  for (std::size_t i = 0; i < hin.size(); ++i)
    hin[i] = value<T>(O, i % n + i / n);
  dpex::array<T> in(q, hin.size()), out(q, hin.size() * NumSlots);
  in.copy_from(hin);
  dpex::call_kernel(k, dpex::nd_range<Dims>(global, local), in, out);
  std::vector<T> got = out.to_host();
  for (std::size_t g = 0; g < groups; ++g) {
    std::vector<T> x(hin.begin() + g * n, hin.begin() + (g + 1) * n);
    std::vector<T> want = expected(O, x);
    for (std::size_t j = 0; j < want.size(); ++j) {
      if (!computes(O, int(j % NumSlots)))
        continue;
      INFO("group " << g << " of " << n << ", work-item " << j / NumSlots
                    << ", slot " << j % NumSlots);
      REQUIRE(got[g * n * NumSlots + j] == want[j]);
    }
  }
}

// PoCL compiles each kernel once for any work-group size and once more per
// size it runs at, so the default suite runs each 1-D kernel at one size,
// taken from this list at an offset that differs per operation and type:
// across the operations of a type, and across the types of an operation,
// the sizes cover powers of two and not, one and several lanes of 32 slots
// (a last lane full or not), exactly the 512 slots and groups larger than
// the slots, gathered in two turns (a group of one work-item: any_of_group
// below). Plus and maximum also run on groups gathered in three to six
// turns, where the device allows it. The full suite runs every kernel at
// several sizes.
constexpr std::size_t sizes_1d[] = {2,   7,   64,  100, 250,
                                    256, 512, 513, 600, 1024};
constexpr std::size_t num_sizes_1d = sizeof sizes_1d / sizeof sizes_1d[0];

template <typename T> constexpr std::size_t type_index() {
  if constexpr (std::is_same_v<T, int>)
    return 0;
  else if constexpr (std::is_same_v<T, unsigned>)
    return 1;
  else if constexpr (std::is_same_v<T, long>)
    return 2;
  else if constexpr (std::is_same_v<T, unsigned long>)
    return 3;
  else if constexpr (std::is_same_v<T, float>)
    return 4;
  else
    return 5;
}

template <typename T, int O>
void check_1d(const dpex::kernel<void(dpex::nd_item<1>, const T *, T *)> &k) {
#ifdef GROUP_FULL_COVERAGE
  if (O == Plus || O == Maximum)
    for (std::size_t n : {1, 2, 33, 64, 100, 512, 513, 1024, 1500})
      check<T, O, 1>(k, dpex::range<1>(n));
  else
    for (std::size_t n : {7, 256, 600})
      check<T, O, 1>(k, dpex::range<1>(n));
#else
  std::size_t n = sizes_1d[(O + type_index<T>() * 3) % num_sizes_1d];
  check<T, O, 1>(k, dpex::range<1>(n));
  if (O == Plus || O == Maximum)
    check<T, O, 1>(k, dpex::range<1>(1500 + type_index<T>() * 300));
#endif
}

} // namespace

#define CHECK_OP(T, O) check_1d<T, O>(group_algorithms<T, O, 1>);
#define CHECK_EVERY_OP(T)                                                      \
  CHECK_OP(T, Plus)                                                            \
  CHECK_OP(T, Multiplies)                                                      \
  CHECK_OP(T, Minimum)                                                         \
  CHECK_OP(T, Maximum)                                                         \
  CHECK_OP(T, LogicalAnd)                                                      \
  CHECK_OP(T, LogicalOr)
#define CHECK_EVERY_INTEGER_OP(T)                                              \
  CHECK_EVERY_OP(T)                                                            \
  CHECK_OP(T, BitAnd)                                                          \
  CHECK_OP(T, BitOr)                                                           \
  CHECK_OP(T, BitXor)

TEST_CASE("Work-group algorithms on int32 and uint32", "[e2e][group]"){
    CHECK_EVERY_INTEGER_OP(int) CHECK_EVERY_INTEGER_OP(unsigned)}

TEST_CASE("Work-group algorithms on int64 and uint64", "[e2e][group]"){
    CHECK_EVERY_INTEGER_OP(long) CHECK_EVERY_INTEGER_OP(unsigned long)}

TEST_CASE("Work-group algorithms on float and double",
          "[e2e][group]"){CHECK_EVERY_OP(float) CHECK_EVERY_OP(double)}

// The default suite runs each kernel at one size (the 2-D int one at 1200
// work-items: more than the slots); the full suite at each.
TEST_CASE("Work-group algorithms on 2-D and 3-D groups", "[e2e][group]") {
  dpex::range<2> local2[] = {dpex::range<2>(3, 400), dpex::range<2>(4, 9),
                             dpex::range<2>(16, 16)};
  dpex::range<3> local3[] = {dpex::range<3>(2, 3, 5), dpex::range<3>(4, 4, 8)};
#ifdef GROUP_FULL_COVERAGE
  for (auto local : local2) {
    check<int, Plus, 2>(group_algorithms<int, Plus, 2>, local);
    check<float, Maximum, 2>(group_algorithms<float, Maximum, 2>, local);
  }
  for (auto local : local3) {
    check<unsigned long, BitXor, 3>(group_algorithms<unsigned long, BitXor, 3>,
                                    local);
    check<double, Plus, 3>(group_algorithms<double, Plus, 3>, local);
  }
#else
  check<int, Plus, 2>(group_algorithms<int, Plus, 2>, local2[0]);
  check<float, Maximum, 2>(group_algorithms<float, Maximum, 2>, local2[1]);
  check<unsigned long, BitXor, 3>(group_algorithms<unsigned long, BitXor, 3>,
                                  local3[0]);
  check<double, Plus, 3>(group_algorithms<double, Plus, 3>, local3[1]);
#endif
}

// Runs group_predicates<Dims> with predicates that hold for no, every, every
// second, one and the first of each group's work-items.
template <int Dims>
void check_predicates(
    const dpex::kernel<void(dpex::nd_item<Dims>, int, int *)> &k,
    dpex::range<Dims> local) {
  dpex::queue q;
  const std::size_t groups = 3;
  std::size_t n = 1;
  for (int d = 0; d < Dims; ++d)
    n *= local[d];
  dpex::range<Dims> global = stacked(local, groups);
  for (int every : {0, 1, 2, int(n) - 1, int(n)}) {
    dpex::array<int> out(q, 3 * groups * n);
    dpex::call_kernel(k, dpex::nd_range<Dims>(global, local), every, out);
    std::vector<int> got = out.to_host();
    std::size_t holds = 0;
    for (std::size_t l = 0; l < n; ++l)
      holds += every > 0 && l % std::size_t(every) == 0;
    for (std::size_t i = 0; i < groups * n; ++i) {
      INFO("every " << every << ", work-item " << i << ", groups of " << n);
      REQUIRE(got[3 * i + 0] == int(holds > 0));
      REQUIRE(got[3 * i + 1] == int(holds == n));
      REQUIRE(got[3 * i + 2] == int(holds == 0));
    }
  }
}

TEST_CASE("any_of_group, all_of_group and none_of_group", "[e2e][group]") {
#ifdef GROUP_FULL_COVERAGE
  for (std::size_t n : {1, 5, 64, 300})
#else
  for (std::size_t n : {1, 300})
#endif
    check_predicates<1>(group_predicates<1>, dpex::range<1>(n));
  check_predicates<2>(group_predicates<2>, dpex::range<2>(3, 7));
  check_predicates<3>(group_predicates<3>, dpex::range<3>(2, 2, 4));
}
