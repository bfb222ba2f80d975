#!/usr/bin/env python3
"""Compares what two dpexc binaries write for the same inputs, byte for byte.

    scripts/compare-outputs.py OLD_DPEXC NEW_DPEXC [--work DIR] [--jobs N]
                               [--only REGEX] [--sets NAME,...]
                               [--old-env NAME=VALUE] [--new-env NAME=VALUE]

Inputs: every kernel source under test/lit (a .cpp with DPEX_KERNEL), every
test/e2e/kernels/*.cpp and every examples/*/*_kernels.cpp. Each is compiled
with each option set below (--cuda-sass only where ptxas is found), emitting
spirv, spir, ptx, llvm and stub, and a -MD dependency file; the exit status and
the diagnostics are compared too (a kernel source that must fail has to fail
the same way). --old-env and --new-env set environment variables for one
side, so one binary can be compared with itself (DPEX_CACHE=off against a
cache directory: the precompiled kernel header).

The old binary's outputs are kept under WORK/old-<hash of OLD_DPEXC> and
reused while that binary is unchanged, so a refactoring is checked after
each step at the cost of compiling with the new binary only.

Prints a summary: how many outputs are identical, and every one that differs
(missing on one side counts as differing). Exit status 0 when all are
identical, 1 otherwise.
"""
import argparse
import concurrent.futures
import hashlib
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

INCLUDES = [
    "test/lit/Inputs",
    "test/lit/Inputs/include",
    "test/e2e/kernels/include",
    "test/e2e/kernels",
    "test/e2e/kernels/stdlib",
]

EMIT = "--emit=spirv,spir,ptx,llvm,stub"
# What test/lit/Inputs/dep_kernel.cpp needs defined.
DEFINES = ["-DOFFSET=1"]


def option_sets():
    sets = {
        "default": [],
        "O0": ["-O0"],
        "O3-fast-math": ["-O3", "-ffast-math"],
        "g": ["-g"],
        "targets-all": ["--targets=spirv,spir,cuda"],
        "targets-spirv": ["--targets=spirv"],
    }
    cuda = os.environ.get("CUDA_PATH") or "/usr/local/cuda"
    if shutil.which("ptxas") or os.access(os.path.join(cuda, "bin", "ptxas"),
                                          os.X_OK):
        # CUDA 13's ptxas has no sm_50; sm_90 is SASS only (past LLVM 15).
        sets["cuda-sass"] = ["--cuda-sass", "--cuda-arch=sm_80,sm_90"]
    return sets


def kernel_sources():
    found = []
    for dirpath, _, files in os.walk(os.path.join(ROOT, "test", "lit")):
        for f in files:
            if not f.endswith(".cpp"):
                continue
            path = os.path.join(dirpath, f)
            with open(path, encoding="utf-8", errors="replace") as fh:
                if "DPEX_KERNEL" in fh.read():
                    found.append(os.path.relpath(path, ROOT))
    e2e = os.path.join(ROOT, "test", "e2e", "kernels")
    found += [os.path.relpath(os.path.join(e2e, f), ROOT)
              for f in os.listdir(e2e) if f.endswith(".cpp")]
    examples = os.path.join(ROOT, "examples")
    for d in os.listdir(examples):
        sub = os.path.join(examples, d)
        if os.path.isdir(sub):
            found += [os.path.relpath(os.path.join(sub, f), ROOT)
                      for f in os.listdir(sub) if f.endswith("_kernels.cpp")]
    return sorted(found)


def file_hash(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


def compile_one(dpexc, env, source, set_name, flags, out_root):
    # Same relative source path and same output file names for both
    # binaries: stubs and debug info name them.
    case = os.path.join(out_root, set_name, source.replace("/", "__"))
    os.makedirs(case, exist_ok=True)
    depfile = os.path.join(case, "k.d")
    args = ([dpexc, source, "-o", os.path.join(case, "k"), EMIT, "-MD", "-MF",
             depfile] + DEFINES + flags)
    for inc in INCLUDES:
        args += ["-I", inc]
    proc = subprocess.run(args, cwd=ROOT, capture_output=True,
                          env=dict(os.environ, **env))
    # The diagnostics and the depfile's targets name the output directory;
    # that part is not compared.
    diag = proc.stderr.replace(out_root.encode(), b"<OUT>")
    if os.path.exists(depfile):
        with open(depfile, "rb") as fh:
            deps = fh.read().replace(out_root.encode(), b"<OUT>")
        with open(depfile, "wb") as fh:
            fh.write(deps)
    with open(os.path.join(case, "exit-status"), "w") as fh:
        fh.write("%d\n" % proc.returncode)
    with open(os.path.join(case, "diagnostics"), "wb") as fh:
        fh.write(diag)


def compile_all(dpexc, env, out_root, cases, jobs):
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(compile_one, dpexc, env, src, name, flags,
                               out_root)
                   for src, name, flags in cases]
        for f in futures:
            f.result()


def listing(root):
    files = set()
    for dirpath, _, names in os.walk(root):
        for n in names:
            files.add(os.path.relpath(os.path.join(dirpath, n), root))
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--work", default="/tmp/dpex-compare-outputs")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", help="regex over source paths")
    ap.add_argument("--sets", help="comma-separated option set names")
    ap.add_argument("--old-env", action="append", default=[],
                    metavar="NAME=VALUE")
    ap.add_argument("--new-env", action="append", default=[],
                    metavar="NAME=VALUE")
    a = ap.parse_args()
    old_env = dict(e.split("=", 1) for e in a.old_env)
    new_env = dict(e.split("=", 1) for e in a.new_env)

    sets = option_sets()
    if a.sets:
        wanted = a.sets.split(",")
        unknown = [s for s in wanted if s not in sets]
        if unknown:
            sys.exit("unknown option set(s): %s (have: %s)" %
                     (", ".join(unknown), ", ".join(sets)))
        sets = {k: v for k, v in sets.items() if k in wanted}
    sources = kernel_sources()
    if a.only:
        sources = [s for s in sources if re.search(a.only, s)]
    cases = [(s, n, f) for n, f in sets.items() for s in sources]

    old = os.path.abspath(a.old)
    new = os.path.abspath(a.new)
    work = os.path.abspath(a.work)
    # Keyed by the old binary and by how this script runs it.
    key = hashlib.sha256(
        (file_hash(old) +
         repr((INCLUDES, EMIT, DEFINES, option_sets(), old_env))).encode())
    old_root = os.path.join(work, "old-" + key.hexdigest()[:16])
    new_root = os.path.join(work, "new")
    shutil.rmtree(new_root, ignore_errors=True)

    # Only the cases the old binary has not compiled yet.
    todo = [c for c in cases if not os.path.exists(os.path.join(
        old_root, c[1], c[0].replace("/", "__"), "exit-status"))]
    print("%d sources x %d option sets = %d compilations (old: %d to do)" %
          (len(sources), len(sets), len(cases), len(todo)), flush=True)
    compile_all(old, old_env, old_root, todo, a.jobs)
    compile_all(new, new_env, new_root, cases, a.jobs)

    same, differ = 0, []
    for src, name, _ in cases:
        rel = os.path.join(name, src.replace("/", "__"))
        o, n = os.path.join(old_root, rel), os.path.join(new_root, rel)
        for f in sorted(listing(o) | listing(n)):
            po, pn = os.path.join(o, f), os.path.join(n, f)
            if os.path.exists(po) and os.path.exists(pn):
                with open(po, "rb") as fo, open(pn, "rb") as fn:
                    if fo.read() == fn.read():
                        same += 1
                        continue
            differ.append(os.path.join(rel, f))
    print("%d identical, %d differing" % (same, len(differ)))
    for d in differ:
        print("  differs: " + d)
    print("old outputs: %s\nnew outputs: %s" % (old_root, new_root))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
