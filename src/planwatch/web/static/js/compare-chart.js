/* Region comparison: per indicator, bars of each region's latest actual and diamonds for its
   target, in the catalogue's unit. Data: <script type="application/json" id="compare-chart-data">. */
(function () {
  "use strict";

  function option(spec) {
    return {
      animation: false,
      textStyle: { fontFamily: "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif" },
      title: { text: spec.title, textStyle: { fontSize: 13, fontWeight: "normal" }, left: 0, top: 0 },
      legend: { top: 0, right: 0, data: ["实际值", "目标值"] },
      tooltip: { trigger: "axis" },
      grid: { left: 56, right: 16, top: 36, bottom: 40 },
      xAxis: { type: "category", data: spec.regions, axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: { type: "value", name: spec.unit || "", scale: false },
      series: [
        { name: "实际值", type: "bar", data: spec.actual, itemStyle: { color: "#9f1d20" }, barMaxWidth: 28 },
        { name: "目标值", type: "scatter", data: spec.target, symbol: "diamond", symbolSize: 12,
          itemStyle: { color: "#1f7a3d" } }
      ]
    };
  }

  function init() {
    var block = document.getElementById("compare-chart-data");
    if (!block || typeof echarts === "undefined") { return; }
    var data = JSON.parse(block.textContent || "{}");
    document.querySelectorAll("[data-compare-chart]").forEach(function (el) {
      var spec = data[el.getAttribute("data-compare-chart")];
      if (!spec) { return; }
      var chart = echarts.init(el, null, { renderer: "svg" });
      chart.setOption(option(spec));
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
}());
