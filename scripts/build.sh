#!/usr/bin/env bash
# Installs what is missing, configures (Release unless BUILD_TYPE is set) and
# builds emnpub into build/. Shared by run.sh, test.sh and bench.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
BUILD_TYPE="${BUILD_TYPE:-Release}"
cmake -S . -B build -DCMAKE_BUILD_TYPE="$BUILD_TYPE" >/dev/null
cmake --build build -j"${JOBS:-2}" "$@"
