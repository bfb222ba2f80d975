#!/usr/bin/env bash
# Builds dpex_bench, runs it on both OpenCL CPU devices (PoCL through the
# spir image, Intel's CPU runtime through the SPIR-V) and renders
# docs/performance.md and docs/performance.png from bench/results/*.json (the
# CPU runs, plus the GPU run from bench/run-gpu.sh where one was copied there).
#
#   bench/run.sh            build, measure on the CPU devices, render
#   bench/run.sh --render   only render from bench/results/*.json
#
# BUILD_DIR (default build-bench) is configured with the cuda image too, so
# the same dpex_bench binary runs on a GPU machine (bench/run-gpu.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build-bench}

# Needed for the plot only; not part of CI's setup.
if ! command -v gnuplot >/dev/null; then
  apt-get install -y gnuplot-nox >/dev/null
fi

if [[ "${1:-}" != "--render" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DDPEX_KERNEL_TARGETS="spirv;spir;cuda" >/dev/null
  cmake --build "$build" -j2 --target dpex_bench dpexc
  mkdir -p bench/results
  commit=$(git rev-parse --short HEAD)
  machine="shared 2-core VM; other builds may have run meanwhile"
  # The compile section does not depend on the device: measured once, on
  # its own.
  "$build/bench/dpex_bench" --out bench/results/compile-time.json \
    --sections compile --dpexc "$build/tools/dpexc/dpexc" --source-root . \
    --meta "git commit=$commit" --meta "machine=$machine" \
    | tee "$build/bench-compile.log"
  DPEX_DEVICE=opencl:pocl "$build/bench/dpex_bench" \
    --out bench/results/cpu.json --sections dispatch,kernels \
    --cl-source bench/opencl/bench_kernels.cl \
    --meta "git commit=$commit" --meta "machine=$machine" \
    --meta "OpenCL=$(dpkg-query -W -f='pocl-opencl-icd ${Version}' pocl-opencl-icd 2>/dev/null || echo unknown)" \
    | tee "$build/bench-cpu.log"
  DPEX_DEVICE=opencl:intel "$build/bench/dpex_bench" \
    --out bench/results/cpu-intel.json --sections dispatch,kernels \
    --cl-source bench/opencl/bench_kernels.cl \
    --meta "git commit=$commit" --meta "machine=$machine" \
    --meta "OpenCL=$(cat /opt/intel-opencl-rt/.dpex-installed 2>/dev/null || echo unknown)" \
    | tee "$build/bench-cpu-intel.log"
fi

results=(bench/results/cpu.json bench/results/cpu-intel.json bench/results/compile-time.json)
if [[ -f bench/results/gpu.json ]]; then
  results+=(bench/results/gpu.json)
fi
python3 bench/report.py --out docs/performance.md --plot docs/performance.png \
  --notes bench/notes.md \
  --command "bench/run.sh   # CPU (PoCL, Intel); GPU: bench/run-gpu.sh, then copy gpu.json to bench/results/ and run bench/run.sh --render" \
  "${results[@]}"
