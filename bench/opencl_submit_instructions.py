#!/usr/bin/env python3
"""dpex's own CPU cost per OpenCL launch, against the raw driver loop: the
instructions executed outside the driver, counted by callgrind, and those
inside it. Instruction counts do not depend on the machine's load, unlike
times.

  bench/opencl_submit_instructions.py BUILD_DIR DEVICE [MODE...]

DEVICE as DPEX_DEVICE takes it (opencl:pocl, opencl:intel). Runs
dpex_opencl_submit_cost (bench/opencl_submit_cost.cpp) of each mode, once,
counting only inside its measured loop (after a warm-up, which ends with
everything retired) and, on dpex's completion sweeper thread, inside its
passes (LaunchRecords::sweep): under callgrind, where the program runs
tens of times slower, the sweeper finds the pauses in submits that it
waits for and retires most launches on its own thread. The driver's own
threads are left out. Printed per launch: the instructions outside calls of driver
entry points (functions named cl*), and those inside them.
"""
import glob
import os
import subprocess
import sys
import tempfile

from cuda_submit_instructions import split_costs

MODES = ["raw-async", "async", "raw-chain", "chain", "raw-sync", "sync"]
# Ten batches of 256: async counts vary by a little with what the status
# queries find complete.
LAUNCHES = 2560
SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "opencl", "bench_kernels.cl")


def run(build, device, mode, launches, workdir):
    """Instructions outside and inside the driver's entry points in the
    measured loop of one run."""
    env = dict(os.environ, DPEX_DEVICE=device)
    env.pop("DPEX_TRACE", None)
    out = tempfile.mkdtemp(dir=workdir) + "/callgrind"
    subprocess.run(
        ["valgrind", "--tool=callgrind", "--separate-threads=yes",
         "--compress-strings=yes", "--collect-atstart=no",
         "--toggle-collect=*measuredLoop*",
         "--toggle-collect=*LaunchRecords::sweep*", f"--callgrind-out-file={out}",
         os.path.join(build, "bench/dpex_opencl_submit_cost"), SOURCE, mode,
         str(launches)],
        env=env, check=True, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    own = driver = 0
    for path in glob.glob(out + "-*"):
        total, inside = split_costs(path, prefix="cl")
        own += total - inside
        driver += inside
    return own, driver


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    build, device = sys.argv[1], sys.argv[2]
    modes = sys.argv[3:] or MODES
    print(f"{device}, per launch ({LAUNCHES} launches): instructions outside "
          "the driver, inside it")
    with tempfile.TemporaryDirectory() as workdir:
        for mode in modes:
            own, driver = run(build, device, mode, LAUNCHES, workdir)
            print(f"{mode:10} {own / LAUNCHES:6.0f} {driver / LAUNCHES:7.0f}",
                  flush=True)


if __name__ == "__main__":
    main()
