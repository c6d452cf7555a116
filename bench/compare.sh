#!/usr/bin/env bash
# bench/compare.sh: kvlint side by side with its cost floors and its peers on one
# Go repository, in one run, alternating the tools so machine noise hits all alike.
#
#   bench/compare.sh /path/to/go/repo [runs]      (default 5 runs)
#
# Builds kvlint, the go/analysis floor (a do-nothing analyzer that walks string
# literals, bench/floor) and the parse-only floor (bench/parsefloor); installs
# gosec v2.30.0 and gitleaks v8.30.1 from the Go module proxy into a cache; warms
# the build cache; then prints the median wall time, CPU time (user+sys, children
# included) and peak RSS of each tool, with ratios to the matching floor and the
# number of findings each reported. Absolute times on shared machines are noisy:
# read the ratios.
set -euo pipefail

repo=$(cd "${1:?usage: bench/compare.sh REPO [RUNS]}" && pwd)
runs=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
cache=${KVLINT_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kvlint-bench}
bin=$cache/bin
mkdir -p "$bin"

echo "building kvlint and the floors from $here ($(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown))" >&2
(cd "$here" && go build -o "$bin/kvlint" ./cmd/kvlint && go build -o "$bin/floor" ./bench/floor && go build -o "$bin/parsefloor" ./bench/parsefloor)
[ -x "$bin/gosec" ] || GOBIN=$bin go install github.com/securego/gosec/v2/cmd/gosec@v2.30.0
[ -x "$bin/gitleaks" ] || GOBIN=$bin go install github.com/zricethezav/gitleaks/v8@v8.30.1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# name | command (run in $repo) | how to count findings from its stdout
declare -a names cmds
add() { names+=("$1"); cmds+=("$2"); }
add floor      "$bin/floor ./..."
add kvlint     "$bin/kvlint -format json ./..."
add gosec-G101 "$bin/gosec -quiet -include=G101 -fmt=json -no-fail ./..."
add parsefloor "$bin/parsefloor ."
add kvlint-scan "$bin/kvlint scan -format json ."
add gitleaks   "$bin/gitleaks dir --no-banner --no-color --exit-code 0 --report-format json --report-path - ."

count() { # tool stdout-file
	case $1 in
	kvlint) python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
print(sum(len(v) for p in d.values() for v in p.values() if isinstance(v,list)))' "$2" 2>/dev/null || echo "?" ;;
	kvlint-scan) python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
n=0
if isinstance(d,dict):
  for p in d.values():
    for v in (p.values() if isinstance(p,dict) else [p]):
      n+=len(v) if isinstance(v,list) else 0
elif isinstance(d,list): n=len(d)
print(n)' "$2" 2>/dev/null || echo "?" ;;
	gosec-G101) python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1])).get("Issues") or []))' "$2" 2>/dev/null || echo "?" ;;
	gitleaks) python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$2" 2>/dev/null || echo "?" ;;
	*) echo "-" ;;
	esac
}

echo "warming up (build cache, page cache)" >&2
for i in "${!names[@]}"; do (cd "$repo" && eval "${cmds[$i]}" >/dev/null 2>&1 || true); done

for r in $(seq 1 "$runs"); do
	for i in "${!names[@]}"; do
		n=${names[$i]}
		(cd "$repo" && /usr/bin/time -o "$tmp/$n.$r.time" -f "%e %U %S %M" bash -c "${cmds[$i]}" >"$tmp/$n.$r.out" 2>"$tmp/$n.$r.err" || true)
	done
	echo "run $r/$runs done" >&2
done

for n in "${names[@]}"; do count "$n" "$tmp/$n.1.out" >"$tmp/$n.count"; done

python3 - "$tmp" "$runs" "${names[@]}" <<'PY'
import sys, statistics, os
tmp, runs, names = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
med = {}
for n in names:
    wall, cpu, rss = [], [], []
    for r in range(1, runs + 1):
        e, u, s, m = open(os.path.join(tmp, f"{n}.{r}.time")).read().split()[-4:]
        wall.append(float(e)); cpu.append(float(u) + float(s)); rss.append(int(m) / 1024)
    med[n] = (statistics.median(wall), statistics.median(cpu), statistics.median(rss))
floor_of = {"floor": "floor", "kvlint": "floor", "gosec-G101": "floor",
            "parsefloor": "parsefloor", "kvlint-scan": "parsefloor", "gitleaks": "parsefloor"}
print(f"| tool | wall s | CPU s | peak RSS MB | wall / floor | RSS / floor | findings |")
print(f"|---|---:|---:|---:|---:|---:|---:|")
for n in names:
    w, c, m = med[n]
    f = med[floor_of[n]]
    found = open(os.path.join(tmp, f"{n}.count")).read().strip() if os.path.exists(os.path.join(tmp, f"{n}.count")) else "-"
    print(f"| {n} | {w:.2f} | {c:.2f} | {m:.0f} | {w/f[0]:.2f}x ({floor_of[n]}) | {m/f[2]:.2f}x | {found} |")
if "gitleaks" in med and "kvlint-scan" in med:
    print(f"\nkvlint scan is {med['gitleaks'][0]/med['kvlint-scan'][0]:.1f}x faster than gitleaks dir (wall, medians of {runs} runs)")
PY
