#!/usr/bin/env bash
# No text outside its region: every word of every sample lies in the page's
# body frame, in the header band above it or in the footer band below it.
#
#   bash text_in_regions.sh /path/to/emnpub /path/to/repo
#
# Regions come from the layout the document type selects (layouts/<type>.xml,
# values not set there take the defaults of docs/layouts.md):
#   frame   x from the inner margin to the page width minus the outer margin
#           (facing="yes": mirrored on even, left-hand pages), y from
#           margin-top to the page height minus margin-bottom;
#   header  same x; between the header's text top (its baseline sits
#           `offset` above the frame, text up to 1.1 x its size above the
#           baseline) and the frame top;
#   footer  same x; between the frame bottom and the footer's baseline
#           (`offset` below the frame) plus 0.35 x its size.
# Tolerance 1pt. A word running past the right edge (an overfull line) fails.
# Skipped: page 1 (cover band / title page, which use the whole page) and, in
# facing layouts whose cover has own-page="yes", page 2 (the imprint).
# The contents pages and the back page are checked.
set -u
. "$(dirname "$0")/lib/layout_test.sh" "$@"
TOL=1

# "mt mb mi mo facing hoff hsize foff fsize ownpage"
geometry() {
  local f=$1 v mt mb mi mo fac hoff hsize foff fsize own hst fst
  v=$(attr "$f" margin-top '<page [^>]*>');    mt=$(len2pt "${v:-22mm}")
  v=$(attr "$f" margin-bottom '<page [^>]*>'); mb=$(len2pt "${v:-24mm}")
  v=$(attr "$f" margin-inner '<page [^>]*>');  mi=$(len2pt "${v:-22mm}")
  v=$(attr "$f" margin-outer '<page [^>]*>');  mo=$(len2pt "${v:-22mm}")
  v=$(attr "$f" facing '<page [^>]*>'); case $v in yes|true) fac=1 ;; *) fac=0 ;; esac
  v=$(attr "$f" offset '<header [^>]*>'); hoff=$(len2pt "${v:-10mm}")
  v=$(attr "$f" offset '<footer [^>]*>'); foff=$(len2pt "${v:-10mm}")
  hst=$(attr "$f" style '<header [^>]*>'); fst=$(attr "$f" style '<footer [^>]*>')
  v=$(style_prop "$f" size "${hst:-header}"); [ -z "$v" ] && v=$(style_prop "$f" size body); hsize=$(len2pt "${v:-10pt}")
  v=$(style_prop "$f" size "${fst:-footer}"); [ -z "$v" ] && v=$(style_prop "$f" size body); fsize=$(len2pt "${v:-10pt}")
  v=$(attr "$f" own-page '<cover [^>]*>'); case $v in yes|true) own=1 ;; *) own=0 ;; esac
  echo "$mt $mb $mi $mo $fac $hoff $hsize $foff $fsize $own"
}

# Checks one rendered PDF against the regions; prints FAIL lines and "OK n".
check_pdf() {  # name pdf geometry skip-pages
  pdftotext -bbox "$2" - 2>/dev/null | awk -v geo="$3" -v name="$1" -v skip="$4" -v tol="$TOL" '
    BEGIN { split(geo, g, " "); MT = g[1]; MB = g[2]; MI = g[3]; MO = g[4]; FAC = g[5]
            HOFF = g[6]; HS = g[7]; FOFF = g[8]; FS = g[9] }
    function num(s, k,   v) { if (!match(s, k "=\"[^\"]*\"")) return 0; v = substr(s, RSTART + length(k) + 2, RLENGTH - length(k) - 3); return v + 0 }
    /<page / { pg++; PW = num($0, "width"); PH = num($0, "height")
               if (FAC && pg % 2 == 0) { L = MO; R = PW - MI } else { L = MI; R = PW - MO }
               T = MT; B = PH - MB; bads = 0; next }
    /<word / {
      if (pg <= skip) next
      x0 = num($0, "xMin"); y0 = num($0, "yMin"); x1 = num($0, "xMax"); y1 = num($0, "yMax")
      w = $0; sub(/^[^>]*>/, "", w); sub(/<\/word>.*/, "", w)
      where = ""
      if (x0 < L - tol) where = sprintf("starts %.1fpt left of the frame (x %.1f < %.1f)", L - x0, x0, L)
      else if (x1 > R + tol) where = sprintf("ends %.1fpt right of the frame (x %.1f > %.1f)", x1 - R, x1, R)
      else if (y0 >= T - tol && y1 <= B + tol) where = ""                                         # frame
      else if (y0 >= T - HOFF - 1.1 * HS - tol && y1 <= T + tol) where = ""                         # header band
      else if (y0 >= B - tol && y1 <= B + FOFF + 0.35 * FS + tol) where = ""                        # footer band
      else where = sprintf("lies outside frame, header and footer bands (y %.1f-%.1f; frame %.1f-%.1f)", y0, y1, T, B)
      if (where != "") { if (++bads <= 3) printf "FAIL: %s: page %d: \"%s\" %s\n", name, pg, w, where; nbad++ }
      else ok++
      next
    }
    END { printf "OK %d %d\n", ok, pg }'
}

shopt -s nullglob
samples=("$REPO"/samples/*.xml)
shopt -u nullglob
[ ${#samples[@]} -gt 0 ] || bad "no samples"
for s in "${samples[@]}"; do
  name=$(basename "$s" .xml)
  pdf="$tmp/$name.pdf"
  if ! timeout 60 "$BIN" render "$s" -o "$pdf" 2>"$tmp/$name.err"; then
    bad "$name: render failed: $(head -c 300 "$tmp/$name.err")"; continue
  fi
  type=$(tr '\n' ' ' <"$s" | grep -o '<publication [^>]*' | grep -o ' type="[^"]*"' | sed 's/.*="//; s/"//')
  lay="$REPO/layouts/$type.xml"
  [ -f "$lay" ] || { bad "$name: no layout file for type '$type'"; continue; }
  geo=$(geometry "$lay")
  # page 1: cover band or title page; with a title page of its own on facing
  # pages, page 2 is its imprint (docs/layouts.md, <cover own-page>)
  skip=1
  if [ "$(echo "$geo" | awk '{print $10 $5}')" = 11 ]; then skip=2; fi
  out=$(check_pdf "$name" "$pdf" "$geo" "$skip")
  echo "$out" | grep '^FAIL'
  n=$(echo "$out" | grep -c '^FAIL')
  fail=$((fail + n))
  okline=$(echo "$out" | grep '^OK ')
  if [ -z "$okline" ]; then bad "$name: no result"; continue; fi
  set -- $okline
  pass=$((pass + $2))
  [ "$2" -gt 0 ] || bad "$name: no words checked"
  echo "  $name: $3 pages (first $skip skipped), $2 words inside their regions"
done

echo "text_in_regions: ${#samples[@]} samples, $pass words inside their regions, $fail failed"
[ $fail -eq 0 ]
