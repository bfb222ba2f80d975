// The CUDA backend. Device selection and the launch helpers are tested
// everywhere (runtime.cuda); the cases tagged [gpu] run kernels and are a
// ctest entry of their own, runtime.cuda.gpu, which is skipped where no CUDA
// GPU is present.
#include "CudaTestKernels.h"
#include "TestSupport.h"

#include "cuda/CudaImageChoice.h"
#include "cuda/CudaLaunchShape.h"
#include "cuda/CudaParams.h"

#include <dlfcn.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <thread>
#include <utility>
#include <vector>

using Catch::Matchers::Contains;
using dpex_test::expectError;
using dpex_test::ScopedEnv;

namespace {

std::vector<dpex::device> cudaDevices() {
  std::vector<dpex::device> found;
  for (const dpex::device &d : dpex::devices())
    if (d.backend() == dpex::backend::cuda)
      found.push_back(d);
  return found;
}

// The first CUDA device; [gpu] cases only run where there is one.
dpex::device firstGpu() {
  std::vector<dpex::device> found = cudaDevices();
  REQUIRE_FALSE(found.empty());
  return found.front();
}

bool driverInstalled() {
  void *library = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  if (library)
    dlclose(library);
  return library != nullptr;
}

std::vector<float> iota(std::size_t n, float scale) {
  std::vector<float> values(n);
  for (std::size_t i = 0; i < n; ++i)
    values[i] = static_cast<float>(i % 1000) * scale;
  return values;
}

} // namespace

TEST_CASE("cuda:* names the missing driver or device", "[cuda][selection]") {
  std::vector<dpex::device> found = cudaDevices();
  if (found.empty()) {
    for (const char *text : {"cuda:0", "cuda:gpu", "cuda:3"}) {
      ScopedEnv env("DPEX_DEVICE", text);
      dpex::error e = expectError([] { dpex::queue q; });
      REQUIRE(e.code() == dpex::errc::device_not_found);
      REQUIRE_THAT(e.what(), Contains(std::string("'") + text + "'"));
      REQUIRE_THAT(e.what(), Contains("cuda backend unavailable"));
      if (!driverInstalled())
        REQUIRE_THAT(e.what(), Contains("no CUDA driver (libcuda.so.1) found"));
    }
    return;
  }
  for (const char *text : {"cuda:0", "CUDA:GPU"}) {
    ScopedEnv env("DPEX_DEVICE", text);
    REQUIRE(dpex::default_device() == found.front());
  }
  std::string text = "cuda:" + std::to_string(found.size());
  ScopedEnv env("DPEX_DEVICE", text.c_str());
  dpex::error e = expectError([] { dpex::queue q; });
  REQUIRE(e.code() == dpex::errc::device_not_found);
  REQUIRE_THAT(e.what(),
               Contains("cuda device " + std::to_string(found.size()) +
                        " does not exist; " + std::to_string(found.size()) +
                        (found.size() == 1 ? " such device" : " such devices") +
                        " found"));
}

TEST_CASE("the default device is a CUDA GPU, else OpenCL",
          "[cuda][selection]") {
  ScopedEnv env("DPEX_DEVICE", "");
  std::vector<dpex::device> all = dpex::devices();
  std::vector<dpex::device> found = cudaDevices();
  // CUDA devices come first.
  REQUIRE(std::equal(found.begin(), found.end(), all.begin()));
  dpex::device chosen = dpex::default_device();
  if (found.empty()) {
    REQUIRE(chosen.backend() == dpex::backend::opencl);
    dpex::queue q; // the runtime works without CUDA
    REQUIRE(q.get_device() == chosen);
  } else {
    REQUIRE(chosen == found.front());
    REQUIRE(chosen.type() == dpex::device_type::gpu);
  }
}

TEST_CASE("kernel parameters follow the PTX ABI", "[cuda][abi]") {
  using dpex::rt::KernelArg;
  float a = 2.5f;
  std::int32_t scale = 3;
  std::uint8_t flag = 1;
  void *x = reinterpret_cast<void *>(std::uintptr_t{0x7f0000001000});
  void *y = reinterpret_cast<void *>(std::uintptr_t{0x7f0000002010});
  std::vector<KernelArg> args(8);
  args[0] = {KernelArg::Kind::Value, &a, nullptr, sizeof(a)};
  args[1] = {KernelArg::Kind::Pointer, nullptr, x, 0};
  args[2] = {KernelArg::Kind::Local, nullptr, nullptr, 65 * 4};
  args[3] = {KernelArg::Kind::Value, &scale, nullptr, sizeof(scale)};
  args[4] = {KernelArg::Kind::Local, nullptr, nullptr, 64 * 4};
  args[5] = {KernelArg::Kind::Local, nullptr, nullptr, 3};
  args[6] = {KernelArg::Kind::Value, &flag, nullptr, 1};
  args[7] = {KernelArg::Kind::Pointer, nullptr, y, 0};

  dpex::rt::cuda::KernelParams params(args);
  REQUIRE(params.size() == 8);
  void **p = params.data();
  // Values are passed in place.
  REQUIRE(p[0] == &a);
  REQUIRE(p[3] == &scale);
  REQUIRE(p[6] == &flag);
  // Pointers: the 8-byte device address.
  REQUIRE(*static_cast<std::uint64_t *>(p[1]) == 0x7f0000001000);
  REQUIRE(*static_cast<std::uint64_t *>(p[7]) == 0x7f0000002010);
  // Local accessors: 8-byte offsets, one after another, 16-byte aligned.
  REQUIRE(*static_cast<std::uint64_t *>(p[2]) == 0);
  REQUIRE(*static_cast<std::uint64_t *>(p[4]) == 272);
  REQUIRE(*static_cast<std::uint64_t *>(p[5]) == 528);
  REQUIRE(params.sharedBytes() == 531);

  dpex::rt::cuda::KernelParams none({});
  REQUIRE(none.size() == 0);
  REQUIRE(none.sharedBytes() == 0);
}

TEST_CASE("kernel parameters beyond those kept in place follow the PTX ABI",
          "[cuda][abi]") {
  using dpex::rt::KernelArg;
  // More parameters than KernelParams keeps in place: pointers, values and
  // local accessors alternate, each read back where the ABI puts it.
  constexpr std::size_t Count = 40;
  std::vector<std::int32_t> values(Count);
  std::vector<KernelArg> args(Count);
  for (std::size_t i = 0; i < Count; ++i) {
    values[i] = static_cast<std::int32_t>(i);
    if (i % 3 == 0)
      args[i] = {KernelArg::Kind::Pointer, nullptr,
                 reinterpret_cast<void *>(std::uintptr_t{0x1000} * (i + 1)), 0};
    else if (i % 3 == 1)
      args[i] = {KernelArg::Kind::Value, &values[i], nullptr,
                 sizeof(std::int32_t)};
    else
      args[i] = {KernelArg::Kind::Local, nullptr, nullptr, 20};
  }
  dpex::rt::cuda::KernelParams params(args);
  REQUIRE(params.size() == Count);
  void **p = params.data();
  std::uint64_t nextLocal = 0;
  for (std::size_t i = 0; i < Count; ++i) {
    INFO("parameter " << i);
    if (i % 3 == 0) {
      REQUIRE(*static_cast<std::uint64_t *>(p[i]) == 0x1000 * (i + 1));
    } else if (i % 3 == 1) {
      REQUIRE(p[i] == &values[i]);
    } else {
      REQUIRE(*static_cast<std::uint64_t *>(p[i]) == nextLocal);
      nextLocal += 32; // 20 bytes, the next one 16-byte aligned
    }
  }
  REQUIRE(params.sharedBytes() == nextLocal - 32 + 20);
}

TEST_CASE("range launches use blocks that divide the range", "[cuda][shape]") {
  using dpex::rt::LaunchConfig;
  using dpex::rt::cuda::chooseLaunchShape;
  using dpex::rt::cuda::GridLimits;
  using dpex::rt::cuda::LaunchShape;
  const GridLimits h100{{1024, 1024, 64}, {2147483647, 65535, 65535}};
  auto range = [](std::initializer_list<std::size_t> backendOrder) {
    LaunchConfig config;
    config.dims = static_cast<std::uint32_t>(backendOrder.size());
    std::copy(backendOrder.begin(), backendOrder.end(), config.global);
    return config;
  };
  auto check = [](const dpex::rt::Expected<LaunchShape> &shape,
                  std::initializer_list<unsigned> block,
                  std::initializer_list<unsigned> grid) {
    REQUIRE(shape);
    for (std::size_t axis = 0; axis < 3; ++axis) {
      INFO("axis " << axis);
      REQUIRE(shape->block[axis] ==
              (axis < block.size() ? block.begin()[axis] : 1));
      REQUIRE(shape->grid[axis] ==
              (axis < grid.size() ? grid.begin()[axis] : 1));
    }
  };

  check(chooseLaunchShape(range({1024}), h100, 1024), {256}, {4});
  check(chooseLaunchShape(range({1000000}), h100, 1024), {250}, {4000});
  check(chooseLaunchShape(range({1009}), h100, 1024), {1}, {1009});
  // The kernel's own limit caps the block.
  check(chooseLaunchShape(range({1024}), h100, 64), {64}, {16});
  // x first, at least a warp wide when the rows are long enough.
  check(chooseLaunchShape(range({1024, 1024}), h100, 1024), {32, 8}, {32, 128});
  check(chooseLaunchShape(range({40, 6}), h100, 1024), {40, 6}, {1, 1});
  check(chooseLaunchShape(range({1024, 2}), h100, 1024), {128, 2}, {8, 1});
  check(chooseLaunchShape(range({7, 300}), h100, 1024), {7, 30}, {1, 10});
  check(chooseLaunchShape(range({64, 64, 64}), h100, 1024), {32, 8, 1},
        {2, 8, 64});

  // Too many blocks: bigger blocks that still divide the range.
  const GridLimits small{{1024, 1024, 64}, {1000, 10, 10}};
  check(chooseLaunchShape(range({1000000}), small, 1024), {1000}, {1000});
  dpex::rt::Expected<LaunchShape> none =
      chooseLaunchShape(range({1009 * 1013}), small, 1024);
  REQUIRE(!none);
  REQUIRE(none.status().code() == dpex::errc::invalid_range);
  REQUIRE_THAT(none.status().message(), Contains("dpex dimension 0 (CUDA x)"));

  // nd_range: block = local, grid = global / local.
  LaunchConfig nd = range({64, 8});
  nd.hasLocal = true;
  nd.local[0] = 32;
  nd.local[1] = 2;
  check(chooseLaunchShape(nd, h100, 1024), {32, 2}, {2, 4});
  nd.global[1] = 2 * 20;
  dpex::rt::Expected<LaunchShape> tooMany = chooseLaunchShape(nd, small, 1024);
  REQUIRE(!tooMany);
  REQUIRE(tooMany.status().code() == dpex::errc::invalid_range);
  REQUIRE_THAT(tooMany.status().message(),
               Contains("20 work-groups in dpex dimension 0 (CUDA y)"));

  // The tail of a split grid, which only an image without the range guard
  // gets: CUDA has no offset to start it at.
  LaunchConfig tail = range({41});
  tail.offset[0] = 960;
  dpex::rt::Expected<LaunchShape> offset = chooseLaunchShape(tail, h100, 1024);
  REQUIRE(!offset);
  REQUIRE(offset.status().code() == dpex::errc::unsupported_image);
  REQUIRE_THAT(offset.status().message(), Contains("no global offset"));
}

TEST_CASE("a GPU loads the ptx image of the highest arch not above its own",
          "[cuda][image]") {
  using namespace dpex::detail;
  using dpex::rt::cuda::choosePtxImage;
  using dpex::rt::cuda::ptxArchs;
  const unsigned char bytes[] = {0};
  // Out of order, with other formats between them, as nothing promises the
  // order of a stub's images.
  const device_image images[] = {{image_format::spirv, bytes, 1, 0, 0},
                                 {image_format::ptx, bytes, 1, 0, 80},
                                 {image_format::spir, bytes, 1, 0, 0},
                                 {image_format::ptx, bytes, 1, 0, 50},
                                 {image_format::ptx, bytes, 1, 0, 60}};
  const module_desc module{"archs.cpp", images, 5};
  REQUIRE(choosePtxImage(module, 90) == &images[1]);
  REQUIRE(choosePtxImage(module, 86) == &images[1]);
  REQUIRE(choosePtxImage(module, 80) == &images[1]);
  REQUIRE(choosePtxImage(module, 75) == &images[4]);
  REQUIRE(choosePtxImage(module, 61) == &images[4]);
  REQUIRE(choosePtxImage(module, 52) == &images[3]);
  REQUIRE(choosePtxImage(module, 50) == &images[3]);
  REQUIRE(choosePtxImage(module, 37) == nullptr);
  REQUIRE(ptxArchs(module) == "sm_80, sm_50, sm_60");

  const module_desc noPtx{"no_ptx.cpp", images, 1};
  REQUIRE(choosePtxImage(noPtx, 90) == nullptr);
  REQUIRE(ptxArchs(noPtx).empty());
}

TEST_CASE("a GPU loads a cubin of its own major arch, else its ptx",
          "[cuda][image]") {
  using namespace dpex::detail;
  using dpex::rt::cuda::chooseCubinImage;
  using dpex::rt::cuda::choosePtxImage;
  using dpex::rt::cuda::cudaArchs;
  const unsigned char bytes[] = {0};
  // As dpexc --cuda-arch=sm_80,sm_90 --cuda-sass writes them, with a stray
  // sm_75 cubin and the spirv image between them.
  const device_image images[] = {{image_format::cubin, bytes, 1, 0, 80},
                                 {image_format::ptx, bytes, 1, 0, 80},
                                 {image_format::spirv, bytes, 1, 0, 0},
                                 {image_format::cubin, bytes, 1, 0, 90},
                                 {image_format::cubin, bytes, 1, 0, 75}};
  const module_desc module{"sass.cpp", images, 5};
  // Exact match, and a higher minor of the same major.
  REQUIRE(chooseCubinImage(module, 90) == &images[3]);
  REQUIRE(chooseCubinImage(module, 80) == &images[0]);
  REQUIRE(chooseCubinImage(module, 86) == &images[0]);
  REQUIRE(chooseCubinImage(module, 89) == &images[0]);
  REQUIRE(chooseCubinImage(module, 75) == &images[4]);
  // SASS never crosses a major arch, nor runs on a lower minor: these GPUs
  // JIT the ptx image (sm_100, sm_120) or have none (sm_70, sm_72).
  REQUIRE(chooseCubinImage(module, 100) == nullptr);
  REQUIRE(chooseCubinImage(module, 120) == nullptr);
  REQUIRE(chooseCubinImage(module, 72) == nullptr);
  REQUIRE(chooseCubinImage(module, 70) == nullptr);
  REQUIRE(choosePtxImage(module, 100) == &images[1]);
  REQUIRE(choosePtxImage(module, 70) == nullptr);
  REQUIRE(cudaArchs(module, image_format::cubin) == "sm_80, sm_90, sm_75");
  REQUIRE(cudaArchs(module, image_format::ptx) == "sm_80");

  const module_desc ptxOnly{"ptx_only.cpp", images + 1, 2};
  REQUIRE(chooseCubinImage(ptxOnly, 80) == nullptr);
}

TEST_CASE("the driver reads a ptx image's text NUL-terminated, with or "
          "without a NUL in the image",
          "[cuda][image]") {
  using namespace dpex::detail;
  using dpex::rt::cuda::terminatedPtx;
  const char text[] = ".version 7.5\n.target sm_80\n";
  // Text followed by a byte that is no NUL: the copy must stop at the
  // image's end.
  const char unterminated[] = ".version 7.5\n.target sm_80\nXXXX";
  const auto bytes = [](const char *chars) {
    return reinterpret_cast<const unsigned char *>(chars);
  };
  std::string copy;

  const device_image withNul{image_format::ptx, bytes(text), sizeof text, 0,
                             80};
  REQUIRE(terminatedPtx(withNul, copy) == text);
  REQUIRE(copy.empty());

  const device_image withoutNul{image_format::ptx, bytes(unterminated),
                                sizeof text - 1, 0, 80};
  const char *copied = terminatedPtx(withoutNul, copy);
  REQUIRE(copied == copy.c_str());
  REQUIRE(copy == text);

  const device_image empty{image_format::ptx, nullptr, 0, 0, 80};
  REQUIRE(std::string(terminatedPtx(empty, copy)).empty());
}

TEST_CASE("saxpy in hand-written PTX runs on the GPU", "[cuda][kernel][gpu]") {
  dpex::device gpu = firstGpu();
  dpex::queue q(gpu);
  for (std::size_t n : {std::size_t{1000000}, std::size_t{1009}}) {
    INFO("n = " << n);
    std::vector<float> hx = iota(n, 0.5f), hy = iota(n, 0.25f);
    dpex::array<float> x(q, n), y(q, n);
    x.copy_from(hx);
    y.copy_from(hy);
    dpex::call_kernel(dpex_cuda_test::saxpy, dpex::range<1>(n), 2.0f, x, y);
    std::vector<float> expected(n);
    for (std::size_t i = 0; i < n; ++i)
      expected[i] = 2.0f * hx[i] + hy[i];
    REQUIRE(y.to_host() == expected);
  }

  // Slices pass their byte offset.
  const std::size_t n = 1024;
  dpex::array<float> x(q, n + 16), y(q, n + 32);
  x.copy_from(std::vector<float>(n + 16, 1.0f));
  y.copy_from(std::vector<float>(n + 32, 0.0f));
  dpex::call_kernel(dpex_cuda_test::saxpy, dpex::range<1>(n), 3.0f,
                    x.slice(16, n), y.slice(32, n));
  std::vector<float> result = y.to_host();
  for (std::size_t i = 0; i < n + 32; ++i)
    REQUIRE(result[i] == (i < 32 ? 0.0f : 3.0f));
}

TEST_CASE("of several ptx images, the GPU builds the best one",
          "[cuda][kernel][image][gpu]") {
  dpex::device gpu = firstGpu();
  dpex::queue q(gpu);
  dpex::array<float> x(q, 256), y(q, 256);
  x.copy_from(std::vector<float>(256, 2.0f));
  y.copy_from(std::vector<float>(256, 1.0f));
  dpex::call_kernel(dpex_cuda_test::multi_arch_saxpy, dpex::range<1>(256), 3.0f,
                    x, y);
  REQUIRE(y.to_host() == std::vector<float>(256, 7.0f));
}

TEST_CASE("dpex dimensions map to CUDA z, y, x", "[cuda][kernel][gpu]") {
  dpex::device gpu = firstGpu();
  dpex::queue q(gpu);
  auto expect = [](const std::vector<int> &out, std::size_t rows,
                   std::size_t cols) {
    for (std::size_t i = 0; i < rows; ++i)
      for (std::size_t j = 0; j < cols; ++j)
        REQUIRE(out[i * cols + j] == static_cast<int>(i * 1000 + j));
  };
  for (auto [rows, cols] :
       {std::pair<std::size_t, std::size_t>{6, 40}, {300, 7}, {257, 1031}}) {
    INFO(rows << " x " << cols);
    dpex::array<int> out(q, rows * cols);
    dpex::call_kernel(dpex_cuda_test::index2d, dpex::range<2>(rows, cols), out);
    expect(out.to_host(), rows, cols);
  }
  dpex::array<int> out(q, 8 * 64);
  dpex::call_kernel(dpex_cuda_test::index2d_nd,
                    dpex::nd_range<2>({8, 64}, {2, 32}), out);
  expect(out.to_host(), 8, 64);
}

TEST_CASE("async launches on the GPU chain through their events",
          "[cuda][event][gpu]") {
  dpex::device gpu = firstGpu();
  dpex::queue q(gpu, dpex::enable_profiling);
  const std::size_t n = 4096;
  dpex::array<float> y(q, n);
  y.copy_from(std::vector<float>(n, 1.0f));

  // y -> 2y+1 -> 3y -> y-4: 1 -> 3 -> 9 -> 5; any other order differs.
  auto [h1, d1] = dpex::call_kernel_async(dpex_cuda_test::affine,
                                          dpex::range<1>(n), {}, 2.0f, 1.0f, y);
  auto [h2, d2] = dpex::call_kernel_async(
      dpex_cuda_test::affine, dpex::range<1>(n), {d1}, 3.0f, 0.0f, y);
  auto [h3, d3] = dpex::call_kernel_async(
      dpex_cuda_test::affine, dpex::range<1>(n), {h2}, 1.0f, -4.0f, y);
  dpex::wait_all({h1, h2, h3});
  for (const dpex::event &e : {h1, d1, h2, d2, h3, d3})
    REQUIRE(e.is_complete());
  REQUIRE(y.to_host() == std::vector<float>(n, 5.0f));
  REQUIRE(y.use_count() == 1);

  dpex::profiling_info p1 = d1.profiling(), p2 = d2.profiling(),
                       p3 = d3.profiling();
  for (const dpex::profiling_info &p : {p1, p2, p3}) {
    REQUIRE(p.queued <= p.start);
    REQUIRE(p.start <= p.end);
  }
  REQUIRE(p1.end <= p2.start);
  REQUIRE(p2.end <= p3.start);

  // Arrays dropped by the caller stay alive until the launch is done.
  dpex::event host;
  {
    dpex::array<float> tmp(q, n);
    tmp.copy_from(std::vector<float>(n, 0.0f));
    host = dpex::call_kernel_async(dpex_cuda_test::affine, dpex::range<1>(n),
                                   {}, 1.0f, 1.0f, tmp)
               .first;
  }
  host.wait();
  q.wait();
}

TEST_CASE("a graph of copies and launches replays on the GPU",
          "[cuda][graph][gpu]") {
  dpex::device gpu = firstGpu();
  dpex::queue q(gpu), other(gpu);
  const std::size_t n = 1 << 16;
  std::vector<float> x(n), out(n, -1.0f);
  for (std::size_t i = 0; i < n; ++i)
    x[i] = static_cast<float>(i % 251) * 0.5f;
  dpex::array<float> ax(q, n), ay(q, n);
  ay.copy_from(std::vector<float>(n, 1.0f));
  dpex::graph g(q);
  g.record([&] {
    auto in = ax.copy_from_async(x);
    auto k1 = dpex::call_kernel_async(dpex_cuda_test::saxpy, dpex::range<1>(n),
                                      {in.second}, 2.0f, ax, ay);
    auto k2 = dpex::call_kernel_async(dpex_cuda_test::affine, dpex::range<1>(n),
                                      {k1.second}, 0.5f, 1.0f, ay);
    ay.to_host_async(out, {k2.second});
  });
  std::vector<float> expected(n, 1.0f);
  for (int round = 0; round < 3; ++round) {
    // After a slow kernel on another stream of the device.
    dpex::array<int> done(other, 1);
    auto spun = dpex::call_kernel_async(dpex_cuda_test::spin, dpex::range<1>(1),
                                        {}, std::int64_t{1000000}, done);
    auto [host, device] = g.replay({spun.second});
    host.wait();
    REQUIRE(spun.first.is_complete());
    for (std::size_t i = 0; i < n; ++i)
      expected[i] = 0.5f * (2.0f * x[i] + expected[i]) + 1.0f;
    REQUIRE(out == expected);
  }
  // Back to back, then one wait.
  std::vector<dpex::event> hosts;
  for (int round = 0; round < 20; ++round)
    hosts.push_back(g.replay().first);
  dpex::wait_all(hosts);
  for (int round = 0; round < 20; ++round)
    for (std::size_t i = 0; i < n; ++i)
      expected[i] = 0.5f * (2.0f * x[i] + expected[i]) + 1.0f;
  REQUIRE(out == expected);
  q.wait();
}

TEST_CASE("a launch on another stream waits for its dependency",
          "[cuda][event][gpu]") {
  dpex::device gpu = firstGpu();
  dpex::queue q1(gpu, dpex::enable_profiling), q2(gpu, dpex::enable_profiling);
  dpex::array<int> done(q1, 1);
  done.copy_from(std::vector<int>{0});
  dpex::array<float> y(q2, 256);
  y.copy_from(std::vector<float>(256, 1.0f));

  // About 20 ms on current GPUs.
  auto [h1, d1] =
      dpex::call_kernel_async(dpex_cuda_test::spin, dpex::range<1>(1), {},
                              std::int64_t{40000000}, done);
  auto [h2, d2] = dpex::call_kernel_async(
      dpex_cuda_test::affine, dpex::range<1>(256), {d1}, 2.0f, 0.0f, y);
  d2.wait();
  REQUIRE(d1.is_complete());
  REQUIRE(d2.profiling().start >= d1.profiling().end);
  REQUIRE(y.to_host() == std::vector<float>(256, 2.0f));
  REQUIRE(done.to_host() == std::vector<int>{1});
  dpex::wait_all({h1, h2});
}

TEST_CASE("a short launch on one queue completes while a long one runs on "
          "another",
          "[cuda][event][gpu]") {
  dpex::device gpu = firstGpu();
  dpex::queue slow(gpu), fast(gpu);
  dpex::array<int> slowDone(slow, 1), fastDone(fast, 1);
  slowDone.copy_from(std::vector<int>{0});
  fastDone.copy_from(std::vector<int>{0});

  // About 200 ms, against microseconds for the short one.
  auto [slowHost, slowDevice] =
      dpex::call_kernel_async(dpex_cuda_test::spin, dpex::range<1>(1), {},
                              std::int64_t{400000000}, slowDone);
  auto [fastHost, fastDevice] =
      dpex::call_kernel_async(dpex_cuda_test::spin, dpex::range<1>(1), {},
                              std::int64_t{1000}, fastDone);
  // The short launch's host event does not wait for the other queue's.
  fastHost.wait();
  REQUIRE_FALSE(slowDevice.is_complete());
  REQUIRE_FALSE(slowHost.is_complete());
  REQUIRE(fastDone.to_host() == std::vector<int>{1});
  slowHost.wait();
  REQUIRE(slowDone.to_host() == std::vector<int>{1});
}

// Async copies through page-locked host memory on one stream, while a long
// kernel runs on another: the chain copy in, launch, copy out completes
// before the long kernel does, with the right data.
TEST_CASE("async copies run beside a kernel on another stream",
          "[cuda][copies][gpu]") {
  dpex::device gpu = firstGpu();
  dpex::queue slow(gpu), q(gpu);
  dpex::array<int> slowDone(slow, 1);
  slowDone.copy_from(std::vector<int>{0});
  const std::size_t n = 1 << 22;
  const std::vector<float> x = iota(n, 0.5f);
  std::vector<float> out(n), expected(n);
  for (std::size_t i = 0; i < n; ++i)
    expected[i] = 2.0f * x[i] + 1.0f;
  dpex::array<float> y(q, n);

  // About 200 ms.
  auto [slowHost, slowDevice] =
      dpex::call_kernel_async(dpex_cuda_test::spin, dpex::range<1>(1), {},
                              std::int64_t{400000000}, slowDone);
  auto in = y.copy_from_async(x);
  auto launched = dpex::call_kernel_async(
      dpex_cuda_test::affine, dpex::range<1>(n), {in.second}, 2.0f, 1.0f, y);
  auto back = y.to_host_async(out, {launched.second});
  back.first.wait();
  REQUIRE_FALSE(slowDevice.is_complete());
  REQUIRE(out == expected);
  REQUIRE(in.first.is_complete());
  slowHost.wait();
  REQUIRE(slowDone.to_host() == std::vector<int>{1});
}

// Many threads launching on one queue at once: a host event completes only
// after its kernel has (the device event, as the driver reports it), and a
// launch's arrays live until then. Long and short kernels alternate, so
// completions overtake submissions in every order.
TEST_CASE("host events complete after their kernels when threads share a "
          "queue",
          "[cuda][event][gpu]") {
  dpex::device gpu = firstGpu();
  dpex::queue q(gpu);
  constexpr int Threads = 8, Launches = 300;
  std::atomic<int> early{0}, checked{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < Threads; ++t)
    threads.emplace_back([&, t] {
      dpex::array<int> own(q, 1);
      for (int i = 0; i < Launches; ++i) {
        std::int64_t cycles = (i + t) % 2 ? 200000 : 0;
        std::pair<dpex::event, dpex::event> events;
        if (i % 3 == 0) {
          dpex::array<int> temporary(q, 1);
          events = dpex::call_kernel_async(
              dpex_cuda_test::spin, dpex::range<1>(1), {}, cycles, temporary);
        } else {
          events = dpex::call_kernel_async(dpex_cuda_test::spin,
                                           dpex::range<1>(1), {}, cycles, own);
        }
        while (!events.first.is_complete())
          std::this_thread::yield();
        if (!events.second.is_complete())
          ++early;
        ++checked;
      }
    });
  for (std::thread &t : threads)
    t.join();
  q.wait();
  INFO(early.load() << " of " << checked.load()
                    << " host events completed before their kernel");
  REQUIRE(checked.load() == Threads * Launches);
  REQUIRE(early.load() == 0);
}

TEST_CASE("local accessors are offsets into dynamic shared memory",
          "[cuda][local_memory][gpu]") {
  dpex::device gpu = firstGpu();
  dpex::queue q(gpu);
  const std::size_t n = 1024, group = 64;
  std::vector<float> input = iota(n, 1.0f);
  auto expected = [&](int scale) {
    std::vector<float> out(n);
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t base = i / group * group, l = i % group;
      out[i] = input[base + group - 1 - l] + input[i] * scale + 1000.0f;
    }
    return out;
  };
  dpex::array<float> in(q, n), out(q, n);
  in.copy_from(input);

  // `a` has an odd size, so `b` starts at the next multiple of 16 bytes.
  dpex::call_kernel(dpex_cuda_test::tiles, dpex::nd_range<1>({n}, {group}), in,
                    dpex::local_memory<float>(group + 1), 3,
                    dpex::local_memory<float>(group), out);
  REQUIRE(out.to_host() == expected(3));

  // Over the default 48 KiB per block: the kernel's limit is raised.
  auto [host, device] = dpex::call_kernel_async(
      dpex_cuda_test::tiles, dpex::nd_range<1>({n}, {group}), {}, in,
      dpex::local_memory<float>(16 * 1024 + 1), -2,
      dpex::local_memory<float>(group), out);
  host.wait();
  REQUIRE(out.to_host() == expected(-2));

  dpex::error e = expectError([&] {
    dpex::call_kernel(dpex_cuda_test::tiles, dpex::nd_range<1>({n}, {group}),
                      in, dpex::local_memory<float>(1 << 20), 1,
                      dpex::local_memory<float>(group), out);
  });
  // Checked in the runtime's core against the device's limit, as on every
  // backend (docs/runtime.md), before the driver sees it.
  REQUIRE(e.code() == dpex::errc::invalid_argument);
  REQUIRE_THAT(e.what(), Contains("call_kernel(dpex_cuda_test::tiles)"));
  REQUIRE_THAT(e.what(), Contains("bytes of local memory"));
}

TEST_CASE("CUDA errors name the module, entry and driver error",
          "[cuda][error][gpu]") {
  dpex::device gpu = firstGpu();
  dpex::queue q(gpu);
  dpex::array<int> out(q, 4);

  dpex::error noPtx = expectError([&] {
    dpex::call_kernel(dpex_cuda_test::spir_only_fill, dpex::range<1>(4), 1,
                      out);
  });
  REQUIRE(noPtx.code() == dpex::errc::unsupported_image);
  REQUIRE_THAT(noPtx.what(),
               Contains("module 'spir_only.cpp' has no ptx image"));
  REQUIRE_THAT(noPtx.what(), Contains("it has: spir"));
  REQUIRE_THAT(noPtx.what(), Contains("--targets=spirv,spir,cuda"));

  dpex::array<float> floats(q, 4);
  dpex::error newer = expectError([&] {
    dpex::call_kernel(dpex_cuda_test::newer_saxpy, dpex::range<1>(4), 1.0f,
                      floats, floats);
  });
  REQUIRE(newer.code() == dpex::errc::unsupported_image);
  REQUIRE_THAT(newer.what(),
               Contains("call_kernel(dpex_cuda_test::newer_saxpy)"));
  REQUIRE_THAT(newer.what(),
               Contains("module 'newer.cpp' has no ptx image that '"));
  REQUIRE_THAT(newer.what(), Contains("its ptx images are for sm_1000"));

  auto broken = [&] {
    dpex::call_kernel(dpex_cuda_test::broken_fill, dpex::range<1>(4), 1, out);
  };
  dpex::error jit = expectError(broken);
  REQUIRE(jit.code() == dpex::errc::build_failed);
  REQUIRE_THAT(jit.what(), Contains("module 'broken.cpp' failed to build"));
  REQUIRE_THAT(jit.what(), Contains("cuModuleLoadDataEx: CUDA_ERROR_"));
  REQUIRE_THAT(jit.what(), Contains("JIT log:"));
  // Remembered, not rebuilt.
  REQUIRE(std::string(expectError(broken).what()) == jit.what());

  dpex::error missing = expectError([&] {
    dpex::call_kernel(dpex_cuda_test::missing_fill, dpex::range<1>(4), 1, out);
  });
  REQUIRE(missing.code() == dpex::errc::build_failed);
  REQUIRE_THAT(missing.what(), Contains("entry point 'dpex_test_missing'"));
  REQUIRE_THAT(missing.what(), Contains("CUDA_ERROR_NOT_FOUND"));

  dpex::error oom =
      expectError([&] { dpex::array<char> huge(q, std::size_t{1} << 50); });
  REQUIRE(oom.code() == dpex::errc::out_of_memory);
  REQUIRE_THAT(oom.what(), Contains("cuMemAlloc: CUDA_ERROR_OUT_OF_MEMORY"));
}
