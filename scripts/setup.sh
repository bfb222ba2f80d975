#!/usr/bin/env bash
# Installs what dpex builds and tests with: the Debian 12 packages
# (docs/getting-started.md), then Intel's OpenCL CPU runtime from PyPI,
# registered as a vendor runtime (scripts/install-intel-opencl.sh). Skips
# whatever is already present.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(
  cmake ninja-build pkg-config g++ python3
  llvm-15-dev libclang-15-dev clang-15 llvm-15-tools
  libllvmspirvlib-15-dev llvm-spirv-15 spirv-tools
  libfmt-dev catch2 clang-format-15 clangd-15
  libopenmpi-dev openmpi-bin
  ocl-icd-opencl-dev opencl-headers pocl-opencl-icd libclc-15 clinfo
  zlib1g-dev libzstd-dev libedit-dev libxml2-dev libcurl4-openssl-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "dpex setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# DPEX_NO_INTEL_OPENCL=1 leaves PoCL as the only OpenCL CPU device.
if [ "${DPEX_NO_INTEL_OPENCL:-0}" != 1 ]; then
  $sudo "$root/scripts/install-intel-opencl.sh"
fi
