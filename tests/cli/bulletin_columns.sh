#!/usr/bin/env bash
# Bulletins are set in two columns, their statistics table spans both columns,
# and the columns are balanced where the content ends.
#
#   bash bulletin_columns.sh /path/to/emnpub /path/to/repo
#
# For samples/bulletin-en.xml and bulletin-fr.xml, from pdftotext -bbox word
# boxes and the geometry of layouts/bulletin.xml (margins, column-gap, body
# and cell sizes; box height = size x 1.362 for Noto):
#   - body pages 2..N-1 (page 1 is the cover, page N the back page): every word
#     in the frame, outside the spanning table, lies wholly in the left or the
#     right column (none crosses the gap), and both columns hold body text;
#   - the first table ("Table 1." / "Tableau 1." caption): the caption starts
#     at the left margin and runs past the page centre; some row of the table
#     has words on both sides of the gap; no column text stands beside the
#     table (its rows span the page);
#   - the last body page: the lowest body-text lines of the two columns are at
#     most 3 lines (3 x leading) apart.
set -u
. "$(dirname "$0")/lib/layout_test.sh" "$@"

LAY="$REPO/layouts/bulletin.xml"
[ -f "$LAY" ] || { echo "FAIL: $LAY not found"; exit 1; }
v=$(attr "$LAY" margin-top '<page [^>]*>');    MT=$(len2pt "${v:-22mm}")
v=$(attr "$LAY" margin-bottom '<page [^>]*>'); MB=$(len2pt "${v:-24mm}")
v=$(attr "$LAY" margin-inner '<page [^>]*>');  MI=$(len2pt "${v:-22mm}")
v=$(attr "$LAY" margin-outer '<page [^>]*>');  MO=$(len2pt "${v:-22mm}")
v=$(attr "$LAY" facing '<page [^>]*>'); case $v in yes|true) FAC=1 ;; *) FAC=0 ;; esac
COLS=$(attr "$LAY" columns '<page [^>]*>')
v=$(attr "$LAY" column-gap '<page [^>]*>');  GAP=$(len2pt "${v:-8mm}")
v=$(style_prop "$LAY" size body);    BS=$(len2pt "${v:-10pt}")
v=$(style_prop "$LAY" leading body); BL=$(len2pt "${v:-14pt}")
v=$(style_prop "$LAY" size td);      CS=$(len2pt "${v:-8pt}")
[ "${COLS:-1}" = 2 ] || bad "layouts/bulletin.xml does not set columns=\"2\" (columns=\"${COLS:-}\")"

for name in bulletin-en bulletin-fr; do
  xml="$REPO/samples/$name.xml"
  [ -f "$xml" ] || { bad "$name: sample missing"; continue; }
  pdf="$tmp/$name.pdf"
  if ! timeout 60 "$BIN" render "$xml" -o "$pdf" 2>"$tmp/$name.err"; then
    bad "$name: render failed: $(head -c 300 "$tmp/$name.err")"; continue
  fi
  out=$(pdftotext -bbox "$pdf" - 2>/dev/null | awk -v name="$name" -v MT="$MT" -v MB="$MB" -v MI="$MI" -v MO="$MO" \
      -v FAC="$FAC" -v GAP="$GAP" -v HB="$(awk -v s="$BS" 'BEGIN{print s*1.362}')" -v BL="$BL" \
      -v HC="$(awk -v s="$CS" 'BEGIN{print s*1.362}')" '
    function num(s, k,   v) { if (!match(s, k "=\"[^\"]*\"")) return 0; v = substr(s, RSTART + length(k) + 2, RLENGTH - length(k) - 3); return v + 0 }
    function err(m) { print "FAIL: " name ": " m }
    /<page / { pg++; pw[pg] = num($0, "width"); ph[pg] = num($0, "height"); cnt[pg] = 0; next }
    /<word / { y0 = num($0, "yMin"); y1 = num($0, "yMax")
               if (y0 < MT - 1 || y1 > ph[pg] - MB + 1) next       # header, footer
               k = ++cnt[pg]; X0[pg, k] = num($0, "xMin"); X1[pg, k] = num($0, "xMax"); Y0[pg, k] = y0; Y1[pg, k] = y1
               w = $0; sub(/^[^>]*>/, "", w); sub(/<\/word>.*/, "", w); W[pg, k] = w; next }
    END {
      N = pg; ok = 0
      if (N < 3) { err(sprintf("only %d pages: no body pages between cover and back page", N)); print "OK 0"; exit }
      # the statistics table: caption "Table 1." (any language), then cell-size rows
      tp = 0
      for (p = 2; p <= N - 1 && !tp; p++)
        for (k = 1; k < cnt[p]; k++)
          if (W[p, k] ~ /^Tab(le|leau|el|elle)$/ && W[p, k + 1] ~ /^1[.:]?$/ && Y1[p, k] - Y0[p, k] < HB - 0.3) { tp = p; tk = k; break }
      if (!tp) err("no \"Table 1\" caption found on pages 2.." N - 1)
      else {
        p = tp; L = (FAC && p % 2 == 0) ? MO : MI; R = pw[p] - ((FAC && p % 2 == 0) ? MI : MO); C = (L + R) / 2
        cy = Y1[p, tk]; top = Y0[p, tk]
        if (X0[p, tk] > L + 1) err(sprintf("page %d: the table caption starts at x %.1f, not at the left margin %.1f", p, X0[p, tk], L))
        else ok++
        capr = 0; for (k = 1; k <= cnt[p]; k++) if (Y1[p, k] > cy - 0.5 && Y1[p, k] < cy + 0.5 && X1[p, k] > capr) capr = X1[p, k]
        if (capr <= C + GAP / 2) err(sprintf("page %d: the table caption ends at x %.1f, left of the right column (%.1f)", p, capr, C + GAP / 2))
        else ok++
        # rows: cell-size lines below the caption, up to the first line of body-size text
        bottom = cy; both = 0; stop = ph[p]
        for (k = 1; k <= cnt[p]; k++) { h = Y1[p, k] - Y0[p, k]
          if (Y0[p, k] > cy && h > HB - 0.3 && Y0[p, k] < stop) stop = Y0[p, k] }
        for (k = 1; k <= cnt[p]; k++) { h = Y1[p, k] - Y0[p, k]
          if (Y0[p, k] > cy && Y1[p, k] < stop && h > HC - 0.4 && h < HC + 0.4) { if (Y1[p, k] > bottom) bottom = Y1[p, k]; key = sprintf("%.0f", Y1[p, k])
            if (X1[p, k] < C - GAP / 2) lft[key] = 1; if (X0[p, k] > C + GAP / 2) rgt[key] = 1 } }
        for (key in lft) if (key in rgt) both++
        if (both < 2) err(sprintf("page %d: no table row has cells on both sides of the column gap (the table does not span the columns)", p))
        else ok++
        tbot = bottom
        # nothing at body size beside the table
        beside = 0
        for (k = 1; k <= cnt[p]; k++) { h = Y1[p, k] - Y0[p, k]
          if (Y0[p, k] > top && Y1[p, k] < tbot && h > HB - 0.3 && h < HB + 0.3) { if (!beside++) err(sprintf("page %d: text \"%s\" stands beside the spanning table", p, W[p, k])) } }
        if (!beside) ok++
      }
      # columns on body pages
      for (p = 2; p <= N - 1; p++) {
        L = (FAC && p % 2 == 0) ? MO : MI; R = pw[p] - ((FAC && p % 2 == 0) ? MI : MO); cw = (R - L - GAP) / 2
        c1 = L + cw; c2 = c1 + GAP; n1 = 0; n2 = 0; cross = 0; b1 = 0; b2 = 0; above1 = 0; above2 = 0
        for (k = 1; k <= cnt[p]; k++) {
          if (p == tp && Y0[p, k] >= top - 0.5 && Y1[p, k] <= tbot + 0.5) continue      # the spanning table
          h = Y1[p, k] - Y0[p, k]; isbody = (h > HB - 0.3 && h < HB + 0.3)
          if (X0[p, k] >= L - 1 && X1[p, k] <= c1 + 1) { if (isbody) { n1++; if (Y1[p, k] > b1) b1 = Y1[p, k] } }
          else if (X0[p, k] >= c2 - 1 && X1[p, k] <= R + 1) { if (isbody) { n2++; if (Y1[p, k] > b2) b2 = Y1[p, k] } }
          else if (cross++ < 3) err(sprintf("page %d: \"%s\" (x %.1f-%.1f) is in neither column (left %.1f-%.1f, right %.1f-%.1f)", p, W[p, k], X0[p, k], X1[p, k], L, c1, c2, R))
        }
        if (!cross) ok++
        if (n1 < 20 || n2 < 20) err(sprintf("page %d: body words left %d, right %d: not two filled columns", p, n1, n2))
        else ok++
        if (p == N - 1) {
          d = b1 - b2; if (d < 0) d = -d
          if (d > 3 * BL + 1) err(sprintf("page %d (last body page): columns not balanced, bottom lines at y %.1f and %.1f (%.1f lines apart)", p, b1, b2, d / BL))
          else ok++
          printf "INFO last body page %d: column bottoms %.1f / %.1f\n", p, b1, b2
        }
      }
      print "OK " ok
    }')
  echo "$out" | grep '^FAIL'
  fail=$((fail + $(echo "$out" | grep -c '^FAIL')))
  okline=$(echo "$out" | grep '^OK ')
  [ -n "$okline" ] || { bad "$name: no result"; continue; }
  set -- $okline
  pass=$((pass + $2))
  echo "  $name: $2 checks ok; $(echo "$out" | grep '^INFO' | sed 's/^INFO //')"
done

echo "bulletin_columns: $pass checks passed, $fail failed"
[ $fail -eq 0 ]
