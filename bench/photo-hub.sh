#!/usr/bin/env bash
# Writes a copy of this repository's hub into OUT with MEETINGS more
# meeting bundles of PHOTOS photo-like 12-megapixel JPEGs each (4000×3000,
# EXIF with a GPS position, as a phone writes them), every photo shown in
# the meeting's text in both languages: what bench/images.sh and
# bench/lighthouse.sh build. Deterministic: the same arguments, the same
# bytes (bench/gen_photos.rs).
#
#   bench/photo-hub.sh OUT MEETINGS PHOTOS [WIDTH HEIGHT]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1 meetings=$2 photos=$3 width=${4:-4000} height=${5:-3000}
mkdir -p "$out"
cp -r config.yaml content static "$out/"
gen=target/release/examples/gen-photos
[ -x "$gen" ] || cargo build --release --quiet --example gen-photos
for m in $(seq 1 "$meetings"); do
  id=$(printf '2030-01-%02d-photos-%02d' "$(( (m - 1) % 28 + 1 ))" "$m")
  dir="$out/content/meetings/$id"
  mkdir -p "$dir"
  "$gen" --out "$dir" --count "$photos" --first $(( (m - 1) * photos )) --width "$width" --height "$height"
  for lang in fr en; do
    if [ "$lang" = fr ]; then title="Photos de la réunion $m"; alt="Les participants, photo"; text="Les échanges de la journée, en images."
    else title="Photos of meeting $m"; alt="The participants, photo"; text="The day's exchanges, in pictures."; fi
    {
      printf -- '---\ntitle: "%s"\nsummary: "%s"\ndate: 2030-01-%02d\ntype: webinar\nlocation: online\n---\n' \
        "$title" "$text" "$(( (m - 1) % 28 + 1 ))"
      printf '%s\n\n' "$text"
      for f in "$dir"/photo-*.jpg; do
        n=$(basename "$f" .jpg)
        printf '![%s %s](%s.jpg)\n\n' "$alt" "${n#photo-}" "$n"
      done
    } > "$dir/index.$lang.md"
  done
done
