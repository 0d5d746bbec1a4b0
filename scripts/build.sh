#!/usr/bin/env bash
# Installs what is missing, configures (Release unless BUILD_TYPE is set) and
# builds emnpub into build/. Shared by run.sh, test.sh and bench.sh.
# EMNPUB_CMAKE_ARGS: extra configure arguments, space-separated (test.sh
# passes -DEMNPUB_BROWSER_TESTS=ON|OFF through it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
BUILD_TYPE="${BUILD_TYPE:-Release}"
# shellcheck disable=SC2086 # EMNPUB_CMAKE_ARGS is a list of words
cmake -S . -B build -DCMAKE_BUILD_TYPE="$BUILD_TYPE" ${EMNPUB_CMAKE_ARGS:-} >/dev/null
cmake --build build -j"${JOBS:-2}" "$@"
