/* Rank intervals of the composite index: one row per region (best first), a bar from the 5th to
   the 95th percentile of the simulated ranks, a dot at the nominal rank.
   Data: <script type="application/json" id="index-chart-data">{"ranks": {...}}. */
(function () {
  "use strict";

  function option(spec) {
    var base = spec.low.map(function (v) { return v - 0.4; });
    var span = spec.high.map(function (v, i) { return v - spec.low[i] + 0.8; });
    return {
      animation: false,
      textStyle: { fontFamily: "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif" },
      grid: { left: 96, right: 24, top: 20, bottom: 44 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
        formatter: function (items) {
          var i = items[0].dataIndex;
          return spec.names[i] + "<br>名义排名 " + spec.nominal[i] + "<br>区间 " +
            spec.low[i] + "–" + spec.high[i] + "（中位 " + spec.median[i] + "）";
        } },
      xAxis: { type: "value", min: 0, max: spec.count + 1, interval: 1, name: "排名",
        nameLocation: "middle", nameGap: 24,
        axisLabel: { formatter: function (v) { return v >= 1 && v <= spec.count ? String(v) : ""; } } },
      yAxis: { type: "category", inverse: true, data: spec.names },
      series: [
        { type: "bar", stack: "r", data: base, itemStyle: { color: "transparent" }, silent: true },
        { type: "bar", stack: "r", data: span, itemStyle: { color: "#9db4d6" }, barWidth: 12 },
        { type: "scatter", data: spec.nominal.map(function (v, i) { return [v, i]; }),
          symbolSize: 10, itemStyle: { color: "#9f1d20" } }
      ]
    };
  }

  function init() {
    var block = document.getElementById("index-chart-data");
    if (!block || typeof echarts === "undefined") { return; }
    var data = JSON.parse(block.textContent || "{}");
    document.querySelectorAll("[data-index-chart]").forEach(function (el) {
      var spec = data[el.getAttribute("data-index-chart")];
      if (!spec || !spec.count) { return; }
      el.style.height = Math.max(160, 40 + spec.count * 28) + "px";
      var chart = echarts.init(el, null, { renderer: "svg" });
      chart.setOption(option(spec));
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
}());
