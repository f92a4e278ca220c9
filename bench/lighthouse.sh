#!/usr/bin/env bash
# Lighthouse scores (mobile profile: emulated phone, slow 4G, 4x CPU
# slowdown) of one page of every kind, in both languages (bench/pages.sh:
# the homes, each list and an entity of it, themes, organisations, a term
# of each, the matrix, the search page empty and with a query, the 404
# pages, the root): performance, accessibility, best practices and SEO,
# one line a page. Needs Chromium (/usr/bin/chromium or $CHROME_PATH) and
# `npm ci` in tools/. Builds the site into a temporary folder and serves
# it on 127.0.0.1 with a small static server.
#
#   bench/lighthouse.sh                 # the bundled hub's scores
#   MIN=100 bench/lighthouse.sh         # also fails when any score is below MIN
#   ROOT=/tmp/hub bench/lighthouse.sh   # another site, e.g. a generated hub:
#     cargo run --release --example gen-hub -- --entities 200 --out /tmp/hub
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
lh=tools/node_modules/.bin/lighthouse
[ -x "$lh" ] || { echo "run 'npm ci' in tools/ first" >&2; exit 2; }

# shellcheck source=bench/built-site.sh
. bench/built-site.sh
printf '%-56s %5s %5s %5s %5s\n' page perf a11y bp seo
low=0
for p in "${pages[@]}"; do
  "$lh" "http://127.0.0.1:$port$p" --quiet --output=json --output-path="$out/r.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --form-factor=mobile --throttling-method=simulate \
    --chrome-flags="$chrome_flags" \
    >/dev/null 2>&1
  line=$(node -e '
    const r = require(process.argv[1]);
    const s = ["performance","accessibility","best-practices","seo"].map(c => Math.round(r.categories[c].score * 100));
    console.log(s.join(" "));' "$out/r.json")
  read -r perf a11y bp seo <<<"$line"
  printf '%-56s %5s %5s %5s %5s\n' "$p" "$perf" "$a11y" "$bp" "$seo"
  for s in $perf $a11y $bp $seo; do
    if [ -n "${MIN:-}" ] && [ "$s" -lt "$MIN" ]; then low=1; fi
  done
done
exit $low
