// Runs every kernel of the generated programs on the default device and
// compares each output word with the host reference computed from the same
// source (test/diff/gen_kernels.py). Exit status 0 when everything matches,
// 1 on any mismatch or device error.
//
//   diff_driver [--items N] [--program NAME]
#include "diff_driver.hpp"

#include <dpex/runtime.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

namespace {

std::uint64_t splitmix(std::uint64_t &state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Random words with the edge values of every width mixed in.
std::vector<std::uint64_t> make_input(const char *name, std::size_t words) {
  std::uint64_t state = 0;
  for (const char *c = name; *c; ++c)
    state = state * 131 + static_cast<unsigned char>(*c);
  static const std::uint64_t edges[] = {0,
                                        1,
                                        ~0ULL,
                                        0x7fULL,
                                        0x80ULL,
                                        0x7fffULL,
                                        0x8000ULL,
                                        0x7fffffffULL,
                                        0x80000000ULL,
                                        0x7fffffffffffffffULL,
                                        0x8000000000000000ULL,
                                        0xffffffffULL};
  std::vector<std::uint64_t> in(words);
  for (std::uint64_t &w : in) {
    std::uint64_t r = splitmix(state);
    if (r % 8 == 0)
      w = edges[(r >> 8) % (sizeof(edges) / sizeof(edges[0]))];
    else if (r % 8 == 1)
      w = (r >> 16) % 17;
    else
      w = splitmix(state);
  }
  return in;
}

bool same(char kind, std::uint64_t want, std::uint64_t got) {
  if (want == got)
    return true;
  if (kind == 'F' || kind == 'f') {
    float a, b;
    std::uint32_t wa = static_cast<std::uint32_t>(want),
                  gb = static_cast<std::uint32_t>(got);
    std::memcpy(&a, &wa, 4);
    std::memcpy(&b, &gb, 4);
    if (std::isnan(a) && std::isnan(b))
      return (want >> 32) == 0 && (got >> 32) == 0;
    if (kind == 'F' || std::isinf(a) || std::isinf(b) || std::isnan(a) ||
        std::isnan(b))
      return false;
    return std::fabs(a - b) <=
           1e-5f * std::fmax(std::fabs(a), std::fabs(b)) + 1e-37f;
  }
  if (kind == 'D' || kind == 'd') {
    double a, b;
    std::memcpy(&a, &want, 8);
    std::memcpy(&b, &got, 8);
    if (std::isnan(a) && std::isnan(b))
      return true;
    if (kind == 'D' || std::isinf(a) || std::isinf(b) || std::isnan(a) ||
        std::isnan(b))
      return false;
    return std::fabs(a - b) <=
           1e-12 * std::fmax(std::fabs(a), std::fabs(b)) + 1e-300;
  }
  return false;
}

} // namespace

int main(int argc, char **argv) {
  std::size_t items = 67; // not a multiple of any work-group size
  const char *only = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--items") && i + 1 < argc)
      items = std::strtoul(argv[++i], nullptr, 10);
    else if (!std::strcmp(argv[i], "--program") && i + 1 < argc)
      only = argv[++i];
    else {
      std::fprintf(stderr, "usage: %s [--items N] [--program NAME]\n", argv[0]);
      return 2;
    }
  }
  const std::uint64_t sentinel = 0xa5a5a5a5a5a5a5a5ULL;
  int kernels = 0, failed = 0;
  try {
    dpex::queue q;
    std::printf("device: %s\n", q.get_device().name().c_str());
    for (int p = 0; p < diff::program_count; ++p) {
      const diff::program &prog = diff::programs[p];
      if (only && std::strcmp(only, prog.name) != 0)
        continue;
      std::vector<std::uint64_t> in =
          make_input(prog.name, items * diff::in_words);
      dpex::array<unsigned long> din(q, in.size());
      din.copy_from(reinterpret_cast<const unsigned long *>(in.data()),
                    in.size());
      for (int k = 0; k < prog.kernel_count; ++k) {
        const diff::kernel_case &kc = prog.kernels[k];
        ++kernels;
        std::vector<std::uint64_t> want(items * diff::out_words, sentinel);
        prog.ref(k, items, in.data(), want.data());
        std::vector<unsigned long> init(want.size(), sentinel);
        dpex::array<unsigned long> dout(q, init.size());
        dout.copy_from(init);
        int bad = 0;
        try {
          dpex::call_kernel(*kc.handle, dpex::range<1>(items), din, dout);
          std::vector<unsigned long> got = dout.to_host();
          for (std::size_t i = 0; i < want.size(); ++i) {
            char kind = kc.kinds[i % diff::out_words];
            if (same(kind, want[i], got[i]))
              continue;
            if (++bad <= 4)
              std::printf("MISMATCH %s item %zu word %zu (%c): host "
                          "0x%016llx device 0x%016llx\n",
                          kc.name, i / diff::out_words, i % diff::out_words,
                          kind, static_cast<unsigned long long>(want[i]),
                          static_cast<unsigned long long>(got[i]));
          }
        } catch (const std::exception &e) {
          std::printf("ERROR %s: %s\n", kc.name, e.what());
          bad = 1;
        }
        if (bad)
          ++failed;
      }
    }
  } catch (const std::exception &e) {
    std::printf("ERROR: %s\n", e.what());
    return 1;
  }
  std::printf("%d kernels, %d mismatching\n", kernels, failed);
  if (kernels == 0)
    return 1;
  return failed ? 1 : 0;
}
