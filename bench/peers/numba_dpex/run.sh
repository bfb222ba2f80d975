#!/usr/bin/env bash
# numba_dpex and dpex side by side on Intel's OpenCL CPU runtime, in one run:
# sets up the pinned numba-dpex virtual environment, builds dpex_peer_bench,
# runs the two sides alternately in fresh processes (dpex's first call with
# its program cache cold and warm), checks that their outputs
# agree and writes bench/results/numba-dpex.{json,md,png}. Then
# `bench/run.sh --render` puts the table into docs/performance.md.
#
#   bench/peers/numba_dpex/run.sh
#
# FIRST_CALL_ROUNDS (default 9) and STEADY_ROUNDS (default 5) set how many
# processes each side gets. Everything built goes under build-peers/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../../.."
peers=build-peers
venv=$peers/venv
build=$peers/dpex
runs=$peers/runs
outputs=$peers/outputs
first_rounds=${FIRST_CALL_ROUNDS:-9}
steady_rounds=${STEADY_ROUNDS:-5}
intel_icd=/etc/OpenCL/vendors/intel-cpu.icd

[ -f "$intel_icd" ] || scripts/install-intel-opencl.sh
intel_lib=$(cat "$intel_icd")
if ! command -v gnuplot >/dev/null; then
  apt-get install -y gnuplot-nox >/dev/null
fi

# The wheels are cp311 builds; the environment is rebuilt when the pins change.
if ! cmp -s "$here/requirements.txt" "$venv/requirements.txt"; then
  rm -rf "$venv"
  python3.11 -m venv "$venv"
  nice -n 10 "$venv/bin/pip" install --quiet --disable-pip-version-check \
    --no-deps -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$venv/requirements.txt"
fi

nice -n 10 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DDPEX_KERNEL_TARGETS="spirv;spir" >/dev/null
nice -n 10 cmake --build "$build" -j2 --target dpex_peer_bench

# dpctl's libraries find the SYCL runtime only on LD_LIBRARY_PATH (their
# RPATH is a build machine's). Intel's runtime goes first: the compiler
# runtime of the venv (2024.x) shadows the one libintelocl.so was built with,
# and it then fails to load. The loader is given Intel's ICD alone, so
# dpctl's default device, which numba-dpex types local memory against, is
# the measured one and PoCL stays out.
mkdir -p "$peers/icd"
cp "$intel_icd" "$peers/icd/"
numba_dpex() {
  LD_LIBRARY_PATH="$(dirname "$intel_lib"):$PWD/$venv/lib" \
  OCL_ICD_VENDORS="$PWD/$peers/icd" \
    "$venv/bin/python" "$here/bench_numba_dpex.py" "$@" --device opencl:cpu
}
# dpex's first call with its program cache cold (a new empty DPEX_CACHE_DIR
# per process, what `dpex` runs) and warm (dpex_warm: a cache filled by one
# run before, a user's second run); steady-state runs use the warm one.
dpex_cache=$peers/dpex-cache
dpex_in() {
  local cache=$1
  shift
  DPEX_CACHE_DIR=$cache DPEX_DEVICE=opencl:intel \
    "$build/bench/dpex_peer_bench" "$@"
}
dpex() {
  local cold
  cold=$(mktemp -d)
  dpex_in "$cold" "$@"
  rm -rf "$cold"
}
dpex_warm() {
  dpex_in "$PWD/$dpex_cache" "$@"
}

rm -rf "$runs" "$outputs" "$dpex_cache"
mkdir -p "$runs" "$outputs/dpex" "$outputs/numba_dpex"
dpex_warm first-call > /dev/null
# Alternating which side goes first, so that neither always runs right
# after the other: the VM's load changes from minute to minute.
for ((r = 0; r < first_rounds; ++r)); do
  echo "first call, round $((r + 1))/$first_rounds" >&2
  for side in $( ((r % 2)) && echo "numba_dpex dpex dpex_warm" || echo "dpex_warm dpex numba_dpex"); do
    "$side" first-call >> "$runs/first-call-$side.jsonl"
  done
done
for ((r = 0; r < steady_rounds; ++r)); do
  echo "steady state, round $((r + 1))/$steady_rounds" >&2
  for side in $( ((r % 2)) && echo "numba_dpex dpex" || echo "dpex numba_dpex"); do
    if [ "$side" = dpex ]; then run=dpex_warm; else run=$side; fi
    "$run" steady --out-dir "$outputs/$side" >> "$runs/steady-$side.jsonl"
  done
done

# dpex_peer_bench is built from the working tree, which may be ahead of HEAD.
commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- runtime include lib bench || commit+=" (with uncommitted changes)"
version() { "$venv/bin/pip" show "$1" 2>/dev/null | sed -n 's/^Version: //p'; }
"$venv/bin/python" "$here/summarize.py" --runs "$runs" --outputs "$outputs" \
  --out-prefix bench/results/numba-dpex \
  --meta "command=bench/peers/numba_dpex/run.sh" \
  --meta "git commit=$commit" \
  --meta "date=$(date -u '+%Y-%m-%d %H:%M UTC')" \
  --meta "machine=shared 2-core VM, other builds may have run meanwhile" \
  --meta "numba-dpex=$(version numba-dpex)" \
  --meta "dpctl=$(version dpctl)" \
  --meta "numba=$(version numba)" \
  --meta "dpnp=$(version dpnp)" \
  --meta "DPC++ runtime (intel-sycl-rt)=$(version intel-sycl-rt)" \
  --meta "Python=$("$venv/bin/python" -c 'import platform; print(platform.python_version())')" \
  --meta "intel-opencl-rt=$(cat "$(dirname "$intel_lib")/../.dpex-installed" 2>/dev/null || echo unknown)" \
  --meta "rounds=$first_rounds first-call and $steady_rounds steady processes per side"
