// Sub-groups against a host reference: the sub-groups each work-item
// reports must be OpenCL's (contiguous in local linear id, all of the
// launch's largest size but the last of a work-group, which may be
// smaller), and the algorithms' results are those of the reported
// sub-groups' work-items combined in order. A device that has no
// sub-groups (PoCL, the SPIR image) reports the kernels unsupported; a CUDA
// GPU (the PTX image) runs them on warps of 32, but for the kernel that
// requires sub-groups of 8, which it refuses at launch as a size it lacks.
#include "sub_group_kernels.dpex.hpp"
#include "sub_group_slots.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

using namespace sub_group_slots;

namespace {

bool takesSpirv(const dpex::queue &q) {
  return q.get_device().platform() == "Intel(R) OpenCL";
}

bool isCuda(const dpex::queue &q) {
  return q.get_device().backend() == dpex::backend::cuda;
}

// Launches the kernel, or checks that its launch reports it unsupported on
// a device without sub-groups, or for a required sub-group size (`reqd`,
// 0 for none) the device lacks: a CUDA GPU's is the warp's (false then).
template <typename Launch>
bool launched(const dpex::queue &q, Launch l, std::size_t reqd = 0) {
  try {
    l();
  } catch (const dpex::error &e) {
    INFO(e.what());
    REQUIRE_FALSE(takesSpirv(q));
    REQUIRE(e.code() == dpex::errc::unsupported_image);
    REQUIRE_THAT(e.what(),
                 Catch::Matchers::Contains(
                     reqd ? "requires sub-groups of " + std::to_string(reqd) +
                                " work-items"
                     : isCuda(q) ? "the PTX image's sub-groups are warps of 32"
                                 : "PoCL has no sub-groups"));
    return false;
  }
  return true;
}

// The sub-groups of a work-group of n work-items whose first one has size s.
struct layout {
  std::size_t n, s;
  std::size_t id(std::size_t l) const { return l / s; }
  std::size_t first(std::size_t l) const { return id(l) * s; }
  std::size_t size(std::size_t l) const { return std::min(s, n - first(l)); }
  std::size_t count() const { return (n + s - 1) / s; }
};

constexpr std::size_t groups = 2;
// One partial sub-group, or several with a partial last one, whatever the
// device's size (100: three warps of 32 and one of 4 on CUDA).
constexpr std::size_t local_sizes[] = {24, 13, 100};

// Reads the sub-group layout back from sub_group_info, checked.
// `reqd`: the sub-group size `k` requires, 0 for none.
layout read_layout(dpex::queue &q, std::size_t n, bool &ran,
                   const dpex::kernel<void(dpex::nd_item<1>, unsigned long *)>
                       &k = sub_group_info,
                   std::size_t reqd = 0) {
  dpex::array<unsigned long> info(q, groups * n * NumInfo);
  ran = launched(
      q,
      [&] {
        dpex::call_kernel(
            k, dpex::nd_range<1>(dpex::range<1>(groups * n), dpex::range<1>(n)),
            info);
      },
      reqd);
  if (!ran)
    return {n, 1};
  std::vector<unsigned long> got = info.to_host();
  layout sg{n, got[MaxLocalRange]};
  std::vector<std::size_t> sizes = q.get_device().sub_group_sizes();
  INFO("sub-group size " << sg.s);
  REQUIRE(std::find(sizes.begin(), sizes.end(), sg.s) != sizes.end());
  for (std::size_t i = 0; i < groups * n; ++i) {
    const std::size_t l = i % n;
    const unsigned long *o = &got[i * NumInfo];
    INFO("local size " << n << ", work-item " << i);
    REQUIRE(o[MaxLocalRange] == sg.s);
    REQUIRE(o[LocalId] == l - sg.first(l));
    REQUIRE(o[LocalRange] == sg.size(l));
    REQUIRE(o[GroupId] == sg.id(l));
    REQUIRE(o[GroupRange] == sg.count());
    REQUIRE(o[Leader] == (l == sg.first(l)));
  }
  return sg;
}

template <typename T> T other(T a, T b) {
  if constexpr (std::is_integral_v<T>)
    return a ^ b;
  else
    return a * b;
}

template <typename T> T other_identity() {
  return std::is_integral_v<T> ? T(0) : T(1);
}

template <typename T>
void check(const dpex::kernel<void(dpex::nd_item<1>, const T *, T *)> &k) {
  dpex::queue q;
  for (std::size_t n : local_sizes) {
    bool ran;
    layout sg = read_layout(q, n, ran);
    if (!ran)
      continue;
    // Small values: every sum and product is exact in any order.
    std::vector<T> hin(groups * n);
    for (std::size_t i = 0; i < hin.size(); ++i)
      hin[i] = std::is_integral_v<T> ? T((i * 7 + 3) % 10) : T(1 + i % 2);
    dpex::array<T> in(q, hin.size()), out(q, hin.size() * NumSlots);
    in.copy_from(hin);
    dpex::call_kernel(
        k, dpex::nd_range<1>(dpex::range<1>(groups * n), dpex::range<1>(n)), in,
        out);
    std::vector<T> got = out.to_host();
    for (std::size_t i = 0; i < hin.size(); ++i) {
      const std::size_t l = i % n, f = i - (l - sg.first(l)), m = sg.size(l),
                        j = l - sg.first(l);
      const T *x = &hin[f], *o = &got[i * NumSlots];
      T sum = 0, oth = x[0], mn = x[0];
      for (std::size_t t = 0; t < m; ++t) {
        sum += x[t];
        if (t > 0)
          oth = other(oth, x[t]);
        mn = std::min(mn, x[t]);
      }
      T excl_plus = 0, excl_oth = other_identity<T>(), incl_oth = x[0];
      for (std::size_t t = 0; t < j; ++t) {
        excl_plus += x[t];
        excl_oth = t == 0 ? x[0] : other(excl_oth, x[t]);
        incl_oth = other(incl_oth, x[t + 1]);
      }
      const T mx = *std::max_element(x, x + j + 1);
      INFO("local size " << n << ", work-item " << i << " (sub-group size " << m
                         << ", local id " << j << ")");
      CHECK(o[Broadcast] == x[m - 1]);
      CHECK(o[Select] == x[(j * 3 + 1) % m]);
      if (j + 1 < m)
        CHECK(o[ShiftLeft] == x[j + 1]);
      if (j >= 2)
        CHECK(o[ShiftRight] == x[j - 2]);
      if ((j ^ 1) < m)
        CHECK(o[PermuteXor] == x[j ^ 1]);
      CHECK(o[ReducePlus] == sum);
      CHECK(o[ReduceOther] == oth);
      CHECK(o[ReduceMinInit] == std::min(T(5), mn));
      CHECK(o[ExclusivePlus] == excl_plus);
      CHECK(o[ExclusiveOther] == excl_oth);
      CHECK(o[ExclusiveOtherInit] == (j == 0 ? T(3) : other(T(3), excl_oth)));
      CHECK(o[InclusiveMax] == mx);
      CHECK(o[InclusiveOther] == incl_oth);
      CHECK(o[InclusivePlusInit] == T(7) + excl_plus + x[j]);
      CHECK(o[Any] == T(std::any_of(x, x + m, [](T v) { return v > T(6); })));
      CHECK(o[All] == T(std::all_of(x, x + m, [](T v) { return v > T(1); })));
      CHECK(o[None] == T(std::none_of(x, x + m, [](T v) { return v > T(8); })));
    }
  }
}

} // namespace

TEST_CASE("DPEX_REQD_SUB_GROUP_SIZE(8) gives sub-groups of 8",
          "[e2e][sub_group]") {
  dpex::queue q;
  for (std::size_t n : local_sizes) {
    bool ran;
    layout sg = read_layout(q, n, ran, sub_group_info_8, 8);
    if (ran)
      REQUIRE(sg.s == 8);
  }
}

TEST_CASE("Sub-group algorithms on int32 and uint32", "[e2e][sub_group]") {
  check<int>(sub_group_algorithms<int>);
  check<unsigned>(sub_group_algorithms<unsigned>);
}

TEST_CASE("Sub-group algorithms on int64 and uint64", "[e2e][sub_group]") {
  check<long>(sub_group_algorithms<long>);
  check<unsigned long>(sub_group_algorithms<unsigned long>);
}

TEST_CASE("Sub-group algorithms on float and double", "[e2e][sub_group]") {
  check<float>(sub_group_algorithms<float>);
  check<double>(sub_group_algorithms<double>);
}
