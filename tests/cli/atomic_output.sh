#!/usr/bin/env bash
# End-to-end: output files are replaced atomically or not at all.
#
#   bash atomic_output.sh /path/to/emnpub /path/to/repo
#
#   - a refused document (bad XML; missing layout) rendered onto an existing
#     file leaves that file byte-for-byte untouched, and no temp file behind
#   - an output path in a nonexistent folder, in a folder that cannot be
#     written, inside a regular file, or naming a folder: exit 1 and a clear
#     "PATH: error: ... REASON" line; nothing created
#   - writing to a full stdout (-o - > /dev/full): exit 1 and a message that
#     says why
#   - a good render onto an existing file replaces it with the new PDF and
#     leaves no temp file
set -u

. "$(dirname "$0")/lib/args.sh" "$@"

. "$(dirname "$0")/lib/checks.sh"
show() { head -c 400 "$1" | tr '\n' '|'; }

GOOD="$T/good.xml"
cat >"$GOOD" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<publication type="inform" xml:lang="en" version="1">
  <meta>
    <title>Atomic output</title>
    <date>2026-03-16</date>
  </meta>
  <body>
    <section id="s1">
      <title>Introduction</title>
      <p>Labour shortages affect nearly every Member State.</p>
    </section>
  </body>
</publication>
EOF
BAD="$T/bad.xml"
sed 's|<p>Labour shortages affect|<p>Labour <em>shortages affect|' "$GOOD" >"$BAD"

run() {  # run ARGS... -> RC, $T/stdout, $T/stderr
  timeout 60 "$BIN" "$@" </dev/null >"$T/stdout" 2>"$T/stderr"
  RC=$?
}
no_temp_files() {  # no_temp_files WHAT DIR
  local left
  left=$(ls -A "$2" | grep '^\.' || true)
  if [ -z "$left" ]; then pass; else fail "$1: temporary files left in $2: $(echo $left)"; fi
}
# clear_message WHAT PATH: exit 1 and a line "PATH: error: ...: REASON" with a non-empty reason
clear_message() {
  local what=$1 path=$2
  if [ "$RC" -eq 1 ]; then pass; else fail "$what: expected exit code 1, got $RC (stderr: $(show "$T/stderr"))"; fi
  local line
  line=$(P="$path" awk 'index($0, ENVIRON["P"] ": error: ") == 1' "$T/stderr" | head -n 1)
  if [ -z "$line" ]; then
    fail "$what: no '$path: error: ...' line on stderr; got: $(show "$T/stderr")"
    return
  fi
  pass
  local reason=${line##*: }
  reason=${reason//[[:space:]]/}
  if [ -n "$reason" ] && [ "${line%: }" = "$line" ]; then pass; else
    fail "$what: the message gives no reason: '$line'"
  fi
}

# --- a refused document does not touch an existing output file ---
mkdir "$T/o1"
OLD="$T/o1/report.pdf"
printf '%%PDF-1.7\nprevious contents, must survive\n%%%%EOF\n' >"$OLD"
sum_before=$(sha256sum <"$OLD")
run render "$BAD" -o "$OLD"
if [ "$RC" -eq 1 ]; then pass; else fail "bad document onto existing file: expected exit code 1, got $RC"; fi
if [ -f "$OLD" ] && [ "$(sha256sum <"$OLD")" = "$sum_before" ]; then pass; else
  fail "bad document onto existing file: the existing file was changed or removed"
fi
no_temp_files "bad document onto existing file" "$T/o1"

# same with a configuration problem (layouts folder without the layout)
mkdir "$T/empty-layouts"
run render "$GOOD" -o "$OLD" --layouts "$T/empty-layouts"
if [ "$RC" -eq 1 ]; then pass; else fail "missing layout onto existing file: expected exit code 1, got $RC"; fi
if [ -f "$OLD" ] && [ "$(sha256sum <"$OLD")" = "$sum_before" ]; then pass; else
  fail "missing layout onto existing file: the existing file was changed or removed"
fi
no_temp_files "missing layout onto existing file" "$T/o1"

# --- a good render replaces the existing file ---
run render "$GOOD" -o "$OLD"
if [ "$RC" -eq 0 ]; then pass; else fail "good document onto existing file: exit code $RC: $(show "$T/stderr")"; fi
if [ "$(sha256sum <"$OLD")" != "$sum_before" ] && qpdf --check "$OLD" >/dev/null 2>&1; then pass; else
  fail "good document onto existing file: the file was not replaced by a valid PDF"
fi
no_temp_files "good document onto existing file" "$T/o1"

# --- output into a folder that does not exist ---
target="$T/no-such-folder/sub/out.pdf"
run render "$GOOD" -o "$target"
clear_message "output in a nonexistent folder" "$target"
if [ -e "$T/no-such-folder" ]; then fail "output in a nonexistent folder: the folder was created"; else pass; fi

# --- output into a folder that cannot be written ---
mkdir "$T/ro"
chmod 555 "$T/ro"
if ( : >"$T/ro/.probe" ) 2>/dev/null; then
  rm -f "$T/ro/.probe"
  # running as root: permissions do not stop us; /proc is a folder nobody can create files in
  ro_dir=/proc
  echo "note: running with privileges that ignore folder permissions; using $ro_dir as the unwritable folder"
else
  ro_dir="$T/ro"
fi
if [ -d "$ro_dir" ]; then
  target="$ro_dir/emnpub-test-out.pdf"
  run render "$GOOD" -o "$target"
  clear_message "output in an unwritable folder ($ro_dir)" "$target"
  if [ -e "$target" ]; then fail "output in an unwritable folder: a file was created"; else pass; fi
fi

# --- output path inside a regular file ---
: >"$T/plainfile"
target="$T/plainfile/out.pdf"
run render "$GOOD" -o "$target"
clear_message "output inside a regular file" "$target"

# --- output path is an existing folder ---
mkdir "$T/o2" "$T/o2/adir"
target="$T/o2/adir"
run render "$GOOD" -o "$target"
clear_message "output path is a folder" "$target"
if [ -d "$target" ] && [ -z "$(ls -A "$target")" ]; then pass; else fail "output path is a folder: the folder was changed"; fi
no_temp_files "output path is a folder" "$T/o2"

# --- stdout that cannot take the PDF ---
if [ -w /dev/full ]; then
  timeout 60 "$BIN" render "$GOOD" -o - </dev/null >/dev/full 2>"$T/stderr"
  RC=$?
  clear_message "render to a full stdout (-o - > /dev/full)" "-"
fi

finish atomic_output
