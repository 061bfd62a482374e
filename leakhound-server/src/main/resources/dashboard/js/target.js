// Target: its health and verdicts, uPlot charts of the memory signal with its floor and fitted
// growth line, goroutines and threads, GC activity, markers, a time-range picker, its reports.

import { api } from "./api.js";
import { h, stateBadge, verdictBadge, verdictTable, emptyState, errorState, rendered } from "./dom.js";
import { chart, MARKERS } from "./charts.js";
import * as fmt from "./format.js";

const PRESETS = ["15m", "1h", "6h", "24h", "7d"];

export async function mount(main, match, app) {
  const name = decodeURIComponent(match[1]);
  const q = app.query();
  const state = {
    range: q.get("from") ? null : q.get("range") || "1h",
    from: q.get("from"),
    to: q.get("to"),
  };
  const charts = new Map();
  const head = h("div", { class: "target-head" });
  const picker = h("div", { class: "range-picker", role: "radiogroup", "aria-label": "Time range" });
  const custom = h("form", { class: "range-custom", "aria-label": "Custom time range" });
  const chartArea = h("div", { class: "charts" });
  const lower = h("div", { class: "target-lower" });

  main.append(
    h("nav", { class: "crumbs", "aria-label": "Breadcrumb" }, h("a", { href: "#/" }, "Overview"), " / ", h("span", { "aria-current": "page" }, name)),
    head,
    h("section", { class: "panel", "aria-labelledby": "charts-title" },
      h("div", { class: "panel-head" }, h("h2", { id: "charts-title" }, "Signals"), picker, custom),
      chartArea,
      markerLegend()),
    lower,
  );

  function paintPicker() {
    picker.replaceChildren(
      ...PRESETS.map((p, i) =>
        h("button", {
          type: "button",
          role: "radio",
          class: "seg",
          "aria-checked": String(state.range === p),
          title: "Last " + p + " (shortcut: " + (i + 1) + ")",
          onclick: () => pick(p),
        }, p),
      ),
    );
    const local = (ms) => {
      const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60000);
      return d.toISOString().slice(0, 16);
    };
    const now = Date.now();
    const fromIn = h("input", { type: "datetime-local", name: "from", "aria-label": "From", value: local(state.from ? +state.from : now - 3600_000) });
    const toIn = h("input", { type: "datetime-local", name: "to", "aria-label": "To", value: local(state.to ? +state.to : now) });
    custom.replaceChildren(fromIn, h("span", { class: "muted" }, "to"), toIn, h("button", { type: "submit", class: "button small" }, "Show"));
    custom.onsubmit = (e) => {
      e.preventDefault();
      const f = Date.parse(fromIn.value);
      const t = Date.parse(toIn.value);
      if (!Number.isFinite(f) || !Number.isFinite(t) || f >= t) {
        toIn.setCustomValidity("The end must come after the start");
        toIn.reportValidity();
        return;
      }
      toIn.setCustomValidity("");
      state.range = null;
      state.from = String(f);
      state.to = String(t);
      persist();
      load();
    };
  }

  function pick(p) {
    state.range = p;
    state.from = null;
    state.to = null;
    persist();
    paintPicker();
    load();
    picker.querySelector('[aria-checked="true"]')?.focus();
  }

  function persist() {
    const p = new URLSearchParams();
    if (state.range) p.set("range", state.range);
    else {
      p.set("from", state.from);
      p.set("to", state.to);
    }
    app.setQuery(p);
  }

  function query() {
    return state.range ? "range=" + state.range : "from=" + state.from + "&to=" + state.to;
  }

  function paintHead(t, reports) {
    const labels = Object.entries(t.labels || {}).map(([k, v]) => h("span", { class: "label" }, k + "=" + v));
    const open = t.openReport ? h("a", { class: "button danger", href: "#/reports/" + t.openReport }, "Open report #" + t.openReport) : null;
    const facts = h("dl", { class: "facts" },
      fact("Kind", t.kind),
      fact("Address", t.address),
      fact("Interval", fmt.duration(t.intervalSeconds)),
      fact("Last scrape", t.lastScrape ? fmt.ago(t.lastScrape) + " (" + Math.round(t.lastScrapeDurationMs) + " ms)" : "never"),
      fact("Scrapes", t.scrapes + (t.errors ? " (" + t.errors + " failed)" : "")),
      fact("Process up since", t.lifetimeStart ? fmt.dateTime(t.lifetimeStart) : "—"),
    );
    const banner = t.state === "down"
      ? h("div", { class: "banner down", role: "alert" }, h("strong", null, "Target down. "), t.lastError || "The last scrape failed.")
      : t.scrapes === 0
        ? h("div", { class: "banner info", role: "status" }, "No data yet: waiting for the first scrape of ", h("code", null, t.address), ".")
        : null;
    head.replaceChildren(
      ...[h("div", { class: "title-row" }, h("h1", null, t.name), stateBadge(t.state), h("span", { class: "labels" }, labels), h("span", { class: "spacer" }), open),
      banner,
      facts,
      verdicts(t.verdicts)].filter(Boolean),
    );
    lower.replaceChildren(reportList(reports));
  }

  function verdicts(list) {
    if (!list || list.length === 0) {
      return h("p", { class: "muted" }, "No verdict yet: the first evaluation runs once enough samples have arrived.");
    }
    return verdictTable(list, "Verdicts");
  }

  function reportList(reports) {
    if (!reports || reports.length === 0) {
      return h("section", { class: "panel" }, h("h2", null, "Reports"), h("p", { class: "muted" }, "No leak report for this target."));
    }
    return h("section", { class: "panel" }, h("h2", null, "Reports"), h("div", { class: "table-wrap" }, h("table", { class: "reports" },
      h("thead", null, h("tr", null, ...["Report", "Verdict", "State", "Opened", "Resolved", "Pattern"].map((x) => h("th", { scope: "col" }, x)))),
      h("tbody", null, reports.map((r) => h("tr", null,
        h("td", null, h("a", { href: "#/reports/" + r.id }, "#" + r.id)),
        h("td", null, verdictBadge(r.verdict)),
        h("td", null, r.state),
        h("td", null, fmt.dateTime(r.openedAt)),
        h("td", null, r.resolvedAt ? fmt.dateTime(r.resolvedAt) : "—"),
        h("td", null, r.pattern || "—"),
      ))))));
  }

  function paintCharts(view) {
    if (view.charts.length === 0 || view.charts.every((c) => c.t.length === 0)) {
      for (const c of charts.values()) c.destroy();
      charts.clear();
      chartArea.replaceChildren(emptyState("No samples in this range", "Nothing was stored for " + name + " between " + fmt.dateTime(view.from) + " and " + fmt.dateTime(view.to) + ". Pick a longer range, or wait for the next scrape."));
      return;
    }
    chartArea.querySelector(".empty")?.remove();
    const ids = new Set(view.charts.map((c) => c.id));
    for (const [id, c] of charts) {
      if (!ids.has(id)) {
        c.destroy();
        charts.delete(id);
        chartArea.querySelector(`[data-chart="${id}"]`)?.remove();
      }
    }
    for (const c of view.charts) {
      const existing = charts.get(c.id);
      if (existing) {
        existing.update(c, view);
        chartArea.querySelector(`[data-chart="${c.id}"] .step`).textContent = stepText(c);
        continue;
      }
      const host = h("div", { class: "chart-host" });
      const fig = h("figure", { class: "chart", "data-chart": c.id },
        h("figcaption", null, h("span", { class: "chart-title" }, c.title), h("span", { class: "step muted small" }, stepText(c))),
        host);
      chartArea.append(fig);
      charts.set(c.id, chart(host, c, view));
    }
  }

  function stepText(c) {
    return c.t.length + " points" + (c.stepMillis > 0 ? ", each the mean of " + fmt.duration(c.stepMillis / 1000) : ", raw samples");
  }

  let last = null;
  async function load() {
    try {
      const [t, view] = await Promise.all([api.target(name), api.charts(name, query())]);
      last = view;
      paintHead(t, view.reports);
      paintCharts(view);
    } catch (e) {
      if (!last) {
        head.replaceChildren(errorState(e, load));
      } else {
        head.querySelector(".refresh-error")?.remove();
        head.append(h("p", { class: "refresh-error banner down" }, "Refresh failed: " + e.message));
      }
    }
    rendered(main, "target");
  }

  paintPicker();
  await load();
  app.onThemeChange = () => last && (charts.forEach((c) => c.destroy()), charts.clear(), chartArea.replaceChildren(), paintCharts(last));

  const keys = { Backspace: () => app.go("#/"), u: () => app.go("#/") };
  PRESETS.forEach((p, i) => (keys[String(i + 1)] = () => pick(p)));
  return {
    refresh: () => (state.range ? load() : undefined),
    destroy() {
      charts.forEach((c) => c.destroy());
      charts.clear();
    },
    keys,
  };
}

function fact(term, value) {
  return h("div", null, h("dt", null, term), h("dd", null, value ?? "—"));
}

function markerLegend() {
  const seen = new Set();
  const items = [];
  for (const [kind, m] of Object.entries(MARKERS)) {
    if (seen.has(m.label)) continue;
    seen.add(m.label);
    items.push(h("li", null, h("span", { class: "swatch", style: `background: var(${m.css})` }), m.label));
  }
  return h("div", { class: "marker-legend" }, h("span", { class: "muted small" }, "Markers:"), h("ul", null, items));
}
