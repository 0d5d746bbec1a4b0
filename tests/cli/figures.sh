#!/usr/bin/env bash
# Figures: a PNG from a data: URI and a JPEG beside the document are placed
# at their pixel size ratio; paths leaving the document's folder, missing
# files, non-images and 16-bit PNGs are refused with a located error.
set -u
. "$(dirname "$0")/lib/args.sh" "$@"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
bad() { echo "FAIL: $*"; fail=$((fail+1)); }

cp "$REPO/tests/data/figures/photo.jpg" "$tmp/photo.jpg"
png=$(base64 -w0 "$REPO/tests/data/figures/chart.png")
doc() {  # $1 = second img src
  cat <<EOF2
<?xml version="1.0" encoding="UTF-8"?>
<publication type="inform" xml:lang="en" version="1" id="fig">
  <meta><title>Figures</title><date>2026-03-01</date></meta>
  <body>
    <section id="s1"><title>Images</title>
      <p>Two figures, see <ref target="f2"/>.</p>
      <figure id="f1"><img src="data:image/png;base64,$png" alt="Chart" width="50%"/><caption>Chart.</caption></figure>
      <figure id="f2"><img src="$1" alt="Photo"/><caption>Photo.</caption></figure>
    </section>
  </body>
</publication>
EOF2
}
doc photo.jpg > "$tmp/good.xml"
if "$BIN" render "$tmp/good.xml" -o "$tmp/good.pdf" 2>"$tmp/err"; then ok; else bad "good document refused: $(cat "$tmp/err")"; fi
list=$(pdfimages -list "$tmp/good.pdf" 2>/dev/null)
echo "$list" | grep -Eq '^ +1 +0 +image +400 +240 ' && ok || bad "PNG 400x240 not embedded: $list"
echo "$list" | grep -Eq '^ +1 +1 +image +120 +80 .* jpeg ' && ok || bad "JPEG 120x80 not embedded as DCT: $list"
pdftotext "$tmp/good.pdf" - | grep -q "Figure 2 on page 1" && ok || bad "cross-reference to the figure missing"

check_refused() {  # $1 = src, $2 = words expected in the message
  doc "$1" > "$tmp/bad.xml"
  "$BIN" render "$tmp/bad.xml" -o "$tmp/bad.pdf" 2>"$tmp/err"; rc=$?
  [ $rc -eq 1 ] && ok || bad "src=$1: exit $rc, expected 1"
  [ ! -e "$tmp/bad.pdf" ] && ok || bad "src=$1: output written"
  grep -Eq "bad.xml:[0-9]+:[0-9]+: error: .*$2" "$tmp/err" && ok || bad "src=$1: message lacks '$2': $(cat "$tmp/err")"
  grep -q "root:" "$tmp/err" && bad "src=$1: file content leaked" || ok
}
check_refused "../../../../etc/passwd" "assets"
check_refused "missing.png" "not found"
printf 'not an image' > "$tmp/fake.png"
check_refused "fake.png" "not a PNG or JPEG"
convert -size 8x8 xc:red -depth 16 "PNG48:$tmp/deep.png" 2>/dev/null && check_refused "deep.png" "16-bit"
ln -s /etc/hostname "$tmp/link.png"
check_refused "link.png" "outside the assets"

echo "figures: $pass checks passed, $fail failed"
[ $fail -eq 0 ]
