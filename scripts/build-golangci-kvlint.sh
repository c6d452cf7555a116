#!/usr/bin/env bash
# Build golangci-lint v2.15.0 with the kvlint module plugin, offline-friendly:
# it needs only the Go module proxy (no git clone, unlike `golangci-lint custom`).
#
#   scripts/build-golangci-kvlint.sh [OUTPUT]     (default: ./custom-gcl)
#
# The wrapper module in integration/golangci requires golangci-lint and
# kvlint (replaced by this checkout) and blank-imports kvlint's plugin.
# A cold build downloads about 300 MB of modules and takes a few minutes on
# 2 cores; rebuilds take seconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/custom-gcl}
case $out in /*) ;; *) out=$PWD/$out ;; esac
cd "$root/integration/golangci"
# -mod=mod: kvlint (replaced by this checkout) may need modules the wrapper's
# go.sum does not list yet.
go build -mod=mod -trimpath -o "$out" .
"$out" version
