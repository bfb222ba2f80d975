#!/usr/bin/env bash
# The first-call benchmark (bench/first_call.py): fresh processes from start
# to the first result, through dpex with a cold and a warm program cache,
# against a plain driver program that loads a binary built beforehand.
#
#   bench/first-call.sh [cpu]                  here: build, run on PoCL and
#                                              Intel's CPU runtime, write
#                                              bench/results/first-call-cpu.{json,md}
#   bench/first-call.sh bundle [BUNDLE_DIR]    here: build, and bundle the
#                                              binaries for the GPU machine
#   bench/first-call.sh gpu [BUNDLE_DIR] [OUT_DIR]
#                                              on the GPU machine: PTX and
#                                              SASS on cuda:0; writes
#                                              OUT_DIR/first-call-gpu.{json,md}
#
# BUILD_DIR (default build-bench, as bench/run.sh makes it) must be able to
# build the SASS variant for `bundle` (ptxas, the CUDA toolkit, here). The
# bundle needs only python3 and the driver on the GPU machine; copy
# first-call-gpu.{json,md} back to bench/results/. RUNS (default 9) sets
# the processes per configuration; FIRST_CALL_NOTE, if set, goes into the
# table's header line.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
runs=${RUNS:-9}
programs=(dpex_first_call dpex_first_call_sass dpex_first_call_raw)

build() {
  if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DDPEX_KERNEL_TARGETS="spirv;spir;cuda" >/dev/null
  fi
  nice -n 10 cmake --build "$build" -j2 --target "$@"
}

commit() {
  local c
  c=$(git -C "$root" rev-parse --short HEAD)
  git -C "$root" diff --quiet HEAD -- runtime include lib bench ||
    c+=" (with uncommitted changes)"
  echo "$c"
}

case "${1:-cpu}" in
  cpu)
    build dpex_first_call dpex_first_call_raw
    python3 "$root/bench/first_call.py" --bin-dir "$build/bench" \
      --devices pocl,intel --runs "$runs" \
      --out "$root/bench/results/first-call-cpu.json" \
      --md "$root/bench/results/first-call-cpu.md" \
      --meta "command=bench/first-call.sh" \
      --meta "git commit=$(commit)" \
      --meta "date=$(date -u '+%Y-%m-%d %H:%M UTC')" \
      --meta "machine=shared 2-core VM; other builds may have run meanwhile" \
      --meta "load average at start=$(cut -d' ' -f1-3 /proc/loadavg)" \
      --meta "build=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build/CMakeCache.txt")" \
      ${FIRST_CALL_NOTE:+--meta "note=$FIRST_CALL_NOTE"} \
      --meta "PoCL=$(dpkg-query -W -f='${Version}' pocl-opencl-icd 2>/dev/null || echo unknown)" \
      --meta "Intel OpenCL=$(cat /opt/intel-opencl-rt/.dpex-installed 2>/dev/null || echo unknown)"
    ;;
  bundle)
    dir=${2:-$root/build-first-call-bundle}
    build "${programs[@]}"
    rm -rf "$dir" && mkdir -p "$dir"
    for program in "${programs[@]}"; do
      strip -o "$dir/$program" "$build/bench/$program"
    done
    cp "$root/bench/first_call.py" "$root/bench/first-call.sh" "$dir/"
    commit > "$dir/COMMIT"
    du -sh "$dir"
    ;;
  gpu)
    # The binaries from `bundle` (or scripts/gpu-check.sh's bundle, or a
    # build's bench/ directory); first_call.py from the bundle if it has one,
    # else from this checkout.
    dir=${2:-$(dirname "$0")}
    out=${3:-${OUT:-first-call-gpu-out}}
    mkdir -p "$out"
    runner=$dir/first_call.py
    [ -f "$runner" ] || runner=$root/bench/first_call.py
    gpu=$(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader | head -1)
    devices=ptx
    [ ! -x "$dir/dpex_first_call_sass" ] || devices+=,sass
    python3 "$runner" --bin-dir "$dir" --devices "$devices" \
      --runs "$runs" --out "$out/first-call-gpu.json" \
      --md "$out/first-call-gpu.md" \
      --meta "command=bench/first-call.sh gpu" \
      --meta "git commit=${DPEX_BENCH_COMMIT:-$(cat "$dir/COMMIT" 2>/dev/null || echo unknown)}" \
      --meta "date=$(date -u '+%Y-%m-%d %H:%M UTC')" \
      --meta "gpu, driver=$gpu" \
      --meta "load average at start=$(cut -d' ' -f1-3 /proc/loadavg)"
    ;;
  *)
    echo "usage: $0 [cpu] | bundle [BUNDLE_DIR] | gpu [BUNDLE_DIR] [OUT_DIR]" >&2
    exit 2
    ;;
esac
