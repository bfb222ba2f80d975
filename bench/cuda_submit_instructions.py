#!/usr/bin/env python3
"""Instructions per CUDA launch, dpex against the raw driver, counted by
callgrind on the simulated driver (test/sim/cuda), whose calls do the same
work for both: the difference is dpex's own cost. Counts do not depend on the
machine's load, unlike times.

  bench/cuda_submit_instructions.py BUILD_DIR [MODE...]

Runs dpex_cuda_submit_cost (bench/cuda_submit_cost.cpp) of each mode with
two numbers of launches; a launch costs the difference over the difference
in launches, so that start-up and first-use costs cancel. Prints the
submitting thread's instructions (the one whose count grew most) and those
of all threads (the simulation's stream workers and dpex's sweeper too).
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

MODES = ["raw-async", "async", "raw-chain", "chain", "raw-sync", "sync",
         "async-own-thread"]
FEW, MANY = 1024, 5120


def thread_counts(build, mode, launches, workdir):
    env = dict(os.environ,
               LD_LIBRARY_PATH=os.path.join(build, "test/sim/cuda/driver"),
               DPEX_DEVICE="cuda:0", DPEX_CACHE="off")
    env.pop("DPEX_TRACE", None)
    out = os.path.join(workdir, f"{mode}.{launches}")
    subprocess.run(["valgrind", "--tool=callgrind", "--separate-threads=yes",
                    f"--callgrind-out-file={out}.%p",
                    os.path.join(build, "bench/dpex_cuda_submit_cost"), mode,
                    str(launches)],
                   env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    counts = {}
    for path in glob.glob(out + ".*-*"):
        thread = int(path.rsplit("-", 1)[1])
        with open(path) as f:
            total = re.search(r"^totals: (\d+)", f.read(), re.M)
        counts[thread] = int(total.group(1))
    return counts


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build = sys.argv[1]
    modes = sys.argv[2:] or MODES
    print(f"{'mode':18} {'submitting thread':>18} {'all threads':>12}"
          "   (instructions per launch)")
    with tempfile.TemporaryDirectory() as workdir:
        for mode in modes:
            few = thread_counts(build, mode, FEW, workdir)
            many = thread_counts(build, mode, MANY, workdir)
            deltas = [many.get(t, 0) - few.get(t, 0)
                      for t in set(few) | set(many)]
            n = MANY - FEW
            print(f"{mode:18} {max(deltas) / n:18.0f} {sum(deltas) / n:12.0f}")


if __name__ == "__main__":
    main()
