#!/usr/bin/env bash
# bench/compare.sh: kvlint side by side with its cost floors and its peers on one
# Go repository, in one run, alternating the tools so machine noise hits all alike.
#
#   bench/compare.sh [flags] REPO [RUNS]          (default 5 runs)
#
#   --markdown     print a Markdown table (default: aligned text)
#   --tools LIST   run only these tools (comma-separated names from the table)
#   --plugin       golangci-lint v2.15.0 with the standard linters, once with
#                  kvlint's module plugin enabled and once without (built by
#                  scripts/build-golangci-kvlint.sh); each run gets a fresh
#                  GOLANGCI_LINT_CACHE so no result is replayed
#   --keep DIR     keep every run's output, stderr and timing in DIR
#   --rev REV      build kvlint from commit REV (git archive into a temporary
#                  directory) instead of the work tree, which may hold
#                  uncommitted changes
#
# Default mode builds kvlint, the go/analysis floor (a do-nothing analyzer that
# walks string literals, bench/floor) and the parse-only floor
# (bench/parsefloor); installs gosec v2.30.0 and gitleaks v8.30.1 from the Go
# module proxy into a cache; warms the build and page caches; then prints the
# median wall time, CPU time (user+sys, children included) and peak RSS of
# each tool over RUNS alternated runs, with ratios to the matching floor
# (medians over medians, all from this one run) and the number of findings
# each reported. On a shared or loaded machine wall time mostly measures the
# wait for a CPU: read the CPU and RSS ratios first.
set -euo pipefail

markdown=0 plugin=0 keep="" only="" rev=""
while [ $# -gt 0 ]; do
	case $1 in
	--markdown) markdown=1 ;;
	--plugin) plugin=1 ;;
	--keep) keep=${2:?--keep needs a directory}; shift ;;
	--tools) only=${2:?--tools needs a list}; shift ;;
	--rev) rev=${2:?--rev needs a commit}; shift ;;
	-h|--help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	-*) echo "compare.sh: unknown flag $1 (see --help)" >&2; exit 2 ;;
	*) break ;;
	esac
	shift
done
repo=$(cd "${1:?usage: bench/compare.sh [flags] REPO [RUNS]}" && pwd)
runs=${2:-5}
. "$(dirname "$0")/common.sh"
if [ -n "$rev" ]; then
	commit=$(git -C "$here" rev-parse --short "$rev^{commit}")
	mkdir -p "$tmp/src"
	git -C "$here" archive "$rev" | tar -x -C "$tmp/src"
	here=$tmp/src
else
	commit=$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)
	if [ -n "$(git -C "$here" status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$commit+dirty"; fi
fi
if [ -n "$keep" ]; then mkdir -p "$keep"; out=$(cd "$keep" && pwd); else out=$tmp; fi

# name | floor it is compared with | command (run in $repo)
declare -a names floors cmds
add() {
	if [ -n "$only" ] && [[ ",$only," != *",$1,"* ]]; then return; fi
	names+=("$1"); floors+=("$2"); cmds+=("$3")
}

if [ "$plugin" = 1 ]; then
	echo "building golangci-lint v2.15.0 with the kvlint plugin from $here ($commit)" >&2
	"$here/scripts/build-golangci-kvlint.sh" "$bin/golangci-kvlint" >&2
	# Two configurations outside the repository: the standard linters, with
	# and without kvlint. Text output without source lines (they can hold
	# the secrets kvlint reports); findings are counted per linter.
	common='issues:
  max-issues-per-linter: 0
  max-same-issues: 0
output:
  formats:
    text:
      print-issued-lines: false'
	printf 'version: "2"\nlinters:\n  default: standard\n%s\n' "$common" >"$tmp/standard.yml"
	printf 'version: "2"\nlinters:\n  default: standard\n  enable: [kvlint]\n  settings:\n    custom:\n      kvlint:\n        type: module\n        description: kvlint\n        settings: {}\n%s\n' "$common" >"$tmp/kvlint.yml"
	gcl() { echo "export GOLANGCI_LINT_CACHE=\$(mktemp -d); $bin/golangci-kvlint run --timeout 60m -c $1 ./...; s=\$?; rm -rf \"\$GOLANGCI_LINT_CACHE\"; exit \$s"; }
	add gcl-standard gcl-standard "$(gcl "$tmp/standard.yml")"
	add gcl-standard+kvlint gcl-standard "$(gcl "$tmp/kvlint.yml")"
else
	echo "building kvlint and the floors from $here ($commit)" >&2
	(cd "$here" && go build -o "$bin/kvlint" ./cmd/kvlint && go build -o "$bin/floor" ./bench/floor && go build -o "$bin/parsefloor" ./bench/parsefloor)
	[ -x "$bin/gosec" ] || GOBIN=$bin go install github.com/securego/gosec/v2/cmd/gosec@v2.30.0
	[ -x "$bin/gitleaks" ] || GOBIN=$bin go install github.com/zricethezav/gitleaks/v8@v8.30.1
	add floor floor "$bin/floor ./..."
	add kvlint floor "$bin/kvlint -format json ./..."
	add gosec-G101 floor "$bin/gosec -include=G101 -fmt=json -no-fail ./..."
	add parsefloor parsefloor "$bin/parsefloor ."
	add kvlint-scan parsefloor "$bin/kvlint scan -format json ."
	add gitleaks parsefloor "$bin/gitleaks dir --no-banner --no-color --exit-code 0 --report-format json --report-path - ."
fi
[ ${#names[@]} -gt 0 ] || { echo "compare.sh: --tools $only names no tool of this mode" >&2; exit 2; }

# count TOOL FILE prints the number of findings in one run's output.
count() {
	case $1 in
	kvlint|kvlint-scan) python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
print(sum(len(v) for p in d.values() for v in p.values() if isinstance(v,list)))' "$2" 2>/dev/null || echo "?" ;;
	gosec-G101) python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1])).get("Issues") or []))' "$2" 2>/dev/null || echo "?" ;;
	gitleaks) python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$2" 2>/dev/null || echo "?" ;;
	gcl-*) python3 -c 'import re,sys,collections
c=collections.Counter(m.group(1) for l in open(sys.argv[1]) for m in [re.search(r"\(([a-z0-9-]+)\)$", l.rstrip())] if m)
print(" ".join(f"{k}:{v}" for k,v in sorted(c.items())) or "0")' "$2" 2>/dev/null || echo "?" ;;
	*) echo "-" ;;
	esac
}

go_files=$(cd "$repo" && find . -name vendor -prune -o -name .git -prune -o -name testdata -prune -o -name '*.go' -type f -print | wc -l)
go_lines=$(cd "$repo" && find . -name vendor -prune -o -name .git -prune -o -name testdata -prune -o -name '*.go' -type f -print0 | xargs -0 cat | wc -l)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

echo "warming up (build cache, page cache)" >&2
for i in "${!names[@]}"; do (cd "$repo" && bash -c "${cmds[$i]}" >/dev/null 2>&1 || true); done

for r in $(seq 1 "$runs"); do
	for i in "${!names[@]}"; do
		n=${names[$i]}
		(cd "$repo" && timeit "$out/$n.$r.time" "${cmds[$i]}" >"$out/$n.$r.out" 2>"$out/$n.$r.err" || true)
	done
	echo "run $r/$runs done" >&2
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

for n in "${names[@]}"; do count "$n" "$out/$n.1.out" >"$out/$n.count"; done

cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
mem_gb=$(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo)
python3 - "$out" "$runs" "$markdown" "$commit" "$repo" "$go_files" "$go_lines" "$(nproc) cores, $cpu_model, $mem_gb GB" \
	"$(go version | cut -d' ' -f3-)" "$load_start" "$load_end" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$plugin" \
	"${#names[@]}" "${names[@]}" "${floors[@]}" <<'PY'
import os, statistics, sys
(out, runs, markdown, commit, repo, files, lines, machine, gover, load0, load1, date, plugin, k), rest = sys.argv[1:15], sys.argv[15:]
runs, markdown, k = int(runs), markdown == "1", int(k)
names, floors = rest[:k], rest[k:]
med, bad = {}, {}
for n in names:
    wall, cpu, rss = [], [], []
    for r in range(1, runs + 1):
        fields = open(os.path.join(out, f"{n}.{r}.time")).read().split()[-5:]
        e, u, s, m, x = fields
        wall.append(float(e)); cpu.append(float(u) + float(s)); rss.append(int(m) / 1024)
        expected = {"0", "3"} if n.startswith("kvlint") else {"0", "1"} if n.startswith("gcl") else {"0"}
        if x not in expected:
            bad.setdefault(n, []).append(f"run {r} exit {x}")
    med[n] = (statistics.median(wall), statistics.median(cpu), statistics.median(rss))

def count(n):
    p = os.path.join(out, f"{n}.count")
    return open(p).read().strip() if os.path.exists(p) else "-"

head = ["tool", "wall s", "CPU s", "peak RSS MB", "wall / floor", "CPU / floor", "RSS / floor", "findings"]
rows = []
for n, fl in zip(names, floors):
    w, c, m = med[n]
    if fl in med:
        f = med[fl]
        ratios = [f"{w/f[0]:.2f}x", f"{c/f[1]:.2f}x", f"{m/f[2]:.2f}x"]
    else:
        ratios = ["-", "-", "-"]
    rows.append([n, f"{w:.3f}" if w < 1 else f"{w:.2f}", f"{c:.3f}" if c < 1 else f"{c:.2f}", f"{m:.0f}"] + ratios + [count(n) + (" (!)" if n in bad else "")])

what = "golangci-lint v2.15.0 plugin overhead" if plugin == "1" else "kvlint, its floors and its peers"
print(f"{what} on {repo} ({files} Go files, {lines} lines), kvlint {commit}, {date}")
print(f"machine: {machine}; {gover}; load average {load0} before, {load1} after")
print(f"medians of {runs} alternated runs; ratios to the floor named in the table, from this run")
print()
if markdown:
    print("| " + " | ".join(head) + " |")
    print("|---|" + "---:|" * (len(head) - 2) + "---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
else:
    width = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    for r in [head] + rows:
        print("  ".join(str(v).ljust(width[i]) if i in (0, len(head) - 1) else str(v).rjust(width[i]) for i, v in enumerate(r)).rstrip())
floor_of = dict(zip(names, floors))
if "kvlint-scan" in med and "gitleaks" in med:
    print(f"\nkvlint scan is {med['gitleaks'][0]/med['kvlint-scan'][0]:.1f}x faster than gitleaks dir in wall time, "
          f"{med['gitleaks'][1]/med['kvlint-scan'][1]:.1f}x in CPU time")
if "gcl-standard+kvlint" in med and "gcl-standard" in med:
    a, b = med["gcl-standard"], med["gcl-standard+kvlint"]
    print(f"\nthe kvlint plugin adds {100*(b[0]/a[0]-1):+.1f}% wall time, {100*(b[1]/a[1]-1):+.1f}% CPU time, "
          f"{100*(b[2]/a[2]-1):+.1f}% peak RSS to golangci-lint with the standard linters")
for n, why in bad.items():
    print(f"\nwarning: {n}: {', '.join(why)} (see {n}.N.err; --keep DIR keeps them)", file=sys.stderr)
PY
