#!/usr/bin/env python3
"""dpex's own CPU cost per CUDA launch, against the raw driver loop: the
instructions executed outside the driver, counted by callgrind, and the
driver calls made, on the simulated driver (test/sim/cuda). Instruction
counts do not depend on the machine's load, unlike times.

  bench/cuda_submit_instructions.py BUILD_DIR [MODE...]

Runs dpex_cuda_submit_cost (bench/cuda_submit_cost.cpp) of each mode with
two numbers of launches (the median of a few runs each); a launch costs the difference over the difference
in launches, so that start-up and first-use costs cancel. What runs inside
a call of a driver entry point (a function named cu*) is left out: its cost
is the real driver's, not the simulation's. Printed per launch: the instructions of the
threads that call the driver (the submitting thread and dpex's completion
sweeper, which retires launches on its own after a pause; not the
simulation's stream workers), and the driver calls of each entry point, as
the simulation counted them.
"""
import glob
import statistics
import os
import re
import subprocess
import sys
import tempfile

MODES = ["raw-async", "async", "raw-chain", "chain", "raw-sync", "sync",
         "async-own-thread"]
FEW, MANY = 1024, 5120
# Async launches vary from run to run with what the sweeper retires and how
# often it wakes: each count is the median of several runs.
REPEATS = 3


def split_costs(path, prefix="cu"):
    """A thread's instructions from callgrind's output at `path`: in all,
    and inside calls of driver entry points (functions named `prefix`*)
    from outside them."""
    names = {}
    total = inside = 0
    caller = callee = None
    pending = False
    with open(path) as f:
        for line in f:
            if line.startswith(("fn=", "cfn=")):
                key, _, spec = line.rstrip("\n").partition("=")
                m = re.match(r"\((\d+)\)(?: (.*))?", spec)
                name = m.group(2) if m.group(2) is not None else names[m.group(1)]
                names[m.group(1)] = name
                if key == "fn":
                    caller = name
                else:
                    callee = name
            elif line.startswith("calls="):
                pending = True
            elif pending:
                # The call's inclusive cost: the line after calls=.
                pending = False
                if callee.startswith(prefix) and not caller.startswith(prefix):
                    inside += int(line.split()[-1])
            elif line.startswith("totals:"):
                total = int(line.split()[1])
    return total, inside


def run(build, mode, launches, workdir):
    """The instructions of the threads that call the driver (the submitting
    thread, dpex's completion sweeper) outside the driver's entry points,
    and the driver calls, in one run of `mode`."""
    env = dict(os.environ,
               LD_LIBRARY_PATH=os.path.join(build, "test/sim/cuda/driver"),
               DPEX_DEVICE="cuda:0", DPEX_CACHE="off")
    env.pop("DPEX_TRACE", None)
    out = tempfile.mkdtemp(dir=workdir) + "/callgrind"
    printed = subprocess.run(
        ["valgrind", "--tool=callgrind", "--separate-threads=yes",
         "--compress-strings=yes", f"--callgrind-out-file={out}.%p",
         os.path.join(build, "bench/dpex_cuda_submit_cost"), mode,
         str(launches)],
        env=env, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True).stdout
    own = 0
    for path in glob.glob(out + ".*-*"):
        total, inside = split_costs(path)
        # The simulation's stream workers call no entry point.
        if inside:
            own += total - inside
    calls = {m.group(1): int(m.group(2))
             for m in re.finditer(r"^calls (\w+) (\d+)$", printed, re.M)}
    return own, calls


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build = sys.argv[1]
    modes = sys.argv[2:] or MODES
    n = MANY - FEW
    print(f"per launch ({n} launches): instructions outside the driver; "
          "driver calls")
    with tempfile.TemporaryDirectory() as workdir:
        for mode in modes:
            few = [run(build, mode, FEW, workdir) for _ in range(REPEATS)]
            many = [run(build, mode, MANY, workdir) for _ in range(REPEATS)]
            few_own = statistics.median(own for own, _ in few)
            many_own = statistics.median(own for own, _ in many)
            few_calls, many_calls = few[0][1], many[0][1]
            calls = ", ".join(
                f"{entry} {(count - few_calls.get(entry, 0)) / n:.2f}"
                for entry, count in many_calls.items()
                if count != few_calls.get(entry, 0))
            print(f"{mode:17} {(many_own - few_own) / n:6.0f}   {calls}")


if __name__ == "__main__":
    main()
