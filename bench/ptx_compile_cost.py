#!/usr/bin/env python3
"""What the PTX images cost in compile time.

Runs dpexc over every example kernel source (examples/*/*_kernels.cpp, each
with its directory as -I, as add_dpex_kernel compiles them) in several
configurations: no PTX (--targets=spirv,spir), the default targets (PTX for
the default archs) and one PTX arch. A round compiles every source once per
configuration, configurations interleaved so that drift in the machine's
load spreads over all of them. Prints every round's total wall time per
configuration (the raw figures) and the median of each.

    bench/ptx_compile_cost.py [--dpexc build/tools/dpexc/dpexc] [--rounds 7]
"""
import argparse
import glob
import os
import statistics
import subprocess
import tempfile
import time

CONFIGS = [
    ("spirv,spir", ["--targets=spirv,spir"]),
    ("default", []),
    ("default, sm_80 only", ["--cuda-arch=sm_80"]),
]


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser()
    parser.add_argument("--dpexc", default=os.path.join(root, "build/tools/dpexc/dpexc"))
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    sources = sorted(glob.glob(os.path.join(root, "examples/*/*_kernels.cpp")))
    commit = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True, check=True).stdout.strip()
    print(f"# dpexc over {len(sources)} example kernel sources, commit {commit}, "
          f"{os.cpu_count()} CPUs, load average at start "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("# " + " ".join(os.path.relpath(s, root) for s in sources))
    times = {name: [] for name, _ in CONFIGS}
    with tempfile.TemporaryDirectory() as out:
        for round_ in range(args.rounds):
            for name, flags in CONFIGS:
                start = time.perf_counter()
                for src in sources:
                    stem = os.path.splitext(os.path.basename(src))[0]
                    subprocess.run([args.dpexc, src, "-I", os.path.dirname(src),
                                    "-o", os.path.join(out, stem)] + flags, check=True)
                seconds = time.perf_counter() - start
                times[name].append(seconds)
                print(f"round {round_ + 1} {name}: {seconds:.3f} s", flush=True)
    print(f"# load average at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    base = statistics.median(times[CONFIGS[0][0]])
    for name, _ in CONFIGS:
        median = statistics.median(times[name])
        print(f"median {name}: {median:.3f} s ({median / base:.2f}x)")


if __name__ == "__main__":
    main()
