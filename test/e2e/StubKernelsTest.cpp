// Handles as a C++ programmer names them: kernel templates by their
// instantiations, overloads by name and parameter types; structs of the
// kernel source as the stub re-declares them, and types of headers this
// file does not include, as the stub includes them. Both sources of the
// library instantiate shared::twice<int>, so both stubs declare it.
#include "stub_kernels.dpex.hpp"
#include "stub_kernels_shared.dpex.hpp"

#include <catch2/catch.hpp>

#include <type_traits>
#include <utility>
#include <vector>

TEST_CASE("tpl::axpy<float> and tpl::axpy<double> launch their instantiations",
          "[e2e][stub]") {
  dpex::queue q;
  const std::size_t n = 1031;
  std::vector<float> hx(n), hy(n);
  std::vector<double> dx(n), dy(n);
  for (std::size_t i = 0; i < n; ++i) {
    hx[i] = float(i % 17) * 0.5f;
    hy[i] = float(i % 5) - 2.0f;
    dx[i] = double(i) / 3.0;
    dy[i] = 1.0 - double(i % 11);
  }
  dpex::array<float> x(q, n), y(q, n);
  x.copy_from(hx);
  y.copy_from(hy);
  dpex::call_kernel(tpl::axpy<float>, dpex::range<1>(n), 2.5f, x, y);
  std::vector<float> out = y.to_host();
  for (std::size_t i = 0; i < n; ++i)
    REQUIRE(out[i] == 2.5f * hx[i] + hy[i]);

  dpex::array<double> xd(q, n), yd(q, n);
  xd.copy_from(dx);
  yd.copy_from(dy);
  dpex::call_kernel(tpl::axpy<double>, dpex::range<1>(n), -0.75, xd, yd);
  std::vector<double> outd = yd.to_host();
  for (std::size_t i = 0; i < n; ++i)
    REQUIRE(outd[i] == -0.75 * dx[i] + dy[i]);
}

TEST_CASE("tpl::add_k<int, 3>: type and value template arguments",
          "[e2e][stub]") {
  dpex::queue q;
  std::vector<int> h = {10, 20, 30, 40};
  dpex::array<int> a(q, h.size());
  a.copy_from(h);
  dpex::call_kernel(tpl::add_k<int, 3>, dpex::range<1>(h.size()), a);
  REQUIRE(a.to_host() == std::vector<int>{13, 23, 33, 43});
  dpex::call_kernel(tpl::add_k<int, -2>, dpex::range<1>(h.size()), a);
  REQUIRE(a.to_host() == std::vector<int>{11, 21, 31, 41});

  dpex::array<float> f(q, 2);
  f.copy_from(std::vector<float>{0.5f, 1.5f});
  dpex::call_kernel(tpl::add_k<float, 3>, dpex::range<1>(2), f);
  REQUIRE(f.to_host() == std::vector<float>{3.5f, 4.5f});
}

TEST_CASE("the earlier flat names refer to the same handles", "[e2e][stub]") {
  STATIC_REQUIRE(&tpl::axpy_float == &tpl::axpy<float>);
  STATIC_REQUIRE(&tpl::add_k_int_3 == &tpl::add_k<int, 3>);
  STATIC_REQUIRE(
      std::is_same_v<decltype(tpl::add_k<int, 3>),
                     const dpex::kernel<void(dpex::item<1>, int *)>>);
}

TEST_CASE("overloaded kernels: a handle per overload, named by its parameters",
          "[e2e][stub]") {
  dpex::queue q;
  dpex::array<float> f(q, 3);
  dpex::array<int> i(q, 3);
  dpex::call_kernel(tpl::fill_float_ptr_float, dpex::range<1>(3), f, 1.25f);
  dpex::call_kernel(tpl::fill_int_ptr_int, dpex::range<1>(3), i, 6);
  REQUIRE(f.to_host() == std::vector<float>{1.25f, 1.25f, 1.25f});
  REQUIRE(i.to_host() == std::vector<int>{7, 7, 7});
}

TEST_CASE("a struct defined in the kernel source passes by value",
          "[e2e][stub]") {
  STATIC_REQUIRE(alignof(tpl::transform) == 16);
  dpex::queue q;
  const std::size_t n = 97;
  std::vector<float> hin(n);
  for (std::size_t i = 0; i < n; ++i)
    hin[i] = float(i) * 0.5f - 7.0f;
  for (unsigned negate : {0u, 1u}) {
    tpl::transform t{};
    t.offset = {1.5f, -2.0f, 0.25f};
    t.scale = 3.0;
    t.weights[0] = -1;
    t.weights[1] = 2;
    t.weights[2] = 5;
    t.negate = negate;
    t.shift = 9;
    dpex::array<float> in(q, n), out(q, n);
    in.copy_from(hin);
    dpex::call_kernel(tpl::apply, dpex::range<1>(n), t, in, out);
    std::vector<float> got = out.to_host();
    for (std::size_t i = 0; i < n; ++i) {
      float w = t.weights[i % 3];
      float v = float(hin[i] * t.scale) + t.offset.x * w + t.offset.y -
                t.offset.z + float(t.shift);
      REQUIRE(got[i] == Approx(negate ? -v : v).epsilon(1e-6));
    }
  }
}

TEST_CASE("character template arguments that need escaping", "[e2e][stub]") {
  dpex::queue q;
  dpex::array<char> out(q, 5);
  const std::pair<const dpex::kernel<void(dpex::item<1>, char *)> &, char>
      cases[] = {{tpl::put<'"'>, '"'},
                 {tpl::put<'\\'>, '\\'},
                 {tpl::put<'\n'>, '\n'},
                 {tpl::put<'a'>, 'a'}};
  for (const auto &[handle, expected] : cases) {
    dpex::call_kernel(handle, dpex::range<1>(5), out);
    REQUIRE(out.to_host() == std::vector<char>(5, expected));
  }
}

TEST_CASE("enum parameters pass as their underlying type", "[e2e][stub]") {
  STATIC_REQUIRE(sizeof(tpl::sign) == 1);
  STATIC_REQUIRE(sizeof(shared::channel) == sizeof(unsigned));
  dpex::queue q;
  const std::size_t n = 7;
  dpex::array<int> out(q, n);
  for (tpl::sign s : {tpl::sign::minus, tpl::sign::plus})
    for (shared::channel c : {shared::red, shared::blue}) {
      dpex::call_kernel(tpl::signed_channel, dpex::range<1>(n), s, c, out);
      std::vector<int> got = out.to_host();
      for (std::size_t i = 0; i < n; ++i)
        REQUIRE(got[i] == static_cast<int>(s) * (100 + c) + int(i));
    }
}

TEST_CASE("an enum of the kernel source as a template argument",
          "[e2e][stub]") {
  dpex::queue q;
  dpex::array<int> x(q, 4);
  x.copy_from(std::vector<int>{1, 2, 3, 4});
  dpex::call_kernel(tpl::combine<tpl::op::add>, dpex::range<1>(4), x, 10);
  REQUIRE(x.to_host() == std::vector<int>{11, 12, 13, 14});
  dpex::call_kernel(tpl::combine<tpl::op::mul>, dpex::range<1>(4), x, -3);
  REQUIRE(x.to_host() == std::vector<int>{-33, -36, -39, -42});
}

TEST_CASE("pointers to structs of the kernel source and of a header",
          "[e2e][stub]") {
  dpex::queue q;
  const std::size_t n = 33;
  std::vector<tpl::particle> hp(n);
  std::vector<shared::pt> hq(n);
  for (std::size_t i = 0; i < n; ++i) {
    hp[i] = {float(i) * 0.5f, int(i % 4)};
    hq[i] = {float(i), -float(i) - 0.5f};
  }
  dpex::array<tpl::particle> p(q, n);
  dpex::array<shared::pt> pts(q, n);
  p.copy_from(hp);
  pts.copy_from(hq);
  dpex::call_kernel(tpl::advance, dpex::range<1>(n), p, 0.25f);
  dpex::call_kernel(shared::swap_xy, dpex::range<1>(n), pts);
  std::vector<tpl::particle> gp = p.to_host();
  std::vector<shared::pt> gq = pts.to_host();
  for (std::size_t i = 0; i < n; ++i) {
    REQUIRE(gp[i].pos == hp[i].pos + 0.25f * float(hp[i].steps));
    REQUIRE(gp[i].steps == hp[i].steps + 1);
    REQUIRE(gq[i].x == hq[i].y);
    REQUIRE(gq[i].y == hq[i].x);
  }
}

TEST_CASE("a header's kernel template that both sources instantiate",
          "[e2e][stub]") {
  dpex::queue q;
  dpex::array<int> x(q, 3);
  x.copy_from(std::vector<int>{1, -2, 7});
  dpex::call_kernel(shared::twice<int>, dpex::range<1>(3), x);
  REQUIRE(x.to_host() == std::vector<int>{2, -4, 14});
  dpex::array<float> f(q, 2);
  f.copy_from(std::vector<float>{0.75f, -1.5f});
  dpex::call_kernel(shared::twice<float>, dpex::range<1>(2), f);
  REQUIRE(f.to_host() == std::vector<float>{1.5f, -3.0f});
}
