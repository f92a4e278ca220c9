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
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
# shellcheck source=bench/built-site.sh
. bench/built-site.sh

shot() { # url name width height
  # shellcheck disable=SC2086 # the flags are words
  "$chrome" $chrome_flags --hide-scrollbars --virtual-time-budget=3000 \
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
