#!/usr/bin/env bash
# bench/history.sh: kvlint scan -history side by side with gitleaks git and
# the floor (git cat-file --batch-all-objects --batch to /dev/null) on one or
# more git repositories, in one run, alternating the tools so machine noise
# hits all alike.
#
#   bench/history.sh [--markdown] REPO... [-- RUNS]     (default 5 runs)
#
# Build the repositories with bench/history-repo.sh (every version of a Go
# module, a complete real history). Give two of different sizes to check
# that cost is linear in the bytes of unique blobs and that peak memory stays
# bounded. Environment: KVLINT (a kvlint binary; default: built from this
# tree), GITLEAKS (default: gitleaks v8.30.1 installed from the Go module
# proxy into the bench cache, as bench/compare.sh does).
#
# Prints, per repository, the median wall time, CPU time (user+sys, children
# included) and peak RSS (/usr/bin/time) of each tool, kvlint's ratios to the
# floor and gitleaks' to kvlint, and the findings each reported; then
# kvlint's CPU time per MB of unique blobs and its peak RSS across sizes.
set -euo pipefail
markdown=0
if [ "${1:-}" = --markdown ]; then markdown=1; shift; fi
repos=() runs=5
while [ $# -gt 0 ]; do
	if [ "$1" = -- ]; then runs=${2:-5}; break; fi
	repos+=("$(cd "$1" && pwd)"); shift
done
[ ${#repos[@]} -gt 0 ] || { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
. "$(dirname "$0")/common.sh"
kvlint=${KVLINT:-}
if [ -z "$kvlint" ]; then
	(cd "$here" && go build -o "$bin/kvlint" ./cmd/kvlint)
	kvlint=$bin/kvlint
fi
gitleaks=${GITLEAKS:-$bin/gitleaks}
[ -x "$gitleaks" ] || GOBIN=$bin go install github.com/zricethezav/gitleaks/v8@v8.30.1

names=(floor kvlint gitleaks)
for ri in "${!repos[@]}"; do
	repo=${repos[$ri]}
	d=$tmp/r$ri
	mkdir -p "$d"
	# The report file is a real file in the run's directory (gitleaks -r
	# with /dev/null replaces the device with a regular file).
	cmds=(
		"git cat-file --batch-all-objects --batch >/dev/null"
		"$kvlint scan -history -json -q"
		"$gitleaks git --no-banner --no-color --log-level error --exit-code 0 --report-format json --report-path $d/gitleaks.REPORT.json ."
	)
	for i in "${!names[@]}"; do (cd "$repo" && bash -c "${cmds[$i]}" >/dev/null 2>&1 || true); done # warm up
	for r in $(seq 1 "$runs"); do
		for i in "${!names[@]}"; do
			n=${names[$i]}
			c=${cmds[$i]//REPORT/$r}
			(cd "$repo" && timeit "$d/$n.$r.time" "$c" >"$d/$n.$r.out" 2>"$d/$n.$r.err" || true)
		done
	done
	git -C "$repo" cat-file --batch-all-objects --batch-check='%(objecttype) %(objectsize)' |
		awk '$1=="blob"{n++; b+=$2} END{print n, b}' >"$d/blobs"
	git -C "$repo" rev-list --all --count >"$d/commits"
	echo "$repo: $runs runs done" >&2
done

python3 - "$tmp" "$runs" "$markdown" "$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
	"$(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)" "$(go version | cut -d' ' -f3-)" \
	"$(cut -d' ' -f1-3 /proc/loadavg)" "$(date -u '+%Y-%m-%d %H:%M UTC')" "${repos[@]}" <<'PY'
import json, os, statistics, sys
tmp, runs, markdown, commit, machine, gover, load, date = sys.argv[1:9]
repos = sys.argv[9:]
runs, markdown = int(runs), markdown == "1"
names = ["floor", "kvlint", "gitleaks"]

def findings(n, d):
    try:
        if n == "kvlint":
            t = json.load(open(os.path.join(d, "kvlint.1.out")))
            return str(sum(len(v) for p in t.values() for v in p.values()))
        if n == "gitleaks":
            return str(len(json.load(open(os.path.join(d, "gitleaks.1.json")))))
    except Exception as e:
        return "?"
    return "-"

print(f"kvlint scan -history vs gitleaks git v8.30.1 and the floor, kvlint {commit}, {date}")
print(f"machine: {machine}; {gover}; load average {load} after; medians of {runs} alternated runs")
summary = []
for ri, repo in enumerate(repos):
    d = os.path.join(tmp, f"r{ri}")
    nblobs, nbytes = map(int, open(os.path.join(d, "blobs")).read().split())
    commits = int(open(os.path.join(d, "commits")).read())
    med, bad = {}, []
    for n in names:
        w, c, m = [], [], []
        for r in range(1, runs + 1):
            e, u, s, rss, x = open(os.path.join(d, f"{n}.{r}.time")).read().split()[-5:]
            w.append(float(e)); c.append(float(u) + float(s)); m.append(int(rss) / 1024)
            if x not in ("0", "3"):
                bad.append(f"{n} run {r} exit {x}")
        med[n] = (statistics.median(w), statistics.median(c), statistics.median(m))
    print(f"\n{repo}: {commits} commits, {nblobs} blobs, {nbytes/1e6:.1f} MB of unique blobs")
    head = ["tool", "wall s", "CPU s", "peak RSS MB", "findings"]
    rows = [[n, f"{med[n][0]:.3f}", f"{med[n][1]:.3f}", f"{med[n][2]:.0f}", findings(n, d)] for n in names]
    if markdown:
        print("\n| " + " | ".join(head) + " |\n|---|---:|---:|---:|---:|")
        for r in rows: print("| " + " | ".join(r) + " |")
    else:
        for r in [head] + rows: print("  ".join(v.ljust(10) for v in r))
    k, g, f = med["kvlint"], med["gitleaks"], med["floor"]
    print(f"\ngitleaks / kvlint: {g[0]/k[0]:.1f}x wall, {g[1]/k[1]:.1f}x CPU; kvlint / floor: {k[0]/f[0]:.1f}x wall, {k[1]/f[1]:.1f}x CPU")
    if bad: print("unexpected exit statuses: " + ", ".join(bad))
    summary.append((repo, nbytes, k))
if len(summary) > 1:
    print("\nkvlint across sizes (linearity and memory):")
    for repo, nbytes, k in summary:
        print(f"  {os.path.basename(repo)}: {nbytes/1e6:.1f} MB unique blobs, {k[1]:.3f} s CPU = {k[1]/(nbytes/1e6)*1000:.1f} ms CPU per MB, peak RSS {k[2]:.0f} MB")
    (r0, b0, k0), (r1, b1, k1) = summary[0], summary[-1]
    print(f"  bytes x{b1/b0:.1f}: CPU x{k1[1]/k0[1]:.1f}, wall x{k1[0]/k0[0]:.1f}, peak RSS x{k1[2]/k0[2]:.2f}")
PY
