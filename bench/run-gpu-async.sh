#!/usr/bin/env bash
# The async copy overlap and graph replay benches on CUDA device 0, run from
# a gpu-check bundle (scripts/gpu-check.sh bundle) on the GPU machine; nvcc
# builds the raw twins' PTX there.
#
#   bench/run-gpu-async.sh [BUNDLE_DIR] [OUT_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bundle=${1:-$root/build-gpu-bundle}
out=${2:-$(mktemp -d)}
mkdir -p "$out"
nvcc -ptx -arch=sm_90 -O3 "$root/bench/cuda/bench_kernels.cu" \
  -o "$out/bench_kernels.ptx"
echo "commit $(cat "$bundle/COMMIT");" \
  "$(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader)"
echo "=== dpex_copy_overlap 256 15"
DPEX_DEVICE=cuda:0 "$bundle/dpex_copy_overlap" 256 15
echo "=== dpex_graph_replay (raw: nvcc -ptx -arch=sm_90 -O3) 50"
DPEX_DEVICE=cuda:0 "$bundle/dpex_graph_replay" "$out/bench_kernels.ptx" 50
