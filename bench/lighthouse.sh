#!/usr/bin/env bash
# Lighthouse scores (mobile profile: emulated phone, slow 4G, 4x CPU
# slowdown) of the hub's home, a meeting, a practice, a country and a
# challenge page, and of a meeting page with 10 photos of 12 megapixels
# (bench/photo-hub.sh: the hub with one more meeting bundle), in both
# languages: accessibility, best practices, SEO and performance, one line
# a page. Needs Chromium (/usr/bin/chromium or $CHROME_PATH) and `npm ci`
# in tools/. Builds the hub into a temporary folder and serves it on
# 127.0.0.1 with a small static server.
#
#   bench/lighthouse.sh            # prints the scores
#   MIN=95 bench/lighthouse.sh     # also fails when any score is below MIN
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
lh=tools/node_modules/.bin/lighthouse
[ -x "$lh" ] || { echo "run 'npm ci' in tools/ first" >&2; exit 2; }

out=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$out"' EXIT
cargo build --release --quiet
bench/photo-hub.sh "$out/hub" 1 10
target/release/rabat-hub build --root "$out/hub" --output "$out/public" >/dev/null 2>&1
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
node tools/static-server.mjs "$out/public" "$port" &
server=$!
sleep 1

pages=(
  /fr/ /en/
  /fr/reunions/2021-01-21-rvr-webinar/ /en/meetings/2021-01-21-rvr-webinar/
  /fr/pratiques/anpe-togo/ /en/practices/anpe-togo/
  /fr/pays/cm/ /en/countries/cm/
  /fr/defis/coordination-gaps/ /en/challenges/coordination-gaps/
  /fr/pays/ /en/countries/
  /fr/reunions/2030-01-01-photos-01/ /en/meetings/2030-01-01-photos-01/
)
printf '%-44s %5s %5s %5s %5s\n' page perf a11y bp seo
low=0
for p in "${pages[@]}"; do
  "$lh" "http://127.0.0.1:$port$p" --quiet --output=json --output-path="$out/r.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --form-factor=mobile --throttling-method=simulate \
    --chrome-flags="--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$out/profile" \
    >/dev/null 2>&1
  line=$(node -e '
    const r = require(process.argv[1]);
    const s = ["performance","accessibility","best-practices","seo"].map(c => Math.round(r.categories[c].score * 100));
    console.log(s.join(" "));' "$out/r.json")
  read -r perf a11y bp seo <<<"$line"
  printf '%-44s %5s %5s %5s %5s\n' "$p" "$perf" "$a11y" "$bp" "$seo"
  for s in $perf $a11y $bp $seo; do
    if [ -n "${MIN:-}" ] && [ "$s" -lt "$MIN" ]; then low=1; fi
  done
done
exit $low
