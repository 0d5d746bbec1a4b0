#!/usr/bin/env bash
# End-to-end: `emnpub batch` renders a folder tree and reruns incrementally.
#
#   bash batch_incremental.sh /path/to/emnpub /path/to/repo
#
# On the samples (report-en.xml left out: its German passage makes it slow)
# spread over nested folders, with a private copy of layouts/:
#   - first run: exit 0, one valid PDF per document at the mirrored path,
#     page counts as the manifest says, one plain log line per document (not
#     a terminal), no temporary files; the manifest records per document the
#     input's SHA-256, layout name + fingerprint, fonts fingerprint, output,
#     pages and status
#   - second run: renders nothing, PDFs untouched
#   - a colour edited in the bulletin layout: only the two bulletins re-render
#   - an edited input: only that document re-renders
#   - an edited brand file: --dry-run lists every document, writes nothing
#   - --force re-renders everything; a deleted PDF is re-rendered alone
#   - an output folder copied without timestamps is still up to date
set -u

. "$(dirname "$0")/lib/args.sh" "$@"
for tool in qpdf pdfinfo sha256sum; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not installed"; exit 1; }
done

. "$(dirname "$0")/lib/checks.sh"
show() { head -c 600 "$1" | tr '\n' '|'; }
check() {  # check WHAT EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then pass; else fail "$1: expected '$2', got '$3'"; fi
}

IN=$T/in
OUT=$T/out
LAY=$T/layouts
mkdir -p "$IN/informs" "$IN/bulletins/2026" "$IN/reports"
cp "$REPO"/samples/inform-{en,nl,multilingual}.xml "$IN/informs/"  # named: new samples must not change the counts
cp "$REPO"/samples/bulletin-*.xml "$IN/bulletins/2026/"
cp "$REPO"/samples/report-fr.xml "$IN/reports/"
cp -r "$REPO/layouts" "$LAY"
DOCS=$(cd "$IN" && find . -name '*.xml' | sed 's|^\./||' | sort)
NDOCS=$(echo "$DOCS" | wc -l)

batch() {  # batch ARGS... -> RC, $T/stdout, $T/stderr
  timeout 120 "$BIN" batch "$IN" -o "$OUT" --layouts "$LAY" "$@" </dev/null >"$T/stdout" 2>"$T/stderr"
  RC=$?
}
# Inputs listed in a top-level array ("rendered", "failed") of a report.
report_list() {
  awk -v sec="$2" '
    /^  "[a-z_]+": / { inside = index($0, "  \"" sec "\": ") == 1 }
    inside && /^ +"input": / { v = $0; sub(/^ +"input": "/, "", v); sub(/",?$/, "", v); print v }
  ' "$1" | sort
}
count() { sed -n "s/^    \"$2\": \([0-9]*\),\{0,1\}$/\1/p" "$1"; }  # count REPORT NAME
# manifest_field MANIFEST REL FIELD
manifest_field() {
  awk -v rel="$2" -v f="$3" '
    $0 == "  \"" rel "\": {" { inside = 1; next }
    inside && /^  }/ { inside = 0 }
    inside && index($0, "   \"" f "\": ") == 1 {
      v = substr($0, length(f) + 8); sub(/,$/, "", v); gsub(/^"|"$/, "", v); print v
    }' "$1"
}
pdf_of() { echo "$OUT/${1%.xml}.pdf"; }
sums() { for d in $DOCS; do sha256sum <"$(pdf_of "$d")"; done; }
REPORT=$OUT/batch-report.json
MANIFEST=$OUT/emnpub-manifest.json

# --- first run: everything renders, mirrored ---
batch --progress plain
check "first run exit code (stderr: $(show "$T/stderr"))" 0 "$RC"
for d in $DOCS; do
  pdf=$(pdf_of "$d")
  if [ -f "$pdf" ] && qpdf --check "$pdf" >/dev/null 2>&1; then pass; else fail "first run: no valid PDF at $pdf"; continue; fi
  pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
  check "manifest pages of $d" "$pages" "$(manifest_field "$MANIFEST" "$d" pages)"
  check "manifest status of $d" ok "$(manifest_field "$MANIFEST" "$d" status)"
  check "manifest output of $d" "${d%.xml}.pdf" "$(manifest_field "$MANIFEST" "$d" output)"
  check "manifest input hash of $d" "$(sha256sum <"$IN/$d" | cut -d' ' -f1)" "$(manifest_field "$MANIFEST" "$d" input_sha256)"
  want_layout=$(sed -n 's/.*<publication[^>]* type="\([a-z]*\)".*/\1/p' "$IN/$d" | head -n 1)
  check "manifest layout of $d" "$want_layout" "$(manifest_field "$MANIFEST" "$d" layout)"
  for f in layout_fingerprint fonts_fingerprint pdf_sha256; do
    v=$(manifest_field "$MANIFEST" "$d" $f)
    if [[ $v =~ ^[0-9a-f]{64}$ ]]; then pass; else fail "manifest $f of $d is not a SHA-256: '$v'"; fi
  done
  check "manifest pdf_sha256 of $d" "$(sha256sum <"$pdf" | cut -d' ' -f1)" "$(manifest_field "$MANIFEST" "$d" pdf_sha256)"
  if grep -q "^\[[0-9]*/$NDOCS\] rendered $d -> ${d%.xml}.pdf " "$T/stderr"; then pass; else
    fail "first run: no plain progress line for $d: $(show "$T/stderr")"
  fi
done
fp() { manifest_field "$MANIFEST" "$1" layout_fingerprint; }
check "same layout, same fingerprint" "$(fp informs/inform-en.xml)" "$(fp informs/inform-nl.xml)"
if [ "$(fp informs/inform-en.xml)" != "$(fp bulletins/2026/bulletin-en.xml)" ]; then pass; else
  fail "inform and bulletin layouts have the same fingerprint"
fi
check "one fonts fingerprint" 1 "$(for d in $DOCS; do manifest_field "$MANIFEST" "$d" fonts_fingerprint; done | sort -u | wc -l)"
check "first run rendered count" "$NDOCS" "$(count "$REPORT" rendered)"
check "first run rendered list" "$DOCS" "$(report_list "$REPORT" rendered)"
left=$(find "$OUT" -name '.*' | head -n 3)
check "first run: temporary files left" "" "$left"

# --- second run: nothing to do ---
before=$(sums)
mtimes=$(for d in $DOCS; do stat -c %Y.%y "$(pdf_of "$d")"; done)
batch
check "second run exit code" 0 "$RC"
check "second run rendered count" 0 "$(count "$REPORT" rendered)"
check "second run up-to-date count" "$NDOCS" "$(count "$REPORT" up_to_date)"
check "second run: PDFs unchanged" "$before" "$(sums)"
check "second run: PDFs not rewritten" "$mtimes" "$(for d in $DOCS; do stat -c %Y.%y "$(pdf_of "$d")"; done)"
if grep -q "rendered " "$T/stderr"; then fail "second run logged a render: $(show "$T/stderr")"; else pass; fi

# --- a colour edit in the bulletin layout re-renders only the bulletins ---
sed -i 's/rule-color="eu-yellow"/rule-color="eu-blue"/' "$LAY/bulletin.xml"
if grep -q 'rule-color="eu-blue"' "$LAY/bulletin.xml"; then pass; else fail "could not edit the bulletin layout copy"; fi
bulletins=$(echo "$DOCS" | grep '^bulletins/')
batch
check "after bulletin layout edit: exit code (stderr: $(show "$T/stderr"))" 0 "$RC"
check "after bulletin layout edit: rendered" "$bulletins" "$(report_list "$REPORT" rendered)"
if grep -q '"reason": "layout bulletin changed"' "$REPORT"; then pass; else fail "no 'layout bulletin changed' reason in the report"; fi
after=$(sums)
for d in $DOCS; do
  b=$(echo "$before" | sed -n "$(echo "$DOCS" | grep -nx "$d" | cut -d: -f1)p")
  a=$(echo "$after" | sed -n "$(echo "$DOCS" | grep -nx "$d" | cut -d: -f1)p")
  case $d in
    bulletins/*) if [ "$a" != "$b" ]; then pass; else fail "$d: PDF unchanged after its layout changed"; fi ;;
    *) check "$d: PDF after the bulletin layout edit" "$b" "$a" ;;
  esac
done

# --- an edited input re-renders only that document ---
sed -i '0,/<p>/s/<p>/<p>Bijgewerkt. /' "$IN/informs/inform-nl.xml"
batch
check "after input edit: exit code" 0 "$RC"
check "after input edit: rendered" "informs/inform-nl.xml" "$(report_list "$REPORT" rendered)"
if grep -q '"reason": "input changed"' "$REPORT"; then pass; else fail "no 'input changed' reason in the report"; fi

# --- a brand edit concerns every layout; --dry-run says so and writes nothing ---
sed -i 's/value="#003399"/value="#003398"/' "$LAY/brand.xml"
msum=$(sha256sum <"$MANIFEST")
before=$(sums)
batch --dry-run
check "dry run exit code" 0 "$RC"
check "dry run: documents to render" "$DOCS" "$(awk -F'\t' '$1 == "render" {print $2}' "$T/stdout" | sort)"
check "dry run: manifest untouched" "$msum" "$(sha256sum <"$MANIFEST")"
check "dry run: PDFs untouched" "$before" "$(sums)"

# --- --force ---
batch --force
check "--force exit code" 0 "$RC"
check "--force rendered" "$DOCS" "$(report_list "$REPORT" rendered)"

# --- a deleted PDF is rendered again, alone ---
rm "$OUT/reports/report-fr.pdf"
batch
check "after deleting a PDF: rendered" "reports/report-fr.xml" "$(report_list "$REPORT" rendered)"
if grep -q '"reason": "PDF missing"' "$REPORT"; then pass; else fail "no 'PDF missing' reason in the report"; fi

# --- a copy of the output folder with fresh timestamps is still up to date ---
cp -r "$OUT" "$T/copy"
touch "$T/copy/informs/inform-en.pdf"
timeout 120 "$BIN" batch "$IN" -o "$T/copy" --layouts "$LAY" </dev/null >"$T/stdout" 2>"$T/stderr"
RC=$?
check "copied output folder: exit code" 0 "$RC"
check "copied output folder: rendered" 0 "$(count "$T/copy/batch-report.json" rendered)"
check "copied output folder: up to date" "$NDOCS" "$(count "$T/copy/batch-report.json" up_to_date)"
# ...but a PDF whose bytes were changed is not
printf '%%%% tampered\n' >>"$T/copy/informs/inform-en.pdf"
timeout 120 "$BIN" batch "$IN" -o "$T/copy" --layouts "$LAY" </dev/null >"$T/stdout" 2>"$T/stderr"
check "tampered PDF: rendered" "informs/inform-en.xml" "$(report_list "$T/copy/batch-report.json" rendered)"

finish batch_incremental
