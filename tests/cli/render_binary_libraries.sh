#!/usr/bin/env bash
# End-to-end: build/emnpub loads only the shared libraries the render path
# needs, and one C++ runtime.
#
#   bash render_binary_libraries.sh /path/to/emnpub /path/to/repo
#
# - never Poco (the other commands exec build/emnpub-full);
# - when built with EMNPUB_STATIC_RENDER (the default; read from the
#   CMakeCache.txt beside the binary), none of libxml2, ICU, libhyphen,
#   liblzma, libstdc++ or libgcc_s: they are linked in. A shared library
#   that needs libstdc++ would bring a second C++ runtime into the process
#   beside the static one, so this test fails when one creeps in (say a
#   Poco call on the render path);
# - the binary still renders, validates and hands other commands on.
set -u

. "$(dirname "$0")/lib/args.sh" "$@"

. "$(dirname "$0")/lib/checks.sh"

LOADED=$(ldd "$BIN" | awk '{print $1}')
if [ -z "$LOADED" ]; then fail "ldd listed nothing for $BIN"; else pass; fi
if grep -qi poco <<<"$LOADED"; then fail "build/emnpub loads Poco: $(grep -i poco <<<"$LOADED" | tr '\n' ' ')"; else pass; fi

CACHE=$(dirname "$BIN")/CMakeCache.txt
if grep -q '^EMNPUB_STATIC_RENDER:BOOL=ON' "$CACHE" 2>/dev/null; then
  for lib in libxml2 libicu libhyphen liblzma libstdc++ libgcc_s; do
    if grep -q "^$lib" <<<"$LOADED"; then
      fail "static build loads $lib: $(grep "^$lib" <<<"$LOADED" | tr '\n' ' ')"
    else
      pass
    fi
  done
else
  echo "note: shared build (EMNPUB_STATIC_RENDER off or no CMakeCache.txt beside $BIN)"
fi

# The linked-in libraries work: ICU (line breaking, bidi), libxml2 (parse,
# schema) and libhyphen (hyphenation) all take part in these.
if "$BIN" validate "$REPO/samples/inform-fr.xml" 2>"$T/err"; then pass; else fail "validate: $(cat "$T/err")"; fi
if "$BIN" render "$REPO/samples/inform-fr.xml" -o "$T/out.pdf" 2>"$T/err" && [ -s "$T/out.pdf" ]; then
  pass
  if pdftotext "$T/out.pdf" - | grep -q "réinstallation"; then pass; else fail "rendered text lacks 'réinstallation'"; fi
else
  fail "render: $(cat "$T/err")"
fi
if "$BIN" --version | grep -q '^emnpub '; then pass; else fail "--version"; fi

finish render_binary_libraries
