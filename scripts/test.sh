#!/usr/bin/env bash
# Installs, builds and runs the whole test suite through ctest.
# EMNPUB_BROWSER_TESTS=1 adds the real-browser test of `emnpub preview`
# (browser.preview: headless Chromium, about 20 s); CI sets it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${EMNPUB_BROWSER_TESTS:-0}" = 1 ]; then browser=ON; else browser=OFF; fi
EMNPUB_CMAKE_ARGS="${EMNPUB_CMAKE_ARGS:-} -DEMNPUB_BROWSER_TESTS=$browser" scripts/build.sh
if [ "$browser" = OFF ]; then
  echo "test.sh: browser test browser.preview not run (headless Chromium); run with EMNPUB_BROWSER_TESTS=1 scripts/test.sh to include it"
fi
cd build
exec ctest --output-on-failure -j"${JOBS:-2}" --timeout 600
