#!/usr/bin/env bash
# Installs what is missing, then configures and builds dpex in build/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
jobs=${DPEX_JOBS:-$(nproc)}
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDPEX_WERROR=ON >/dev/null
cmake --build "$root/build" -j "$jobs"
