// 2-D Jacobi over row blocks in one process: one block per device (a queue
// each), halo rows exchanged after every sweep. The result must equal the
// unsplit solve's bit for bit; exits 1 otherwise.
//
//   jacobi_multidevice [--rows N] [--cols N] [--steps N] [--parts N]
//   [--no-check] [--blocking]
//
// --parts defaults to one block per device (see solverDevices); more parts
// than devices put several blocks on a device, each on its own queue.
// By default a step overlaps the halo exchange with the interior sweep
// (copy_to_async); --blocking sweeps whole blocks, then exchanges with the
// blocking copy_to.
#include "jacobi_grid.hpp"

int main(int argc, char **argv) try {
  jacobi::Problem p = jacobi::parseArguments(argc, argv);
  std::vector<dpex::device> devices = jacobi::solverDevices();
  std::size_t parts = p.parts ? p.parts : devices.size();
  if (parts > p.rows) {
    std::fprintf(stderr, "jacobi: %zu parts for %zu rows\n", parts, p.rows);
    return 2;
  }

  std::vector<jacobi::DeviceBlock> blocks;
  blocks.reserve(parts);
  for (std::size_t r = 0; r < parts; ++r) {
    const dpex::device &d = devices[r % devices.size()];
    jacobi::Block rows = jacobi::splitRows(p.rows, parts, r);
    std::printf("block %zu: rows [%zu, %zu) on %s\n", r, rows.first,
                rows.first + rows.count, jacobi::describe(d).c_str());
    blocks.emplace_back(dpex::queue(d), p, rows);
  }

  // Whole sweeps, then blocking copies: each copy_to waits for the sweeps
  // of the two blocks it connects, and the host for the copy.
  auto blockingStep = [&] {
    for (jacobi::DeviceBlock &b : blocks)
      b.sweep();
    for (std::size_t r = 0; r + 1 < parts; ++r) {
      blocks[r].nextLastRow().copy_to(blocks[r + 1].nextHaloAbove());
      blocks[r + 1].nextFirstRow().copy_to(blocks[r].nextHaloBelow());
    }
  };

  // The boundary rows first, then the halo copies to the neighbours, then
  // the interior rows while the copies run. The order of submission
  // matters: a copy_to_async follows the work already on its source's
  // queue, so an interior sweep submitted before it would delay it.
  // incoming[r]: the copies of the step before into block r's halo rows,
  // which its boundary sweep reads. outgoing[t % 2][r]: the copies of step
  // t out of block r's boundary rows; the two grids alternate, so the
  // boundary sweep of step t + 2 overwrites those rows.
  std::vector<std::vector<dpex::event>> incoming(parts);
  std::vector<std::vector<dpex::event>> outgoing[2] = {
      std::vector<std::vector<dpex::event>>(parts),
      std::vector<std::vector<dpex::event>>(parts)};
  std::vector<dpex::event> boundary(parts);
  std::size_t step = 0;
  auto overlappedStep = [&] {
    std::vector<std::vector<dpex::event>> &copies = outgoing[step++ % 2];
    for (std::size_t r = 0; r < parts; ++r) {
      std::vector<dpex::event> deps = incoming[r];
      deps.insert(deps.end(), copies[r].begin(), copies[r].end());
      boundary[r] = blocks[r].sweepBoundary(deps);
      incoming[r].clear();
      copies[r].clear();
    }
    for (std::size_t r = 0; r + 1 < parts; ++r) {
      dpex::event down =
          blocks[r]
              .nextLastRow()
              .copy_to_async(blocks[r + 1].nextHaloAbove(), {boundary[r]})
              .second;
      dpex::event up =
          blocks[r + 1]
              .nextFirstRow()
              .copy_to_async(blocks[r].nextHaloBelow(), {boundary[r + 1]})
              .second;
      incoming[r + 1].push_back(down);
      copies[r].push_back(down);
      incoming[r].push_back(up);
      copies[r + 1].push_back(up);
    }
    for (jacobi::DeviceBlock &b : blocks)
      b.sweepInterior();
  };

  // A first sweep builds each device's program; the timing leaves it out.
  auto solve = [&](std::size_t steps) {
    for (std::size_t s = 0; s < steps; ++s) {
      if (p.blocking)
        blockingStep();
      else
        overlappedStep();
      for (jacobi::DeviceBlock &b : blocks)
        b.swap();
    }
    for (const jacobi::DeviceBlock &b : blocks)
      b.wait();
  };
  std::size_t warmup = std::min<std::size_t>(1, p.steps);
  solve(warmup);
  auto start = std::chrono::steady_clock::now();
  solve(p.steps - warmup);
  double seconds = jacobi::secondsSince(start);
  jacobi::Problem timed = p;
  timed.steps = p.steps - warmup;
  if (timed.steps)
    jacobi::report(p.blocking ? "multidevice-blocking" : "multidevice", timed,
                   parts, seconds);

  if (!p.check)
    return 0;
  std::vector<float> split;
  for (const jacobi::DeviceBlock &b : blocks) {
    std::vector<float> part = b.result();
    split.insert(split.end(), part.begin(), part.end());
  }
  std::vector<float> whole = jacobi::solveUnsplit(dpex::queue(devices[0]), p);
  std::size_t bad = jacobi::countMismatches(split, whole);
  std::printf("%zux%zu, %zu steps over %zu blocks (%s halo exchange): %s "
              "(%zu elements differ from the unsplit solve on %s)\n",
              p.rows, p.cols, p.steps, parts,
              p.blocking ? "blocking" : "overlapped",
              bad ? "FAILED" : "bit for bit equal", bad,
              jacobi::describe(devices[0]).c_str());
  return bad ? 1 : 0;
} catch (const dpex::error &e) {
  std::fprintf(stderr, "%s\n", e.what());
  return 1;
}
