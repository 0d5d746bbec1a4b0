#!/usr/bin/env bash
# End-to-end: every defective publication is refused, by `render` and by
# `validate`, cleanly and promptly.
#
#   bash bad_inputs.sh /path/to/emnpub /path/to/repo
#
# For each file in tests/data/bad/ plus generated inputs (empty file, 5,000-deep
# nesting, 1 MB of junk, invalid UTF-8, a truncated sample, invalid stdin):
#   - exit code exactly 1 (never >= 128 = crash, never 124 = timeout after 20 s)
#   - render leaves no output file and no temporary file in the output folder
#   - render writes nothing to stdout
#   - stderr has a line "<path>:LINE:COL: error: ..." with LINE >= 1
#   - nothing from /etc/passwd shows up in stdout or stderr
set -u

. "$(dirname "$0")/lib/args.sh" "$@"

. "$(dirname "$0")/lib/checks.sh"

# has_error_line STDERR_FILE PATH: a line "PATH:LINE:COL: error: " with LINE >= 1
has_error_line() {
  P="$2" awk 'BEGIN { p = ENVIRON["P"]; ok = 0 }
    index($0, p ":") == 1 {
      r = substr($0, length(p) + 2)
      if (match(r, /^[0-9]+:[0-9]+: error: /)) { split(r, a, ":"); if (a[1] + 0 >= 1) ok = 1 }
    }
    END { exit ok ? 0 : 1 }' "$1"
}

leaks_passwd() {
  grep -q -e 'root:x:0:' -e 'daemon:x:1:' -e ':/usr/sbin/nologin' -e ':/bin/false' "$@"
}

describe_rc() {
  case $1 in
    124) echo "timed out after 20 s" ;;
    *) if [ "$1" -ge 128 ]; then echo "killed by signal $(($1 - 128)) (crash?)"; else echo "exit code $1"; fi ;;
  esac
}

# check_refused NAME PATH [STDIN_FILE]
# PATH is given to emnpub as the input (use "-" with STDIN_FILE for stdin).
check_refused() {
  local name=$1 path=$2 stdin=${3:-/dev/null}
  local out="$T/out"
  rm -rf "$out"; mkdir "$out"

  # render
  timeout 20 "$BIN" render "$path" -o "$out/result.pdf" <"$stdin" >"$T/r.stdout" 2>"$T/r.stderr"
  local rc=$?
  if [ "$rc" -eq 1 ]; then pass; else fail "$name: render: expected exit code 1, got $(describe_rc "$rc")"; fi
  if [ -e "$out/result.pdf" ]; then fail "$name: render: refused document left an output file"; else pass; fi
  local left
  left=$(ls -A "$out")
  if [ -n "$left" ]; then fail "$name: render: files left in the output folder: $(echo $left)"; else pass; fi
  if [ -s "$T/r.stdout" ]; then fail "$name: render: wrote $(wc -c <"$T/r.stdout") bytes to stdout although -o names a file"; else pass; fi
  if has_error_line "$T/r.stderr" "$path"; then pass; else
    fail "$name: render: no '$path:LINE:COL: error: ' line (LINE >= 1) on stderr; got: $(head -c 300 "$T/r.stderr")"
  fi
  if leaks_passwd "$T/r.stdout" "$T/r.stderr"; then fail "$name: render: /etc/passwd content in output"; else pass; fi

  # validate
  timeout 20 "$BIN" validate "$path" <"$stdin" >"$T/v.stdout" 2>"$T/v.stderr"
  rc=$?
  if [ "$rc" -eq 1 ]; then pass; else fail "$name: validate: expected exit code 1, got $(describe_rc "$rc")"; fi
  if has_error_line "$T/v.stderr" "$path"; then pass; else
    fail "$name: validate: no '$path:LINE:COL: error: ' line (LINE >= 1) on stderr; got: $(head -c 300 "$T/v.stderr")"
  fi
  if leaks_passwd "$T/v.stdout" "$T/v.stderr"; then fail "$name: validate: /etc/passwd content in output"; else pass; fi
}

# --- control: a good sample is accepted, so refusals below mean something ---
timeout 20 "$BIN" validate "$REPO/samples/inform-en.xml" >"$T/c.out" 2>"$T/c.err"
rc=$?
if [ "$rc" -eq 0 ] && ! grep -q ': error: ' "$T/c.err"; then pass; else
  fail "control: validate samples/inform-en.xml: expected exit 0 and no errors, got $(describe_rc "$rc"): $(head -c 300 "$T/c.err")"
fi

# --- the checked-in bad inputs ---
shopt -s nullglob
BAD=("$REPO"/tests/data/bad/*.xml)
shopt -u nullglob
echo "bad inputs in tests/data/bad: ${#BAD[@]}"
if [ "${#BAD[@]}" -eq 0 ]; then fail "tests/data/bad/ has no *.xml files"; fi
for f in "${BAD[@]}"; do
  check_refused "bad/$(basename "$f")" "$f"
done

# All of them in one validate call: exit 1, every file reported.
timeout 60 "$BIN" validate "${BAD[@]}" >"$T/all.out" 2>"$T/all.err"
rc=$?
if [ "$rc" -eq 1 ]; then pass; else fail "validate with all bad files at once: expected exit code 1, got $(describe_rc "$rc")"; fi
for f in "${BAD[@]}"; do
  if has_error_line "$T/all.err" "$f"; then pass; else fail "validate with all bad files at once: no error line for $f"; fi
done

# --- generated inputs ---
G="$T/gen"
mkdir "$G"
HEAD='<?xml version="1.0" encoding="UTF-8"?>
<publication type="inform" xml:lang="en" version="1">
  <meta>
    <title>Generated case</title>
    <date>2026-03-16</date>
  </meta>
  <body>
    <section id="s1">
      <title>Introduction</title>'
TAIL='    </section>
  </body>
</publication>'

# 1. empty file
: >"$G/empty.xml"
check_refused "generated empty file" "$G/empty.xml"

# 2. 5,000 nested inline elements inside a valid publication
{
  printf '%s\n      <p>' "$HEAD"
  for ((i = 0; i < 5000; i++)); do printf '<em>'; done
  printf 'deep'
  for ((i = 0; i < 5000; i++)); do printf '</em>'; done
  printf '</p>\n%s\n' "$TAIL"
} >"$G/deep-5000.xml"
check_refused "generated 5,000-deep nesting" "$G/deep-5000.xml"

# 2b. 5,000 nested elements as the whole document (no publication around it)
{
  for ((i = 0; i < 5000; i++)); do printf '<a>'; done
  for ((i = 0; i < 5000; i++)); do printf '</a>'; done
  printf '\n'
} >"$G/deep-bare.xml"
check_refused "generated 5,000-deep bare nesting" "$G/deep-bare.xml"

# 3. 1 MB of junk followed by binary bytes
{
  head -c 1000000 /dev/zero | tr '\0' 'x'
  printf '\x00\x01\x02\x7f\x80\xfe\xff\xc3\x28<\x00>'
} >"$G/junk-1mb.xml"
check_refused "generated 1 MB junk" "$G/junk-1mb.xml"

# 3b. 1 MB of junk after a valid start (parser must fail mid-document)
{
  printf '%s\n      <p>' "$HEAD"
  head -c 1000000 /dev/zero | tr '\0' 'x'
  printf '\x01\x02\x80\xff</p>\n%s\n' "$TAIL"
} >"$G/junk-in-p.xml"
check_refused "generated 1 MB junk inside <p>" "$G/junk-in-p.xml"

# 4. invalid UTF-8: lone continuation byte, overlong '/', UTF-16 surrogate, truncated sequence
{
  printf '%s\n' "$HEAD"
  printf '      <p>Caf\x80 \xc0\xaf \xed\xa0\x80 \xe2\x82</p>\n'
  printf '%s\n' "$TAIL"
} >"$G/invalid-utf8.xml"
check_refused "generated invalid UTF-8" "$G/invalid-utf8.xml"

# 5. first half of a real sample
S="$REPO/samples/inform-en.xml"
if [ -f "$S" ]; then
  n=$(wc -c <"$S")
  head -c $((n / 2)) "$S" >"$G/inform-en-half.xml"
  check_refused "generated truncated samples/inform-en.xml" "$G/inform-en-half.xml"
else
  fail "samples/inform-en.xml missing"
fi

# 6. invalid input on stdin ("-"): reported as "-:LINE:COL: error:"
printf '%s\n      <p>Unclosed <strong>paragraph</p>\n%s\n' "$HEAD" "$TAIL" >"$G/stdin-malformed.xml"
check_refused "stdin malformed" - "$G/stdin-malformed.xml"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01' >"$G/stdin-binary.bin"
check_refused "stdin binary" - "$G/stdin-binary.bin"
check_refused "stdin empty" - /dev/null

finish bad_inputs
