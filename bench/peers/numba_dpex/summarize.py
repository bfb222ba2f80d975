#!/usr/bin/env python3
"""Turns the rounds of bench/peers/numba_dpex/run.sh into
bench/results/numba-dpex.{json,md,png}.

usage: summarize.py --runs DIR --outputs DIR --meta KEY=VALUE... --out-prefix P

DIR holds first-call-<side>.jsonl and steady-<side>.jsonl (one JSON object
per process); --outputs holds <side>/<kernel>.f32 from the last steady
round of each side. Each figure is the median over that side's processes
(each process reports medians of its own repetitions).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

import numpy as np

SIDES = ("dpex", "numba_dpex")

# (key, label, unit, scale from the reported unit); a key "a|b" reads a
# from dpex and b from numba_dpex.
ROWS = [
    ("queue_s", "process start to queue ready (numba_dpex: with imports)",
     "s", 1),
    ("first_triad_s", "first call: triad, n = 1024, in a fresh process", "s",
     1),
    ("first_all_s", "first calls of all five kernels, one after the other",
     "s", 1),
    ("second_triad_s", "second call: triad, n = 1024", "ms", 1e3),
    ("sync_us", "sync dispatch: empty kernel, call_kernel wall time", "us", 1),
    ("chain_submit_us", "async chain of 256 (each after the previous "
     "device event): submit per launch", "us", 1),
    ("chain_total_us", "async chain of 256: per launch until complete "
     "(queue wait)", "us", 1),
    ("triad_ms", "triad, n = 2^22: device time", "ms", 1),
    ("reduce_ms", "reduction, n = 2^22, 32 x 64, local memory: device time",
     "ms", 1),
    ("stencil_ms", "stencil 1026 x 1026: device time", "ms", 1),
    ("black_scholes_ms", "Black-Scholes, 2^18 options: device time", "ms", 1),
    ("stencil_ms|stencil_swapped_ms", "stencil, numba_dpex with get_id(0) "
     "and get_id(1) swapped (see below): device time", "ms", 1),
    ("triad_wall_ms", "triad: sync call_kernel wall time", "ms", 1),
    ("reduce_wall_ms", "reduction: sync call_kernel wall time", "ms", 1),
    ("stencil_wall_ms", "stencil: sync call_kernel wall time", "ms", 1),
    ("black_scholes_wall_ms", "Black-Scholes: sync call_kernel wall time",
     "ms", 1),
]

# The first-call rows again for dpex with its program cache warm
# (first-call-dpex_warm.jsonl, where run.sh wrote it), against the same
# numba_dpex processes.
WARM_ROWS = [
    ("first_triad_s", "first call: triad, dpex with a warm program cache",
     "s", 1),
    ("first_all_s", "first calls of all five kernels, dpex with a warm "
     "program cache", "s", 1),
]

# Largest relative difference |a - b| / max(1, |b|) accepted per output.
TOLERANCE = {"triad": 1e-6, "reduce": 1e-5, "stencil": 1e-6,
             "stencil_swapped": 1e-6,
             "bs_call": 1e-4, "bs_put": 1e-4}


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def side_key(key, side):
    keys = key.split("|")
    return keys[SIDES.index(side)] if len(keys) == 2 else key


def medians(runs, side):
    out = {}
    for row_key, *_ in ROWS:
        key = side_key(row_key, side)
        values = [r[key] for r in runs if key in r]
        if values:
            out[row_key] = {"median": statistics.median(values),
                        "processes": len(values)}
    return out


def compare_outputs(outputs):
    checks = {}
    for name, tol in TOLERANCE.items():
        # The swapped stencil computes the same cells as dpex's stencil.
        a = np.fromfile(os.path.join(outputs, "dpex",
                                     name.replace("_swapped", "") + ".f32"),
                        dtype=np.float32).astype(np.float64)
        b = np.fromfile(os.path.join(outputs, "numba_dpex", name + ".f32"),
                        dtype=np.float32).astype(np.float64)
        if a.shape != b.shape:
            checks[name] = {"ok": False, "max_rel_diff": None,
                            "note": f"sizes differ: {a.size} vs {b.size}"}
            continue
        rel = np.abs(a - b) / np.maximum(1.0, np.abs(b))
        worst = float(rel.max())
        checks[name] = {"ok": worst <= tol, "max_rel_diff": worst,
                        "identical": bool(np.array_equal(a, b)),
                        "tolerance": tol}
    return checks


def fmt(v):
    if v is None:
        return "—"
    if abs(v) >= 100:
        return f"{v:.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    return f"{v:.3g}"


def render_markdown(result):
    meta = result["meta"]
    out = [
        f'Device: {meta["device"]} ({meta["platform"]}, driver '
        f'{meta["driver"]}), both sides in one run of '
        f'`bench/peers/numba_dpex/run.sh`; {meta["machine"]}.',
        "",
        "| measurement | dpex | numba_dpex | unit | dpex / numba_dpex | "
        "processes |",
        "|---|--:|--:|---|--:|--:|",
    ]
    for row in result["rows"]:
        d, n = row["dpex"], row["numba_dpex"]
        ratio = d / n if d is not None and n is not None else None
        out.append(
            f'| {row["label"]} | {fmt(d)} | {fmt(n)} | {row["unit"]} | '
            f'{fmt(ratio)} | {row["processes"]} |')
    out += ["", "numba_dpex has no device time for the reduction: numba-dpex "
            "0.23 types a `LocalAccessor` as an array on dpctl's cached "
            "default queue of the device, so a kernel with local memory runs "
            "only with its arrays on that queue, and that queue has no "
            "profiling. Its wall time row compares the two sides there. "
            "In numba-dpex 0.23 `get_id(0)` is OpenCL's dimension 0, the "
            "unit-stride one (its launcher reverses the range and the kernel "
            "reads `GlobalInvocationId(0)`); in dpex, as in SYCL, the last "
            "dimension is. Written statement by statement, numba_dpex's "
            "stencil thus puts neighbouring work-items a row apart; the "
            "swapped row is the same kernel with the two ids exchanged, which "
            "computes the same cells. Ratios below 1: dpex takes less time."]
    out += ["", "Outputs of the last steady round, dpex against numba_dpex "
            "(largest |a − b| / max(1, |b|)):", ""]
    out += ["| output | max relative difference | bit-identical | "
            "tolerance | ok |", "|---|--:|---|--:|---|"]
    for name, c in result["outputs"].items():
        out.append(
            f'| {name} | {fmt(c["max_rel_diff"])} | '
            f'{"yes" if c.get("identical") else "no"} | '
            f'{c.get("tolerance", "—")} | {"yes" if c["ok"] else "**NO**"} |')
    out.append("")
    return "\n".join(out)


def render_plot(result, path):
    gnuplot = shutil.which("gnuplot")
    if not gnuplot:
        print("summarize.py: no gnuplot, no plot", file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data.txt")
        with open(data, "w") as f:
            for row in result["rows"]:
                d, n = row["dpex"], row["numba_dpex"]
                if d and n:
                    f.write(f'"{row["key"].split("|")[-1]}" {n / d:.5g}\n')
        script = f"""
set terminal pngcairo noenhanced size 900,560 font ",10"
set output "{path}"
set title "numba_dpex time / dpex time on {result["meta"]["device"]} (above 1: dpex faster)"
set style data histogram
set style fill solid 0.8 border -1
set boxwidth 0.8
set logscale y
set xtics rotate by -40
set bmargin 8
set rmargin 8
set grid ytics
set key off
plot "{data}" using 2:xtic(1)
"""
        subprocess.run([gnuplot], input=script, text=True, check=True)
    return True


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", required=True)
    p.add_argument("--outputs", required=True)
    p.add_argument("--out-prefix", required=True)
    p.add_argument("--meta", action="append", default=[])
    args = p.parse_args()

    per_side = {}
    for side in SIDES:
        runs = []
        for kind in ("first-call", "steady"):
            path = os.path.join(args.runs, f"{kind}-{side}.jsonl")
            if os.path.exists(path):
                runs += load(path)
        if not runs:
            sys.exit(f"summarize.py: no runs of {side} in {args.runs}")
        per_side[side] = runs
    devices = {(r["device"], r["platform"]) for runs in per_side.values()
               for r in runs}
    if len(devices) != 1:
        sys.exit(f"summarize.py: the sides ran on different devices: "
                 f"{sorted(devices)}")
    device, platform = devices.pop()
    driver = next(r["driver"] for r in per_side["numba_dpex"])

    meta = {"device": device, "platform": platform, "driver": driver}
    meta.update(kv.split("=", 1) for kv in args.meta)
    med = {side: medians(runs, side) for side, runs in per_side.items()}
    rows = []
    for key, label, unit, scale in ROWS:
        values = {side: (med[side][key]["median"] * scale
                         if key in med[side] else None) for side in SIDES}
        processes = "/".join(str(med[side][key]["processes"])
                             if key in med[side] else "0" for side in SIDES)
        rows.append({"key": key, "label": label, "unit": unit, **values,
                     "processes": processes})
    warm_path = os.path.join(args.runs, "first-call-dpex_warm.jsonl")
    if os.path.exists(warm_path):
        warm = load(warm_path)
        per_side["dpex_warm"] = warm
        for key, label, unit, scale in WARM_ROWS:
            cold = next(row for row in rows if row["key"] == key)
            values = [r[key] for r in warm]
            rows.insert(rows.index(cold) + 1, {
                "key": key + "_warm", "label": label, "unit": unit,
                "dpex": statistics.median(values) * scale,
                "numba_dpex": cold["numba_dpex"],
                "processes": f'{len(values)}/{cold["processes"].split("/")[1]}'})
    outputs = compare_outputs(args.outputs)
    result = {"meta": meta, "rows": rows, "outputs": outputs,
              "runs": per_side}

    with open(args.out_prefix + ".json", "w") as f:
        json.dump(result, f, indent=1)
    md = render_markdown(result)
    if render_plot(result, args.out_prefix + ".png"):
        name = os.path.basename(args.out_prefix) + ".png"
        md += f"\n![numba_dpex time / dpex time]({name})\n"
    with open(args.out_prefix + ".md", "w") as f:
        f.write(md)
    print(md)
    if not all(c["ok"] for c in outputs.values()):
        sys.exit("summarize.py: outputs differ between dpex and numba_dpex")


if __name__ == "__main__":
    main()
