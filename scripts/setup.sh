#!/usr/bin/env bash
# Installs every Debian package emnpub needs to build, test and run.
# A no-op (no apt calls at all) when everything is already present.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libpoco-dev libxml2-dev libxml2-utils
  libharfbuzz-dev libfreetype-dev libicu-dev
  libhyphen-dev hyphen-nl hyphen-fr hyphen-de hyphen-en-us
  libhpdf-dev libgtest-dev zlib1g-dev
  fonts-noto-core fonts-dejavu-core
  poppler-utils qpdf icc-profiles-free unicode-data time imagemagick curl wrk
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
