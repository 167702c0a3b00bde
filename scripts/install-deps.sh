#!/usr/bin/env bash
# Installs the Debian 12 packages zanline needs to build and test. Run as root.
#
#   scripts/install-deps.sh     # quiet no-op when everything is already installed
#
# Only packages that are missing are installed, and `apt-get update` runs only then.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libicu-dev libpugixml-dev libre2-dev libfmt-dev libcli11-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libssl-dev libxml2-utils git
)

missing=()
for pkg in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: as root run: apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
