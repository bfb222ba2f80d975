#!/usr/bin/env bash
# The README's main job: set up, build, compile the example kernels with
# dpexc (through add_dpex_kernel) and run each on the default device.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
status=0
for example in saxpy matrix2d tiled_matmul reduction histogram stencil2d black_scholes; do
  echo "== $example"
  "$root/build/examples/$example" || status=1
done
exit $status
