#!/usr/bin/env bash
# Screenshots of every page kind, at phone (390 px) and desktop (1280 px)
# width, in both languages, for a reviewer to look at side by side:
# headless Chromium (the flags of tests/hub/chromium.rs), the top 2,400
# CSS pixels of each page (about three phone screens) or 1,600 on a desktop.
#
#   bench/screenshots.sh [DIR]     # default: target/screenshots
#   ROOT=/tmp/hub bench/screenshots.sh   # another site (default: the bundled hub)
#
# Writes DIR/<page>--<phone|desktop>.png and DIR/index.html, a page that
# shows them in pairs. Needs Chromium (/usr/bin/chromium or $CHROME_PATH)
# and Node.js (tools/static-server.mjs serves the built site).
set -euo pipefail
cd "$(dirname "$0")/.."
chrome="${CHROME_PATH:-/usr/bin/chromium}"
dir="${1:-target/screenshots}"
root="${ROOT:-.}"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

out=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$out"' EXIT
cargo run --release --quiet -- build --root "$root" --output "$out/public" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
node tools/static-server.mjs "$out/public" "$port" &
server=$!
sleep 1

# One page of each kind, in each language (bench/pages.sh).
mapfile -t pages < <(bench/pages.sh "$out/public" "${QUERY:-migration}")

shot() { # url name width height
  "$chrome" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$out/profile" --hide-scrollbars --virtual-time-budget=3000 \
    --window-size="$3,$4" --screenshot="$dir/$2.png" "$1" >/dev/null 2>&1
}
{
  echo '<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>Screenshots</title>'
  echo '<style>body{font:14px system-ui;margin:1rem}figure{display:inline-block;vertical-align:top;margin:0 1rem 2rem 0}img{border:1px solid #999;max-height:900px}</style>'
} >"$dir/index.html"
for p in "${pages[@]}"; do
  name=$(echo "$p" | sed 's#^/##; s#/$##; s#[/?=]#_#g'); name=${name:-root}
  shot "http://127.0.0.1:$port$p" "$name--phone" 390 2400
  shot "http://127.0.0.1:$port$p" "$name--desktop" 1280 1600
  echo "<h2>$p</h2><figure><img src=\"$name--phone.png\" alt=\"\"><figcaption>390 px</figcaption></figure><figure><img src=\"$name--desktop.png\" alt=\"\"><figcaption>1280 px</figcaption></figure>" >>"$dir/index.html"
  echo "$p"
done
echo "open $dir/index.html"
