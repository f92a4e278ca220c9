#!/usr/bin/env bash
# Issue 9's benchmark: `check` on the hub's own repository, Git freshness
# analysis included, must take under a second. Prints the median of
# several runs of the release binary, and the time of the one `git log`
# the analysis runs.
#
#   bench/freshness.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
cargo build --release --quiet
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "${CARGO_TARGET_DIR:-target}"/release/rabat-hub check --root . >/dev/null 2>&1 || true
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
start=$(date +%s%N)
git log --no-renames --format='%x00%H %at %ad' --date=short --name-only -- content >/dev/null
end=$(date +%s%N)
echo "check on the hub (freshness included): median ${median} ms over ${runs} runs (${times[*]})"
echo "git log of content/: $(( (end - start) / 1000000 )) ms"
echo "entities: $(find content -name '*.md' ! -name '_index*' | wc -l) files; machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
