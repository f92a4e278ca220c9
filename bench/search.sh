#!/usr/bin/env bash
# The search benchmark. For the hub's own content and for a generated hub
# of N entities (default 10,000, so 20,000 pages in two languages):
#   - the whole build's time and peak memory, and the search index's share;
#   - where the index's time goes (bench/search_bench.rs `index`);
#   - the size of each language's search bundle;
#   - in headless Chromium, against the built site served on 127.0.0.1, the
#     bytes a first query transfers, everything included (page, style,
#     script, Pagefind, index), and when its results are on screen: served
#     as they are, then gzipped as a static host serves text, then gzipped
#     on Lighthouse's mobile profile (150 ms round trip, 1.6 Mbit/s);
#   - Pagefind's own command line (npm package `pagefind` of tools/, same
#     version as the crate; `npm ci` there) over the same built pages, in
#     the same run, for time and memory.
#
#   bench/search.sh [N] [--vocabulary zipf|small]
#
# The generated hub's text is the Zipf corpus (a real vocabulary) unless
# `--vocabulary small` (80 words per language on every page: the worst
# case for a first query); see examples/gen_hub/lexicon.rs.
#
# Release builds; takes a few minutes on two cores. Nothing is timed in
# the test suite: this script is where speed and size are measured.
set -euo pipefail
cd "$(dirname "$0")/.."
N=10000
vocabulary=zipf
while [ $# -gt 0 ]; do
  case "$1" in
    --vocabulary) vocabulary="$2"; shift ;;
    [0-9]*) N="$1" ;;
    *) echo "usage: bench/search.sh [N] [--vocabulary zipf|small]" >&2; exit 2 ;;
  esac
  shift
done
case "$vocabulary" in zipf|small) ;; *) echo "unknown vocabulary $vocabulary (zipf or small)" >&2; exit 2 ;; esac
pagefind=$PWD/tools/node_modules/.bin/pagefind
[ -x "$pagefind" ] || { echo "needs Pagefind's command line: (cd tools && npm ci)" >&2; exit 2; }
PAGEFIND_VERSION=$("$pagefind" --version | cut -d' ' -f2)
work=$(mktemp -d)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT

cargo build --release --locked --quiet
cargo build --release --locked --quiet --example search-bench --example gen-hub
target=${CARGO_TARGET_DIR:-target}
bin=$target/release/rabat-hub
tool=$target/release/examples/search-bench
gen=$target/release/examples/gen-hub

# Seconds and peak memory (MB) of a command, from GNU time.
timed() {
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  read -r secs user sys kb <"$work/time"
  printf '%-46s %6.2f s wall, %6.2f s CPU, %5d MB peak\n' "$label" "$secs" "$(awk "BEGIN { print $user + $sys }")" $((kb / 1024))
}

bundle_sizes() {
  local out=$1
  for lang in fr en; do
    local dir="$out/$lang/pagefind"
    printf '  %s bundle: %d files, %d bytes (index chunks %d, fragments %d, filters %d)\n' "$lang" \
      "$(find "$dir" -type f | wc -l)" "$(du -sb "$dir" | cut -f1)" \
      "$(du -sb "$dir/index" | cut -f1)" "$(du -sb "$dir/fragment" | cut -f1)" "$(du -sb "$dir/filter" | cut -f1)"
  done
}

first_query() {
  local out=$1 fr_query=$2 en_query=$3
  for path in "fr/search/?q=$fr_query" "en/search/?q=$en_query"; do
    "$tool" browser "$out" "$path"
    "$tool" browser "$out" "$path" --gzip --files
    "$tool" browser "$out" "$path" --gzip --throttle --files
  done
}

pagefind_cli() {
  local out=$1
  # The same pages as ours: entity pages only, their <main> only.
  local glob="{fr,en}/{reunions,meetings,pratiques,practices,pays,countries,defis,challenges,recommandations,recommendations,pages}/*/index.html"
  timed "Pagefind CLI $PAGEFIND_VERSION over the built pages" \
    "$pagefind" --site "$out" --glob "$glob" --root-selector main \
    --output-path "$work/pagefind-cli"
  printf '  CLI bundle: %d bytes\n' "$(du -sb "$work/pagefind-cli" | cut -f1)"
}

echo "== the hub's own content"
timed "rabat-hub build (whole build)" "$bin" build --root . --output "$work/hub"
"$tool" index . | sed 's/^/  /'
bundle_sizes "$work/hub"
first_query "$work/hub" "r%C3%A9int%C3%A9gration%20Cameroun" "employers"

echo
echo "== a generated hub of $N entities, $vocabulary vocabulary"
# The same generated hub as bench/run.sh (examples/gen-hub.rs).
"$gen" --entities "$N" --vocabulary "$vocabulary" --out "$work/gen" >/dev/null
timed "rabat-hub build (whole build)" "$bin" build --root "$work/gen" --output "$work/gen-out"
timed "search-bench index (index alone, measured)" "$tool" index "$work/gen"
sed 's/^/  /' "$work/out"
bundle_sizes "$work/gen-out"
# A country's name (on a few percent of the pages), then the worst case:
# a subject word, on nearly every page in the small corpus and on many in
# the Zipf corpus (it is one of its common words).
first_query "$work/gen-out" "Cameroun" "Cameroon"
first_query "$work/gen-out" "r%C3%A9int%C3%A9gration" "reintegration"
# The queries of issue 4, as focal points type them.
first_query "$work/gen-out" "r%C3%A9int%C3%A9gration%20Cameroun" "employers"
first_query "$work/gen-out" "retour%20volontaire%20COVID" "voluntary%20return"
pagefind_cli "$work/gen-out"
