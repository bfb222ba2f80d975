#!/usr/bin/env bash
# Accuracy of the kernel language's math functions, by default and under
# -ffast-math: each function's largest error in ulp against the host's
# double result, over the e2e math suite's inputs, on each OpenCL CPU
# device here; then docs/math-accuracy.md. GPU rows come from the device
# machine (bench/results/math-ulp-*-gpu.tsv, written by the same test
# binaries there with DPEX_MATH_ULP_REPORT set).
#
#   bench/math-accuracy.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
results=bench/results
cmake --build "$build" --target dpex_e2e_language_tests dpex_e2e_math_fast_math_tests
rm -f "$results/math-ulp-default.tsv" "$results/math-ulp-fast-math.tsv"
for device in opencl:pocl opencl:intel; do
  DPEX_DEVICE=$device DPEX_MATH_ULP_REPORT="$results/math-ulp-default.tsv" \
    "$build/test/e2e/dpex_e2e_language_tests" "[math]" > /dev/null
  DPEX_DEVICE=$device DPEX_MATH_ULP_REPORT="$results/math-ulp-fast-math.tsv" \
    "$build/test/e2e/dpex_e2e_math_fast_math_tests" "[math]" > /dev/null
done
python3 bench/math_accuracy.py --commit "$(git rev-parse --short HEAD)" \
  > docs/math-accuracy.md
