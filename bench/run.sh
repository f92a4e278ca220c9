#!/usr/bin/env bash
# Speed and memory of rabat-hub against Hugo, on the same generated hubs.
#
#   bench/run.sh                 # 1,000 and 10,000 entities, 5 runs each
#   bench/run.sh --100k          # also 100,000 entities (slow: long minutes)
#   bench/run.sh --sizes 2000 --runs 3
#   bench/run.sh --sizes 2000 --vocabulary small     # the small corpus
#   bench/run.sh --sizes 2000 --vocabulary "zipf small"   # both, one after the other
#   bench/run.sh --check         # `rabat-hub check` on 10,000 entities (issue 3: < 2 s)
#   bench/run.sh --sizes 100000 --runs 1 --no-hugo   # rabat-hub alone
#   bench/run.sh --smoke         # CI: a 60-entity hub, one run, debug build
#
# For each size it writes a synthetic hub with `examples/gen-hub.rs` (the
# same seed gives the same bytes) and its Hugo twin, then builds both,
# alternating which goes first, several times: after one untimed warm-up
# run each, so both read from a warm page cache. The text is the Zipf
# corpus (a real vocabulary, growing with the hub) unless `--vocabulary
# small` (80 words per language, on every page: the worst case for a
# search's first query); see examples/gen_hub/lexicon.rs.
#
# Tools measured: rabat-hub (its search index included), rabat-hub
# --no-search, Hugo, and "hugo + pagefind": Hugo then Pagefind's command
# line over Hugo's output (`pagefind --site public`, the pipeline a Hugo
# user would run for search; npm package in tools/, `npm ci` there), timed
# as one command, its peak the larger of the two. The output folder is
# removed before each run, outside the timing, and `sync` flushes the
# previous run's writes. Run as root, each run then starts from the same
# state of the kernel's caches: the page cache is dropped and the inputs
# and the tools' binaries read back into it (see `settle`). It prints the median wall time, CPU time
# (user + sys) and peak RSS of each tool and rabat-hub / Hugo ratios, then
# rabat-hub's median time by stage (`rabat-hub build --timings`).
#
# Needs: cargo, GNU time (/usr/bin/time) and Hugo (Debian: `apt-get install
# hugo time`); without Hugo, rabat-hub alone is measured. Hubs are written
# under $BENCH_DIR (default: ${TMPDIR:-/tmp}/rabat-hub-bench). Pagefind is
# measured when tools/node_modules/.bin/pagefind exists. Other work
# on the machine skews the numbers: the load average is printed with them.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="1000 10000"
runs=5
runs_100k=1
mode=build
profile=release
seed=1
vocabularies=zipf
skip_hugo=no
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --100k) sizes="$sizes 100000" ;;
    --check) mode=check; sizes="10000" ;;
    --smoke) sizes="60"; runs=1; profile=debug ;;
    --seed) seed="$2"; shift ;;
    --vocabulary) vocabularies="$2"; shift ;;
    --no-hugo) skip_hugo=yes ;;
    -h|--help) sed -n '2,35p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

work="${BENCH_DIR:-${TMPDIR:-/tmp}/rabat-hub-bench}"
mkdir -p "$work"
timer=/usr/bin/time
[ -x "$timer" ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
# Where cargo puts what it builds (CARGO_TARGET_DIR, as cargo reads it).
target=${CARGO_TARGET_DIR:-target}
have_hugo=no
if [ "$mode" = build ] && [ "$skip_hugo" = no ] && command -v hugo >/dev/null 2>&1; then have_hugo=yes; fi
pagefind=$PWD/tools/node_modules/.bin/pagefind
have_pagefind=no
if [ "$have_hugo" = yes ] && [ -x "$pagefind" ]; then have_pagefind=yes; fi
for v in $vocabularies; do
  case "$v" in zipf|small) ;; *) echo "unknown vocabulary $v (zipf or small)" >&2; exit 2 ;; esac
done

if [ "$profile" = release ]; then
  cargo build --release --quiet --bin rabat-hub --example gen-hub
  bin=$target/release/rabat-hub gen=$target/release/examples/gen-hub
else
  cargo build --quiet --bin rabat-hub --example gen-hub
  bin=$target/debug/rabat-hub gen=$target/debug/examples/gen-hub
fi

# The median of the numbers on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

div() { awk -v a="$1" -v b="$2" 'BEGIN { print a / b }'; }

# Every run starts from the same state: the output removed and flushed,
# and (when the bench may write /proc/sys/vm/drop_caches, as root) the
# page cache dropped, then the inputs and the tools read back into it, so
# every run reads them warm. Without the drop, the kernel time of making
# a file grew run after run on this bench's machine (ext4 without a
# journal, kernel 6.18): for the same 2,000-entity build, 0.7 s of sys
# time early in a session and 3 to 4 s after some twenty builds, 1.4 s
# again right after a drop. It grew with what the block device's cache
# held (perf: `recently_deleted` looking up inode table blocks as each
# inode is allocated), so it charged whichever tool ran later, in
# proportion to the files it makes, for the runs before it.
drop_caches=no
if [ -w /proc/sys/vm/drop_caches ]; then drop_caches=yes; fi
settle() {
  rm -rf "$out"; sync
  if [ "$drop_caches" = yes ]; then
    echo 1 > /proc/sys/vm/drop_caches
    find "$site" "$hugo_site" "$bin" "$(command -v hugo || true)" "$PWD/tools/node_modules/@pagefind" \
      "$(readlink -f "$(command -v node || true)")" -type f -exec cat {} + > /dev/null 2>&1 || true
  fi
}

# Runs a command under GNU time; appends "wall cpu rss_kb" to $1.
measure() {
  local into="$1"; shift
  local t="$work/time.$$"
  "$timer" -f "%e %U %S %M" -o "$t" "$@"
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$t" >> "$into"
  rm -f "$t"
}

echo "# rabat-hub benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "# machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "# rabat-hub $(git rev-parse --short HEAD 2>/dev/null || echo '?') ($profile); hugo: $([ "$have_hugo" = yes ] && hugo version | cut -d' ' -f2 || echo 'not measured'); pagefind: $([ "$have_pagefind" = yes ] && "$pagefind" --version | cut -d' ' -f2 || echo 'not measured (npm ci in tools/)')"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs per tool and size, medians"
echo "# page cache dropped before each run: $drop_caches"

for vocabulary in $vocabularies; do
for n in $sizes; do
  r=$runs
  [ "$n" -ge 100000 ] && r=$runs_100k
  site="$work/hub-$vocabulary-$n" hugo_site="$work/hugo-$vocabulary-$n"
  echo
  echo "## $n entities, $vocabulary vocabulary"
  if [ "$have_hugo" = yes ]; then
    "$gen" --entities "$n" --seed "$seed" --vocabulary "$vocabulary" --out "$site" --hugo "$hugo_site"
  else
    "$gen" --entities "$n" --seed "$seed" --vocabulary "$vocabulary" --out "$site"
  fi
  rm -f "$work"/{rabat,lean,hugo,hugopf,stages}.$n
  out="$work/out-$n"

  if [ "$mode" = check ]; then
    "$bin" check --root "$site" >/dev/null 2>&1 || true    # warm-up
    for i in $(seq "$r"); do
      measure "$work/rabat.$n" "$bin" check --root "$site" --timings 2> "$work/log.$$" || true
      grep '^timing' "$work/log.$$" >> "$work/stages.$n" || true
    done
    tail -n 2 "$work/log.$$" | grep -v '^timing' || true
  else
    run_rabat() {
      settle
      measure "$work/rabat.$n" "$bin" build --root "$site" --output "$out" --timings 2> "$work/log.$$"
      grep '^timing' "$work/log.$$" >> "$work/stages.$n"
      pages_rabat=$(grep -o 'built [0-9]* pages' "$work/log.$$" | cut -d' ' -f2)
      # The same without the search index, which Hugo does not make.
      settle
      measure "$work/lean.$n" "$bin" build --root "$site" --output "$out" --no-search 2>/dev/null
    }
    run_hugo() {
      settle
      measure "$work/hugo.$n" hugo --source "$hugo_site" --destination "$out" --quiet
      pages_hugo=$(find "$out" -name '*.html' | wc -l)
    }
    # Hugo, then Pagefind over what it wrote: one command, as a Hugo
    # user's CI would run it.
    run_hugo_pagefind() {
      settle
      measure "$work/hugopf.$n" sh -c 'hugo --source "$1" --destination "$2" --quiet && "$3" --site "$2" > "$4"' \
        sh "$hugo_site" "$out" "$pagefind" "$work/pagefind.$$"
      pagefind_said=$(grep -E 'Indexed [0-9]+ (pages|words)' "$work/pagefind.$$" | sed 's/^ *//' | paste -sd, - | sed 's/,/, /g')
    }
    run_others() {
      if [ "$have_hugo" = yes ]; then run_hugo; fi
      if [ "$have_pagefind" = yes ]; then run_hugo_pagefind; fi
    }
    # Warm-up, untimed: both tools read their input once from disk.
    "$bin" build --root "$site" --output "$out" >/dev/null 2>&1
    if [ "$have_hugo" = yes ]; then hugo --source "$hugo_site" --destination "$out" --quiet >/dev/null; fi
    if [ "$have_pagefind" = yes ]; then "$pagefind" --site "$out" >/dev/null; fi
    # Odd runs rabat-hub first, even runs the others first.
    for i in $(seq "$r"); do
      if [ $((i % 2)) = 0 ]; then run_others; run_rabat
      else run_rabat; run_others; fi
    done
    rm -rf "$out"
    echo "pages: rabat-hub $pages_rabat$([ "$have_hugo" = yes ] && echo ", hugo $pages_hugo (HTML files, aliases included)")"
    if [ "$have_pagefind" = yes ]; then echo "pagefind over Hugo's output: $pagefind_said"; fi
  fi

  col() { awk -v c="$2" '{ print $c }' "$1" | median; }
  w1=$(col "$work/rabat.$n" 1) c1=$(col "$work/rabat.$n" 2) m1=$(col "$work/rabat.$n" 3)
  printf '%-22s %10s %10s %14s\n' tool "wall (s)" "CPU (s)" "peak RSS (MB)"
  printf '%-22s %10.2f %10.2f %14.0f\n' "rabat-hub" "$w1" "$c1" "$(div "$m1" 1024)"
  if [ "$mode" = build ]; then
    w3=$(col "$work/lean.$n" 1) c3=$(col "$work/lean.$n" 2) m3=$(col "$work/lean.$n" 3)
    printf '%-22s %10.2f %10.2f %14.0f\n' "rabat-hub --no-search" "$w3" "$c3" "$(div "$m3" 1024)"
  fi
  if [ "$mode" = build ] && [ "$have_hugo" = yes ]; then
    w2=$(col "$work/hugo.$n" 1) c2=$(col "$work/hugo.$n" 2) m2=$(col "$work/hugo.$n" 3)
    printf '%-22s %10.2f %10.2f %14.0f\n' hugo "$w2" "$c2" "$(div "$m2" 1024)"
    printf '%-22s %10.2f %10.2f %14.2f   (below 1: rabat-hub is faster or smaller)\n' "ratio, with search" \
      "$(div "$w1" "$w2")" "$(div "$c1" "$c2")" "$(div "$m1" "$m2")"
    printf '%-22s %10.2f %10.2f %14.2f\n' "ratio, without search" \
      "$(div "$w3" "$w2")" "$(div "$c3" "$c2")" "$(div "$m3" "$m2")"
  fi
  if [ "$mode" = build ] && [ "$have_pagefind" = yes ]; then
    w4=$(col "$work/hugopf.$n" 1) c4=$(col "$work/hugopf.$n" 2) m4=$(col "$work/hugopf.$n" 3)
    printf '%-22s %10.2f %10.2f %14.0f\n' "hugo + pagefind" "$w4" "$c4" "$(div "$m4" 1024)"
    printf '%-22s %10.2f %10.2f %14.2f   (both with a search index)\n' "ratio to hugo+pagefind" \
      "$(div "$w1" "$w4")" "$(div "$c1" "$c4")" "$(div "$m1" "$m4")"
  fi
  if [ "$mode" = build ] && [ -n "${pages_rabat:-}" ]; then
    echo "rabat-hub per page: $(awk -v w="$w1" -v p="$pages_rabat" 'BEGIN { printf "%.2f", 1000 * w / p }') ms (with search), $(awk -v w="$w3" -v p="$pages_rabat" 'BEGIN { printf "%.2f", 1000 * w / p }') ms (without)"
  fi
  if [ "$mode" = check ]; then
    echo "check: median $(printf '%.2f' "$w1") s (goal: under 2 s)"
  fi
  echo "rabat-hub by stage (median ms):"
  awk '{ print $2 }' "$work/stages.$n" | awk '!seen[$0]++' | while read -r stage; do
    printf '  %-14s %10.1f\n' "$stage" "$(awk -v s="$stage" '$2 == s { print $3 }' "$work/stages.$n" | median)"
  done
done
done
rm -f "$work/log.$$" "$work/pagefind.$$"
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
