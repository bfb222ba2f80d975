// Generic pointers that stay generic: each kernel's output against the same
// computation on the host.
#include "address_space_kernels.dpex.hpp"

#include <catch2/catch.hpp>

#include <vector>

TEST_CASE("stores through a volatile pointer", "[e2e][address-space]") {
  dpex::queue q;
  const std::size_t n = 4099;
  dpex::array<int> out(q, n);
  dpex::call_kernel(e2e::volatile_store, dpex::range<1>(n), out);
  std::vector<int> r = out.to_host();
  for (std::size_t i = 0; i < n; ++i)
    REQUIRE(r[i] == int(i) * 3 + 3);
}

TEST_CASE("a pointer chosen at run time between local and global memory",
          "[e2e][address-space]") {
  dpex::queue q;
  const std::size_t n = 1 << 14, local = 64;
  std::vector<int> h(n);
  for (std::size_t i = 0; i < n; ++i)
    h[i] = int(i * 7 % 1001) - 500;
  dpex::array<int> in(q, n), out(q, n);
  in.copy_from(h);
  for (int all_local : {0, 1}) {
    dpex::call_kernel(e2e::select_local_global, dpex::nd_range<1>({n}, {local}),
                      in, out, dpex::local_memory<int>(local), all_local);
    std::vector<int> r = out.to_host();
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t l = i % local, from = i - l + (local - 1 - l);
      bool from_local = all_local || l % 2 == 1;
      REQUIRE(r[i] == (from_local ? h[from] * 2 : h[from]));
    }
  }
}

TEST_CASE("a pointer chosen at run time between two global arrays",
          "[e2e][address-space]") {
  dpex::queue q;
  const std::size_t n = 5003;
  std::vector<int> ha(n), hb(n);
  for (std::size_t i = 0; i < n; ++i) {
    ha[i] = int(i * 13 % 97);
    hb[i] = int(i * 29 % 89);
  }
  dpex::array<int> a(q, n), b(q, n), out(q, n);
  a.copy_from(ha);
  b.copy_from(hb);
  dpex::call_kernel(e2e::select_two_globals, dpex::range<1>(n), a, b, out,
                    int(n));
  std::vector<int> r = out.to_host();
  for (std::size_t i = 0; i < n; ++i) {
    const std::vector<int> &src = ha[i] >= hb[i] ? ha : hb;
    REQUIRE(r[i] == src[i] * 10 + src[(i + 1) % n]);
  }
}

TEST_CASE("a generic pointer to private or global memory in device functions",
          "[e2e][address-space]") {
  dpex::queue q;
  const std::size_t n = 1001;
  dpex::array<int> out(q, 4 * n), sums(q, n);
  out.copy_from(std::vector<int>(4 * n, -1));
  dpex::call_kernel(e2e::through_device_function, dpex::range<1>(n), out, sums);
  std::vector<int> r = out.to_host(), s = sums.to_host();
  for (std::size_t i = 0; i < n; ++i) {
    int total = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      int square = int((i + k) * (i + k));
      total += square;
      REQUIRE(r[4 * i + k] == (i % 2 == 1 ? -1 : square));
    }
    REQUIRE(s[i] == total);
  }
}

TEST_CASE("a struct copied from private or global memory",
          "[e2e][address-space]") {
  dpex::queue q;
  const std::size_t n = 777;
  std::vector<int> h(6 * n);
  for (std::size_t i = 0; i < 6 * n; ++i)
    h[i] = int(i / 6) * 100 + int(i % 6);
  dpex::array<int> in(q, 6 * n), out(q, 6 * n);
  in.copy_from(h);
  dpex::call_kernel(e2e::copy_block, dpex::range<1>(n), in, out);
  std::vector<int> r = out.to_host();
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < 6; ++k)
      REQUIRE(r[6 * i + k] == (i % 2 == 1 ? -int(i + k) : h[6 * i + k]));
}
