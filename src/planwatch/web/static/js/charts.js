/* ECharts from JSON data blocks: <script type="application/json" id="chart-data">.
   Each element [data-chart="key"] gets the chart of data[key]. */
(function () {
  "use strict";
  var COLORS = { actual: "#9f1d20", path: "#1d4f91", projection: "#b7791f", target: "#1f7a3d" };

  function seriesOf(spec, small) {
    var out = [];
    if (spec.path && spec.path.length) {
      out.push({ name: "规划路径", type: "line", data: spec.path, symbol: "none",
        lineStyle: { type: "dashed", width: 1.5, color: COLORS.path }, itemStyle: { color: COLORS.path } });
    }
    if (spec.actual && spec.actual.length) {
      out.push({ name: "实际值", type: "line", data: spec.actual, symbolSize: small ? 5 : 8,
        lineStyle: { width: 2.5, color: COLORS.actual }, itemStyle: { color: COLORS.actual },
        label: { show: !small, position: "top", fontSize: 11 } });
    }
    if (spec.projection && spec.projection.length) {
      out.push({ name: "趋势预测", type: "line", data: spec.projection, symbol: "emptyCircle",
        lineStyle: { type: "dotted", width: 2, color: COLORS.projection }, itemStyle: { color: COLORS.projection } });
    }
    if (spec.required && spec.required.length) {
      out.push({ name: "要求增速", type: "line", data: spec.required, symbol: "none",
        lineStyle: { type: "dashed", width: 1.5, color: COLORS.target }, itemStyle: { color: COLORS.target } });
    }
    var marks = [];
    if (spec.baseline) { marks.push({ name: "基期", coord: spec.baseline, itemStyle: { color: "#667085" } }); }
    if (spec.target) { marks.push({ name: "目标", coord: spec.target, itemStyle: { color: COLORS.target } }); }
    if (marks.length) {
      out.push({ name: "基期与目标", type: "scatter", data: marks.map(function (m) { return m.coord; }),
        symbol: "diamond", symbolSize: small ? 8 : 13, itemStyle: { color: COLORS.target },
        label: { show: !small, formatter: function (p) { return p.dataIndex === 0 && spec.baseline ? "基期" : "目标"; }, position: "right" } });
    }
    return out;
  }

  function option(spec, small) {
    return {
      animation: false,
      color: [COLORS.path, COLORS.actual, COLORS.projection, COLORS.target],
      textStyle: { fontFamily: "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif" },
      grid: small ? { left: 46, right: 22, top: 26, bottom: 22 } : { left: 60, right: 56, top: 50, bottom: 40 },
      title: small ? { text: spec.title || "", textStyle: { fontSize: 12, fontWeight: "normal" }, left: 0, top: 0 } : undefined,
      tooltip: { trigger: "axis" },
      legend: small ? undefined : { top: 8 },
      xAxis: { type: "value", min: "dataMin", max: "dataMax", minInterval: 1,
        axisLabel: { formatter: function (v) { return String(v); } } },
      yAxis: { type: "value", scale: true, name: small ? "" : (spec.unit || "") },
      series: seriesOf(spec, small)
    };
  }

  function init() {
    var block = document.getElementById("chart-data");
    if (!block || typeof echarts === "undefined") { return; }
    var data = JSON.parse(block.textContent || "{}");
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var spec = data[el.getAttribute("data-chart")];
      if (!spec) { return; }
      if (!(spec.actual && spec.actual.length) && !(spec.path && spec.path.length)) {
        // no values and no planned path: say so instead of drawing an empty box
        el.classList.add("chart-empty");
        el.textContent = el.getAttribute("data-empty") || "—";
        return;
      }
      var chart = echarts.init(el, null, { renderer: "svg" });
      chart.setOption(option(spec, el.classList.contains("chart-small")));
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
