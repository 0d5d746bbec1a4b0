#!/usr/bin/env bash
# End-to-end: every sample renders to a sound PDF.
#
#   bash render_samples.sh /path/to/emnpub /path/to/repo
#
# For each samples/*.xml (rendered once):
#   - exit 0, no error lines on stderr, no temporary file left beside the PDF
#   - qpdf --check passes
#   - pdffonts lists >= 1 font and every font is embedded, subset and has a ToUnicode map
#   - pdfinfo: Pages >= 1 (report-en >= 30), Title = the sample's <meta><title> text
#     (tags stripped, entities decoded, whitespace normalised)
#   - pdftotext output has no ligature characters U+FB00..U+FB06
# inform-en: the fi/ffi words "official", "efficient", "offices", "affiliated",
#   "difficult" are extracted as plain letters.
# inform-multilingual: three Greek and three Bulgarian words are extracted exactly.
# Also: `render - -o - < inform-en.xml` is byte-identical to the file render, and
# tests/data/valid/inform.xml (title spread over two lines) gets a normalised Title.
set -u

. "$(dirname "$0")/lib/args.sh" "$@"
for tool in qpdf pdffonts pdfinfo pdftotext; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not installed (packages qpdf, poppler-utils)"; exit 1; }
done

. "$(dirname "$0")/lib/checks.sh"
# (LC_ALL=C from there: byte-exact grep; pdf tools are told the encoding explicitly)
show() { head -c 400 "$1" | tr '\n' '|'; }

# Title text of a publication: first <title> inside <meta>, plain text.
xml_title() {
  tr '\n\r\t' '   ' <"$1" |
    sed -e 's/.*<meta>//' -e 's/<\/title>.*//' -e 's/^.*<title[^>]*>//' \
        -e 's/<[^>]*>//g' \
        -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&amp;/\&/g' \
        -e 's/  */ /g' -e 's/^ //' -e 's/ $//'
}

pdf_title() { pdfinfo -enc UTF-8 "$1" 2>/dev/null | sed -n 's/^Title: *//p'; }
pdf_pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }

# Joins words hyphenated at line ends ("offi-\ncial" -> "official"), also with
# U+00AD / U+2010 hyphens, so word checks do not depend on line breaks.
dehyphenate() {
  sed -e ':a' -e '/\(-\|\xc2\xad\|\xe2\x80\x90\)$/{N;s/\(-\|\xc2\xad\|\xe2\x80\x90\)\n//;ba' -e '}' "$1"
}

shopt -s nullglob
SAMPLES=("$REPO"/samples/*.xml)
shopt -u nullglob
if [ "${#SAMPLES[@]}" -eq 0 ]; then fail "no samples/*.xml found"; fi

mkdir "$T/pdf"
for s in "${SAMPLES[@]}"; do
  name=$(basename "$s" .xml)
  pdf="$T/pdf/$name.pdf"
  timeout 120 "$BIN" render "$s" -o "$pdf" >"$T/$name.stdout" 2>"$T/$name.stderr"
  rc=$?
  if [ "$rc" -ne 0 ]; then
    fail "$name: render exit code $rc (expected 0): $(show "$T/$name.stderr")"
    continue
  fi
  pass
  if grep -q ': error: ' "$T/$name.stderr"; then fail "$name: error lines on stderr despite exit 0: $(show "$T/$name.stderr")"; else pass; fi
  if [ ! -s "$pdf" ]; then fail "$name: no PDF written"; continue; fi
  if [ -s "$T/$name.stdout" ]; then fail "$name: render wrote to stdout although -o names a file"; else pass; fi

  # qpdf structural check
  if qpdf --check "$pdf" >"$T/$name.qpdf" 2>&1; then pass; else
    fail "$name: qpdf --check failed: $(grep -v '^checking\|^PDF Version\|^File is not encrypted\|^File is not linearized' "$T/$name.qpdf" | head -c 400 | tr '\n' '|')"
  fi

  # fonts: all embedded, subset, with ToUnicode
  if pdffonts "$pdf" >"$T/$name.fonts" 2>"$T/$name.fonts.err"; then
    nfonts=$(awk 'NR > 2 && NF >= 6' "$T/$name.fonts" | wc -l)
    if [ "$nfonts" -ge 1 ]; then pass; else fail "$name: pdffonts lists no fonts"; fi
    bad=$(awk 'NR > 2 && NF >= 6 && !($(NF-4) == "yes" && $(NF-3) == "yes" && $(NF-2) == "yes") { print $1 " emb=" $(NF-4) " sub=" $(NF-3) " uni=" $(NF-2) }' "$T/$name.fonts")
    if [ -z "$bad" ]; then pass; else fail "$name: fonts not embedded+subset+unicode: $(echo $bad)"; fi
  else
    fail "$name: pdffonts failed: $(show "$T/$name.fonts.err")"
  fi

  # pages
  pages=$(pdf_pages "$pdf")
  case $pages in
    '' | *[!0-9]*) fail "$name: pdfinfo shows no page count" ;;
    *)
      if [ "$pages" -ge 1 ]; then pass; else fail "$name: Pages is $pages"; fi
      if [ "$name" = report-en ]; then
        if [ "$pages" -ge 30 ]; then pass; else fail "$name: the long report has $pages pages, expected >= 30"; fi
      fi
      ;;
  esac

  # title
  want=$(xml_title "$s")
  got=$(pdf_title "$pdf")
  if [ -z "$want" ]; then fail "$name: could not read <title> from the sample"
  elif [ "$got" = "$want" ]; then pass
  else fail "$name: PDF Title is '$got', expected '$want'"
  fi

  # text: no presentation-form ligatures (U+FB00..U+FB06 = EF AC 80..86)
  if pdftotext -enc UTF-8 "$pdf" "$T/$name.txt" 2>"$T/$name.txt.err"; then
    if grep -q $'\xef\xac[\x80-\x86]' "$T/$name.txt"; then
      fail "$name: pdftotext output contains ligature characters U+FB00..U+FB06: $(grep -o $'[A-Za-z]*\xef\xac[\x80-\x86][A-Za-z]*' "$T/$name.txt" | sort -u | head -5 | tr '\n' ' ')"
    else
      pass
    fi
  else
    fail "$name: pdftotext failed: $(show "$T/$name.txt.err")"
  fi
done

# --- inform-en: ligature words come out as plain letters ---
if [ -f "$T/inform-en.txt" ]; then
  dehyphenate "$T/inform-en.txt" >"$T/inform-en.joined.txt"
  for w in official efficient offices affiliated difficult; do
    if grep -q "$w" "$REPO/samples/inform-en.xml"; then
      if grep -q "$w" "$T/inform-en.joined.txt"; then pass; else
        fail "inform-en: the word '$w' (fi/ffi ligature candidate) is not in the pdftotext output"
      fi
    fi
  done
elif [ -f "$REPO/samples/inform-en.xml" ]; then
  fail "inform-en: no text extracted (render failed?)"
fi

# --- inform-multilingual: Greek and Bulgarian words survive exactly ---
if [ -f "$T/inform-multilingual.txt" ]; then
  dehyphenate "$T/inform-multilingual.txt" >"$T/ml.joined.txt"
  for w in 'Καλώς' 'Βέλγιο' 'δικαίωμα' 'Добре' 'Белгия' 'закрила'; do
    if grep -qF "$w" "$REPO/samples/inform-multilingual.xml"; then pass; else
      fail "inform-multilingual: test word '$w' is no longer in the sample; update this test"
      continue
    fi
    if grep -qF "$w" "$T/ml.joined.txt"; then pass; else
      fail "inform-multilingual: '$w' not found in pdftotext output"
    fi
  done
  # whole sentences from table cells, which are short and must not be broken oddly
  for sentence in 'Καλώς ήρθατε στο Βέλγιο.' 'Добре дошли в Белгия.'; do
    if tr '\n' ' ' <"$T/ml.joined.txt" | sed 's/  */ /g' | grep -qF "$sentence"; then pass; else
      fail "inform-multilingual: sentence '$sentence' not found in pdftotext output"
    fi
  done
elif [ -f "$REPO/samples/inform-multilingual.xml" ]; then
  fail "inform-multilingual: no text extracted (render failed?)"
fi

# --- stdin -> stdout is the same PDF as file -> file ---
S="$REPO/samples/inform-en.xml"
if [ -f "$T/pdf/inform-en.pdf" ]; then
  timeout 60 "$BIN" render - -o - <"$S" >"$T/stdin.pdf" 2>"$T/stdin.err"
  rc=$?
  if [ "$rc" -eq 0 ]; then pass; else fail "render - -o - < inform-en.xml: exit code $rc: $(show "$T/stdin.err")"; fi
  if cmp -s "$T/stdin.pdf" "$T/pdf/inform-en.pdf"; then pass; else
    fail "render - -o - < inform-en.xml differs from the file render ($(wc -c <"$T/stdin.pdf") vs $(wc -c <"$T/pdf/inform-en.pdf") bytes; $(cmp "$T/stdin.pdf" "$T/pdf/inform-en.pdf" 2>&1 | head -n 1))"
  fi
fi

# --- no temporary files left beside the outputs ---
left=$(ls -A "$T/pdf" | grep '^\.' || true)
if [ -z "$left" ]; then pass; else fail "temporary files left in the output folder: $(echo $left)"; fi

# --- a title written over several lines is normalised in the PDF Title ---
V="$REPO/tests/data/valid/inform.xml"
if [ -f "$V" ]; then
  timeout 60 "$BIN" render "$V" -o "$T/valid-inform.pdf" >/dev/null 2>"$T/valid.err"
  rc=$?
  if [ "$rc" -eq 0 ]; then
    want=$(xml_title "$V")
    got=$(pdf_title "$T/valid-inform.pdf")
    if [ "$got" = "$want" ]; then pass; else fail "tests/data/valid/inform.xml: PDF Title is '$got', expected '$want'"; fi
  else
    fail "tests/data/valid/inform.xml: render exit code $rc: $(show "$T/valid.err")"
  fi
fi

finish "render_samples (${#SAMPLES[@]} samples)"
