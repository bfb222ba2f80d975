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

# The kernel rows with fast math on both sides: dpexc -ffast-math against
# nvcc -use_fast_math.
if [ -x "$(dirname "$bench")/dpex_bench_fast_math" ]; then
  nvcc -ptx -arch=sm_90 -O3 -use_fast_math bench/cuda/bench_kernels.cu \
    -o "$out/bench_kernels_fast_math.ptx"
  DPEX_DEVICE=cuda:0 "$(dirname "$bench")/dpex_bench_fast_math" \
    --sections kernels \
    --ptx "$out/bench_kernels_fast_math.ptx" \
    --out "$out/fast-math-gpu.json" \
    --meta "git commit=${DPEX_BENCH_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}" \
    --meta "gpu, driver=$gpu" \
    --meta "fast math=dpexc -ffast-math; twins nvcc -ptx -arch=sm_90 -O3 -use_fast_math" \
    2>&1 | tee "$out/fast-math-gpu.log"
fi

# The first call from process start (bench/first-call.sh), where its
# programs were built next to dpex_bench.
if [ -x "$(dirname "$bench")/dpex_first_call" ]; then
  bench/first-call.sh gpu "$(dirname "$bench")" "$out" ||
    echo "run-gpu.sh: bench/first-call.sh gpu failed" >&2
fi

# First launch (module load + first kernel), one process per sample: the
# bench module through dpex as PTX only and with SASS, and nvcc's twins as
# PTX and as a cubin. Cold: the driver's JIT cache off; warm: a JIT cache of
# its own, filled by one run first.
dir=$(dirname "$bench")
[ -x "$dir/dpex_first_launch_ptx" ] || exit 0
nvcc -cubin -arch=sm_90 -O3 bench/cuda/bench_kernels.cu -o "$out/bench_kernels.cubin"
runs=9
samples="$out/first-launch.txt"
: > "$samples"
for config in dpex-ptx dpex-sass nvcc-ptx nvcc-cubin; do
  case $config in
    dpex-ptx) cmd=("$dir/dpex_first_launch_ptx") ;;
    dpex-sass) [ -x "$dir/dpex_first_launch_sass" ] || continue
               cmd=("$dir/dpex_first_launch_sass") ;;
    nvcc-ptx) cmd=("$dir/dpex_first_launch_ptx" --module "$out/bench_kernels.ptx") ;;
    nvcc-cubin) cmd=("$dir/dpex_first_launch_ptx" --module "$out/bench_kernels.cubin") ;;
  esac
  for i in $(seq $runs); do
    echo "$config cold $(CUDA_CACHE_DISABLE=1 DPEX_DEVICE=cuda:0 "${cmd[@]}")" >> "$samples"
  done
  cache="$out/jit-cache-$config"
  rm -rf "$cache"
  CUDA_CACHE_PATH="$cache" DPEX_DEVICE=cuda:0 "${cmd[@]}" > /dev/null
  for i in $(seq $runs); do
    echo "$config warm $(CUDA_CACHE_PATH="$cache" DPEX_DEVICE=cuda:0 "${cmd[@]}")" >> "$samples"
  done
  rm -rf "$cache"
done
# Which image dpex loaded, from its trace.
: > "$out/first-launch-images.txt"
for variant in ptx sass; do
  [ -x "$dir/dpex_first_launch_$variant" ] || continue
  DPEX_TRACE=1 DPEX_DEVICE=cuda:0 "$dir/dpex_first_launch_$variant" > "$out/trace.txt" 2>&1
  grep -m1 "built module" "$out/trace.txt" |
    sed "s/^/dpex_first_launch_$variant: /" >> "$out/first-launch-images.txt"
  rm "$out/trace.txt"
done
python3 - "$samples" "$out/first-launch-images.txt" "$out/first-launch.json" \
  "${DPEX_BENCH_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}" "$gpu" <<'PY'
import json, statistics, sys
samples, images, out, commit, gpu = sys.argv[1:]
runs = {}
for line in open(samples):
    config, mode, ms = line.split()
    runs.setdefault((config, mode), []).append(float(ms))
rows = [{"config": c, "mode": m, "median_ms": statistics.median(v),
         "min_ms": min(v), "max_ms": max(v), "runs": len(v)}
        for (c, m), v in runs.items()]
json.dump({"commit": commit, "gpu": gpu, "images": open(images).read().splitlines(),
           "rows": rows}, open(out, "w"), indent=1)
for r in rows:
    print(f"{r['config']:<11} {r['mode']:<5} median {r['median_ms']:8.3f} ms "
          f"(min {r['min_ms']:.3f}, max {r['max_ms']:.3f}, {r['runs']} runs)")
PY
