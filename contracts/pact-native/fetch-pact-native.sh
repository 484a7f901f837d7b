#!/usr/bin/env bash
# Fetches the Pact Foundation's native engine (libpact_ffi.so) into <dest-dir>, verified against a committed sha256.
#
#   fetch-pact-native.sh <dest-dir> <npm-package> <version> <sha256-file>
#
# Called by pact-native.targets before ZoomEvents.Pact builds. Several builds may run at once (parallel test
# projects, an IDE next to a terminal), so the work happens under an exclusive flock on <dest-dir>/.fetch.lock and
# the library appears through one atomic rename: a reader sees either no file or the complete, verified one.
#
# Exit codes (pact-native.targets turns each into a build error that says what to do):
#   0 ok · 10 npm missing · 11 npm pack failed · 12 checksum file missing/unreadable · 13 checksum mismatch
#   14 library not found in the tarball · 15 usage/other tool missing
set -euo pipefail

if [ "$#" -ne 4 ]; then
  echo "usage: $0 <dest-dir> <npm-package> <version> <sha256-file>" >&2
  exit 15
fi
dest_dir=$1 package=$2 version=$3 sha_file=$4
lib_name=libpact_ffi.so
target="$dest_dir/$lib_name"

for tool in flock sha256sum tar mktemp; do
  command -v "$tool" >/dev/null 2>&1 || { echo "pact-native: required tool '$tool' is not on PATH" >&2; exit 15; }
done
command -v npm >/dev/null 2>&1 || { echo "pact-native: npm is not on PATH" >&2; exit 10; }

# The committed file uses sha256sum's "<hex>  <file name>" layout so a human can check a tarball by hand.
[ -r "$sha_file" ] || { echo "pact-native: checksum file '$sha_file' is missing" >&2; exit 12; }
expected=$(awk 'NF { print tolower($1); exit }' "$sha_file")
[[ "$expected" =~ ^[0-9a-f]{64}$ ]] || { echo "pact-native: '$sha_file' does not start with a sha256 hex digest" >&2; exit 12; }

mkdir -p "$dest_dir"
# Absolute, because npm runs from inside the work folder below.
dest_dir=$(cd "$dest_dir" && pwd)
target="$dest_dir/$lib_name"
exec 9>"$dest_dir/.fetch.lock"
flock 9

# Another build may have finished the job while we waited for the lock.
if [ -s "$target" ]; then
  exit 0
fi

work=$(mktemp -d "$dest_dir/.fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "pact-native: fetching $package@$version with npm pack"
# --ignore-scripts: a tarball is only downloaded here, never installed, but be explicit that nothing runs.
# --prefer-offline: a cached copy is fine (the sha256 below is what we trust), and keeps rebuilds off the network.
if ! (cd "$work" && npm pack "$package@$version" --silent --ignore-scripts --prefer-offline >"$work/npm-pack.out" 2>"$work/npm-pack.err"); then
  cat "$work/npm-pack.err" >&2 || true
  echo "pact-native: 'npm pack $package@$version' failed (network or registry unreachable?)" >&2
  exit 11
fi
tarball=$(find "$work" -maxdepth 1 -name '*.tgz' -print -quit)
[ -n "$tarball" ] || { echo "pact-native: npm pack produced no tarball" >&2; exit 11; }

actual=$(sha256sum "$tarball" | awk '{ print $1 }')
if [ "$actual" != "$expected" ]; then
  echo "pact-native: sha256 of $(basename "$tarball") is $actual but $sha_file expects $expected" >&2
  exit 13
fi

tar -xzf "$tarball" -C "$work" "package/prebuilds/linux-x64/$lib_name" 2>"$work/tar.err" || {
  cat "$work/tar.err" >&2 || true
  echo "pact-native: $tarball has no package/prebuilds/linux-x64/$lib_name" >&2
  exit 14
}
# Same file system as the target, so mv is a rename(2): atomic for anyone probing the path without the lock.
# npm tarballs carry a fixed 1985 mtime; stamp the fetch time so PreserveNewest copies a changed pin.
touch "$work/package/prebuilds/linux-x64/$lib_name"
mv -f "$work/package/prebuilds/linux-x64/$lib_name" "$target"
echo "pact-native: $target ready (sha256 of the tarball verified)"
