#!/usr/bin/env bash
# Installs the dpex build, builds an out-of-tree project against it with
# find_package(dpex) + add_dpex_kernel, runs it, then checks that touching a
# header included by one kernel source re-runs dpexc for that source only.
set -euo pipefail
: "${DPEX_BUILD_DIR:?}" "${DPEX_PROJECT_DIR:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$DPEX_BUILD_DIR" --prefix "$work/prefix" >/dev/null
cp -r "$DPEX_PROJECT_DIR" "$work/project"
cmake -S "$work/project" -B "$work/build" -G Ninja \
  -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
"$work/build/consumer"

# Ninja's explain log names every edge it re-runs and why.
sleep 1
touch "$work/project/kernels/scale_config.hpp"
log=$(cmake --build "$work/build" -- -d explain 2>&1)
regenerated=$(grep -c 'dpexc ' <<<"$log" || true)
if ! grep -q 'dpexc kernels/scale' <<<"$log" || grep -q 'dpexc kernels/offset' <<<"$log"; then
  echo "expected only the scale stub to rebuild; build log:" >&2
  echo "$log" >&2
  exit 1
fi
echo "incremental: touching scale_config.hpp re-ran dpexc ${regenerated}x, for scale only"
"$work/build/consumer"
