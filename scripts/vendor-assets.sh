#!/usr/bin/env bash
# Reproduce src/planwatch/web/static/vendor/ from the npm pins in package.json / package-lock.json.
# The copied files are committed, so running the app never needs npm or a CDN.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/package.json" "$root/package-lock.json" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --ignore-scripts --silent)
dest="$root/src/planwatch/web/static/vendor"
mkdir -p "$dest"
cp "$work/node_modules/echarts/dist/echarts.min.js" "$dest/echarts.min.js"
cp "$work/node_modules/htmx.org/dist/htmx.min.js" "$dest/htmx.min.js"
cp "$work/node_modules/echarts/LICENSE" "$dest/LICENSE.echarts"
cp "$work/node_modules/htmx.org/LICENSE" "$dest/LICENSE.htmx"
for f in echarts htmx.org; do
  printf '%s %s\n' "$f" "$(node -p "require('$work/node_modules/$f/package.json').version")"
done > "$dest/VERSIONS"
echo "vendored into $dest:"; cat "$dest/VERSIONS"
