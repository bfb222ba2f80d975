// Several devices in one process: array::copy_to and copy_to_async between
// queues, devices and backends, and events of one queue as dependencies of
// launches on another. "[one-device]" cases need one device (the default one,
// see DPEX_DEVICE) and two queues on it; "[multi-device]" cases run over every
// ordered pair of distinct devices of dpex::devices() that can load the
// kernels, and the program exits 77 (skipped) when asked for them with fewer
// than two such devices.
#include "basic_kernels.dpex.hpp"

#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

std::vector<int> iota(std::size_t n, int first) {
  std::vector<int> v(n);
  for (std::size_t i = 0; i < n; ++i)
    v[i] = first + int(i % 1000);
  return v;
}

void chainOnHost(std::vector<int> &v, int mul, int add) {
  for (int &x : v)
    x = x * mul + add;
}

std::string describe(const dpex::device &d) {
  return d.name() + " (" + dpex::to_string(d.backend()) + ", " + d.platform() +
         ")";
}

// Copies `from` into `to` while async launches on both queues are pending:
// the copy must see the source's last launch and must not overtake the
// destination's launch still reading the old contents.
void checkCopyOrdering(const dpex::queue &qa, const dpex::queue &qb) {
  const std::size_t n = 4099;
  std::vector<int> ha = iota(n, 1), hb = iota(n, 5000);
  dpex::array<int> a(qa, n), b(qb, n), bOut(qb, n);
  a.copy_from(ha);
  b.copy_from(hb);

  // Source side: several pending launches on a's queue.
  for (int k = 0; k < 4; ++k) {
    dpex::call_kernel_async(e2e::chain_step, dpex::range<1>(n), {}, a, 3, k);
    chainOnHost(ha, 3, k);
  }
  // Destination side: a pending launch reading b, copied into bOut.
  dpex::call_kernel_async(e2e::chain_step, dpex::range<1>(n), {}, b, 2, 1);
  chainOnHost(hb, 2, 1);
  b.copy_to(bOut); // same queue: ordered after that launch
  a.copy_to(b);    // overwrites b after the launch and the copy read it

  REQUIRE(b.to_host() == ha);
  REQUIRE(bOut.to_host() == hb);

  // And back, into a slice of the source's allocation.
  dpex::array<int> back(qa, 2 * n);
  back.copy_from(std::vector<int>(2 * n, -1));
  b.copy_to(back.slice(n, n));
  std::vector<int> got = back.to_host();
  REQUIRE(std::vector<int>(got.begin(), got.begin() + n) ==
          std::vector<int>(n, -1));
  REQUIRE(std::vector<int>(got.begin() + n, got.end()) == ha);
}

// Ten launches alternating between the queues, each depending on the
// previous one's host or device event; each queue's array gets its own
// steps, checked against the host.
void checkEventChain(const dpex::queue &q0, const dpex::queue &q1) {
  const std::size_t n = 2048;
  std::vector<int> h[2] = {iota(n, 0), iota(n, 100)};
  dpex::array<int> x[2] = {dpex::array<int>(q0, n), dpex::array<int>(q1, n)};
  x[0].copy_from(h[0]);
  x[1].copy_from(h[1]);
  std::vector<dpex::event> deviceEvents;
  dpex::event previous;
  for (int k = 0; k < 10; ++k) {
    int side = k % 2, mul = 2 + k % 2, add = k;
    auto [host, dev] = dpex::call_kernel_async(
        e2e::chain_step, dpex::range<1>(n), {previous}, x[side], mul, add);
    chainOnHost(h[side], mul, add);
    deviceEvents.push_back(dev);
    previous = k % 3 == 0 ? host : dev;
  }
  previous.wait();
  // A launch starts only after its dependency completed, so every earlier
  // launch of the chain is complete once the last one is.
  for (const dpex::event &e : deviceEvents)
    REQUIRE(e.is_complete());
  REQUIRE(x[0].to_host() == h[0]);
  REQUIRE(x[1].to_host() == h[1]);
}

// Data moving back and forth: an async launch on one device, copy_to the
// other right away (no wait), a launch there, and so on.
void checkPingPong(const dpex::queue &q0, const dpex::queue &q1) {
  const std::size_t n = 3001;
  std::vector<int> expected = iota(n, 7);
  dpex::array<int> x[2] = {dpex::array<int>(q0, n), dpex::array<int>(q1, n)};
  x[0].copy_from(expected);
  for (int k = 0; k < 6; ++k) {
    int side = k % 2, mul = 3 - k % 2, add = 11 - k;
    dpex::call_kernel_async(e2e::chain_step, dpex::range<1>(n), {}, x[side],
                            mul, add);
    chainOnHost(expected, mul, add);
    x[side].copy_to(x[1 - side]);
  }
  REQUIRE(x[0].to_host() == expected);
  REQUIRE(x[1].to_host() == expected);
}

// The same data flow with async copies only, nothing blocking until the
// end: copy in on q0, a launch after it, copy_to_async into q1's array
// after that launch, a launch on q1 after the copy, copy out after it;
// and back into a slice on q0 with a launch still reading the destination's
// allocation before it. Host buffers stay untouched until their host
// events completed.
void checkAsyncCopies(const dpex::queue &q0, const dpex::queue &q1) {
  const std::size_t n = 5003;
  const std::vector<int> input = iota(n, 3);
  std::vector<int> expected = input, out(n, -1), again(n, -1);
  dpex::array<int> a(q0, n), b(q1, n), back(q0, 2 * n);
  auto in = a.copy_from_async(input);
  auto k0 = dpex::call_kernel_async(e2e::chain_step, dpex::range<1>(n),
                                    {in.second}, a, 3, 1);
  chainOnHost(expected, 3, 1);
  auto across = a.copy_to_async(b, {k0.second});
  auto k1 = dpex::call_kernel_async(e2e::chain_step, dpex::range<1>(n),
                                    {across.second}, b, 2, 5);
  chainOnHost(expected, 2, 5);
  auto outEvents = b.to_host_async(out, {k1.second});
  auto fill = dpex::call_kernel_async(e2e::chain_step, dpex::range<1>(2 * n),
                                      {}, back, 0, -1);
  auto home = b.copy_to_async(back.slice(n, n), {k1.second, fill.second});
  auto backEvents = back.slice(n, n).to_host_async(again, {home.second});
  dpex::wait_all({outEvents.first, backEvents.first});
  REQUIRE(out == expected);
  REQUIRE(again == expected);
  for (const auto &events : {in, across, home})
    REQUIRE(events.first.is_complete());
  std::vector<int> head(n);
  back.slice(0, n).copy_to(head.data(), n);
  REQUIRE(head == std::vector<int>(n, -1));
  REQUIRE(a.use_count() == 1);
  REQUIRE(b.use_count() == 1);
}

// The devices that can load this program's kernels. Others are left out
// with a note: PoCL's CUDA driver, for one, lists the GPUs as OpenCL
// devices that take neither SPIR-V nor the spir image.
const std::vector<dpex::device> &usableDevices() {
  static const std::vector<dpex::device> usable = [] {
    std::vector<dpex::device> found;
    for (const dpex::device &d : dpex::devices()) {
      try {
        dpex::array<int> probe(dpex::queue(d), 1);
        dpex::call_kernel(e2e::chain_step, dpex::range<1>(1), probe, 1, 0);
        found.push_back(d);
      } catch (const dpex::error &e) {
        if (e.code() != dpex::errc::unsupported_image)
          throw;
        std::printf("not used: %s: %s\n", describe(d).c_str(), e.what());
      }
    }
    return found;
  }();
  return usable;
}

std::vector<std::pair<dpex::device, dpex::device>> devicePairs() {
  const std::vector<dpex::device> &all = usableDevices();
  std::vector<std::pair<dpex::device, dpex::device>> pairs;
  for (const dpex::device &a : all)
    for (const dpex::device &b : all)
      if (a != b)
        pairs.emplace_back(a, b);
  return pairs;
}

} // namespace

TEST_CASE("copy_to between two queues of one device follows their work",
          "[one-device]") {
  dpex::device d = dpex::default_device();
  INFO(describe(d));
  checkCopyOrdering(dpex::queue(d), dpex::queue(d));
  dpex::queue q(d);
  checkCopyOrdering(q, q);
}

TEST_CASE("events of one queue order launches on another of the same device",
          "[one-device]") {
  dpex::device d = dpex::default_device();
  INFO(describe(d));
  checkEventChain(dpex::queue(d), dpex::queue(d, dpex::enable_profiling));
  checkPingPong(dpex::queue(d), dpex::queue(d));
}

TEST_CASE("async copies between two queues of one device", "[one-device]") {
  dpex::device d = dpex::default_device();
  INFO(describe(d));
  checkAsyncCopies(dpex::queue(d), dpex::queue(d));
}

TEST_CASE("copy_to checks sizes and overlap", "[one-device]") {
  dpex::queue q;
  dpex::array<float> a(q, 10), b(q, 12);
  try {
    a.copy_to(b);
    FAIL("no error for arrays of different sizes");
  } catch (const dpex::error &e) {
    REQUIRE(e.code() == dpex::errc::invalid_argument);
    REQUIRE_THAT(e.what(),
                 Catch::Contains("10 elements") && Catch::Contains("12"));
  }
  try {
    b.slice(0, 8).copy_to(b.slice(4, 8));
    FAIL("no error for overlapping slices");
  } catch (const dpex::error &e) {
    REQUIRE(e.code() == dpex::errc::invalid_argument);
    REQUIRE_THAT(e.what(), Catch::Contains("overlap"));
  }
  dpex::array<float> empty(q, 0), empty2(dpex::queue(), 0);
  empty.copy_to(empty2); // nothing to copy, nothing to fail
}

TEST_CASE("copy_to across devices and backends in both directions",
          "[multi-device]") {
  for (const auto &[a, b] : devicePairs()) {
    INFO("from " << describe(a) << " to " << describe(b));
    checkCopyOrdering(dpex::queue(a), dpex::queue(b));
  }
}

TEST_CASE("a chain of launches alternating devices ordered by events",
          "[multi-device]") {
  for (const auto &[a, b] : devicePairs()) {
    INFO(describe(a) << " and " << describe(b));
    checkEventChain(dpex::queue(a), dpex::queue(b));
  }
}

TEST_CASE("data moving between devices with copy_to after async launches",
          "[multi-device]") {
  for (const auto &[a, b] : devicePairs()) {
    INFO(describe(a) << " and " << describe(b));
    checkPingPong(dpex::queue(a), dpex::queue(b));
  }
}

TEST_CASE("copy_to_async across devices and backends, ordered by events",
          "[multi-device]") {
  for (const auto &[a, b] : devicePairs()) {
    INFO("from " << describe(a) << " to " << describe(b));
    checkAsyncCopies(dpex::queue(a), dpex::queue(b));
  }
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; ++i)
    if (std::strstr(argv[i], "[multi-device]") && usableDevices().size() < 2) {
      std::printf("skipped: [multi-device] needs two devices that can load "
                  "the kernels, %zu present\n",
                  usableDevices().size());
      return 77;
    }
  return Catch::Session().run(argc, argv);
}
