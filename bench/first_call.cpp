// The first call through dpex: one fresh process per sample, from process
// start to the first verified result of a one-kernel module (saxpy, n =
// 1024). bench/first_call.py runs it with a cold and a warm program cache
// against bench/first_call_raw.cpp, the driver's floor.
//
//   dpex_first_call run T0        one sample; T0 is CLOCK_MONOTONIC in ns,
//                                 read by the caller just before it started
//                                 this process
//   dpex_first_call image FORMAT FILE
//                                 writes the module's FORMAT image (spirv,
//                                 spir, ptx: the highest arch, cubin) to FILE
//                                 and prints the kernel's entry point, for
//                                 the raw program's setup
//
// `run` prints one JSON object: milliseconds since T0 at each step
// ("main", "device": platform enumeration and the device choice, "queue":
// the context and queue, "arrays": allocation and upload, "launched": the
// first call_kernel returned, "result": copied back and checked) and
// "first_launch_ms", the module load and first launch alone (the first
// call_kernel, the context already made), as bench/first_launch.cpp does.
#include "first_call_common.hpp"
#include "first_call_kernels.dpex.hpp"

#include <dpex/runtime.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using first_call::kA;
using first_call::kN;
using first_call::monotonicNs;

int run(std::int64_t t0) {
  auto since = [t0](std::int64_t t) { return double(t - t0) / 1e6; };
  std::int64_t tMain = monotonicNs();
  dpex::device device = dpex::default_device();
  std::int64_t tDevice = monotonicNs();
  dpex::queue q(device);
  std::int64_t tQueue = monotonicNs();

  std::vector<float> hx(kN), hy(kN);
  for (std::size_t i = 0; i < kN; ++i) {
    hx[i] = float(i);
    hy[i] = float(kN - i);
  }
  dpex::array<float> x(q, kN), y(q, kN);
  x.copy_from(hx);
  y.copy_from(hy);
  std::int64_t tArrays = monotonicNs();
  dpex::call_kernel(q, first_call::saxpy, dpex::range<1>(kN), kA, x, y);
  std::int64_t tLaunched = monotonicNs();
  std::vector<float> out = y.to_host();
  for (std::size_t i = 0; i < kN; ++i)
    if (out[i] != kA * hx[i] + hy[i])
      throw std::runtime_error("saxpy differs from the host at " +
                               std::to_string(i));
  std::int64_t tResult = monotonicNs();

  std::printf("{\"main\": %.3f, \"device\": %.3f, \"queue\": %.3f, "
              "\"arrays\": %.3f, \"launched\": %.3f, \"result\": %.3f, "
              "\"first_launch_ms\": %.3f, \"device_name\": \"%s\"}\n",
              since(tMain), since(tDevice), since(tQueue), since(tArrays),
              since(tLaunched), since(tResult),
              double(tLaunched - tArrays) / 1e6, device.name().c_str());
  return 0;
}

int image(const std::string &format, const std::string &path) {
  const dpex::detail::kernel_desc &desc = first_call::saxpy.desc();
  const dpex::detail::module_desc &module = *desc.module;
  const dpex::detail::device_image *chosen = nullptr;
  for (std::size_t i = 0; i < module.num_images; ++i) {
    const dpex::detail::device_image &img = module.images[i];
    if (format != dpex::detail::image_format_name(img.format))
      continue;
    if (!chosen || img.cuda_arch > chosen->cuda_arch)
      chosen = &img;
  }
  if (!chosen)
    throw std::runtime_error("the module has no " + format + " image");
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char *>(chosen->data),
            std::streamsize(chosen->size));
  if (!out)
    throw std::runtime_error("cannot write " + path);
  std::printf("%s\n", desc.entry);
  return 0;
}

} // namespace

int main(int argc, char **argv) try {
  if (argc == 3 && std::strcmp(argv[1], "run") == 0)
    return run(std::strtoll(argv[2], nullptr, 10));
  if (argc == 4 && std::strcmp(argv[1], "image") == 0)
    return image(argv[2], argv[3]);
  std::fprintf(stderr, "usage: %s run T0 | image FORMAT FILE\n", argv[0]);
  return 2;
} catch (const std::exception &e) {
  std::fprintf(stderr, "%s: %s\n", argv[0], e.what());
  return 1;
}
