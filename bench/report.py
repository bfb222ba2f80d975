#!/usr/bin/env python3
"""Renders dpex_bench result files into docs/performance.md and a plot.

usage: report.py --out docs/performance.md --plot docs/performance.png
                 RESULTS.json [RESULTS.json]    (e.g. the CPU and GPU runs)

Each results file is one run on one device; every ratio in it was measured
in that run. The plot shows, per comparison, dpex's relative standing (above
1 is better than the baseline) and the target in the same terms.
"""
import argparse
import json
import os
import shutil
import subprocess
import tempfile


def standing(r):
    """dpex relative to the baseline, above 1 meaning dpex is better, and the
    target in the same terms (None if there is none)."""
    target = r["target"]
    bound = float(target[3:]) if len(target) >= 3 else None
    # Time-like ratios (dpex / raw, "<=" targets) invert.
    lower_is_better = target.startswith("<") or r["ratio_name"].startswith(
        ("dpex / raw", "dpexc /", "raw / dpex"))
    if r["ratio"] is None:
        return None, None
    if lower_is_better:
        return 1 / r["ratio"], (1 / bound if bound else None)
    return r["ratio"], bound


def fmt(v):
    if v is None:
        return "—"
    if abs(v) >= 1e5:
        return f"{v:.3g}"
    if abs(v) >= 100:
        return f"{v:.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    return f"{v:.3g}"


def label(run):
    m = run["meta"]
    if "device" not in m:  # the compile section runs on the host only
        return "Compile time (host)"
    return f'{m["device"]} ({m.get("backend", "-")})'


def render_peer_numba_dpex(out_path):
    """The section from bench/peers/numba_dpex/run.sh, where it has run."""
    results = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           "results")
    table = os.path.join(results, "numba-dpex.md")
    if not os.path.exists(table):
        return []
    meta = json.load(open(os.path.join(results, "numba-dpex.json")))["meta"]
    plot = os.path.relpath(os.path.join(results, "numba-dpex.png"),
                           os.path.dirname(os.path.abspath(out_path)))
    body = open(table).read().replace("](numba-dpex.png)", f"]({plot})")
    versions = ", ".join(f"{k} {meta[k]}" for k in (
        "numba-dpex", "dpctl", "numba", "dpnp",
        "DPC++ runtime (intel-sycl-rt)", "Python") if k in meta)
    return [
        "## numba_dpex side by side", "",
        "The kernels of `bench/kernels/bench_kernels.cpp` written with "
        "numba_dpex (`bench/peers/numba_dpex/kernels.py`: `kernel`, "
        "`device_func`, `call_kernel`, `call_kernel_async`, `Range`, "
        "`NdRange`) against dpex (`dpex_peer_bench`) on Intel's OpenCL CPU "
        "runtime, the two sides alternating in fresh processes of one run, "
        "from the same inputs; each figure is the median over processes of "
        "each process's median. A first call is numba_dpex's JIT "
        "compilation (typing, lowering, SPIR-V, driver build) and dpex's "
        "driver build of the whole module's SPIR-V with its program cache "
        "cold, or its load of the stored binary with the cache warm (the "
        "rows that say so). Both sides dispatch on "
        "an in-order queue and time kernels on an in-order queue with "
        "profiling, except numba_dpex's reduction (see the note below the "
        "table). Repeat with:", "",
        "```", "bench/peers/numba_dpex/run.sh   # then: bench/run.sh --render",
        "```", "",
        f"Versions: {versions}; OpenCL: {meta.get('intel-opencl-rt', '?')}; "
        f"dpex at {meta.get('git commit', '?')}, {meta.get('date', '?')}.",
        "", body.rstrip(), ""]


FIRST_LAUNCH = [
    ("dpex-ptx", "dpex, PTX only (default images: sm_50, sm_80)"),
    ("dpex-sass", "dpex, `--cuda-arch=sm_80,sm_90 --cuda-sass`"),
    ("nvcc-ptx", "nvcc twin, PTX (`nvcc -ptx -arch=sm_90 -O3`)"),
    ("nvcc-cubin", "nvcc twin, cubin (`nvcc -cubin -arch=sm_90 -O3`)"),
]


def render_first_launch():
    """The first-launch table from bench/run-gpu.sh, where it has run."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results",
                        "first-launch.json")
    if not os.path.exists(path):
        return []
    run = json.load(open(path))
    rows = {(r["config"], r["mode"]): r for r in run["rows"]}

    def cell(config, mode):
        r = rows.get((config, mode))
        if not r:
            return "—"
        return (f'{r["median_ms"]:.3g} ms ({r["min_ms"]:.3g}–'
                f'{r["max_ms"]:.3g}, {r["runs"]} runs)')

    out = [
        "## First launch on CUDA", "",
        "Module load plus the first kernel (an empty one), from a ready "
        "context to the end of the kernel, one process per sample "
        "(`bench/first_launch.cpp`, run by `bench/run-gpu.sh`): the bench "
        "module through dpex, and nvcc's twin of it through the driver API. "
        "Cold: the driver's JIT cache off (`CUDA_CACHE_DISABLE=1`); warm: a "
        "JIT cache filled by one run before. Medians, with the range.", "",
        f'{run.get("gpu", "?")}; dpex at {run.get("commit", "?")}.', "",
        "| module | cold | warm |", "|---|--:|--:|"]
    for config, name in FIRST_LAUNCH:
        out.append(f"| {name} | {cell(config, 'cold')} | "
                   f"{cell(config, 'warm')} |")
    out.append("")
    images = run.get("images", [])
    if images:
        out += ["What dpex loaded (`DPEX_TRACE=1`):", "", "```"] + images + [
            "```", ""]
    return out


FAST_MATH_RUNS = [("fast-math-cpu.json", "PoCL"),
                  ("fast-math-cpu-intel.json", "Intel CPU runtime"),
                  ("fast-math-gpu.json", "H200")]


def render_first_call():
    """The first-call tables from bench/first-call.sh, where it has run."""
    results = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           "results")
    out = [
        "## First call", "",
        "A one-kernel module (`bench/kernels/first_call_kernels.cpp`: saxpy, "
        "n = 1024) in fresh processes, from process start to the first "
        "result copied back and checked against the host's "
        "(`bench/first_call.cpp`), and the module load plus first launch "
        "alone, measured inside the process once its context exists. dpex "
        "runs with a cold program cache (`DPEX_CACHE_DIR` a new empty "
        "directory each run, the driver's own cache empty too), with a warm "
        "one (filled by one run before), and with `DPEX_CACHE=off` and the "
        "driver's own cache warm (PoCL's, CUDA's JIT cache), and on PoCL "
        "with dpex's cache warm but PoCL's cold. The raw floor "
        "is a plain OpenCL or CUDA driver-API program, no dpex in it "
        "(`bench/first_call_raw.cpp`), that loads a device binary of dpex's "
        "image built beforehand (`CL_PROGRAM_BINARIES`; for PTX a cubin from "
        "`cuLinkComplete`; for SASS dpex's cubin) and launches once. The "
        "configurations take turns process by process; each figure is the "
        "median of the processes, with the range. The steps table says "
        "where a process spends its time before the first result. Repeat "
        "with:", "",
        "```",
        "bench/first-call.sh                     # PoCL and Intel, here",
        "bench/first-call.sh bundle              # then on the GPU machine: "
        "<bundle>/first-call.sh gpu <bundle> <out>",
        "```", ""]
    found = False
    for name in ("first-call-cpu.md", "first-call-gpu.md"):
        path = os.path.join(results, name)
        if os.path.exists(path):
            out += [open(path).read().rstrip(), ""]
            found = True
    return out if found else []


def render_fast_math():
    """Black-Scholes and the math mix with -ffast-math on both sides."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results")
    runs = [(json.load(open(os.path.join(here, f))), name)
            for f, name in FAST_MATH_RUNS if os.path.exists(os.path.join(here, f))]
    if not runs:
        return []
    out = ["## Fast math", "",
           "The kernel rows with every kernel relaxed: dpexc `-ffast-math` "
           "against twins built with `-cl-fast-relaxed-math` (OpenCL) or "
           "`nvcc -use_fast_math` (CUDA); `dpex_bench_fast_math`, run by "
           "`bench/run-gpu.sh` and by hand on the CPU devices (the command is "
           "in each results file). Ratio: twin time / dpex time. Accuracy "
           "under `-ffast-math`: [math-accuracy.md](math-accuracy.md).", "",
           "| kernel | " + " | ".join(
               f'{name} ({run["meta"].get("git commit", "?")})'
               for run, name in runs) + " |",
           "|---|" + "--:|" * len(runs)]
    for key in ("black-scholes", "math mix"):
        cells, title = [], key
        for run, _ in runs:
            r = next((r for r in run["results"] if r["key"] == key), None)
            if r:
                title = r["name"]
            cells.append(f'{r["ratio"]:.3f}' if r else "—")
        out.append(f"| {title} | " + " | ".join(cells) + " |")
    out.append("")
    return out


def render_markdown(runs, plot_name, command, notes, out_path):
    out = ["# dpex performance", ""]
    out += [
        "Produced by `bench/run.sh` (CPU: PoCL and Intel's OpenCL CPU runtime) and `bench/run-gpu.sh` (CUDA), "
        "rendered by `bench/report.py`. Every figure is a median over "
        "repeated runs after warm-up; every ratio compares dpex with its "
        "baseline measured in the same run on the same device, the two "
        "interleaved. Regenerate with:",
        "",
        "```",
        command,
        "```",
        "",
        "## Method",
        "",
        "- **Dispatch**: an empty `item<1>` kernel over `range<1>(1)`. Sync: "
        "wall time of one `dpex::call_kernel`, against the raw enqueue plus "
        "`clFinish` / `cuStreamSynchronize`; dpex and raw calls alternate one "
        "by one. Async: batches of 256 `call_kernel_async` launches, without "
        "dependencies and as a chain (each after the previous launch's "
        "device event), against raw enqueues that return an event (and wait "
        "on the previous one). Submit cost is host time to enqueue the "
        "batch; throughput counts until the batch completed (dpex: "
        "`queue::wait`, which also waits until the launches released their "
        "arguments).",
        "- **Kernels**: the dpex kernels in `bench/kernels/bench_kernels.cpp` "
        "against twins written statement by statement in OpenCL C "
        "(`bench/opencl/`, built from source by the driver) or CUDA C++ "
        "(`bench/cuda/`, `nvcc -ptx -arch=sm_90`, loaded with the driver "
        "API). Time is the device time of one launch from the backend's "
        "profiling counters (OpenCL event profiling; CUDA events), on equal "
        "memory (SVM on OpenCL, `cuMemAlloc` on CUDA) and equal work-group "
        "shapes. Outputs of dpex and twin are compared after the run. "
        "Triad bandwidth counts 3 arrays moved, copy bandwidth 2.",
        "- **Compile**: `dpexc --targets=spirv` (SPIR-V, validated, plus the "
        "stub) on the bench kernels (`bench/kernels/bench_kernels.cpp`) "
        "against "
        "`clang-15 -cl-std=CL2.0 -O2 -target spir64 -emit-llvm -c` + "
        "`llvm-spirv-15` on their OpenCL C twins (`bench/opencl/bench_kernels.cl`); wall time and peak "
        "RSS (`wait4` rusage; the larger of the two clang-pipeline processes).",
        "",
    ]
    for run in runs:
        m = run["meta"]
        out += [f"## {label(run)}", ""]
        for k, v in m.items():
            if k != "command":
                out.append(f"- {k}: {v}")
        out.append(f'- bench command: `{m.get("command", "")}`')
        out.append("")
        out += [
            "| section | measurement | dpex | baseline | unit | ratio | "
            "target | met | reps | baseline is | notes |",
            "|---|---|--:|--:|---|--:|---|---|--:|---|---|",
        ]
        for r in run["results"]:
            met = ("yes" if r["met"] else "**no**") if r["target"] else ""
            out.append(
                f'| {r["section"]} | {r["name"]} | {fmt(r["dpex"])} | '
                f'{fmt(r["baseline"])} | {r["unit"]} | '
                f'{fmt(r["ratio"])} ({r["ratio_name"]}) | {r["target"]} | '
                f'{met} | {r["reps"]} | {r["baseline_name"]} | {r["note"]} |')
        out.append("")
    if plot_name:
        out += [f"![dpex relative to the baselines]({plot_name})", ""]
    out += render_first_launch()
    out += render_first_call()
    out += render_fast_math()
    out += render_peer_numba_dpex(out_path)
    if notes:
        out += [notes.rstrip(), ""]
    return out


def render_plot(runs, path):
    gnuplot = shutil.which("gnuplot")
    if not gnuplot:
        raise SystemExit("report.py: gnuplot not found (apt-get install -y "
                         "gnuplot-nox)")
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data.txt")
        with open(data, "w") as f:
            for i, run in enumerate(runs):
                f.write(f'# {label(run)}\n')
                for r in run["results"]:
                    s, t = standing(r)
                    if s is None or r["key"].startswith("compile RSS"):
                        continue
                    f.write(f'"{r["key"]}" {s:.4f} '
                            f'{t if t is not None else "NaN"}\n')
                f.write("\n\n")
        # One panel per run: the runs have different comparisons (no
        # compile section on the GPU), so their categories differ.
        panels = []
        for i, run in enumerate(runs):
            title = label(run).replace('"', "'")
            panels.append(
                f'set title "{title}"\n'
                f'plot "{data}" index {i} using 2:xtic(1) title "dpex", '
                f'"{data}" index {i} using 0:3 with points pt 7 ps 1.2 '
                f'lc rgb "black" title "target"')
        script = f"""
set terminal pngcairo size {700 * len(runs)},560 font ",10"
set output "{path}"
set multiplot layout 1,{len(runs)} title "dpex relative to raw backend / twin / clang (above 1: dpex better)"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set boxwidth 0.8
set xtics rotate by -40
set yrange [0:*]
set grid ytics
set key top right
set arrow from graph 0, first 1 to graph 1, first 1 nohead dt 2 lc rgb "gray30"
{chr(10).join(panels)}
unset multiplot
"""
        subprocess.run([gnuplot], input=script, text=True, check=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default="docs/performance.md")
    p.add_argument("--plot", default="docs/performance.png")
    p.add_argument("--command", default="bench/run.sh",
                   help="the command to show for regenerating the page")
    p.add_argument("--notes", help="markdown appended after the tables "
                   "(the analysis of missed targets)")
    p.add_argument("results", nargs="+")
    args = p.parse_args()
    runs = [json.load(open(path)) for path in args.results]
    render_plot(runs, args.plot)
    plot_name = os.path.relpath(args.plot, os.path.dirname(args.out) or ".")
    with open(args.out, "w") as f:
        notes = open(args.notes).read() if args.notes else ""
        f.write("\n".join(render_markdown(runs, plot_name, args.command,
                                           notes, args.out)))
    print(f"wrote {args.out} and {args.plot}")


if __name__ == "__main__":
    main()
