#!/usr/bin/env python3
"""Renders docs/math-accuracy.md from bench/results/math-ulp-*.tsv (rows of
device, type, function, largest error in ulp), written by the e2e math
suites with DPEX_MATH_ULP_REPORT set (bench/math-accuracy.sh)."""
import argparse
import collections
import glob
import os

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "results")


def load(mode):
    """{(type, function): {device: ulp}} over every file of `mode`."""
    table = collections.OrderedDict()
    devices = []
    for path in sorted(glob.glob(os.path.join(RESULTS, f"math-ulp-{mode}*.tsv"))):
        for line in open(path):
            device, type_, function, ulp = line.rstrip("\n").split("\t")
            device = short(device)
            if device not in devices:
                devices.append(device)
            cell = table.setdefault((type_, function), {})
            cell[device] = max(cell.get(device, 0.0), float(ulp))
    return table, devices


def short(device):
    if device.startswith("pthread"):
        return "PoCL"
    if "Intel" in device or "intel" in device or device.startswith("AMD EPYC"):
        return "Intel CPU runtime"
    return device


def fmt(ulp):
    if ulp >= 1e6:
        return f"{ulp:.1e}"
    return f"{ulp:.1f}" if ulp < 100 else f"{ulp:.0f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--commit", default="unknown")
    args = parser.parse_args()
    default, devices = load("default")
    fast, fast_devices = load("fast-math")
    for d in fast_devices:
        if d not in devices:
            devices.append(d)
    print("# Math accuracy, by default and under `-ffast-math`\n")
    print("Each function of the kernel language's math (docs/kernel-language.md)")
    print("over the inputs of the e2e math suite (`test/e2e/MathKernelsTest.cpp`:")
    print("4096 points; x in (0.02, 0.98), y in [0.5, 2], z in [-1, 1]; `floor`,")
    print("`ceil`, `trunc`, `round` of 10z, `fmod(10y, x)`), launched on each")
    print("device; the largest error in units in the last place of the result")
    print("type, against the host's `<cmath>` in double precision. `default`: the")
    print("kernels built as dpexc builds them; `fast`: with `-ffast-math`.")
    print("`isnan` and `isinf` are left out under `-ffast-math`, which assumes")
    print("neither NaN nor infinity (they fold to false, as in clang).\n")
    print(f"Measured at {args.commit} with `bench/math-accuracy.sh` (CPU devices)")
    print("and the same test binaries on the GPU (`scripts/gpu-check.sh`).")
    print("The e2e tests hold every function to a relative error of 4e-6 (float)")
    print("and 1e-13 (double) by default, 1e-4 and 1e-12 under `-ffast-math`.\n")
    for type_ in ("float", "double"):
        print(f"## {type_}\n")
        header = "| function | " + " | ".join(
            f"{d} default | {d} fast" for d in devices) + " |"
        print(header)
        print("|" + "---|" * (1 + 2 * len(devices)))
        for (t, function), cells in default.items():
            if t != type_:
                continue
            row = [function]
            for d in devices:
                row.append(fmt(cells[d]) if d in cells else "–")
                f = fast.get((t, function), {})
                row.append(fmt(f[d]) if d in f else "–")
            print("| " + " | ".join(row) + " |")
        print()


if __name__ == "__main__":
    main()
