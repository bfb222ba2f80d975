#!/usr/bin/env bash
# Installs the Debian 12 packages dpex builds and tests with (DESIGN.md §1),
# skipping the apt round-trip when everything is already present.
set -euo pipefail

packages=(
  cmake ninja-build pkg-config g++ python3
  llvm-15-dev libclang-15-dev clang-15 llvm-15-tools
  libllvmspirvlib-15-dev llvm-spirv-15 spirv-tools
  libcli11-dev libfmt-dev catch2
  ocl-icd-opencl-dev opencl-headers pocl-opencl-icd libclc-15
  zlib1g-dev libzstd-dev libedit-dev libxml2-dev libcurl4-openssl-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "dpex setup: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
