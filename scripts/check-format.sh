#!/usr/bin/env bash
# Fails when a tracked C, C++, OpenCL C or CUDA source differs from what
# clang-format 15 makes of it (.clang-format: LLVM style; test/lit keeps its
# inputs' layout), naming each such file. `--fix` rewrites them instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
format=${CLANG_FORMAT:-clang-format-15}
command -v "$format" >/dev/null || {
  echo "check-format: $format not found (scripts/setup.sh installs it)" >&2
  exit 2
}
mapfile -t files < <(git ls-files '*.c' '*.cpp' '*.h' '*.hpp' '*.cl' '*.cu')
if [ "${1:-}" = --fix ]; then
  exec "$format" -i "${files[@]}"
fi
unformatted=()
for f in "${files[@]}"; do
  "$format" --dry-run --Werror "$f" 2>/dev/null || unformatted+=("$f")
done
if [ ${#unformatted[@]} -gt 0 ]; then
  echo "check-format: not formatted (scripts/check-format.sh --fix):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
