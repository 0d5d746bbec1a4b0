#!/usr/bin/env bash
# Installs every Debian package emnpub needs to build, test and run, and the
# npm packages of web/ (pdf.js for `emnpub preview`, playwright-core for the
# browser test). A no-op (no apt or npm calls at all) when everything is
# already present.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libpoco-dev libxml2-dev libxml2-utils
  libharfbuzz-dev libfreetype-dev libicu-dev
  libhyphen-dev hyphen-nl hyphen-fr hyphen-de hyphen-en-us
  libhpdf-dev libgtest-dev zlib1g-dev liblzma-dev
  fonts-noto-core fonts-dejavu-core
  poppler-utils qpdf icc-profiles-free unicode-data time imagemagick curl wrk strace
  nodejs npm chromium
)

missing=()
for p in "${PACKAGES[@]}"; do
  # A Node.js from another source (NodeSource's nodejs bundles npm and
  # conflicts with Debian's npm) counts as present: don't fight it.
  case $p in nodejs | npm) if command -v "${p/nodejs/node}" >/dev/null; then continue; fi ;; esac
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# web/: pdf.js for `emnpub preview` and playwright-core for its browser test,
# at the versions pinned in web/package-lock.json. Skipped when every locked
# package is installed at its locked version.
cd "$(dirname "$0")/.."
if ! node -e '
  const fs = require("fs");
  const lock = JSON.parse(fs.readFileSync("web/package-lock.json", "utf8"));
  for (const [path, p] of Object.entries(lock.packages)) {
    if (!path || p.optional) continue;
    const have = JSON.parse(fs.readFileSync("web/" + path + "/package.json", "utf8"));
    if (have.version !== p.version) process.exit(1);
  }' 2>/dev/null; then
  echo "setup: installing web/ (npm ci)" >&2
  npm ci --prefix web --omit=optional --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
fi
