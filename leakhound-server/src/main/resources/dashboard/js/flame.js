// The differential flame graph of a report: d3 and d3-flame-graph are classic scripts (their UMD
// builds), loaded on first use only, so the overview never pays for them.

import * as fmt from "./format.js";

let loading = null;

function script(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error("cannot load " + src));
    document.head.append(s);
  });
}

function stylesheet(href) {
  const l = document.createElement("link");
  l.rel = "stylesheet";
  l.href = href;
  document.head.append(l);
}

export function loadLibraries() {
  if (!loading) {
    stylesheet("vendor/d3-flame-graph/d3-flamegraph.css");
    loading = script("vendor/d3/d3.min.js").then(() => script("vendor/d3-flame-graph/d3-flamegraph.umd.min.js"));
  }
  return loading;
}

/**
 * Renders `graph` ({ sampleType, unit, diff, root }) into `host`. Frames are as wide as their
 * current value; red ones grew since the baseline, blue ones shrank. Returns { reset(),
 * search(term), destroy() }.
 */
export async function render(host, graph, details) {
  await loadLibraries();
  const lib = window.flamegraph;
  const bytes = graph.unit === "bytes";
  const show = (v) => (bytes ? fmt.bytes(v) : fmt.count(v));
  const width = Math.max(320, host.clientWidth);
  const chart = lib
    .default()
    .width(width)
    .cellHeight(20)
    .minFrameSize(2)
    .transitionDuration(300)
    .inverted(false)
    .sort(true)
    .title("")
    .setDetailsElement(details)
    .setLabelHandler((d) => {
      const delta = d.data.delta;
      return (
        d.data.name +
        " — now " + show(d.data.value) +
        (delta === undefined || delta === null ? "" : ", " + (delta >= 0 ? "+" : "−") + show(Math.abs(delta)) + " since the baseline")
      );
    });
  if (graph.diff) {
    chart.setColorMapper(lib.colorMapper.differentialColorMapper);
  }
  window.d3.select(host).datum(graph.root).call(chart);
  const observer = new ResizeObserver(() => {
    const w = Math.max(320, host.clientWidth);
    if (Math.abs(w - chart.width()) > 4) {
      chart.width(w);
      chart.update();
    }
  });
  observer.observe(host);
  return {
    reset: () => chart.resetZoom(),
    search: (term) => (term ? chart.search(term) : chart.clear()),
    destroy() {
      observer.disconnect();
      chart.destroy();
    },
  };
}
