#!/usr/bin/env bash
# End-to-end: `emnpub prepare-hyphenation`, the build step that saves the
# installed hyphenation dictionaries as images (text/hyphen_dict_image.hpp).
#
#   bash prepare_hyphenation.sh /path/to/emnpub /path/to/repo
#
#   --out DIR           -> exit 0, one image per real dictionary file (not per
#                          symlinked name), each named <file>.dic.img, non-empty,
#                          and the same bytes when made again (deterministic)
#   --from a missing dir -> exit 0 with a note: nothing to prepare
#   a bad argument      -> exit 2 (usage)
#   a render after the build's own step uses the image: no .dic is opened
set -u

. "$(dirname "$0")/lib/args.sh" "$@"

. "$(dirname "$0")/lib/checks.sh"

if [ ! -d /usr/share/hyphen ]; then echo "SKIP: no /usr/share/hyphen"; exit 0; fi

"$BIN" prepare-hyphenation --out "$T/a" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 0 ]; then pass; else fail "prepare-hyphenation exited $rc: $(head -c 300 "$T/err")"; fi

want=$(for f in /usr/share/hyphen/hyph_*.dic; do readlink -f "$f"; done | sort -u | wc -l)
got=$(ls "$T/a"/*.dic.img 2>/dev/null | wc -l)
if [ "$got" -eq "$want" ] && [ "$got" -gt 0 ]; then pass; else fail "expected $want images, found $got"; fi
for img in "$T/a"/*.dic.img; do
  [ -s "$img" ] && pass || fail "$img is empty"
  dic=/usr/share/hyphen/$(basename "$img" .img)
  [ -f "$dic" ] && pass || fail "$img names no installed dictionary"
done

"$BIN" prepare-hyphenation --out "$T/b" >/dev/null 2>&1
if diff -r "$T/a" "$T/b" >/dev/null; then pass; else fail "images differ between two runs"; fi

"$BIN" prepare-hyphenation --from "$T/nowhere" --out "$T/c" >"$T/out" 2>&1
rc=$?
if [ $rc -eq 0 ] && grep -q "nothing to prepare" "$T/out"; then pass; else fail "missing --from: exit $rc, $(head -c 200 "$T/out")"; fi

"$BIN" prepare-hyphenation --bogus >/dev/null 2>&1
rc=$?
if [ $rc -eq 2 ]; then pass; else fail "bad argument: expected exit 2, got $rc"; fi

# The build ran the step into build/hyphen: a Dutch render reads the image,
# never the .dic (strace: scripts/setup.sh installs it).
strace -f -e trace=openat -o "$T/trace" "$BIN" render "$REPO/samples/inform-nl.xml" -o "$T/nl.pdf" 2>/dev/null
if grep -q 'hyph_nl_NL.dic.img' "$T/trace" && ! grep -q 'hyph_nl[^"]*\.dic"' "$T/trace"; then pass
else fail "the Dutch render did not load its image: $(grep hyph "$T/trace" | head -3 | tr '\n' '|')"; fi

finish prepare_hyphenation
