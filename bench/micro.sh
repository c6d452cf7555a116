#!/usr/bin/env bash
# bench/micro.sh: the in-repository benchmarks behind issue 6's targets 3 and 4
# (the engine's allocations and throughput, linear cost at two sizes for the
# engine and scan) and the analyzers' cost beside the floor, in one table.
#
#   bench/micro.sh [COUNT]        (default 6 runs of each benchmark)
#
# Runs `go test -bench` with -count COUNT, keeps the raw output in
# bench-micro.txt under $TMPDIR (benchstat-ready: benchstat FILE), and prints
# medians. Times are CPU time per operation (cpu-ns/op, from getrusage) where
# the benchmark reports it, since a shared machine distorts wall time; the
# input size of each pair comes from the benchmark's own MB/s and ns/op.
set -euo pipefail
count=${1:-6}
here=$(cd "$(dirname "$0")/.." && pwd)
raw=${TMPDIR:-/tmp}/bench-micro.txt
cd "$here"
{
	go test -run '^$' -bench 'ScanMix|ScanNonSecret|ScanLarge' -count "$count" ./detect/
	go test -run '^$' -bench 'ScanTree|ParseFloor' -count "$count" ./scan/
	go test -run '^$' -bench 'Suite' -count "$count" ./analyzers/
	go test -run '^$' -bench 'Plan' -count "$count" ./migrate/
} >"$raw" 2>&1 || { tail -20 "$raw" >&2; exit 1; }
echo "raw results: $raw (commit $(git rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores)" >&2

python3 - "$raw" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.match(r"^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+(.*)$", line)
    if not m:
        continue
    name, rest = m.group(1)[len("Benchmark"):], m.group(2)
    vals = dict((u, float(v)) for v, u in re.findall(r"([\d.e+-]+) (\S+)", rest))
    for u, v in vals.items():
        rows.setdefault(name, {}).setdefault(u, []).append(v)

def med(name, unit):
    vs = rows.get(name, {}).get(unit)
    return statistics.median(vs) if vs else None

def cost(name):
    """CPU ns/op if reported, else wall ns/op, and which it is."""
    c = med(name, "cpu-ns/op")
    return (c, "CPU") if c else (med(name, "ns/op"), "wall")

def size(name):
    mbs, ns = med(name, "MB/s"), med(name, "ns/op")
    return mbs * ns / 1e3 if mbs and ns else None   # bytes per op

print("| check | small | large | input ratio | time ratio | time per input | target | verdict |")
print("|---|---:|---:|---:|---:|---:|---|---|")
for small, large, what in [("ScanMix", "ScanMix10x", "engine, realistic mix of values"),
                           ("ScanLarge1MB", "ScanLarge", "engine, one large value"),
                           ("ScanTree/units=50", "ScanTree/units=500", "scan, generated tree")]:
    (a, kind), (b, _) = cost(small), cost(large)
    sa, sb = size(small), size(large)
    if a is None or b is None:
        print(f"| {what} | - | - | - | - | - | ≤ 10.5x for 10x | not run |")
        continue
    ir = sb / sa if sa and sb else 10.0
    tr = b / a
    ok = tr / ir <= 1.05
    print(f"| {what} ({kind}) | {a/1e6:.3f} ms | {b/1e6:.3f} ms | {ir:.2f}x | {tr:.2f}x | {tr/ir:.3f} | ≤ 1.05 (10.5x for 10x) | {'met' if ok else 'MISSED'} |")

print()
print("| benchmark | CPU or wall per op | MB/s | allocs/op | B/op |")
print("|---|---:|---:|---:|---:|")
for name in rows:
    c, kind = cost(name)
    mbs = med(name, "cpu-MB/s") or med(name, "MB/s")
    al, by = med(name, "allocs/op"), med(name, "B/op")
    f = lambda v, fmt: (fmt % v) if v is not None else "-"
    print(f"| {name} | {c/1e6:.3f} ms ({kind}) | {f(mbs, '%.1f')} | {f(al, '%.0f')} | {f(by, '%.0f')} |")

nz = med("ScanNonSecret", "allocs/op")
if nz is not None:
    print(f"\nengine, non-matching values: {nz:.0f} allocs/op (target 0): {'met' if nz == 0 else 'MISSED'}")
for kind in ("plain", "azure"):
    f, s = cost(f"Suite/kind={kind}/analyzer=floor")[0], cost(f"Suite/kind={kind}/analyzer=suite")[0]
    if f and s:
        print(f"analyzers, {kind} package: the suite costs {s/f:.2f}x the floor analyzer (analysis only, types loaded once)")
PY
