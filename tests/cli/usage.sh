#!/usr/bin/env bash
# End-to-end: command-line handling.
#
#   bash usage.sh /path/to/emnpub /path/to/repo
#
#   --version          -> "emnpub <version>" on stdout, exit 0
#   --help / -h        -> exit 0, usage on stdout naming render and validate
#   usage mistakes     -> exit 2 with an "emnpub: ..." message on stderr, no output file
#                         (no args, unknown command, unknown option, render without -o,
#                          -o without a value, no input, two inputs for render)
#   unreadable input   -> exit 1 with an error line naming the file (not a usage error)
set -u

. "$(dirname "$0")/lib/args.sh" "$@"

. "$(dirname "$0")/lib/checks.sh"
cd "$T" || exit 1

SAMPLE="$REPO/samples/inform-en.xml"

# run ARGS...: runs emnpub in $T with a 20 s limit; sets RC, OUT, ERR files
run() {
  timeout 20 "$BIN" "$@" </dev/null >"$T/stdout" 2>"$T/stderr"
  RC=$?
}
show() { head -c 300 "$1" | tr '\n' '|'; }

expect_rc() {  # expect_rc WHAT EXPECTED
  if [ "$RC" -eq "$2" ]; then pass; else fail "$1: expected exit code $2, got $RC (stderr: $(show "$T/stderr"))"; fi
}

# --- --version ---
run --version
expect_rc "--version" 0
if grep -Eq '^emnpub [0-9]+\.[0-9]+\.[0-9]+([-+.][0-9A-Za-z.-]+)?$' "$T/stdout" && [ "$(wc -l <"$T/stdout")" -eq 1 ]; then
  pass
else
  fail "--version: expected one line 'emnpub <version>' on stdout, got: $(show "$T/stdout")"
fi
if [ -s "$T/stderr" ]; then fail "--version: unexpected stderr: $(show "$T/stderr")"; else pass; fi
# the version must match the project version declared in CMakeLists.txt
want=$(sed -n 's/^project([^)]*VERSION \([0-9][0-9.]*\).*/\1/p' "$REPO/CMakeLists.txt" | head -n 1)
if [ -n "$want" ]; then
  if [ "$(cat "$T/stdout")" = "emnpub $want" ]; then pass; else
    fail "--version: expected 'emnpub $want' (project VERSION in CMakeLists.txt), got '$(cat "$T/stdout")'"
  fi
fi

# --- --help / -h ---
for h in --help -h; do
  run "$h"
  expect_rc "$h" 0
  if grep -q 'render' "$T/stdout" && grep -q 'validate' "$T/stdout"; then pass; else
    fail "$h: usage on stdout should mention render and validate, got: $(show "$T/stdout")"
  fi
done
# --help wins even after other arguments
run render --help
expect_rc "render --help" 0

# --- usage errors: exit 2, message on stderr, nothing on stdout, no output file ---
usage_case() {  # usage_case DESCRIPTION ARGS...
  local what=$1
  shift
  rm -f "$T/out.pdf"
  run "$@"
  expect_rc "$what" 2
  if grep -q '^emnpub: ' "$T/stderr"; then pass; else fail "$what: expected an 'emnpub: ...' message on stderr, got: $(show "$T/stderr")"; fi
  if [ -s "$T/stdout" ]; then fail "$what: usage error wrote to stdout: $(show "$T/stdout")"; else pass; fi
  if [ -e "$T/out.pdf" ]; then fail "$what: usage error created an output file"; else pass; fi
}
usage_case "no arguments"
usage_case "unknown command" frobnicate "$SAMPLE" -o out.pdf
usage_case "unknown option" render "$SAMPLE" -o out.pdf --no-such-option
usage_case "unknown option before command" --no-such-option render "$SAMPLE" -o out.pdf
usage_case "render without -o" render "$SAMPLE"
usage_case "-o without a value" render "$SAMPLE" -o
usage_case "--layouts without a value" render "$SAMPLE" -o out.pdf --layouts
usage_case "render without input" render -o out.pdf
usage_case "validate without input" validate
usage_case "render with two inputs" render "$SAMPLE" "$SAMPLE" -o out.pdf
usage_case "options but no command" -o out.pdf

# the unknown option is named in the message
run render "$SAMPLE" -o out.pdf --no-such-option
if grep -q -- '--no-such-option' "$T/stderr"; then pass; else fail "unknown option: message does not name '--no-such-option': $(show "$T/stderr")"; fi
run frobnicate "$SAMPLE"
if grep -q 'frobnicate' "$T/stderr"; then pass; else fail "unknown command: message does not name 'frobnicate': $(show "$T/stderr")"; fi

# --- missing / unreadable input: a document problem (exit 1), not a usage error ---
missing="$T/no-such-file.xml"
rm -f "$T/out.pdf"
run render "$missing" -o "$T/out.pdf"
expect_rc "render missing input file" 1
if grep -qF "$missing" "$T/stderr" && grep -q 'error' "$T/stderr"; then pass; else
  fail "render missing input file: expected an error line naming $missing, got: $(show "$T/stderr")"
fi
if [ -e "$T/out.pdf" ]; then fail "render missing input file: output file created"; else pass; fi

run validate "$missing"
expect_rc "validate missing input file" 1
if grep -qF "$missing" "$T/stderr" && grep -q 'error' "$T/stderr"; then pass; else
  fail "validate missing input file: expected an error line naming $missing, got: $(show "$T/stderr")"
fi

# a directory as input
run validate "$T"
expect_rc "validate a directory" 1
if grep -qF "$T" "$T/stderr"; then pass; else fail "validate a directory: error does not name it: $(show "$T/stderr")"; fi

# validate: a good file and a missing one -> 1, the good one still checked (no errors for it)
run validate "$SAMPLE" "$missing"
expect_rc "validate good + missing" 1
if grep -qF "$SAMPLE" "$T/stderr"; then fail "validate good + missing: errors reported for the good sample: $(show "$T/stderr")"; else pass; fi

# --- a plain successful validate for contrast ---
run validate "$SAMPLE"
expect_rc "validate samples/inform-en.xml" 0

finish usage
