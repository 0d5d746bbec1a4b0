#!/usr/bin/env bash
# Footnotes stand on the page of their reference, numbered 1..K without gaps,
# and a note too long for that page continues at the top of the next foot
# area under the localised "(continued)" label.
#
#   bash footnotes_per_page.sh /path/to/emnpub /path/to/repo
#
# Documents: samples/report-en.xml, bulletin-en.xml, report-fr.xml,
# report-long-en.xml (if present), every other sample with notes, and a report
# generated here with 40 paragraphs each carrying a 5-25 line note, so that
# notes must split.
#
# How the PDF is read (pdftotext -bbox, word boxes; no python):
#   - page frame from the layout (layouts/<type>.xml <page margin-*> and
#     columns/column-gap; facing pages mirror inner/outer); header and footer
#     lie outside the frame and are ignored;
#   - a note reference is an all-digit word whose box is < 0.68 x the height
#     of the running text (note-ref is 65 % of its text);
#   - the foot area of a column is the words of footnote size (<style
#     match="footnote" size>, box height = size x 1.362 for Noto) below the
#     last larger word of that column;
#   - a note body starts on a foot line whose first word is the next note
#     number and whose second word is the first word of that note in the XML.
#     The note's text runs to the next start; its last word must be the last
#     word of the note in the XML, else the note must go on in the very next
#     foot area (next column, or next page) whose first line is the label.
# Checks per document: references 1..K in reading order, K = number of <note>
# in the XML; each body starts on the page (and, multi-column, the column) of
# its reference; every body is complete; continuations carry the label and
# follow immediately; no foot text without an owner.
set -u
. "$(dirname "$0")/lib/layout_test.sh" "$@"

# "mt mb mi mo facing columns gap fnsize bodysize" for a layout file (docs/layouts.md defaults).
geometry() {
  local f=$1 brand v mt mb mi mo fac cols gap fn bs
  v=$(attr "$f" margin-top '<page [^>]*>');    mt=$(len2pt "${v:-22mm}")
  v=$(attr "$f" margin-bottom '<page [^>]*>'); mb=$(len2pt "${v:-24mm}")
  v=$(attr "$f" margin-inner '<page [^>]*>');  mi=$(len2pt "${v:-22mm}")
  v=$(attr "$f" margin-outer '<page [^>]*>');  mo=$(len2pt "${v:-22mm}")
  v=$(attr "$f" facing '<page [^>]*>'); case $v in yes|true) fac=1 ;; *) fac=0 ;; esac
  cols=$(attr "$f" columns '<page [^>]*>'); cols=${cols:-1}
  v=$(attr "$f" column-gap '<page [^>]*>');  gap=$(len2pt "${v:-8mm}")
  fn=$(attr "$f" size '<style [^>]*match="footnote"[^>]*>')
  if [ -z "$fn" ]; then
    brand=$(attr "$f" brand '<layout [^>]*>')
    [ -n "$brand" ] && fn=$(attr "$(dirname "$f")/$brand" size '<style [^>]*match="footnote"[^>]*>')
  fi
  fn=$(len2pt "${fn:-7.5pt}")
  bs=$(attr "$f" size '<style [^>]*match="body"[^>]*>')
  if [ -z "$bs" ]; then
    brand=$(attr "$f" brand '<layout [^>]*>')
    [ -n "$brand" ] && bs=$(attr "$(dirname "$f")/$brand" size '<style [^>]*match="body"[^>]*>')
  fi
  bs=$(len2pt "${bs:-10pt}")
  echo "$mt $mb $mi $mo $fac $cols $gap $fn $bs"
}

# --- note texts from the XML: "N TEXT", TEXT = the note's ASCII letters and digits only ---
xml_notes() {
  tr '\n\r\t' '   ' <"$1" | sed 's/<note[ >]/\n&/g' | sed -n '2,$p' | sed 's/<\/note>.*//; s/^<note[^>]*>//' |
    sed 's/<[^>]*>/ /g; s/&[a-z]*;/ /g; s/&#[0-9a-fA-Fx]*;/ /g' |
    awk '{ t = $0; gsub(/[^A-Za-z0-9]/, "", t); print NR, t }'
}

# --- a generated report whose notes must split -----------------------------------
gen_notes_doc() {
  awk 'BEGIN {
    print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    print "<publication type=\"report\" xml:lang=\"en\" version=\"1\" id=\"test-long-notes\">"
    print "<meta><title>Long notes</title><series number=\"1\">Test series</series><date>2026-01-01</date></meta>"
    print "<body><section id=\"s1\"><title>Notes that split</title>"
    split("alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu", w, " ")
    for (i = 1; i <= 40; i++) {
      lines = 5 + (i * 7) % 21              # 5..25 lines of about 20 words
      n = lines * 20
      note = "Note" i " begins here"
      for (k = 1; k <= n; k++) note = note " " w[1 + (i * 13 + k * 7) % 26]
      note = note " and ends with closingword" i "."
      para = "Paragraph " i " of the running text carries a long note"
      for (k = 1; k <= 12 + (i * 5) % 40; k++) para = para " " w[1 + (i + k * 3) % 26]
      print "<p>" para "<note>" note "</note> and the sentence goes on after the reference.</p>"
    }
    print "</section></body></publication>"
  }' >"$1"
}

check_doc() {  # name xml
  local name=$1 xml=$2 type lang label geo
  local pdf="$tmp/$name.pdf"
  if ! timeout 60 "$BIN" render "$xml" -o "$pdf" 2>"$tmp/$name.err"; then
    bad "$name: render failed: $(head -c 300 "$tmp/$name.err")"; return
  fi
  type=$(tr '\n' ' ' <"$xml" | grep -o '<publication [^>]*' | grep -o ' type="[^"]*"' | sed 's/.*="//; s/"//')
  lang=$(tr '\n' ' ' <"$xml" | grep -o '<publication [^>]*' | grep -o ' xml:lang="[^"]*"' | sed 's/.*="//; s/"//')
  case $lang in nl*) label='(vervolg)' ;; fr*) label='(suite)' ;; de*) label='(Fortsetzung)' ;; *) label='(continued)' ;; esac
  [ -f "$REPO/layouts/$type.xml" ] || { bad "$name: no layout for type '$type'"; return; }
  geo=$(geometry "$REPO/layouts/$type.xml")
  xml_notes "$xml" >"$tmp/$name.notes"
  pdftotext -bbox "$pdf" "$tmp/$name.html" 2>/dev/null || { bad "$name: pdftotext failed"; return; }
  local out
  out=$(awk -v geo="$geo" -v label="$label" -v name="$name" '
    BEGIN { split(geo, g, " "); MT = g[1]; MB = g[2]; MI = g[3]; MO = g[4]; FAC = g[5]; COLS = g[6]; GAP = g[7]
            HFN = g[8] * 1.362; HB = g[9] * 1.362 }
    FNR == NR { xt[$1] = $2; nxml = $1; next }         # the notes file
    function num(s, k,   v) { if (!match(s, k "=\"[^\"]*\"")) return 0; v = substr(s, RSTART + length(k) + 2, RLENGTH - length(k) - 3); return v + 0 }
    /<page / { flush(); pg++; PW = num($0, "width"); PH = num($0, "height"); n = 0; next }
    /<word / { n++; X0[n] = num($0, "xMin"); Y0[n] = num($0, "yMin"); X1[n] = num($0, "xMax"); Y1[n] = num($0, "yMax")
               w = $0; sub(/^[^>]*>/, "", w); sub(/<\/word>.*/, "", w)
               gsub(/&amp;/, "\\&", w); gsub(/&lt;/, "<", w); gsub(/&gt;/, ">", w); gsub(/&quot;/, "\"", w); gsub(/&apos;/, "\047", w)
               W[n] = w; H[n] = Y1[n] - Y0[n]; hc[sprintf("%.1f", H[n])]++; next }
    END { flush(); finish() }
    # Pages are kept as records; the analysis runs at the end (the running-text
    # height is the mode over the whole document).
    function flush(   i) {
      if (pg == 0) return
      pw[pg] = PW; ph[pg] = PH; cnt[pg] = n
      for (i = 1; i <= n; i++) { a0[pg, i] = X0[i]; b0[pg, i] = Y0[i]; a1[pg, i] = X1[i]; b1[pg, i] = Y1[i]; ww[pg, i] = W[i] }
    }
    function alnum(s) { gsub(/[^A-Za-z0-9]/, "", s); return s }
    function err(m) { print "FAIL: " name ": " m; nfail++ }
    function finish(   best, k, p, i, L, R, cw, c, bot, h, nl, ly, lt, lc, key, j, lines, srt, t, q, words, m, first, prevarea, area, open, nextnote, lastref, nref, started, s, tx, ok) {
      nextnote = 1; lastref = 0; nref = 0; open = 0; prevarea = ""; okchecks = 0
      for (p = 1; p <= pg; p++) {
        if (FAC && p % 2 == 0) { L = MO; R = pw[p] - MI } else { L = MI; R = pw[p] - MO }
        cw = (R - L - (COLS - 1) * GAP) / COLS
        delete bot; delete lines; nl = 0
        for (i = 1; i <= cnt[p]; i++) {
          if (b0[p, i] < MT - 1 || b1[p, i] > ph[p] - MB + 1) continue        # header, footer
          c = int(((a0[p, i] + a1[p, i]) / 2 - L) / (cw + GAP)) + 1; if (c < 1) c = 1; if (c > COLS) c = COLS
          col[i] = c; h = b1[p, i] - b0[p, i]
          if (h > HFN + 0.3 && (!(c in bot) || b1[p, i] > bot[c])) bot[c] = b1[p, i]
        }
        # references, in reading order (column, line, x)
        delete refs; m = 0
        for (i = 1; i <= cnt[p]; i++) {
          if (b0[p, i] < MT - 1 || b1[p, i] > ph[p] - MB + 1) continue
          h = b1[p, i] - b0[p, i]
          if (ww[p, i] ~ /^[0-9]+$/ && h < 0.68 * HB)
            refs[++m] = sprintf("%d %09.2f %09.2f %s", col[i], b1[p, i], a0[p, i], ww[p, i])
        }
        for (i = 2; i <= m; i++) { t = refs[i]; for (j = i - 1; j >= 1 && refs[j] > t; j--) refs[j + 1] = refs[j]; refs[j + 1] = t }
        for (i = 1; i <= m; i++) {
          split(refs[i], q, " "); k = q[4] + 0
          if (k != lastref + 1) err(sprintf("page %d: reference %d follows reference %d (numbering gap or disorder)", p, k, lastref))
          lastref = k; nref++
          if (k in refpage) err(sprintf("note %d referenced twice (pages %d and %d)", k, refpage[k], p))
          refpage[k] = p; refcol[k] = q[1]
        }
        # foot lines per column: words of footnote size below the last larger word
        delete fl; delete fy; delete fc
        for (i = 1; i <= cnt[p]; i++) {
          if (b0[p, i] < MT - 1 || b1[p, i] > ph[p] - MB + 1) continue
          h = b1[p, i] - b0[p, i]; c = col[i]
          if (h < HFN - 0.3 || h > HFN + 0.3) continue
          if ((c in bot) && b0[p, i] < bot[c] - 0.5) continue
          key = sprintf("%d %09.2f", c, b1[p, i])
          fw[key] = fw[key] sprintf("%09.2f\t%s\n", a0[p, i], ww[p, i])
          fl[key] = 1
        }
        # sort line keys
        nl = 0; for (key in fl) lk[++nl] = key
        for (i = 2; i <= nl; i++) { t = lk[i]; for (j = i - 1; j >= 1 && lk[j] > t; j--) lk[j + 1] = lk[j]; lk[j + 1] = t }
        area = ""
        for (i = 1; i <= nl; i++) {
          key = lk[i]; split(key, q, " "); c = q[1]
          # the words of the line, left to right
          s = fw[key]; delete fw[key]
          m = split(s, srt, "\n"); m--
          for (j = 2; j <= m; j++) { t = srt[j]; for (k = j - 1; k >= 1 && srt[k] > t; k--) srt[k + 1] = srt[k]; srt[k + 1] = t }
          tx = ""; for (j = 1; j <= m; j++) { sub(/^[^\t]*\t/, "", srt[j]); words[j] = srt[j]; tx = tx (j > 1 ? " " : "") srt[j] }
          first = (area != p " " c)
          if (first) {
            # a new foot area: page p, column c
            newarea = p " " c
            if (open) {
              # the previous note did not end: this must be the next area, opened by the label
              if (tx != label) err(sprintf("note %d (page %d) is incomplete and page %d column %d does not open with %s (first foot line: \"%s\")", open, startpage[open], p, c, label, substr(tx, 1, 60)))
              else if (!adjacent(prevarea, p, c)) err(sprintf("note %d continues on page %d column %d, not in the next foot area after page/column %s", open, p, c, prevarea))
              else { okchecks++; contd[open] = p }
              area = newarea; prevarea = newarea
              if (tx == label) continue
            } else if (tx == label) {
              err(sprintf("page %d: %s label without a note to continue", p, label))
              area = newarea; prevarea = newarea; continue
            }
            area = newarea; prevarea = newarea
          }
          # a note start?
          if (words[1] == nextnote && m >= 2 && startsnote(nextnote, tx)) {
            if (open) closenote(open)
            k = nextnote; nextnote++; open = k; txt[k] = ""; startpage[k] = p; startcol[k] = c
            for (j = 2; j <= m; j++) txt[k] = txt[k] " " words[j]
            if (!(k in refpage)) err(sprintf("note %d: body on page %d but no reference found before it", k, p))
            else if (refpage[k] != p) err(sprintf("note %d: reference on page %d, body starts on page %d", k, refpage[k], p))
            else if (COLS > 1 && refcol[k] != c) err(sprintf("note %d: reference in column %d, body in column %d (page %d)", k, refcol[k], c, p))
            else okchecks++
          } else if (open) {
            txt[open] = txt[open] " " tx
          } else {
            err(sprintf("page %d: foot text with no note: \"%s\"", p, substr(tx, 1, 60)))
          }
          # the note is complete when its text ends with the last word in the XML
          if (open && ends(open)) { closenote(open); open = 0 }
        }
      }
      if (open) err(sprintf("note %d (page %d) is incomplete at the end of the document", open, startpage[open]))
      if (nref != nxml) err(sprintf("%d note references found in the PDF, %d <note> in the XML", nref, nxml))
      if (nextnote - 1 != nxml) err(sprintf("%d note bodies found, %d <note> in the XML (next expected: %d)", nextnote - 1, nxml, nextnote))
      for (k in contd) ncont++
      printf "OK %d %d %d\n", okchecks, nref, ncont + 0
    }
    # the last letters and digits of the note as collected so far equal the
    # last ones of the note in the XML (16 of them, fewer for a short note)
    function ends(k,   a, b, n2) {
      a = alnum(txt[k]); b = xt[k]; n2 = length(b) < 16 ? length(b) : 16
      return n2 > 0 && length(a) >= n2 && substr(a, length(a) - n2 + 1) == substr(b, length(b) - n2 + 1)
    }
    function closenote(k,   a) { if (!ends(k)) { a = alnum(txt[k]); err(sprintf("note %d (page %d): body ends with \"...%s\", the note ends with \"...%s\"", k, startpage[k], substr(a, length(a) - 15), substr(xt[k], length(xt[k]) - 15))) } }
    # a foot line "N text..." opens note N when its text starts like the note in the XML
    function startsnote(k, line,   a, n2) {
      sub(/^[0-9]+ /, "", line); a = alnum(line)
      n2 = length(xt[k]) < 8 ? length(xt[k]) : 8
      return n2 > 0 && substr(a, 1, n2) == substr(xt[k], 1, n2)
    }
    function adjacent(prev, p, c,   q) {
      split(prev, q, " ")
      if (q[1] == p && q[2] == c - 1) return 1
      if (q[1] == p - 1 && c == 1) return 1
      return 0
    }
  ' "$tmp/$name.notes" "$tmp/$name.html")
  local okline
  okline=$(echo "$out" | grep '^OK ')
  echo "$out" | grep '^FAIL' | head -20
  fail=$((fail + $(echo "$out" | grep -c '^FAIL')))
  if [ -n "$okline" ]; then
    set -- $okline
    pass=$((pass + $2))
    echo "  $name: $3 notes, $4 continued, $2 placements ok"
    if [ "$name" = long-notes ] && [ "$4" -lt 1 ]; then bad "$name: no note was continued on a following page (the document is made so that some must be)"; fi
  else
    bad "$name: analysis produced no result"
  fi
}

docs=()
for s in report-en bulletin-en report-fr report-long-en; do
  [ -f "$REPO/samples/$s.xml" ] && docs+=("$s")
done
for f in "$REPO"/samples/*.xml; do
  s=$(basename "$f" .xml)
  case " ${docs[*]} " in *" $s "*) continue ;; esac
  grep -q '<note[ >]' "$f" && docs+=("$s")
done
for s in "${docs[@]}"; do check_doc "$s" "$REPO/samples/$s.xml"; done
gen_notes_doc "$tmp/long-notes.xml"
check_doc long-notes "$tmp/long-notes.xml"

echo "footnotes_per_page: ${#docs[@]} samples + 1 generated, $pass checks passed, $fail failed"
[ $fail -eq 0 ]
