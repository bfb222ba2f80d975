#!/usr/bin/env bash
# Runs dpex_bench on CUDA device 0 against CUDA C++ twins built by nvcc.
# Run from anywhere in a checkout on the GPU machine, with a dpex_bench built
# elsewhere by bench/run.sh (its build configures the cuda image):
#
#   bench/run-gpu.sh [DPEX_BENCH] [OUT_DIR]
#
# DPEX_BENCH defaults to build-bench/bench/dpex_bench, OUT_DIR to $OUT or
# bench-gpu-out. Writes OUT_DIR/gpu.json (copy it to bench/results/gpu.json
# and run bench/run.sh --render), OUT_DIR/gpu.log and the twins' PTX.
# The binary needs no CUDA toolkit or LLVM; nvcc is needed for the twins.
# DPEX_BENCH_COMMIT names the commit the binary was built from, where the
# checkout here is not that commit.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=${1:-build-bench/bench/dpex_bench}
out=${2:-${OUT:-bench-gpu-out}}
mkdir -p "$out"

# No fast-math flags: dpexc uses none either.
nvcc -ptx -arch=sm_90 -O3 bench/cuda/bench_kernels.cu -o "$out/bench_kernels.ptx"

gpu=$(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader 2>/dev/null | head -1 || echo unknown)
DPEX_DEVICE=cuda:0 "$bench" \
  --sections dispatch,kernels \
  --ptx "$out/bench_kernels.ptx" \
  --out "$out/gpu.json" \
  --meta "git commit=${DPEX_BENCH_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}" \
  --meta "gpu, driver=$gpu" \
  --meta "nvcc=$(nvcc --version | tail -1)" \
  --meta "twins built with=nvcc -ptx -arch=sm_90 -O3" \
  2>&1 | tee "$out/gpu.log"
