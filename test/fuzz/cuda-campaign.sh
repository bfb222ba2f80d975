#!/usr/bin/env bash
# The runtime image fuzzer on a CUDA GPU (docs/reliability.md).
#   test/fuzz/cuda-campaign.sh build     # here: clang + libFuzzer + ASan, the
#                                        # runtime only, into build-cuda-fuzz/
#   test/fuzz/cuda-campaign.sh run SECS  # on the GPU machine, from the
#                                        # repository root, with build-cuda-fuzz/
# `run` leaves the log, the grown corpus and any findings in
# build-cuda-fuzz/campaign/.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/build-cuda-fuzz
case "${1:-}" in
build)
  CC=clang-15 CXX=clang++-15 cmake -S "$root" -B "$root/build-fuzz-rt" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDPEX_BUILD_FUZZERS=ON \
    -DDPEX_BUILD_COMPILER=OFF >/dev/null
  cmake --build "$root/build-fuzz-rt" --target runtime_image_fuzzer
  rm -rf "$out" && mkdir -p "$out"
  cp "$root/build-fuzz-rt/test/fuzz/runtime_image_fuzzer" "$out/"
  cp -r "$root/test/fuzz/corpus/runtime_image_fuzzer" "$out/seeds"
  ;;
run)
  secs=${2:?usage: $0 run SECONDS}
  cd "$out"
  rm -rf campaign && mkdir -p campaign/corpus campaign/artifacts
  # The CUDA driver maps memory where ASan's shadow gap would be.
  DPEX_DEVICE=cuda:0 ASAN_OPTIONS=detect_leaks=0:protect_shadow_gap=0 \
    ./runtime_image_fuzzer -max_total_time="$secs" -timeout=30 \
    -rss_limit_mb=8192 -print_final_stats=1 \
    -artifact_prefix=campaign/artifacts/rt- campaign/corpus seeds \
    2>&1 | tee campaign/fuzz.log
  ;;
*)
  echo "usage: $0 build | run SECONDS" >&2
  exit 2
  ;;
esac
