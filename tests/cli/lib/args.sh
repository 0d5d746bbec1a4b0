# Shared start of every tests/cli test: the two arguments ctest passes.
# Sourced, not a test itself (ctest registers tests/cli/*.sh only):
#
#   . "$(dirname "$0")/lib/args.sh" "$@"
#
# Sets BIN (the emnpub binary, made absolute) and REPO (the repository root);
# exits 2 on a usage error and 1 when either is missing.
if [ $# -lt 2 ]; then
  echo "usage: bash $0 /path/to/emnpub /path/to/repo" >&2
  exit 2
fi
BIN=$1
REPO=$(cd "$2" && pwd) || { echo "FAIL: repository folder '$2' not found"; exit 1; }
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
if [ ! -x "$BIN" ]; then echo "FAIL: emnpub binary '$BIN' is not executable"; exit 1; fi
