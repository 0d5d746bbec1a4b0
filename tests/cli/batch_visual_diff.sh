#!/usr/bin/env bash
# End-to-end: scripts/visual-diff.sh OLD_REF NEW_REF shows what a layout edit
# does to the pages.
#
#   bash batch_visual_diff.sh /path/to/emnpub /path/to/repo
#
# On two samples (an inform and a bulletin), 40 dpi:
#   - the same layouts twice: exit 0, "no page changed", no contact sheet
#   - a rule colour edited in the bulletin layout: exit 1, only bulletin
#     pages listed, and the contact sheet it prints exists and is a PNG with
#     three columns (before, after, difference)
#   - a broken inform layout on the new side: the inform is listed as
#     refused with the new layouts only
#   - git revisions: HEAD against HEAD changes nothing
#   - an unknown revision or folder: exit 2
set -u

. "$(dirname "$0")/lib/args.sh" "$@"
for tool in pdftoppm compare montage identify; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not installed (poppler-utils, imagemagick)"; exit 1; }
done

. "$(dirname "$0")/lib/checks.sh"
show() { head -c 600 "$1" | tr '\n' '|'; }
check() {  # check WHAT EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then pass; else fail "$1: expected '$2', got '$3'"; fi
}

mkdir -p "$T/samples"
cp "$REPO/samples/inform-en.xml" "$REPO/samples/bulletin-en.xml" "$T/samples/"
cp -r "$REPO/layouts" "$T/old"
cp -r "$REPO/layouts" "$T/new"
vdiff() {  # vdiff OLD NEW -> RC, $T/stdout, $T/stderr
  rm -rf "$T/vd"
  (cd "$T" && EMNPUB=$BIN SAMPLES=$T/samples OUT=$T/vd DPI=40 timeout 120 bash "$REPO/scripts/visual-diff.sh" "$@") \
    </dev/null >"$T/stdout" 2>"$T/stderr"
  RC=$?
}

# --- nothing changed ---
vdiff "$T/old" "$T/new"
check "same layouts: exit code (stderr: $(show "$T/stderr"))" 0 "$RC"
if grep -q "no page changed" "$T/stdout"; then pass; else fail "same layouts: no 'no page changed': $(show "$T/stdout")"; fi
if ls "$T/vd"/contact-*.png >/dev/null 2>&1; then fail "same layouts: a contact sheet was written"; else pass; fi

# --- a colour edit in the bulletin layout ---
sed -i 's/rule-color="eu-yellow"/rule-color="eu-blue"/' "$T/new/bulletin.xml"
vdiff "$T/old" "$T/new"
check "bulletin colour edit: exit code (stderr: $(show "$T/stderr"))" 1 "$RC"
pages=$(grep -c '^bulletin-en.xml page [0-9]*: [0-9]* pixels differ$' "$T/vd/summary.txt")
if [ "$pages" -ge 1 ]; then pass; else fail "bulletin colour edit: no changed bulletin page in the summary: $(show "$T/vd/summary.txt")"; fi
check "bulletin colour edit: pages of other documents listed" "" "$(grep -v '^bulletin-en.xml ' "$T/vd/summary.txt")"
sheet=$(sed -n 's/^visual-diff: contact sheet: \([^ ]*\).*/\1/p' "$T/stdout")
if [ -n "$sheet" ] && [ -f "$sheet" ]; then pass; else fail "bulletin colour edit: no contact sheet printed or found: $(show "$T/stdout")"; fi
if [ -n "$sheet" ] && [ -f "$sheet" ]; then
  check "contact sheet format" PNG "$(identify -format %m "$sheet" 2>/dev/null)"
  # one row per changed page (8 per sheet), three page images per row
  w=$(identify -format %w "$sheet")
  "$BIN" render "$T/samples/bulletin-en.xml" -o "$T/b.pdf" --layouts "$T/new" 2>/dev/null
  pdftoppm -r 40 -png -f 1 -l 1 -singlefile "$T/b.pdf" "$T/p1"
  pw=$(identify -format %w "$T/p1.png" 2>/dev/null || echo 1)
  if [ "$w" -ge $((3 * pw)) ] && [ "$w" -lt $((4 * pw)) ]; then pass; else fail "contact sheet is $w px wide for pages of $pw px: not three columns"; fi
fi

# --- a broken layout on the new side ---
cp "$T/old/bulletin.xml" "$T/new/bulletin.xml"
printf '<layout>\n' >"$T/new/inform.xml"
vdiff "$T/old" "$T/new"
check "broken new layout: exit code (stderr: $(show "$T/stderr"))" 1 "$RC"
if grep -qx "inform-en.xml: refused with $T/new only" "$T/vd/summary.txt"; then pass; else
  fail "broken new layout: the inform is not listed as refused: $(show "$T/vd/summary.txt")"
fi

# --- git revisions ---
if git -C "$REPO" rev-parse --verify --quiet 'HEAD^{commit}' >/dev/null 2>&1; then
  vdiff HEAD HEAD
  check "HEAD against HEAD: exit code (stdout: $(show "$T/stdout") stderr: $(show "$T/stderr"))" 0 "$RC"
else
  echo "note: $REPO is not a git checkout; the git-revision case is not checked"
fi

# --- trouble ---
vdiff "$T/old" no-such-revision-or-folder
check "unknown revision: exit code" 2 "$RC"
if grep -q "neither a folder nor a git revision" "$T/stderr"; then pass; else fail "unknown revision: unclear message: $(show "$T/stderr")"; fi

finish batch_visual_diff
