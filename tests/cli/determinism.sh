#!/usr/bin/env bash
# End-to-end: rendering is deterministic and independent of the environment.
#
#   bash determinism.sh /path/to/emnpub /path/to/repo
#
# Two samples (inform-multilingual: bidi and several scripts; report-fr: many
# pages, footnotes, tables) are each rendered
#   - twice in the C locale               -> byte-identical (cmp)
#   - with LC_ALL=de_DE.UTF-8             -> identical to the C-locale render
#   - with only LC_NUMERIC=de_DE.UTF-8    -> identical
# and the first sample also with TZ=UTC-14 and from another working directory
# with a relative input path -> identical.
# de_DE.UTF-8 is used when installed; otherwise it is compiled into the temp
# folder with localedef (LOCPATH) when possible, so that the decimal comma is
# really in effect; failing that the variables are set anyway (weaker check).
set -u

. "$(dirname "$0")/lib/args.sh" "$@"

. "$(dirname "$0")/lib/checks.sh"
show() { head -c 300 "$1" | tr '\n' '|'; }

# Base environment: C locale, UTC, no LOCPATH.
BASE_ENV=(env -u LANG -u LANGUAGE -u LC_ALL -u LC_NUMERIC -u LC_CTYPE -u LC_TIME -u LOCPATH TZ=UTC)

# --- find or build a German locale ---
DE=de_DE.UTF-8
LOCENV=()
if command -v locale >/dev/null && locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
  echo "note: using the installed $DE locale"
elif command -v localedef >/dev/null && mkdir -p "$T/locale" &&
  timeout 60 localedef -i de_DE -f UTF-8 "$T/locale/$DE" >/dev/null 2>&1; then
  LOCENV=(LOCPATH="$T/locale")
  echo "note: $DE is not installed; compiled it into the temp folder (LOCPATH)"
else
  echo "note: $DE is not installed and could not be compiled; setting LC_ALL/LC_NUMERIC anyway (weak check)"
fi
# Is the decimal comma really in effect for a C program?
probe=$("${BASE_ENV[@]}" ${LOCENV[@]+"${LOCENV[@]}"} LC_ALL=$DE printf '%.1f' 1.5 2>/dev/null)
if [ "$probe" = "1,5" ]; then echo "note: $DE is effective (printf %.1f 1.5 -> $probe)"; else
  echo "note: $DE is NOT effective in this environment (printf gives '$probe'); the locale checks are weak"
fi

# render LABEL INPUT OUTPUT [ENV...]: render with the base env plus ENV,
# in folder $RUN_IN (default: the temp folder)
RUN_IN=$T
render() {
  local label=$1 in=$2 out=$3
  shift 3
  (cd "$RUN_IN" && exec "${BASE_ENV[@]}" "$@" timeout 60 "$BIN" render "$in" -o "$out") >/dev/null 2>"$T/err"
  local rc=$?
  if [ "$rc" -ne 0 ]; then fail "$label: render exit code $rc: $(show "$T/err")"; return 1; fi
  local o=$out
  case $o in /*) ;; *) o="$RUN_IN/$o" ;; esac
  if [ ! -s "$o" ]; then fail "$label: exit code 0 but no PDF written to $out"; return 1; fi
  pass
}

same() {  # same LABEL REF OTHER
  if [ ! -f "$3" ]; then fail "$1: no output file $3"; return; fi
  if cmp -s "$2" "$3"; then pass; else
    fail "$1: output differs from the reference render ($(wc -c <"$2") vs $(wc -c <"$3") bytes; $(cmp "$2" "$3" 2>&1 | head -n 1))"
  fi
}

first=1
for name in inform-multilingual report-fr; do
  S="$REPO/samples/$name.xml"
  if [ ! -f "$S" ]; then fail "sample $name.xml missing"; continue; fi
  ref="$T/$name.ref.pdf"
  render "$name (C locale, run 1)" "$S" "$ref" || continue
  render "$name (C locale, run 2)" "$S" "$T/$name.again.pdf" && same "$name run 2 vs run 1" "$ref" "$T/$name.again.pdf"
  render "$name LC_ALL=$DE" "$S" "$T/$name.lcall.pdf" ${LOCENV[@]+"${LOCENV[@]}"} LC_ALL=$DE LANG=$DE &&
    same "$name with LC_ALL=$DE" "$ref" "$T/$name.lcall.pdf"
  render "$name LC_NUMERIC=$DE" "$S" "$T/$name.lcnum.pdf" ${LOCENV[@]+"${LOCENV[@]}"} LANG=C.UTF-8 LC_NUMERIC=$DE &&
    same "$name with LC_NUMERIC=$DE" "$ref" "$T/$name.lcnum.pdf"
  if [ "$first" -eq 1 ]; then
    first=0
    render "$name TZ=UTC-14" "$S" "$T/$name.tz.pdf" TZ=UTC-14 &&
      same "$name with TZ=UTC-14" "$ref" "$T/$name.tz.pdf"
    mkdir -p "$T/elsewhere/out"
    cp "$S" "$T/elsewhere/input.xml"
    RUN_IN="$T/elsewhere"
    render "$name relative paths" input.xml out/x.pdf &&
      same "$name rendered from another folder via relative paths" "$ref" "$T/elsewhere/out/x.pdf"
    RUN_IN=$T
  fi
done

finish determinism
