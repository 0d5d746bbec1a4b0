#!/usr/bin/env bash
# Tables that run over a page break repeat their header rows at the top of
# every continuation page, and no body row is split between two pages.
#
#   bash table_headers_repeat.sh /path/to/emnpub /path/to/repo
#
# Documents: samples/report-long-en.xml (if present), samples/report-en.xml and
# a report generated here with a 120-row table (so at least one table always
# spans pages).
#
# How (pdftotext -bbox word boxes, no python):
#   - table cell words are those of cell size (<style match="td" size>, box
#     height = size x 1.362 for Noto); other in-frame words that sit on a cell
#     line are taken with it, note references (small) are left out;
#   - a table part is a run of cell lines with no other text between them;
#   - the XML gives each table's header words (<thead>) and the letters and
#     digits of each body row (tbody, tfoot; a <ref> in a row may add up to
#     30 characters);
#   - a part opens a new table when its first lines hold exactly that table's
#     header words; while rows remain, the next part must be at the top of the
#     next page, start with the same header words at the same positions (x
#     from the frame's left edge), and its remaining text must be a whole
#     number of rows (a split row leaves the count between two row ends).
set -u
. "$(dirname "$0")/lib/layout_test.sh" "$@"

# "mt mb mi mo facing cellsize"
geometry() {
  local f=$1 v mt mb mi mo fac cs
  v=$(attr "$f" margin-top '<page [^>]*>');    mt=$(len2pt "${v:-22mm}")
  v=$(attr "$f" margin-bottom '<page [^>]*>'); mb=$(len2pt "${v:-24mm}")
  v=$(attr "$f" margin-inner '<page [^>]*>');  mi=$(len2pt "${v:-22mm}")
  v=$(attr "$f" margin-outer '<page [^>]*>');  mo=$(len2pt "${v:-22mm}")
  v=$(attr "$f" facing '<page [^>]*>'); case $v in yes|true) fac=1 ;; *) fac=0 ;; esac
  v=$(style_prop "$f" size td); cs=$(len2pt "${v:-8pt}")
  echo "$mt $mb $mi $mo $fac $cs"
}

# The tables of a publication: "T n", "H w1 w2 ..." (header words, letters and
# digits only), "R lo hi" per body row (tbody then tfoot), in document order.
xml_tables() {
  tr '\n\r\t' '   ' <"$1" | sed 's/<note[ >]/\x01&/g; s/<\/note>/\x02/g' | sed 's/\x01[^\x02]*\x02//g' |
    sed 's/<table[ >]/\n&/g; s/<\/table>/&\n/g' | grep '^<table' |
    awk '{
      t++; print "T", t
      s = $0; h = ""
      if (match(s, /<thead[ >].*<\/thead>/)) { h = substr(s, RSTART, RLENGTH); s = substr(s, 1, RSTART - 1) substr(s, RSTART + RLENGTH) }
      gsub(/<[^>]*>/, " ", h); gsub(/&[a-z]+;|&#[0-9a-fA-Fx]+;/, " ", h)
      n = split(h, hw, " "); line = "H"
      for (i = 1; i <= n; i++) { x = hw[i]; gsub(/[^A-Za-z0-9]/, "", x); if (x != "") line = line " " x }
      print line
      # tfoot rows come last in the rendering
      f = ""
      if (match(s, /<tfoot[ >].*<\/tfoot>/)) { f = substr(s, RSTART, RLENGTH); s = substr(s, 1, RSTART - 1) substr(s, RSTART + RLENGTH) }
      sub(/<caption[ >].*<\/caption>/, "", s)
      s = s f
      while (match(s, /<tr[ >]/)) {
        s = substr(s, RSTART + 3); e = index(s, "</tr>"); r = substr(s, 1, e - 1); s = substr(s, e + 5)
        nref = gsub(/<ref[ >]/, "&", r)
        gsub(/<[^>]*>/, " ", r); gsub(/&[a-z]+;|&#[0-9a-fA-Fx]+;/, " ", r); gsub(/[^A-Za-z0-9]/, "", r)
        print "R", length(r), length(r) + 30 * nref
      }
    }'
}

gen_table_doc() {
  awk 'BEGIN {
    print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    print "<publication type=\"report\" xml:lang=\"en\" version=\"1\" id=\"test-long-table\">"
    print "<meta><title>Long table</title><series number=\"1\">Test series</series><date>2026-01-01</date></meta>"
    print "<body><section id=\"s1\"><title>A table of 120 rows</title>"
    print "<p>The table below runs over several pages; its header row must be repeated on each of them.</p>"
    print "<table id=\"t1\"><caption>Applications by municipality and month</caption>"
    print "<thead><tr><th>Municipality</th><th>Province</th><th>Applications</th><th>Remarks on the figures</th></tr></thead><tbody>"
    for (i = 1; i <= 120; i++) {
      rem = "Provisional"
      if (i % 7 == 0) rem = "Revised figure after the correction of double registrations reported by the local office in the second quarter"
      if (i % 11 == 0) rem = "Includes accompanied children and persons registered at the border"
      printf "<tr><td>Municipality %d</td><td>Province %d</td><td>%d</td><td>%s</td></tr>\n", i, 1 + i % 10, 1000 + i * 37, rem
    }
    print "</tbody><tfoot><tr><td>Total</td><td></td><td>999999</td><td></td></tr></tfoot></table>"
    print "<p>After the table.</p></section></body></publication>"
  }' >"$1"
}

check_doc() {  # name xml min-continuations
  local name=$1 xml=$2 want=$3 type geo out okline
  local pdf="$tmp/$name.pdf"
  if ! timeout 60 "$BIN" render "$xml" -o "$pdf" 2>"$tmp/$name.err"; then
    bad "$name: render failed: $(head -c 300 "$tmp/$name.err")"; return
  fi
  type=$(tr '\n' ' ' <"$xml" | grep -o '<publication [^>]*' | grep -o ' type="[^"]*"' | sed 's/.*="//; s/"//')
  [ -f "$REPO/layouts/$type.xml" ] || { bad "$name: no layout for type '$type'"; return; }
  geo=$(geometry "$REPO/layouts/$type.xml")
  xml_tables "$xml" >"$tmp/$name.tables"
  pdftotext -bbox "$pdf" "$tmp/$name.html" 2>/dev/null || { bad "$name: pdftotext failed"; return; }
  out=$(awk -v geo="$geo" -v name="$name" '
    BEGIN { split(geo, g, " "); MT = g[1]; MB = g[2]; MI = g[3]; MO = g[4]; FAC = g[5]; HC = g[6] * 1.362 }
    FNR == NR {
      if ($1 == "T") { nt = $2; nrow[nt] = 0 }
      else if ($1 == "H") { hw = ""; for (i = 2; i <= NF; i++) hw = hw " " $i; hdr[nt] = wsort(hw) }
      else if ($1 == "R") { k = ++nrow[nt]; lo[nt, k] = $2; hi[nt, k] = $3 }
      next
    }
    function num(s, k,   v) { if (!match(s, k "=\"[^\"]*\"")) return 0; v = substr(s, RSTART + length(k) + 2, RLENGTH - length(k) - 3); return v + 0 }
    function alnum(s) { gsub(/[^A-Za-z0-9]/, "", s); return s }
    function err(m) { print "FAIL: " name ": " m; nfail++ }
    # words of a string, sorted, as one string
    function wsort(s,   a, n, i, j, t, r) {
      n = split(s, a, " ")
      for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      r = ""; for (i = 1; i <= n; i++) r = r (i > 1 ? " " : "") a[i]; return r
    }
    /<page / { page(); pg++; PW = num($0, "width"); PH = num($0, "height"); n = 0; next }
    /<word / { x0 = num($0, "xMin"); y0 = num($0, "yMin"); x1 = num($0, "xMax"); y1 = num($0, "yMax")
               if (y0 < MT - 1 || y1 > PH - MB + 1) next                      # header, footer
               w = $0; sub(/^[^>]*>/, "", w); sub(/<\/word>.*/, "", w)
               n++; X0[n] = x0; Y0[n] = y0; Y1[n] = y1; W[n] = w; next }
    END { page(); if (cur && rowp <= nrow[cur]) err(sprintf("table %d ends at the end of the document with %d rows missing", cur, nrow[cur] - rowp + 1))
          printf "OK %d %d %d\n", okc, ncont + 0, nstart + 0 }
    function page(   i, j, k, L, nl, ly0, ly1, cell, line, t, yc, parts, first, top) {
      if (pg == 0) return
      L = (FAC && pg % 2 == 0) ? MO : MI
      # cell lines: clusters of cell-size words by yMax
      nl = 0
      for (i = 1; i <= n; i++) {
        cell[i] = 0
        if (Y1[i] - Y0[i] < HC - 0.3 || Y1[i] - Y0[i] > HC + 0.3) continue
        for (k = 1; k <= nl; k++) if (Y1[i] > ly1[k] - 0.5 && Y1[i] < ly1[k] + 0.5) break
        if (k > nl) { nl = k; ly1[k] = Y1[i]; ly0[k] = Y0[i] }
        cell[i] = k
      }
      # other words on a cell line join it (fallback fonts); small ones (note refs) are dropped
      for (i = 1; i <= n; i++) {
        if (cell[i]) continue
        yc = (Y0[i] + Y1[i]) / 2
        for (k = 1; k <= nl; k++) if (yc > ly0[k] && yc < ly1[k]) break
        if (k <= nl) cell[i] = (Y1[i] - Y0[i] < 0.75 * HC) ? -1 : k
      }
      # lines in y order
      for (k = 1; k <= nl; k++) ord[k] = k
      for (i = 2; i <= nl; i++) { t = ord[i]; for (j = i - 1; j >= 1 && ly1[ord[j]] > ly1[t]; j--) ord[j + 1] = ord[j]; ord[j + 1] = t }
      # a part = consecutive cell lines with no other word between them
      np = 0
      for (i = 1; i <= nl; i++) {
        k = ord[i]
        if (i == 1) { np++; pf[np] = i }
        else {
          for (j = 1; j <= n; j++) if (cell[j] == 0 && (Y0[j] + Y1[j]) / 2 > ly1[ord[i - 1]] && (Y0[j] + Y1[j]) / 2 < ly0[k]) break
          if (j <= n) { pl[np] = i - 1; np++; pf[np] = i }
        }
      }
      if (nl) pl[np] = nl
      for (t = 1; t <= np; t++) {
        # is the part at the top of the frame (no word above it)?
        top = 1
        for (j = 1; j <= n; j++) if (cell[j] == 0 && Y1[j] < ly0[ord[pf[t]]]) { top = 0; break }
        part(t, L, top, ord, ly0, ly1, cell)
      }
    }
    # line text of part line i: "word@x ..." and plain words
    function linewords(k, L, cell,   j, s) { s = ""; for (j = 1; j <= n; j++) if (cell[j] == k) s = s " " alnum(W[j]); return s }
    function linepos(k, L, cell,   j, s, a) { s = ""; for (j = 1; j <= n; j++) if (cell[j] == k && (a = alnum(W[j])) != "") s = s " " a "@" int(X0[j] - L + 0.5); return s }
    function part(t, L, top, ord, ly0, ly1, cell,   i, hw, hp, K, tb, S, lo2, hi2, r0, found, cand, c) {
      # the header: the shortest run of first lines whose words are a table header
      hw = ""; hp = ""; K = 0
      if (cur && rowp <= nrow[cur]) cand = cur; else cand = 0
      for (i = pf[t]; i <= pl[t]; i++) {
        hw = hw linewords(ord[i], L, cell); hp = hp linepos(ord[i], L, cell)
        if (cand) { if (wsort(hw) == hdr[cand] && hdr[cand] != "") { K = i - pf[t] + 1; break } }
        else for (c = cur + 1; c <= nt && c <= cur + 3; c++) if (hdr[c] != "" && wsort(hw) == hdr[c]) { K = i - pf[t] + 1; found = c; break }
        if (K) break
      }
      if (cand) {
        # a continuation of table cand
        if (pg != lastpg + 1) err(sprintf("table %d: rows continue on page %d, not on the page after %d", cand, pg, lastpg))
        if (!top) err(sprintf("table %d: its continuation on page %d is not at the top of the page", cand, pg))
        if (hdr[cand] != "" && !K) { err(sprintf("table %d: header row not repeated on continuation page %d (first line:%s)", cand, pg, substr(linewords(ord[pf[t]], L, cell), 1, 60))); K = 0 }
        else if (hdr[cand] != "" && wsort(hp) != hpos[cand]) err(sprintf("table %d: repeated header on page %d is not placed as on page %d", cand, pg, firstpg[cand]))
        else { okc++ }
        ncont++
      } else if (K) {
        cur = found; rowp = 1; hpos[cur] = wsort(hp); firstpg[cur] = pg; nstart++
      } else return                                   # not a table of ours (or one without header)
      # the rest of the part must be whole rows
      S = 0
      for (i = pf[t] + K; i <= pl[t]; i++) S += length(alnum(linewords(ord[i], L, cell)))
      lo2 = 0; hi2 = 0; r0 = rowp
      while (rowp <= nrow[cur] && hi2 < S) { lo2 += lo[cur, rowp]; hi2 += hi[cur, rowp]; rowp++ }
      if (S < lo2 || S > hi2) {
        err(sprintf("table %d: page %d holds %d characters of rows, not a whole number of rows (row %d would end at %d): a row is split or text is missing", cur, pg, S, rowp - 1, lo2))
        # resynchronise: treat the row as continuing
        rowp--
      } else okc++
      lastpg = pg
    }
  ' "$tmp/$name.tables" "$tmp/$name.html")
  okline=$(echo "$out" | grep '^OK ')
  echo "$out" | grep '^FAIL' | head -20
  fail=$((fail + $(echo "$out" | grep -c '^FAIL')))
  if [ -z "$okline" ]; then bad "$name: analysis produced no result"; return; fi
  set -- $okline
  pass=$((pass + $2))
  echo "  $name: $4 tables found, $3 continuation pages, $2 checks ok"
  if [ "$3" -lt "$want" ]; then bad "$name: only $3 continuation pages of tables found, expected at least $want"; fi
  local ntab; ntab=$(grep -c '^T ' "$tmp/$name.tables")
  local nhead; nhead=$(grep -c '^H .' "$tmp/$name.tables")
  if [ "$4" -lt "$nhead" ]; then bad "$name: $4 of $nhead tables with a header found in the PDF"; fi
}

docs=0
if [ -f "$REPO/samples/report-long-en.xml" ]; then check_doc report-long-en "$REPO/samples/report-long-en.xml" 5; docs=$((docs+1)); fi
if [ -f "$REPO/samples/report-en.xml" ]; then check_doc report-en "$REPO/samples/report-en.xml" 0; docs=$((docs+1)); fi
gen_table_doc "$tmp/long-table.xml"
check_doc long-table "$tmp/long-table.xml" 2

echo "table_headers_repeat: $docs samples + 1 generated, $pass checks passed, $fail failed"
[ $fail -eq 0 ]
