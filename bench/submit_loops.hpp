// dpex's side of the submit-cost loops (bench/cuda_submit_cost.cpp,
// bench/opencl_submit_cost.cpp): async launches of the empty bench kernel,
// independent or each after the previous, drained every Batch launches as
// the dispatch section's batches are.
#pragma once

#include "bench_kernels.dpex.hpp"

#include <dpex/runtime.hpp>

#include <vector>

namespace bench {

constexpr int Batch = 256;

inline void dpexAsync(const dpex::queue &q, int launches, bool chain) {
  dpex::event previous;
  for (int i = 0; i < launches; ++i) {
    auto launched =
        dpex::call_kernel_async(q, bench::empty, dpex::range<1>(1),
                                chain ? std::vector<dpex::event>{previous}
                                      : std::vector<dpex::event>{});
    previous = launched.second;
    if ((i + 1) % Batch == 0)
      q.wait();
  }
  q.wait();
}

} // namespace bench
