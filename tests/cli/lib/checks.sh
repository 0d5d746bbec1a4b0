# Shared start of the tests/cli tests that count checks. Source it after
# args.sh:
#
#   . "$(dirname "$0")/lib/checks.sh"
#
# Sets T, a temporary folder removed when the test exits (read-only files
# in it too; a test that starts processes defines on_exit to stop them,
# and it runs first); runs everything under LC_ALL=C; counts with pass and
# fail MESSAGE; and `finish NAME` prints the tally and exits 0 only when
# nothing failed.
T=$(mktemp -d) || exit 1
trap 'if declare -F on_exit >/dev/null; then on_exit; fi; chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 130' HUP INT TERM
export LC_ALL=C

FAILS=0
CHECKS=0
fail() { FAILS=$((FAILS + 1)); echo "FAIL: $*"; }
pass() { CHECKS=$((CHECKS + 1)); }
finish() {
  echo "$1: $CHECKS checks passed, $FAILS failed"
  [ "$FAILS" -eq 0 ]
  exit
}
