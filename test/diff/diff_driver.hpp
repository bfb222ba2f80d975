// What the generated registry (test/diff/make_suite.py) describes: each
// program's kernels, their output kinds, and the host reference built from
// the same source.
#pragma once

#include <dpex/runtime/kernel_handle.hpp>

#include <cstddef>
#include <cstdint>

namespace diff {

using kernel_type =
    dpex::kernel<void(dpex::item<1>, const unsigned long *, unsigned long *)>;
using ref_fn = void (*)(int, std::size_t, const std::uint64_t *,
                        std::uint64_t *);

struct kernel_case {
  const char *name;
  const kernel_type *handle;
  const char *kinds; // one letter per output word (gen_kernels.py)
};

struct program {
  const char *name;
  const kernel_case *kernels;
  int kernel_count;
  ref_fn ref;
};

extern const program programs[];
extern const int program_count;

constexpr int in_words = 8;
constexpr int out_words = 8;

} // namespace diff
