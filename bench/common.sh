# bench/common.sh is sourced by bench/compare.sh and bench/history.sh: the
# set-up both share. It sets here (the repository), bench (this directory,
# which stays put when compare.sh --rev moves here to an archive), cache and
# bin (KVLINT_BENCH_CACHE, where built and installed tools are kept) and tmp
# (a directory removed on exit), and defines timeit.

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench=$here/bench
cache=${KVLINT_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kvlint-bench}
bin=$cache/bin
mkdir -p "$bin"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# timeit OUT CMD writes "wall user sys maxrss-KB status" of CMD to OUT (see
# bench/timeit.py).
timeit() { python3 "$bench/timeit.py" "$@"; }
