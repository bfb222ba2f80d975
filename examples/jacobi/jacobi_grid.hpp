// What the Jacobi solvers share: the problem and its initial grid, its split
// into row blocks, a block's arrays on a device, the unsplit solve every
// split one is checked against bit for bit, and the command line.
#pragma once

#include "jacobi_kernels.dpex.hpp"

#include <dpex/runtime.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace jacobi {

struct Problem {
  std::size_t rows = 256, cols = 256, steps = 200;
  // Blocks (ranks or devices); 0 = one per device.
  std::size_t parts = 0;
  // Skip the unsplit solve and the comparison (for timing large grids).
  bool check = true;
  // jacobi_multidevice: exchange halos with blocking copies after whole
  // sweeps instead of overlapping them with the interior sweeps.
  bool blocking = false;
};

inline void usage(const char *program) {
  std::fprintf(stderr,
               "usage: %s [--rows N] [--cols N] [--steps N] [--parts N] "
               "[--no-check] [--blocking]\n",
               program);
  std::exit(2);
}

inline Problem parseArguments(int argc, char **argv) {
  Problem p;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto number = [&]() -> std::size_t {
      if (i + 1 >= argc)
        usage(argv[0]);
      return std::strtoull(argv[++i], nullptr, 10);
    };
    if (arg == "--rows")
      p.rows = number();
    else if (arg == "--cols")
      p.cols = number();
    else if (arg == "--steps")
      p.steps = number();
    else if (arg == "--parts")
      p.parts = number();
    else if (arg == "--no-check")
      p.check = false;
    else if (arg == "--blocking")
      p.blocking = true;
    else
      usage(argv[0]);
  }
  if (p.rows < 3 || p.cols < 3)
    usage(argv[0]);
  return p;
}

// A hot top edge, a graded left edge and a ragged interior, so that every
// halo row carries distinct values. Every value stays within [1, 101],
// never near a denormal, whose handling differs between devices.
inline float initialValue(const Problem &p, std::size_t i, std::size_t j) {
  if (i == 0)
    return 101.0f;
  if (j == 0)
    return 1.0f + 100.0f * float(p.rows - 1 - i) / float(p.rows - 1);
  return 1.0f + float((i * 7 + j * 13) % 17);
}

// Rows [first, first + count) of the grid.
struct Block {
  std::size_t first = 0, count = 0;
};

// Part `part` of `parts` blocks of near-equal size.
inline Block splitRows(std::size_t rows, std::size_t parts, std::size_t part) {
  std::size_t base = rows / parts, extra = rows % parts;
  return {part * base + std::min(part, extra), base + (part < extra ? 1 : 0)};
}

// A block on a device: two grids of count + 2 rows (a halo row above and
// below), swept from one into the other.
class DeviceBlock {
public:
  DeviceBlock(const dpex::queue &q, const Problem &p, Block rows)
      : p_(p), rows_(rows), cur_(q, (rows.count + 2) * p.cols),
        next_(q, (rows.count + 2) * p.cols) {
    // Halo rows start as the neighbours' initial rows, where they exist.
    std::vector<float> init((rows.count + 2) * p.cols, 0.0f);
    for (std::size_t r = 0; r < rows.count + 2; ++r) {
      std::size_t row = rows.first + r; // global row + 1
      if (row == 0 || row > p.rows)
        continue;
      for (std::size_t j = 0; j < p.cols; ++j)
        init[r * p.cols + j] = initialValue(p, row - 1, j);
    }
    cur_.copy_from(init);
    next_.copy_from(init);
  }

  // One sweep from the current grid into the next, submitted and not
  // waited for.
  void sweep() { sweepRows(rows_.count, 1, false, {}); }

  // The overlapped step sweeps a block in two parts. First its boundary
  // rows (its first and last), the only ones the neighbours need, after
  // `deps`; returns the device event of the sweep's end.
  dpex::event sweepBoundary(const std::vector<dpex::event> &deps) {
    return rows_.count > 1 ? sweepRows(2, rows_.count - 1, false, deps)
                           : sweepRows(1, 1, false, deps);
  }
  // Then the rows between them, which read no halo row.
  void sweepInterior() {
    if (rows_.count > 2)
      sweepRows(rows_.count, 1, true, {});
  }
  // The next grid becomes the current one.
  void swap() { std::swap(cur_, next_); }

  // Rows of the next grid, for the halo exchange after a sweep.
  dpex::array<float> nextFirstRow() const {
    return next_.slice(p_.cols, p_.cols);
  }
  dpex::array<float> nextLastRow() const {
    return next_.slice(rows_.count * p_.cols, p_.cols);
  }
  dpex::array<float> nextHaloAbove() const { return next_.slice(0, p_.cols); }
  dpex::array<float> nextHaloBelow() const {
    return next_.slice((rows_.count + 1) * p_.cols, p_.cols);
  }
  // The block's own rows of the current grid.
  std::vector<float> result() const {
    return cur_.slice(p_.cols, rows_.count * p_.cols).to_host();
  }
  const Block &rows() const { return rows_; }
  void wait() const { cur_.get_queue().wait(); }

private:
  // Sweeps `count` local rows `stride` apart from the first, after `deps`;
  // all but the first and last if `interior`.
  dpex::event sweepRows(std::size_t count, std::size_t stride, bool interior,
                        const std::vector<dpex::event> &deps) {
    return dpex::call_kernel_async(
               jacobi::sweep, dpex::range<2>(count, p_.cols), deps, cur_, next_,
               static_cast<unsigned long long>(rows_.first),
               static_cast<unsigned long long>(p_.rows),
               static_cast<unsigned long long>(stride), interior)
        .second;
  }

  const Problem &p_;
  Block rows_;
  dpex::array<float> cur_, next_;
};

// The whole grid as one block on `q`: what a split solve must equal.
inline std::vector<float> solveUnsplit(const dpex::queue &q, const Problem &p) {
  DeviceBlock all(q, p, {0, p.rows});
  for (std::size_t s = 0; s < p.steps; ++s) {
    all.sweep();
    all.swap();
  }
  return all.result();
}

// Elements whose bits differ.
inline std::size_t countMismatches(const std::vector<float> &a,
                                   const std::vector<float> &b) {
  if (a.size() != b.size())
    return std::max(a.size(), b.size());
  std::size_t bad = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    bad += std::memcmp(&a[i], &b[i], sizeof(float)) != 0;
  return bad;
}

// The devices the solvers spread over: the CUDA GPUs if there are any, else
// the OpenCL GPUs, else all devices (the CPU runtimes). One backend's GPUs
// only: another backend may list the same GPUs again (PoCL's CUDA driver
// does). With DPEX_DEVICE set, only the device it selects.
inline std::vector<dpex::device> solverDevices() {
  if (std::getenv("DPEX_DEVICE"))
    return {dpex::default_device()};
  std::vector<dpex::device> all = dpex::devices();
  for (dpex::backend b : {dpex::backend::cuda, dpex::backend::opencl}) {
    std::vector<dpex::device> gpus;
    for (const dpex::device &d : all)
      if (d.backend() == b && d.type() == dpex::device_type::gpu)
        gpus.push_back(d);
    if (!gpus.empty())
      return gpus;
  }
  return all;
}

inline std::string describe(const dpex::device &d) {
  return d.name() + " (" + dpex::to_string(d.backend()) + ")";
}

inline double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

// One line a script can parse: the run's shape and its time.
inline void report(const char *solver, const Problem &p, std::size_t parts,
                   double seconds) {
  double updates = double(p.rows) * double(p.cols) * double(p.steps);
  std::printf("jacobi %s: parts=%zu rows=%zu cols=%zu steps=%zu "
              "seconds=%.6f mlups=%.1f\n",
              solver, parts, p.rows, p.cols, p.steps, seconds,
              updates / seconds / 1e6);
}

} // namespace jacobi
