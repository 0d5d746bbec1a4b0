#!/usr/bin/env bash
# End-to-end: a render reads only the font files of the faces the document
# uses (issue 2: "fonts are loaded lazily and only the faces a document
# uses are read").
#
#   bash fonts_read.sh /path/to/emnpub /path/to/repo
#
# For every sample, and for an inform with its emphasis removed (so no
# italic face), the font files the render opens (strace) are exactly the
# faces embedded in its PDF (pdffonts).
set -u

. "$(dirname "$0")/lib/args.sh" "$@"

. "$(dirname "$0")/lib/checks.sh"

sed 's#<em>\([^<]*\)</em>#\1#g' "$REPO/samples/inform-en.xml" >"$T/inform-plain.xml"
if grep -q "<em" "$T/inform-plain.xml"; then fail "the plain inform still has <em>"; fi

for xml in "$REPO"/samples/*.xml "$T/inform-plain.xml"; do
  name=$(basename "$xml" .xml)
  strace -f -e trace=openat -o "$T/$name.trace" "$BIN" render "$xml" -o "$T/$name.pdf" 2>/dev/null
  if [ ! -s "$T/$name.pdf" ]; then fail "$name: no PDF"; continue; fi
  grep -E '\.(ttf|otf|ttc)"' "$T/$name.trace" | grep -v ENOENT | sed 's/.*"\(.*\)".*/\1/' |
    xargs -n1 basename | sed 's/\.[ot]t[fc]$//' | sort -u >"$T/read"
  pdffonts "$T/$name.pdf" | tail -n +3 | awk '{print $1}' | sed 's/^[A-Z]\{6\}+//' | sort -u >"$T/embedded"
  if [ ! -s "$T/read" ]; then fail "$name: no font file opened (strace saw nothing?)"; continue; fi
  if diff -q "$T/read" "$T/embedded" >/dev/null; then pass
  else fail "$name: read and embedded faces differ: $(diff "$T/read" "$T/embedded" | grep '^[<>]' | tr '\n' ' ')"; fi
done
if grep -q "Italic" "$T/read" 2>/dev/null; then fail "the plain inform read an italic face"; else pass; fi

finish fonts_read
