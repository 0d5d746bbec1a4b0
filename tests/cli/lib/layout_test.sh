# Shared start of the tests/cli layout tests that read word boxes from
# poppler and the geometry from the layout files. Sourced, not a test itself
# (ctest registers tests/cli/*.sh only):
#
#   . "$(dirname "$0")/lib/layout_test.sh" "$@"
#
# Takes BIN REPO as the test does (lib/args.sh sets BIN and REPO); sets tmp (removed
# at exit), pass/fail counters and bad(); needs pdftotext and pdfinfo.
. "$(dirname "$0")/lib/args.sh" "$@"
for tool in pdftotext pdfinfo; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not installed (poppler-utils)"; exit 1; }
done
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C
pass=0; fail=0
bad() { echo "FAIL: $*"; fail=$((fail+1)); }

# A layout length (20mm, 2cm, 1in, 12pt, 0) in points.
len2pt() {
  awk -v v="$1" 'BEGIN { f = 1
    if (v ~ /mm$/) f = 72 / 25.4; else if (v ~ /cm$/) f = 72 / 2.54; else if (v ~ /in$/) f = 72
    sub(/[a-z]+$/, "", v); printf "%.3f\n", v * f }'
}
# Last value of attribute $2 on elements matching $3 (a grep -o pattern) in file $1.
attr() { tr '\n\t' '  ' <"$1" | grep -o "$3" | grep -o " $2=\"[^\"]*\"" | tail -1 | sed 's/^[^"]*"//; s/"$//'; }
# Style property $2 of <style match="$3"> in layout $1, else in its brand file.
style_prop() {
  local v brand
  v=$(attr "$1" "$2" "<style [^>]*match=\"$3\"[^>]*>")
  if [ -z "$v" ]; then
    brand=$(attr "$1" brand '<layout [^>]*>')
    [ -n "$brand" ] && v=$(attr "$(dirname "$1")/$brand" "$2" "<style [^>]*match=\"$3\"[^>]*>")
  fi
  echo "$v"
}
