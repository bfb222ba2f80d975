#!/usr/bin/env python3
"""The first-call benchmark: fresh processes from start to the first
verified result, through dpex with a cold and a warm program cache and
through a plain driver program that loads a binary built beforehand (the
floor). bench/first-call.sh builds the programs and runs this.

usage: first_call.py --bin-dir DIR --devices pocl,intel|ptx,sass
                     [--runs 9] --out FILE.json --md FILE.md [--meta K=V]...

DIR holds dpex_first_call, dpex_first_call_raw and, for sass,
dpex_first_call_sass. Devices: pocl and intel (DPEX_DEVICE=opencl:<name>),
ptx and sass (DPEX_DEVICE=cuda:0, the module built with PTX only or with
SASS for sm_90). Per device and configuration, --runs processes, the
configurations taking turns round by round (the machine's load changes
from minute to minute):

  cold    DPEX_CACHE_DIR a new empty directory each run, and the driver's
          own cache empty too (POCL_CACHE_DIR new, CUDA_CACHE_DISABLE=1)
  warm    DPEX_CACHE_DIR filled by one run before (driver caches likewise,
          CUDA's off)
  driver  DPEX_CACHE=off, the driver's own cache filled by one run before
          (PoCL's kernel cache, CUDA's JIT cache; not for intel or sass,
          which have none to fill)
  own     pocl only: DPEX_CACHE_DIR warm, PoCL's cache a new empty one each
          run (whether dpex's cache alone suffices there)
  raw     dpex_first_call_raw on the binary its setup run stored
          (CL_PROGRAM_BINARIES; for ptx a cubin from cuLink* of dpex's PTX,
          for sass dpex's cubin)

Each process reports the time since its start (CLOCK_MONOTONIC, read here
just before it is started) at each step; its exit and its CPU time (user +
system, from wait4) are taken here. One more traced process
(DPEX_TRACE=1) per dpex configuration gives the module load and kernel
creation within the first launch.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time

STEPS = ["main", "device", "queue", "arrays", "launched", "result", "exit"]
STEP_LABELS = {
    "main": "process start to main (exec, dynamic loading)",
    "device": "platform enumeration, device choice",
    "queue": "context and queue",
    "arrays": "allocation and upload",
    "launched": "module load + first launch (to its completion)",
    "result": "read back and check",
    "exit": "exit (after the first result)",
}
CONFIG_LABELS = {"cold": "dpex, cold cache", "warm": "dpex, warm cache",
                 "driver": "dpex, DPEX_CACHE=off, driver's cache warm",
                 "own": "dpex, warm cache, PoCL's cache cold",
                 "raw": "raw floor"}


def output(command, env=None):
    """`command`'s stdout; raises with its stderr if it fails."""
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: exit {done.returncode}: "
                           f"{done.stderr.strip()}")
    return done.stdout.strip()


class Device:
    def __init__(self, name, bin_dir, work):
        self.name = name
        self.cuda = name in ("ptx", "sass")
        self.dpex = os.path.join(
            bin_dir, "dpex_first_call_sass" if name == "sass"
            else "dpex_first_call")
        self.raw = os.path.join(bin_dir, "dpex_first_call_raw")
        self.selector = "cuda:0" if self.cuda else "opencl:" + name
        self.work = os.path.join(work, name)
        os.makedirs(self.work)
        self.configs = ["cold", "warm", "raw"]
        if name in ("pocl", "ptx"):
            self.configs.insert(2, "driver")
        if name == "pocl":
            self.configs.insert(3, "own")

    def dir(self, what):
        path = os.path.join(self.work, what)
        os.makedirs(path, exist_ok=True)
        return path

    def env(self, config, fresh=None):
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("DPEX_", "POCL_CACHE", "CUDA_CACHE"))}
        env["DPEX_DEVICE"] = self.selector
        if config == "cold":
            env["DPEX_CACHE_DIR"] = os.path.join(fresh, "dpex")
            env["POCL_CACHE_DIR"] = os.path.join(fresh, "pocl")
            env["CUDA_CACHE_DISABLE"] = "1"
        elif config == "warm":
            env["DPEX_CACHE_DIR"] = self.dir("warm-dpex")
            env["POCL_CACHE_DIR"] = self.dir("warm-pocl")
            env["CUDA_CACHE_DISABLE"] = "1"
        elif config == "own":
            env["DPEX_CACHE_DIR"] = self.dir("warm-dpex")
            env["POCL_CACHE_DIR"] = os.path.join(fresh, "pocl")
            env["CUDA_CACHE_DISABLE"] = "1"
        elif config == "driver":
            env["DPEX_CACHE"] = "off"
            env["POCL_CACHE_DIR"] = self.dir("driver-pocl")
            env["CUDA_CACHE_PATH"] = self.dir("driver-cuda")
        else:
            env["POCL_CACHE_DIR"] = self.dir("raw-pocl")
            env["CUDA_CACHE_DISABLE"] = "1"
        return env

    def command(self, config, t0):
        if config != "raw":
            return [self.dpex, "run", str(t0)]
        if self.cuda:
            return [self.raw, "cuda", self.binary, self.entry, str(t0)]
        return [self.raw, "opencl", self.name, self.binary, self.entry,
                str(t0)]

    def setup(self):
        """Dumps dpex's images, builds the raw program's binary and fills
        the warm caches with one run each."""
        images = self.dir("images")
        image = lambda fmt: os.path.join(images, "module." + fmt)
        formats = (["cubin"] if self.name == "sass" else ["ptx"]
                   if self.cuda else ["spirv", "spir"])
        for fmt in formats:
            self.entry = output([self.dpex, "image", fmt, image(fmt)])
        self.binary = os.path.join(images, "raw.bin")
        env = self.env("raw")
        if self.name == "sass":
            shutil.copy(image("cubin"), self.binary)
            self.setup_log = "dpex's sm_90 cubin, loaded as is"
        elif self.cuda:
            self.setup_log = output(
                [self.raw, "cuda-setup", image("ptx"), self.binary], env)
        else:
            self.setup_log = output(
                [self.raw, "opencl-setup", self.name, image("spirv"),
                 image("spir"), self.binary], env)
        for config in self.configs:
            if config not in ("cold", "own"):
                self.sample(config)

    def sample(self, config, trace=False):
        fresh = (tempfile.mkdtemp(dir=self.work)
                 if config in ("cold", "own") else None)
        env = self.env(config, fresh)
        if trace:
            env["DPEX_TRACE"] = "1"
        with tempfile.TemporaryFile("w+") as out, \
                tempfile.TemporaryFile("w+") as err:
            t0 = time.monotonic_ns()
            process = subprocess.Popen(self.command(config, t0), env=env,
                                       stdout=out, stderr=err)
            # wait4 for the process's own CPU time, which the machine's
            # load changes far less than the wall time.
            _, status, usage = os.wait4(process.pid, 0)
            exited = (time.monotonic_ns() - t0) / 1e6
            process.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read(), err.read()
        if fresh:
            shutil.rmtree(fresh)
        if process.returncode != 0:
            raise RuntimeError(f"{self.name} {config}: exit "
                               f"{process.returncode}: {stderr.strip()}")
        result = json.loads(stdout.strip().splitlines()[-1])
        result["exit"] = exited
        result["cpu_ms"] = (usage.ru_utime + usage.ru_stime) * 1e3
        return (result, stderr) if trace else result


def summary(values):
    return {"median": statistics.median(values), "min": min(values),
            "max": max(values), "runs": len(values)}


def step_durations(sample):
    """Each step's own time: from the end of the one before (for "main",
    from the process's start)."""
    durations, previous = {}, 0.0
    for step in STEPS:
        durations[step] = sample[step] - previous
        previous = sample[step]
    return durations


def trace_times(stderr):
    """The module load, kernel creation and launch lines of DPEX_TRACE."""
    found = {}
    for key, pattern in (
            ("backends", r"backend .*enumerated in ([\d.]+) ms"),
            ("module_load", r"built module .* in ([\d.]+) ms"),
            ("kernel_creation", r"created kernel .* in ([\d.]+) ms"),
            ("first_launch", r"launch .*: sync ([\d.]+) ms")):
        values = [float(v) for v in re.findall(pattern, stderr)]
        if values:
            found[key] = sum(values)
    cache = [line for line in stderr.splitlines()
             if re.search(r"cache", line, re.I)]
    return found, cache


def fmt(ms):
    return f"{ms:.3g}" if ms < 100 else f"{ms:.0f}"


def cell(s):
    return f"{fmt(s['median'])} ({fmt(s['min'])}–{fmt(s['max'])})"


def render(result):
    lines = []
    runs = result["runs"]
    for metric, title in (
            ("result", "Fresh process to first result"),
            ("first_launch_ms", "Module load + first launch, inside the "
             "process (process start, platform and context excluded)"),
            ("cpu_ms", "CPU time of the whole process, user + system (less "
             "sensitive to a loaded machine than wall time)")):
        lines += [f"{title}, ms: median (min–max) of {runs} processes each.",
                  "",
                  "| device | dpex, cold cache | dpex, warm cache | raw floor "
                  "| warm / floor | DPEX_CACHE=off, driver's cache warm "
                  "| dpex's cache warm, PoCL's cold |",
                  "|---|--:|--:|--:|--:|--:|--:|"]
        for d in result["devices"]:
            c = d["configs"]
            get = lambda k: c[k][metric] if k in c else None
            ratio = get("warm")["median"] / get("raw")["median"]
            driver = cell(get("driver")) if get("driver") else "—"
            own = cell(get("own")) if get("own") else "—"
            lines.append(f"| {d['label']} | {cell(get('cold'))} | "
                         f"{cell(get('warm'))} | {cell(get('raw'))} | "
                         f"{ratio:.2f} | {driver} | {own} |")
        lines.append("")
    lines += ["Where a process spends its time before the first result, "
              "median ms of each step:", ""]
    for d in result["devices"]:
        configs = [k for k in ("cold", "warm", "raw") if k in d["configs"]]
        lines += [f"**{d['label']}**", "",
                  "| step | " + " | ".join(CONFIG_LABELS[k] for k in configs)
                  + " |", "|---|" + "--:|" * len(configs)]
        for step in STEPS:
            lines.append(f"| {STEP_LABELS[step]} | " + " | ".join(
                fmt(d["configs"][k]["steps"][step]["median"])
                for k in configs) + " |")
        for key, label in (("module_load", "of which module load "
                            "(DPEX_TRACE, one process)"),
                           ("kernel_creation", "of which kernel creation "
                            "(DPEX_TRACE, one process)")):
            if any(key in d["trace"].get(k, {}) for k in configs):
                lines.append(f"| {label} | " + " | ".join(
                    fmt(d["trace"][k][key]) if key in d["trace"].get(k, {})
                    else "—" for k in configs) + " |")
        lines.append("")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin-dir", required=True)
    parser.add_argument("--devices", required=True)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--out", required=True)
    parser.add_argument("--md", required=True)
    parser.add_argument("--meta", action="append", default=[])
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="dpex-first-call-")
    try:
        devices = [Device(name, args.bin_dir, work)
                   for name in args.devices.split(",")]
        for d in devices:
            d.setup()
        samples = {(d.name, c): [] for d in devices for c in d.configs}
        for r in range(args.runs):
            for d in devices:
                # Each configuration goes first in turn.
                order = d.configs[r % len(d.configs):] + \
                    d.configs[:r % len(d.configs)]
                for config in order:
                    samples[(d.name, config)].append(d.sample(config))
        result = {"meta": dict(m.split("=", 1) for m in args.meta),
                  "runs": args.runs, "devices": []}
        for d in devices:
            entry = {"device": d.name, "setup": d.setup_log, "configs": {},
                     "trace": {}, "trace_cache_lines": {}}
            for config in d.configs:
                runs = samples[(d.name, config)]
                device_name = runs[0]["device_name"]
                durations = [step_durations(s) for s in runs]
                steps = {step: summary([d[step] for d in durations])
                         for step in STEPS}
                entry["configs"][config] = {
                    "result": summary([s["result"] for s in runs]),
                    "first_launch_ms": summary(
                        [s["first_launch_ms"] for s in runs]),
                    "cpu_ms": summary([s["cpu_ms"] for s in runs]),
                    "steps": steps, "samples": runs}
                if config != "raw":
                    _, stderr = d.sample(config, trace=True)
                    times, cache = trace_times(stderr)
                    entry["trace"][config] = times
                    entry["trace_cache_lines"][config] = cache
            kind = {"ptx": "CUDA, PTX image", "sass": "CUDA, SASS image",
                    "pocl": "OpenCL, PoCL", "intel": "OpenCL, Intel"}[d.name]
            entry["label"] = f"{device_name} ({kind})"
            result["devices"].append(entry)
        with open(args.out, "w") as out:
            json.dump(result, out, indent=1)
        table = render(result)
        meta = "; ".join(f"{k}: {v}" for k, v in result["meta"].items())
        with open(args.md, "w") as out:
            out.write(f"{meta}\n\n{table}")
        print(table)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
