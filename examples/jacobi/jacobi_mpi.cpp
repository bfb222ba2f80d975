// 2-D Jacobi over row blocks split across MPI ranks, one device per rank
// (picked by the rank's index among the ranks on its node), halo rows
// exchanged with MPI_Sendrecv after every sweep. Rank 0 gathers the grid
// and checks it bit for bit against the unsplit solve on its own device;
// every rank exits 1 if they differ.
//
//   mpirun -np N jacobi_mpi [--rows N] [--cols N] [--steps N] [--no-check]
#include "jacobi_grid.hpp"

#include <mpi.h>

namespace {

int run(int argc, char **argv, int rank, int size) {
  jacobi::Problem p = jacobi::parseArguments(argc, argv);
  if (p.blocking) {
    if (rank == 0)
      std::fprintf(stderr, "jacobi: --blocking is an option of "
                           "jacobi_multidevice; jacobi_mpi always blocks\n");
    return 2;
  }
  if (std::size_t(size) > p.rows) {
    if (rank == 0)
      std::fprintf(stderr, "jacobi: %d ranks for %zu rows\n", size, p.rows);
    return 2;
  }

  // The ranks sharing this node, numbered from 0: each takes its own device.
  MPI_Comm node;
  MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, rank, MPI_INFO_NULL,
                      &node);
  int localRank = 0;
  MPI_Comm_rank(node, &localRank);
  MPI_Comm_free(&node);
  std::vector<dpex::device> devices = jacobi::solverDevices();
  const dpex::device &device = devices[std::size_t(localRank) % devices.size()];
  dpex::queue q(device);

  jacobi::Block rows =
      jacobi::splitRows(p.rows, std::size_t(size), std::size_t(rank));
  std::printf("rank %d: rows [%zu, %zu) on %s\n", rank, rows.first,
              rows.first + rows.count, jacobi::describe(device).c_str());
  std::fflush(stdout);
  jacobi::DeviceBlock block(q, p, rows);

  const int above = rank > 0 ? rank - 1 : MPI_PROC_NULL;
  const int below = rank + 1 < size ? rank + 1 : MPI_PROC_NULL;
  const int cols = int(p.cols);
  std::vector<float> sendUp(p.cols), sendDown(p.cols), fromAbove(p.cols),
      fromBelow(p.cols);
  auto solve = [&](std::size_t steps) {
    for (std::size_t s = 0; s < steps; ++s) {
      block.sweep();
      // Blocking copies: they follow the sweep on the queue.
      block.nextFirstRow().copy_to(sendUp.data(), p.cols);
      block.nextLastRow().copy_to(sendDown.data(), p.cols);
      MPI_Sendrecv(sendUp.data(), cols, MPI_FLOAT, above, 0, fromBelow.data(),
                   cols, MPI_FLOAT, below, 0, MPI_COMM_WORLD,
                   MPI_STATUS_IGNORE);
      MPI_Sendrecv(sendDown.data(), cols, MPI_FLOAT, below, 1, fromAbove.data(),
                   cols, MPI_FLOAT, above, 1, MPI_COMM_WORLD,
                   MPI_STATUS_IGNORE);
      if (above != MPI_PROC_NULL)
        block.nextHaloAbove().copy_from(fromAbove);
      if (below != MPI_PROC_NULL)
        block.nextHaloBelow().copy_from(fromBelow);
      block.swap();
    }
    block.wait();
  };
  // A first sweep builds the program; the timing leaves it out.
  std::size_t warmup = std::min<std::size_t>(1, p.steps);
  solve(warmup);
  MPI_Barrier(MPI_COMM_WORLD);
  auto start = std::chrono::steady_clock::now();
  solve(p.steps - warmup);
  MPI_Barrier(MPI_COMM_WORLD);
  double seconds = jacobi::secondsSince(start);
  jacobi::Problem timed = p;
  timed.steps = p.steps - warmup;
  if (rank == 0 && timed.steps)
    jacobi::report("mpi", timed, std::size_t(size), seconds);

  if (!p.check)
    return 0;
  std::vector<float> mine = block.result();
  std::vector<int> counts(size), offsets(size);
  for (int r = 0; r < size; ++r) {
    jacobi::Block b =
        jacobi::splitRows(p.rows, std::size_t(size), std::size_t(r));
    counts[r] = int(b.count * p.cols);
    offsets[r] = int(b.first * p.cols);
  }
  std::vector<float> split(rank == 0 ? p.rows * p.cols : 0);
  MPI_Gatherv(mine.data(), int(mine.size()), MPI_FLOAT, split.data(),
              counts.data(), offsets.data(), MPI_FLOAT, 0, MPI_COMM_WORLD);
  int bad = 0;
  if (rank == 0) {
    std::vector<float> whole = jacobi::solveUnsplit(q, p);
    std::size_t mismatches = jacobi::countMismatches(split, whole);
    std::printf("%zux%zu, %zu steps over %d ranks: %s (%zu elements differ "
                "from the unsplit solve on %s)\n",
                p.rows, p.cols, p.steps, size,
                mismatches ? "FAILED" : "bit for bit equal", mismatches,
                jacobi::describe(device).c_str());
    bad = mismatches != 0;
  }
  MPI_Bcast(&bad, 1, MPI_INT, 0, MPI_COMM_WORLD);
  return bad;
}

} // namespace

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  int status = 0;
  try {
    status = run(argc, argv, rank, size);
  } catch (const dpex::error &e) {
    std::fprintf(stderr, "rank %d: %s\n", rank, e.what());
    // The other ranks may be waiting in a collective for this one.
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  MPI_Finalize();
  return status;
}
