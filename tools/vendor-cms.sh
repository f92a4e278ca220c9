#!/usr/bin/env bash
# Copies the web editor's script (Decap CMS, the version pinned by
# package-lock.json) into src/cms/vendor/, compressed, with its licences,
# so that the rabat-hub binary carries it (include_bytes! in
# src/cms/bundle.rs) and /admin/ works without npm or a CDN.
#
# Run after changing decap-cms's version in package.json:
#   (cd tools && npm install && ./vendor-cms.sh)
# A test (cms::bundle) checks that the committed copy is the installed one.
set -euo pipefail
cd "$(dirname "$0")"
dist=node_modules/decap-cms/dist
out=../src/cms/vendor
if [ ! -f "$dist/decap-cms.js" ]; then
  echo "no $dist/decap-cms.js: run \`npm ci\` in tools/ first" >&2
  exit 1
fi
version=$(node -p 'require("./node_modules/decap-cms/package.json").version')
mkdir -p "$out"
# -n: no name or time stamp in the header, so the same input gives the
# same bytes.
gzip -9 -n -c "$dist/decap-cms.js" > "$out/decap-cms.js.gz"
cp "$dist/decap-cms.js.LICENSE.txt" "$out/decap-cms.js.LICENSE.txt"
printf '%s\n' "$version" > "$out/VERSION"
ls -l "$out"
