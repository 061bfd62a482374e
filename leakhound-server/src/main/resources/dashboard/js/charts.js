// uPlot charts for the target page: colours from the page's CSS (so light and dark both read),
// the fitted growth line with its confidence band, min/max bands of downsampled series, and
// markers for restarts, captures, reports and alerts drawn as vertical lines.

import uPlot from "../vendor/uplot/uPlot.esm.js";
import * as fmt from "./format.js";

export const MARKERS = {
  restart: { label: "restart", css: "--marker-restart" },
  capture: { label: "profile capture", css: "--marker-capture" },
  "report-opened": { label: "report opened", css: "--marker-report" },
  "report-resolved": { label: "report resolved", css: "--marker-resolved" },
  "alert-firing": { label: "alert firing", css: "--marker-alert" },
  "alert-resolved": { label: "alert resolved", css: "--marker-resolved" },
  down: { label: "down", css: "--marker-down" },
  up: { label: "up again", css: "--marker-down" },
};

// uPlot's stylesheet, only on pages with charts.
if (!document.querySelector('link[href="vendor/uplot/uPlot.min.css"]')) {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = "vendor/uplot/uPlot.min.css";
  document.head.prepend(link);
}

function css(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

const LINE_COLORS = ["--series-1", "--series-2", "--series-3", "--series-4"];

function axisValues(unit) {
  if (unit === "bytes") return (u, vals) => vals.map((v) => fmt.bytes(v));
  if (unit === "per-minute") return (u, vals) => vals.map((v) => fmt.count(v) + "/min");
  return (u, vals) => vals.map((v) => fmt.count(v));
}

function legendValue(unit) {
  if (unit === "bytes") return (u, v) => (v === null || v === undefined ? "—" : fmt.bytes(v));
  if (unit === "per-minute") return (u, v) => (v === null || v === undefined ? "—" : fmt.count(v) + "/min");
  return (u, v) => (v === null || v === undefined ? "—" : fmt.count(v));
}

/** The fitted line and its band over the chart's times, as three columns. */
function fitColumns(t, fit) {
  const HOUR = 3_600_000;
  const line = new Array(t.length).fill(null);
  const lo = new Array(t.length).fill(null);
  const hi = new Array(t.length).fill(null);
  for (let i = 0; i < t.length; i++) {
    if (t[i] < fit.fromMillis) continue;
    const dh = (t[i] - fit.anchorT) / HOUR;
    line[i] = fit.anchorValue + fit.growthPerHour * dh;
    const a = fit.anchorValue + fit.growthPerHourLow * dh;
    const b = fit.anchorValue + fit.growthPerHourHigh * dh;
    lo[i] = Math.min(a, b);
    hi[i] = Math.max(a, b);
  }
  return { line, lo, hi };
}

/**
 * Builds uPlot options and data for one chart of the charts endpoint. Returns { opts, data,
 * hidden } where hidden lists legend rows to hide (band edges).
 */
function build(chart, view, size) {
  const series = [{ label: "time", value: (u, v) => (v === null ? "—" : fmt.dateTime(v)) }];
  const data = [chart.t];
  const bands = [];
  const hidden = [];
  const value = legendValue(chart.unit);
  chart.lines.forEach((line, i) => {
    const color = css(LINE_COLORS[i % LINE_COLORS.length]);
    const isFloor = line.signal === "heap_floor_bytes";
    series.push({
      label: line.label,
      stroke: color,
      width: isFloor ? 2.25 : 1.25,
      show: line.shown,
      spanGaps: true,
      points: { show: false },
      value,
    });
    data.push(line.v);
    const me = series.length - 1;
    if (line.min && line.max) {
      // The bucket's range: the sawtooth's extremes that the mean hides.
      series.push({ label: line.label + " max", stroke: "transparent", width: 0, spanGaps: true, points: { show: false }, show: line.shown });
      data.push(line.max);
      series.push({ label: line.label + " min", stroke: "transparent", width: 0, spanGaps: true, points: { show: false }, show: line.shown });
      data.push(line.min);
      bands.push({ series: [me + 1, me + 2], fill: withAlpha(color, 0.12) });
      hidden.push(me + 1, me + 2);
    }
  });
  // Each judged signal's fitted line on the chart that holds the signal (shown or not).
  for (const fit of view.fits.filter((f) => chart.lines.some((l) => l.signal === f.signal))) {
    const cols = fitColumns(chart.t, fit);
    const color = css(fit.verdict === "leak" ? "--leak" : fit.verdict === "suspect" ? "--suspect" : "--fit");
    const what = chart.lines.length > 1 ? " of " + chart.lines.find((l) => l.signal === fit.signal).label : "";
    series.push({ label: "fitted growth" + what + " " + fmt.growth(fit.signal, fit.growthPerHour), stroke: color, width: 2, dash: [6, 4], spanGaps: true, points: { show: false }, value });
    data.push(cols.line);
    const fitIdx = series.length - 1;
    series.push({ label: "interval high", stroke: "transparent", width: 0, spanGaps: true, points: { show: false } });
    data.push(cols.hi);
    series.push({ label: "interval low", stroke: "transparent", width: 0, spanGaps: true, points: { show: false } });
    data.push(cols.lo);
    bands.push({ series: [fitIdx + 1, fitIdx + 2], fill: withAlpha(color, 0.16) });
    hidden.push(fitIdx + 1, fitIdx + 2);
  }
  const axis = css("--muted");
  const grid = css("--grid");
  const opts = {
    width: size.width,
    height: size.height,
    ms: 1,
    scales: { x: { time: true, range: () => [view.from, view.to] } },
    series,
    bands,
    axes: [
      { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
      { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, values: axisValues(chart.unit), size: 72 },
    ],
    cursor: { sync: { key: "leakhound-target" }, points: { size: 6 } },
    legend: { live: true },
    plugins: [markersPlugin(view.events)],
  };
  return { opts, data, hidden };
}

function withAlpha(color, alpha) {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  const n = parseInt(m[1], 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Vertical lines at events, and the nearest event's words under the chart on hover. */
function markersPlugin(events) {
  let caption = null;
  return {
    hooks: {
      init: (u) => {
        caption = document.createElement("div");
        caption.className = "marker-caption muted small";
        caption.setAttribute("aria-live", "off");
        u.root.append(caption);
      },
      draw: (u) => {
        const ctx = u.ctx;
        const { top, height } = u.bbox;
        ctx.save();
        for (const e of events) {
          const m = MARKERS[e.kind];
          if (!m) continue;
          const x = Math.round(u.valToPos(e.t, "x", true));
          if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
          ctx.strokeStyle = css(m.css);
          ctx.fillStyle = ctx.strokeStyle;
          ctx.lineWidth = devicePixelRatio * (e.kind.startsWith("report") ? 2 : 1);
          ctx.setLineDash(e.kind === "capture" ? [3 * devicePixelRatio, 3 * devicePixelRatio] : []);
          ctx.beginPath();
          ctx.moveTo(x + 0.5, top);
          ctx.lineTo(x + 0.5, top + height);
          ctx.stroke();
          const s = 5 * devicePixelRatio;
          ctx.beginPath();
          ctx.moveTo(x - s, top);
          ctx.lineTo(x + s, top);
          ctx.lineTo(x, top + s * 1.4);
          ctx.fill();
        }
        ctx.restore();
      },
      setCursor: (u) => {
        if (!caption) return;
        const left = u.cursor.left;
        if (left === null || left === undefined || left < 0) {
          caption.textContent = "";
          return;
        }
        let best = null;
        let bestDx = 6;
        for (const e of events) {
          const dx = Math.abs(u.valToPos(e.t, "x") - left);
          if (dx <= bestDx && MARKERS[e.kind]) {
            best = e;
            bestDx = dx;
          }
        }
        caption.textContent = best ? MARKERS[best.kind].label + " at " + fmt.dateTime(best.t) + (best.detail ? ": " + best.detail : "") : "";
      },
    },
  };
}

/** A chart in `host`; returns { update(chart, view), resize(width), destroy() }. */
export function chart(host, chartData, view) {
  let current = chartData;
  let plot = null;
  const size = () => ({ width: Math.max(280, host.clientWidth), height: 240 });
  const shown = new Map(); // legend toggles survive refreshes
  const make = () => {
    const { opts, data, hidden } = build(current, view, size());
    if (plot) {
      plot.series.forEach((s) => shown.set(s.label, s.show));
    }
    for (const s of opts.series) {
      if (shown.has(s.label)) s.show = shown.get(s.label);
    }
    plot?.destroy();
    plot = new uPlot(opts, data, host);
    const rows = plot.root.querySelectorAll(".u-legend tr");
    for (const i of hidden) rows[i]?.classList.add("legend-hidden");
    plot.root.querySelectorAll(".u-legend tr").forEach((tr) => {
      // Legend entries toggle lines: make them reachable from the keyboard too.
      if (!tr.classList.contains("legend-hidden") && tr.rowIndex > 0) {
        tr.tabIndex = 0;
        tr.setAttribute("role", "button");
        tr.addEventListener("keydown", (e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            tr.click();
          }
        });
      }
    });
  };
  make();
  const observer = new ResizeObserver(() => plot && plot.setSize(size()));
  observer.observe(host);
  return {
    update(next, nextView) {
      current = next;
      view = nextView;
      make();
    },
    destroy() {
      observer.disconnect();
      plot?.destroy();
      plot = null;
    },
  };
}
