#!/usr/bin/env bash
# Downloads a released rabat-hub binary for this runner, checks it against
# the release's SHA256SUMS, and puts it on the PATH. The composite action
# (action.yml) runs it; tests/hub/action.rs runs it against a local server.
#
# Environment:
#   RABAT_HUB_REPO      owner/name of the repository with the releases
#                       (default: the action's own, from GITHUB_ACTION_PATH)
#   RABAT_HUB_VERSION   `latest` or a tag such as v1.2.0 (default: the tag the
#                       action is used at, when it is a full version, else latest)
#   GITHUB_ACTION_PATH  where the runner put the action: …/_actions/<owner>/<name>/<ref>
#   RABAT_HUB_SERVER    where releases are (default https://github.com)
#   RUNNER_OS           Linux, macOS or Windows (GitHub sets it; default: uname)
#   RUNNER_ARCH         X64 or ARM64 (GitHub sets it; default: uname -m)
#   RABAT_HUB_DIR       where to install (default $RUNNER_TOOL_CACHE or ~/.rabat-hub)
#   GITHUB_PATH         the file GitHub reads PATH additions from (optional)
set -euo pipefail

# The action's own repository and ref, from the folder the runner put it in.
action_repo=""
action_ref=""
case "${GITHUB_ACTION_PATH:-}" in
  */_actions/*/*/*)
    rest="${GITHUB_ACTION_PATH#*/_actions/}"
    action_repo="$(echo "$rest" | cut -d/ -f1-2)"
    action_ref="$(echo "$rest" | cut -d/ -f3)"
    ;;
esac
repo="${RABAT_HUB_REPO:-$action_repo}"
if [ -z "$repo" ]; then
  echo "::error::set RABAT_HUB_REPO (the action's repository input) to owner/name" >&2
  exit 1
fi
version="${RABAT_HUB_VERSION:-}"
if [ -z "$version" ]; then
  if echo "$action_ref" | grep -Eq '^v[0-9]+\.[0-9]+\.[0-9]+$'; then
    version="$action_ref"
  else
    version=latest
  fi
fi
server="${RABAT_HUB_SERVER:-https://github.com}"

os="${RUNNER_OS:-$(uname -s)}"
arch="${RUNNER_ARCH:-$(uname -m)}"

# The asset for this runner: the names release.yml gives them.
target() {
  case "$1/$2" in
    Linux/X64 | Linux/x86_64) echo x86_64-unknown-linux-musl ;;
    Linux/ARM64 | Linux/aarch64 | Linux/arm64) echo aarch64-unknown-linux-musl ;;
    macOS/ARM64 | Darwin/arm64 | Darwin/aarch64) echo aarch64-apple-darwin ;;
    macOS/X64 | Darwin/x86_64) echo x86_64-apple-darwin ;;
    Windows/X64 | MINGW*/x86_64 | MSYS*/x86_64) echo x86_64-pc-windows-msvc ;;
    *) return 1 ;;
  esac
}
if ! triple="$(target "$os" "$arch")"; then
  echo "::error::rabat-hub has no release for $os $arch" >&2
  exit 1
fi
case "$triple" in
  *windows*) archive="rabat-hub-$triple.zip" exe=rabat-hub.exe ;;
  *) archive="rabat-hub-$triple.tar.gz" exe=rabat-hub ;;
esac

if [ "$version" = latest ]; then
  base="$server/$repo/releases/latest/download"
else
  base="$server/$repo/releases/download/$version"
fi

dir="${RABAT_HUB_DIR:-${RUNNER_TOOL_CACHE:-$HOME/.rabat-hub}/rabat-hub/$version/$triple}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "rabat-hub: downloading $base/$archive"
curl --fail --silent --show-error --location --retry 3 -o "$work/$archive" "$base/$archive"
curl --fail --silent --show-error --location --retry 3 -o "$work/SHA256SUMS" "$base/SHA256SUMS"

# The line of SHA256SUMS that names this archive, exactly.
expected="$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1 }' "$work/SHA256SUMS")"
if [ -z "$expected" ]; then
  echo "::error::SHA256SUMS of the release has no line for $archive" >&2
  exit 1
fi
if command -v sha256sum >/dev/null 2>&1; then
  actual="$(sha256sum "$work/$archive" | awk '{ print $1 }')"
else
  actual="$(shasum -a 256 "$work/$archive" | awk '{ print $1 }')"
fi
if [ "$actual" != "$expected" ]; then
  echo "::error::$archive does not match the release's checksum (expected $expected, got $actual)" >&2
  exit 1
fi

mkdir -p "$work/unpacked"
case "$archive" in
  *.zip) unzip -q "$work/$archive" -d "$work/unpacked" ;;
  *) tar -xzf "$work/$archive" -C "$work/unpacked" ;;
esac
found="$(find "$work/unpacked" -type f -name "$exe" | head -n 1)"
if [ -z "$found" ]; then
  echo "::error::$archive holds no $exe" >&2
  exit 1
fi
mkdir -p "$dir"
cp "$found" "$dir/$exe"
chmod +x "$dir/$exe"
if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$dir" >>"$GITHUB_PATH"
fi
echo "rabat-hub: installed $dir/$exe ($triple, $version)"
