#!/usr/bin/env bash
# End-to-end: mistakes in layout files are refused with located messages.
#
#   bash layout_errors.sh /path/to/emnpub /path/to/repo
#
# layouts/ is copied to a temp folder; one mistake at a time is put into the
# copy and samples/inform-en.xml is rendered with --layouts COPY. Each case:
#   - exit code 1, no output file (and no temporary file) in the output folder
#   - stderr has "COPY/FILE:LINE:COL: error: MESSAGE" for the edited file, with
#     LINE the edited line (and COL the attribute/element for value mistakes)
#   - MESSAGE names the offending property/element/value
#   - no follow-on errors: every error line points at the edited line (one
#     mistake should give one located report, not a cascade elsewhere)
# Cases: unknown property colour="red" in a <style>; size="12parsecs"; a bad
# length in <page>; an unknown element; a brand colour with a bad value; a bad
# value for a property in brand.xml; malformed XML in inform.xml (unquoted
# attribute, unclosed element) and in brand.xml (mismatched end tag).
# A control render with the untouched copy must succeed.
set -u

. "$(dirname "$0")/lib/args.sh" "$@"

. "$(dirname "$0")/lib/checks.sh"
show() { head -c 600 "$1" | tr '\n' '|'; }

SAMPLE="$REPO/samples/inform-en.xml"
L="$T/layouts"   # the copy given to --layouts
OUT="$T/out"

fresh_copy() {
  rm -rf "$L"
  cp -R "$REPO/layouts" "$L"
}

# line_of FILE FIXED-STRING: first line number containing the string
line_of() { grep -nF -- "$2" "$1" | head -n 1 | cut -d: -f1; }
# col_of FILE LINE FIXED-STRING: 1-based column of the string on that line
col_of() { N="$2" S="$3" awk 'NR == ENVIRON["N"] { print index($0, ENVIRON["S"]); exit }' "$1"; }

render_copy() {
  rm -rf "$OUT"
  mkdir "$OUT"
  timeout 20 "$BIN" render "$SAMPLE" -o "$OUT/result.pdf" --layouts "$L" >"$T/stdout" 2>"$T/stderr"
  RC=$?
}

# expect_refused CASE FILE LINE COL WORD [EXTRA_ALLOWED_LINE]
#   FILE: the edited layout file name (inform.xml or brand.xml)
#   COL:  expected column, or "" to accept any column
#   WORD: a string the message must contain (e.g. the property or value)
#   EXTRA_ALLOWED_LINE: another line of FILE where the report may be placed
expect_refused() {
  local what=$1 file=$2 line=$3 col=$4 word=$5 extra=${6:-}
  local path="$L/$file"
  render_copy
  if [ "$RC" -eq 1 ]; then pass; else fail "$what: expected exit code 1, got $RC (stderr: $(show "$T/stderr"))"; fi
  if [ -e "$OUT/result.pdf" ]; then fail "$what: an output file was written"; else pass; fi
  if [ -n "$(ls -A "$OUT")" ]; then fail "$what: files left in the output folder: $(ls -A "$OUT" | tr '\n' ' ')"; else pass; fi

  # error lines for the edited file: "PATH:LINE:COL: error: MSG"
  P="$path" awk 'BEGIN { p = ENVIRON["P"] }
    index($0, p ":") == 1 {
      r = substr($0, length(p) + 2)
      if (match(r, /^[0-9]+:[0-9]+: error: /)) { split(r, a, ":"); print a[1] " " a[2] " " substr(r, RLENGTH + 1) }
    }' "$T/stderr" >"$T/located"

  local hit
  hit=$(awk -v l="$line" -v e="$extra" '$1 == l || (e != "" && $1 == e)' "$T/located" | head -n 1)
  if [ -n "$hit" ]; then
    pass
  else
    local where="line $line"
    [ -n "$extra" ] && where="line $line or $extra"
    fail "$what: no '$path:LINE:COL: error:' line at $where; stderr: $(show "$T/stderr")"
    return
  fi
  if [ -n "$col" ]; then
    local got_col
    got_col=$(echo "$hit" | cut -d' ' -f2)
    if [ "$got_col" = "$col" ]; then pass; else fail "$what: error at $file:$line:$got_col, expected column $col"; fi
  fi
  local msg
  msg=$(echo "$hit" | cut -d' ' -f3-)
  if printf '%s' "$msg" | grep -qF -- "$word"; then pass; else
    fail "$what: message does not name '$word': '$msg'"
  fi

  # no follow-on errors anywhere else
  local others
  others=$(grep ': error: ' "$T/stderr" | P="$path" L1="$line" L2="$extra" awk '
    { p = ENVIRON["P"] ":" }
    index($0, p) == 1 { split(substr($0, length(p) + 1), a, ":"); if (a[1] == ENVIRON["L1"] || (ENVIRON["L2"] != "" && a[1] == ENVIRON["L2"])) next }
    { print }')
  if [ -z "$others" ]; then pass; else
    fail "$what: follow-on errors for lines that were not edited: $(echo "$others" | head -n 4 | tr '\n' '|')"
  fi
}

# --- control: the untouched copy works ---
fresh_copy
render_copy
if [ "$RC" -eq 0 ] && [ -s "$OUT/result.pdf" ]; then pass; else
  fail "control: rendering with an untouched copy of layouts/ failed (exit $RC): $(show "$T/stderr")"
fi

IF="$L/inform.xml"
BF="$L/brand.xml"

# 1. unknown property in a <style> of inform.xml
fresh_copy
n=$(line_of "$IF" '<style match="body"')
if [ -z "$n" ]; then fail "layouts/inform.xml has no <style match=\"body\"> line; update this test"; else
  sed -i "${n}s|<style match=\"body\"|<style match=\"body\" colour=\"red\"|" "$IF"
  expect_refused "unknown property colour=\"red\"" inform.xml "$n" "$(col_of "$IF" "$n" 'colour=')" colour
fi

# 2. bad length: size="12parsecs"
fresh_copy
n=$(line_of "$IF" '<style match="body"')
if [ -n "$n" ]; then
  sed -i -E "${n}s/ size=\"[^\"]*\"/ size=\"12parsecs\"/" "$IF"
  if ! grep -q 'size="12parsecs"' "$IF"; then sed -i "${n}s|<style match=\"body\"|<style match=\"body\" size=\"12parsecs\"|" "$IF"; fi
  expect_refused "bad length size=\"12parsecs\"" inform.xml "$n" "$(col_of "$IF" "$n" 'size=')" 12parsecs
fi

# 3. bad length in <page>
fresh_copy
n=$(line_of "$IF" '<page ')
if [ -z "$n" ]; then fail "layouts/inform.xml has no <page> line; update this test"; else
  sed -i -E "${n}s/ margin-top=\"[^\"]*\"/ margin-top=\"20 furlongs\"/" "$IF"
  expect_refused "bad length margin-top=\"20 furlongs\"" inform.xml "$n" "$(col_of "$IF" "$n" 'margin-top=')" "20 furlongs"
fi

# 4. unknown element, inserted as a new line after <page>
fresh_copy
n=$(line_of "$IF" '<page ')
if [ -n "$n" ]; then
  sed -i "${n}a\\  <gutter width=\"3mm\"/>" "$IF"
  n=$((n + 1))
  expect_refused "unknown element <gutter>" inform.xml "$n" "$(col_of "$IF" "$n" '<gutter')" gutter
fi

# 5. brand colour with a bad value
fresh_copy
n=$(line_of "$BF" '<color name="ink"')
if [ -z "$n" ]; then fail "layouts/brand.xml has no <color name=\"ink\"> line; update this test"; else
  sed -i -E "${n}s/ value=\"[^\"]*\"/ value=\"#12345G\"/" "$BF"
  expect_refused "brand colour ink=\"#12345G\"" brand.xml "$n" "$(col_of "$BF" "$n" 'value=')" '#12345G'
fi

# 6. a property with a bad value in brand.xml
fresh_copy
n=$(line_of "$BF" '<style match="strong"')
if [ -z "$n" ]; then fail "layouts/brand.xml has no <style match=\"strong\"> line; update this test"; else
  sed -i -E "${n}s/ weight=\"[^\"]*\"/ weight=\"heavy\"/" "$BF"
  expect_refused "brand weight=\"heavy\"" brand.xml "$n" "$(col_of "$BF" "$n" 'weight=')" heavy
fi

# 7. malformed XML in inform.xml: attribute value without quotes
fresh_copy
n=$(line_of "$IF" '<style match="body"')
if [ -n "$n" ]; then
  sed -i -E "${n}s/ match=\"body\"/ match=body/" "$IF"
  # WORD "": only requires a non-empty message (the wording is the XML parser's)
  expect_refused "malformed inform.xml (match=body without quotes)" inform.xml "$n" "" ""
fi

# 8. malformed XML in inform.xml: an element left open. The parser can only
#    notice at the end tag of the parent, so the report may be placed there,
#    but it must name the element left open.
fresh_copy
n=$(line_of "$IF" '<line-breaking')
close=$(line_of "$IF" '</layout>')
if [ -z "$n" ] || [ -z "$close" ]; then fail "layouts/inform.xml has no <line-breaking .../> or </layout> line; update this test"; else
  sed -i "${n}s|/>|>|" "$IF"
  expect_refused "malformed inform.xml (<line-breaking> left open)" inform.xml "$n" "" line-breaking "$close"
fi

# 9. malformed XML in brand.xml: mismatched end tag on one line
fresh_copy
n=$(line_of "$BF" '<style match="p"')
if [ -z "$n" ]; then fail "layouts/brand.xml has no <style match=\"p\"> line; update this test"; else
  sed -i "${n}s|/>|></styel>|" "$BF"
  expect_refused "malformed brand.xml (</styel>)" brand.xml "$n" "" styel
fi

finish layout_errors
