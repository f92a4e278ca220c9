#!/usr/bin/env bash
# What photos cost: the build time of a hub with 100 photos of 12
# megapixels (10 meeting bundles of 10 photo-like 4000×3000 JPEGs of
# about 3.8 MB each, bench/photo-hub.sh), with a cold cache and then with
# a warm one, and the weight of a meeting page with 10 photos on a
# phone's first screen.
#
#   bench/images.sh [--runs N] [--meetings M]
#   bench/images.sh --weight-only     # one meeting, one build, the page weight
#
# Cold: `.cache/` removed before each build (every photo decoded,
# resized and encoded). Warm: the cache kept (each photo read and hashed,
# its files read back). Medians of N runs (default 3) of GNU time's wall
# time and peak memory.
#
# Page weight: the bytes a phone fetches for the meeting page as it first
# shows (HTML, stylesheet, the images its first screen needs: Chromium
# loads a lazy image only near the screen), measured by Lighthouse
# (tools/, `npm ci` there; Chromium) twice: its mobile profile (412×823,
# device pixel ratio 1.75) and a 390×844 phone at ratio 3; both with the
# total of the page's images had they all been published as they arrived.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3 meetings=10 weight_only=
while [ $# -gt 0 ]; do
  case $1 in
    --weight-only) weight_only=1 meetings=1; shift ;;
    --runs) runs=$2; shift 2 ;;
    --meetings) meetings=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
cargo build --release --quiet
cargo build --release --quiet --example gen-photos
bin=$PWD/target/release/rabat-hub
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
hub=$work/hub
bench/photo-hub.sh "$hub" "$meetings" 10
photos=$(find "$hub/content" -name 'photo-*.jpg' | wc -l)
bytes=$(find "$hub/content" -name 'photo-*.jpg' -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "hub: $photos photos of 4000×3000, $(( bytes / 1000000 )) MB in all; $(nproc) cores; commit $(git rev-parse --short HEAD)"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
build() { # $1: cold|warm; prints "wall_s peak_kb"
  [ "$1" = cold ] && rm -rf "$hub/.cache"
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" build --root "$hub" --output "$work/public" >/dev/null 2>&1
  cat "$work/time"
}
for kind in ${weight_only:+none} cold warm; do
  if [ "$kind" = none ]; then build cold >/dev/null; break; fi
  [ "$kind" = warm ] && build warm >/dev/null   # fills the cache once
  : > "$work/$kind"
  for _ in $(seq 1 "$runs"); do build "$kind" >> "$work/$kind"; done
  wall=$(cut -d' ' -f1 "$work/$kind" | median)
  peak=$(cut -d' ' -f2 "$work/$kind" | median)
  printf '%-5s build: median %s s wall, %s MB peak (%s runs: %s)\n' "$kind" "$wall" "$(( peak / 1024 ))" "$runs" \
    "$(cut -d' ' -f1 "$work/$kind" | tr '\n' ' ')"
done
[ -n "$weight_only" ] || echo "cache: $(du -sh "$hub/.cache" | cut -f1) for $photos photos"

page=fr/reunions/2030-01-01-photos-01/
dir=$work/public/$page
echo "meeting page /$page: HTML $(stat -c %s "$dir/index.html") bytes; each photo as it arrived $(( $(stat -c %s "$hub/content/meetings/2030-01-01-photos-01/photo-000.jpg") / 1000 )) KB;" \
  "480/960/1600 px WebP $(( $(stat -c %s "$dir/photo-000.480.webp") / 1000 ))/$(( $(stat -c %s "$dir/photo-000.960.webp") / 1000 ))/$(( $(stat -c %s "$dir/photo-000.1600.webp") / 1000 )) KB," \
  "JPEG $(( $(stat -c %s "$dir/photo-000.480.jpg") / 1000 ))/$(( $(stat -c %s "$dir/photo-000.960.jpg") / 1000 ))/$(( $(stat -c %s "$dir/photo-000.1600.jpg") / 1000 )) KB"
lh=tools/node_modules/.bin/lighthouse
if [ ! -x "$lh" ]; then echo "page weight: skipped (run 'npm ci' in tools/ for Lighthouse)"; exit 0; fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
node tools/static-server.mjs "$work/public" "$port" &
server=$!
sleep 1
weigh() { # $1: label, then Lighthouse's screen flags
  local label=$1; shift
  "$lh" "http://127.0.0.1:$port/$page" --quiet --output=json --output-path="$work/lh.json" \
    --only-categories=performance --form-factor=mobile --throttling-method=simulate "$@" \
    --chrome-flags="--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$work/profile" \
    >/dev/null 2>&1
  node -e '
    const r = require(process.argv[1]);
    const items = r.audits["network-requests"].details.items;
    const img = items.filter(i => /image/.test(i.mimeType || ""));
    const kb = n => Math.round(n / 1000);
    const total = items.reduce((s, i) => s + (i.transferSize || 0), 0);
    const imgs = img.reduce((s, i) => s + (i.transferSize || 0), 0);
    console.log(`${process.argv[2]}: ${kb(total)} KB transferred, of which ${img.length} images ${kb(imgs)} KB` +
      ` (${img.map(i => i.url.split("/").pop()).join(", ")}); performance ${Math.round(r.categories.performance.score * 100)},` +
      ` LCP ${(r.audits["largest-contentful-paint"].numericValue / 1000).toFixed(2)} s, CLS ${r.audits["cumulative-layout-shift"].numericValue.toFixed(3)}`);
  ' "$work/lh.json" "$label"
}
weigh "first screen, Lighthouse mobile (412×823, DPR 1.75)"
weigh "first screen, phone 390×844 at DPR 3" --screenEmulation.mobile --screenEmulation.width=390 --screenEmulation.height=844 --screenEmulation.deviceScaleFactor=3
echo "the same 10 photos as they arrived: $(( $(find "$hub/content/meetings/2030-01-01-photos-01" -name '*.jpg' -printf '%s\n' | awk '{s+=$1} END {print s}') / 1000 )) KB"
