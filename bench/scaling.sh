#!/usr/bin/env bash
# Strong and weak scaling of the split Jacobi solver (examples/jacobi).
#
#   bench/scaling.sh cpu [BIN_DIR] [OUT]   # 1 and 2 MPI ranks on the CPU
#   bench/scaling.sh gpu [BIN_DIR] [OUT]   # 1..N GPUs of this machine
#   bench/scaling.sh overlap [BIN_DIR] [OUT]  # blocking vs overlapped halos
#
# BIN_DIR holds jacobi_mpi and jacobi_multidevice (default
# build/examples/jacobi). OUT (default scaling-<mode>.txt) gets "# key: value"
# lines describing the run and the solvers' "jacobi ..." result lines; every
# configuration runs five times (DPEX_SCALING_REPEATS sets how many),
# bench/scaling_report.py takes the median and renders docs/scaling.md and
# its plot.
#
# cpu: jacobi_mpi on PoCL, each rank one PoCL thread (POCL_MAX_PTHREAD_COUNT=1),
#   so a rank is a core: strong = a 2048 x 2048 grid on 1 and 2 ranks, weak =
#   2048 rows per rank. Needs as many cores as ranks.
# gpu: jacobi_multidevice, one block per GPU: strong = a 16384 x 16384 grid
#   on 1..N GPUs, weak = 16384 rows per GPU, each with the halo exchange
#   overlapped (copy_to_async, the default) and blocking (copy_to,
#   strong-blocking and weak-blocking). With one GPU it also runs 2 blocks on
#   that GPU, two queues: not scaling, but what the halo exchange between
#   blocks costs per step.
# overlap: jacobi_multidevice over the devices present (PoCL and Intel's CPU
#   runtime on a machine without GPUs), one block each, blocking against
#   overlapped halo exchange on a 512 x 512 and a 2048 x 2048 grid, the two
#   alternating.
set -euo pipefail
mode=${1:-}
bin=${2:-build/examples/jacobi}
out=${3:-scaling-$mode.txt}
repeats=${DPEX_SCALING_REPEATS:-5}

meta() { echo "# $1: $2" >> "$out"; }
run() { # <label> <command...>
  for _ in $(seq $repeats); do
    echo "run $1: $("${@:2}" | grep '^jacobi ')" | tee -a "$out"
  done
}

: > "$out"
meta mode "$mode"
meta date "$(date -u +%Y-%m-%dT%H:%MZ)"
meta cores "$(nproc)"
meta cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
meta commit "${DPEX_SCALING_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}"

case "$mode" in
cpu)
  mpirun=(mpirun --oversubscribe)
  [ "$(id -u)" -ne 0 ] || mpirun+=(--allow-run-as-root)
  meta device "PoCL, one thread per rank"
  export DPEX_DEVICE=opencl:pocl POCL_MAX_PTHREAD_COUNT=1
  for n in 1 2; do
    run "strong n=$n" "${mpirun[@]}" -np $n "$bin/jacobi_mpi" \
      --rows 2048 --cols 2048 --steps 101 --no-check
    run "weak n=$n" "${mpirun[@]}" -np $n "$bin/jacobi_mpi" \
      --rows $((2048 * n)) --cols 2048 --steps 101 --no-check
  done
  ;;
gpu)
  gpus=$(nvidia-smi -L | wc -l)
  meta gpus "$gpus"
  meta gpu "$(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader | head -1)"
  for n in $(seq "$gpus"); do
    for how in "" -blocking; do
      flag=()
      [ -z "$how" ] || flag=(--blocking)
      run "strong$how n=$n" "$bin/jacobi_multidevice" --parts "$n" \
        --rows 16384 --cols 16384 --steps 501 --no-check "${flag[@]}"
      run "weak$how n=$n" "$bin/jacobi_multidevice" --parts "$n" \
        --rows $((16384 * n)) --cols 16384 --steps 501 --no-check "${flag[@]}"
    done
  done
  if [ "$gpus" -eq 1 ]; then
    run "blocks-on-one-gpu n=1" "$bin/jacobi_multidevice" --parts 1 \
      --rows 16384 --cols 16384 --steps 501 --no-check
    run "blocks-on-one-gpu n=2" "$bin/jacobi_multidevice" --parts 2 \
      --rows 16384 --cols 16384 --steps 501 --no-check
  fi
  ;;
overlap)
  meta device "every device present, one block each"
  n=$("$bin/jacobi_multidevice" --rows 3 --cols 3 --steps 0 --no-check |
    grep -c '^block ')
  # Alternating, so that a change of load elsewhere hits both alike.
  for size in 512 2048; do
    for _ in $(seq "$repeats"); do
      repeats=1 run "blocking-$size n=$n" "$bin/jacobi_multidevice" \
        --blocking --rows $size --cols $size --steps 101 --no-check
      repeats=1 run "overlapped-$size n=$n" "$bin/jacobi_multidevice" \
        --rows $size --cols $size --steps 101 --no-check
    done
  done
  ;;
*)
  echo "usage: $0 cpu|gpu|overlap [BIN_DIR] [OUT]" >&2
  exit 2
  ;;
esac
