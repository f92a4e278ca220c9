# Sourced by bench/lighthouse.sh and bench/screenshots.sh (not run on its
# own): builds the site (ROOT, default the bundled hub) into a temporary
# folder, serves it on 127.0.0.1 with tools/static-server.mjs, and lists
# one page of each kind, in each language, in `pages` (bench/pages.sh,
# QUERY for the search page). Sets `out`, `port`, `server` and
# `chrome_flags` (those of tests/hub/chromium.rs, with a fresh profile);
# stops the server and removes the folder on exit.
out=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$out"' EXIT
cargo run --release --quiet -- build --root "${ROOT:-.}" --output "$out/public" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
node tools/static-server.mjs "$out/public" "$port" &
server=$!
sleep 1
chrome_flags="--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$out/profile"
mapfile -t pages < <(bench/pages.sh "$out/public" "${QUERY:-migration}")
