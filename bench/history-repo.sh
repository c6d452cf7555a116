#!/usr/bin/env bash
# Build a complete, real git history for benchmarks: commit every version of
# a Go module that the module proxy serves, oldest first, into a fresh
# repository. Snapshots of public repositories can lack large blobs (git log
# -p then fails with "unable to read"); this history has every blob.
#
# usage: bench/history-repo.sh MODULE DEST [MAX_VERSIONS]
#   bench/history-repo.sh golang.org/x/oauth2 /tmp/hist-oauth2
#   bench/history-repo.sh golang.org/x/crypto /tmp/hist-crypto 40
#
# Each commit's author and committer dates are the version's publication
# time from the proxy, and each version is tagged. Versions come from
# `go list -m -versions` (tagged releases, in semver order); the trees from
# `go mod download -json MODULE@VERSION` (the module cache).
set -euo pipefail
mod=${1:?usage: history-repo.sh MODULE DEST [MAX_VERSIONS]}
dest=${2:?usage: history-repo.sh MODULE DEST [MAX_VERSIONS]}
max=${3:-0}
if [ -e "$dest" ]; then
	echo "history-repo.sh: $dest exists; remove it first" >&2
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# go list -m needs a module to run in.
(cd "$tmp" && go mod init bench.example/hist >/dev/null 2>&1)
read -r -a versions <<<"$(cd "$tmp" && go list -m -versions "$mod" | cut -d' ' -f2-)"
if [ "$max" -gt 0 ] && [ "${#versions[@]}" -gt "$max" ]; then
	versions=("${versions[@]:0:$max}")
fi
mkdir -p "$dest"
git -C "$dest" init -q -b main
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
n=0
for v in "${versions[@]}"; do
	json=$(cd "$tmp" && go mod download -json "$mod@$v")
	dir=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])' <<<"$json")
	info=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["Info"])' <<<"$json")
	when=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["Time"])' "$info")
	find "$dest" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
	cp -R "$dir"/. "$dest"/
	chmod -R u+w "$dest"
	git -C "$dest" add -A
	GIT_AUTHOR_DATE=$when GIT_COMMITTER_DATE=$when git -C "$dest" commit -q --allow-empty -m "$mod $v"
	git -C "$dest" tag "$v"
	n=$((n + 1))
done
git -C "$dest" gc -q
echo "history-repo.sh: $dest: $n versions of $mod, $(git -C "$dest" count-objects -vH | grep size-pack)"
