#!/usr/bin/env python3
"""Renders bench/scaling.sh results into docs/scaling.md's tables and a plot.

usage: scaling_report.py --doc docs/scaling.md --plot docs/scaling.png
                         RESULTS.txt [RESULTS.txt]   (e.g. the CPU and GPU runs)

Each configuration's time is the median of its repeats. Efficiencies compare
configurations of one results file, so of one run on one machine:
strong = T(1) / (n T(n)) on a fixed grid, weak = T(1) / T(n) with the grid
growing with n. The tables replace what lies between the markers
<!-- scaling tables --> and <!-- /scaling tables --> in the doc; the plot is
drawn with gnuplot, as bench/report.py draws docs/performance.png.
"""
import argparse
import os
import re
import statistics
import subprocess
import tempfile

LINE = re.compile(r"^run (\S+) n=(\d+): jacobi \S+: parts=(\d+) rows=(\d+) "
                  r"cols=(\d+) steps=(\d+) seconds=([\d.]+)")


def load(path):
    meta, times, shapes = {}, {}, {}
    for line in open(path):
        line = line.rstrip("\n")
        if line.startswith("# "):
            key, _, value = line[2:].partition(": ")
            meta[key] = value
            continue
        m = LINE.match(line)
        if not m:
            continue
        kind, n = m.group(1), int(m.group(2))
        times.setdefault((kind, n), []).append(float(m.group(7)))
        shapes[(kind, n)] = (int(m.group(4)), int(m.group(5)), int(m.group(6)))
    median = {k: statistics.median(v) for k, v in times.items()}
    return {"meta": meta, "median": median, "runs": times, "shapes": shapes,
            "name": os.path.basename(path)}


def efficiencies(run):
    """(kind, n, rows, cols, steps, median s, repeats, efficiency) rows."""
    rows = []
    for (kind, n), t in sorted(run["median"].items()):
        base = run["median"].get((kind, 1))
        # Weak, and blocks on one GPU (same grid, same GPU): T(1) / T(n).
        eff = base / (n * t) if kind.startswith("strong") else base / t
        r, c, s = run["shapes"][(kind, n)]
        rows.append((kind, n, r, c, s, t, len(run["runs"][(kind, n)]), eff))
    return rows


def table(run):
    m = run["meta"]
    where = m.get("gpu") or m.get("device", "")
    out = [f"**{m.get('mode', '?').upper()}** — {where}; {m.get('cores')} "
           f"cores ({m.get('cpu')}); commit {m.get('commit')}, "
           f"{m.get('date')}; `bench/results/{run['name']}`", "",
           "| scaling | n | grid (rows × cols) | steps | median s | repeats "
           "| efficiency |", "|---|---|---|---|---|---|---|"]
    for kind, n, r, c, s, t, k, eff in efficiencies(run):
        label = {"strong": "strong", "weak": "weak",
                 "strong-blocking": "strong, blocking halos",
                 "weak-blocking": "weak, blocking halos",
                 "blocks-on-one-gpu": "blocks on one GPU"}.get(kind, kind)
        unit = "GPU" if m.get("mode") == "gpu" else "rank"
        count = f"{n} block{'s' if n > 1 else ''}" \
            if kind == "blocks-on-one-gpu" else f"{n} {unit}{'s' if n > 1 else ''}"
        out.append(f"| {label} | {count} | {r} × {c} | {s} | {t:.4f} | {k} "
                   f"| {eff * 100:.0f} % |")
    return out + [""]


def plot(runs, path):
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data.txt")
        with open(data, "w") as f:
            for run in runs:
                unit = "GPU" if run["meta"].get("mode") == "gpu" else "rank"
                for kind, n, *_, eff in efficiencies(run):
                    if kind in ("strong", "weak"):
                        f.write(f'"{run["meta"].get("mode")} {kind}, '
                                f'{n} {unit}{"s" if n > 1 else ""}" '
                                f'{eff * 100:.1f}\n')
        script = f"""
set terminal pngcairo size 900,480 font ",10"
set output "{path}"
set title "Split Jacobi solver: scaling efficiency (median of repeats)"
set style data histogram
set style fill solid 0.8 border -1
set boxwidth 0.7
set xtics rotate by -30
set yrange [0:120]
set ylabel "efficiency (%)"
set grid ytics
set arrow from graph 0, first 90 to graph 1, first 90 nohead dt 2 lc rgb "gray30"
set label "90 % target" right at graph 0.99, first 115
plot "{data}" using 2:xtic(1) notitle
"""
        subprocess.run(["gnuplot"], input=script, text=True, check=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--doc", required=True)
    parser.add_argument("--plot", required=True)
    parser.add_argument("results", nargs="+")
    args = parser.parse_args()
    runs = [load(p) for p in args.results]
    body = []
    for run in runs:
        body += table(run)
    doc = open(args.doc).read()
    start, end = "<!-- scaling tables -->", "<!-- /scaling tables -->"
    head, _, rest = doc.partition(start)
    _, _, tail = rest.partition(end)
    open(args.doc, "w").write(head + start + "\n\n" + "\n".join(body) + end +
                              tail)
    plot(runs, args.plot)


if __name__ == "__main__":
    main()
