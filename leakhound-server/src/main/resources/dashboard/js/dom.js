// A few DOM helpers: h() builds elements (text is always set as text, never parsed as HTML), esc()
// escapes for the one place that builds HTML strings for speed (the overview's rows).

import * as fmt from "./format.js";

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "dataset") Object.assign(el.dataset, v);
      else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (v === true) el.setAttribute(k, "");
      else el.setAttribute(k, String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export function stateBadge(state) {
  return h("span", { class: "badge state-" + state, "data-state": state }, state);
}

export function verdictBadge(verdict) {
  const cls = verdict === "leak" ? "leak" : verdict === "suspect" ? "suspect" : "ok";
  return h("span", { class: "badge state-" + cls }, verdict);
}

/** The verdict of every signal, one row each by signal name (target and report pages). */
export function verdictTable(list, caption) {
  const rows = [...list].sort((a, b) => a.signal.localeCompare(b.signal)).map((v) =>
    h("tr", null,
      h("th", { scope: "row" }, h("code", null, v.signal)),
      h("td", null, verdictBadge(v.verdict)),
      h("td", { class: "num" }, fmt.growth(v.signal, v.growthPerHour)),
      h("td", { class: "num muted" }, fmt.growth(v.signal, v.growthPerHourLow) + " … " + fmt.growth(v.signal, v.growthPerHourHigh)),
      h("td", { class: "num" }, fmt.percent(v.confidence)),
      h("td", { class: "num" }, v.timeToLimitSeconds === null ? "—" : fmt.duration(v.timeToLimitSeconds)),
      h("td", { class: "evidence" }, v.evidence || ""),
    ),
  );
  return h("div", { class: "table-wrap" }, h("table", { class: "verdicts" },
    caption ? h("caption", null, caption) : null,
    h("thead", null, h("tr", null, ...["Signal", "Verdict", "Growth / h", "Interval", "Confidence", "Time to limit", "Evidence"].map((x) => h("th", { scope: "col" }, x)))),
    h("tbody", null, rows)));
}

/** A friendly empty state: a title, some words, optional actions. */
export function emptyState(title, text, ...actions) {
  return h("div", { class: "empty", role: "status" }, h("h2", null, title), h("p", null, text), actions);
}

/** An error state with a retry button. */
export function errorState(error, retry) {
  const unauthorized = error && error.status === 401;
  return h(
    "div",
    { class: "empty error", role: "alert" },
    h("h2", null, unauthorized ? "Token needed" : "Something went wrong"),
    h("p", null, error ? error.message : "unknown error"),
    retry ? h("button", { class: "button", type: "button", onclick: retry }, "Try again") : null,
  );
}

/** An SVG sparkline as a string (cheap enough for a thousand rows). */
export function sparklineSvg(t, v, width = 120, height = 28, label = "") {
  const aria = label ? ` role="img" aria-label="${esc(label)}"` : ` aria-hidden="true"`;
  if (!t || t.length < 2) {
    return `<svg class="spark spark-empty" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"${aria}><line x1="0" y1="${height / 2}" x2="${width}" y2="${height / 2}"/></svg>`;
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of v) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const t0 = t[0];
  const span = t[t.length - 1] - t0 || 1; // any unit: only the shape matters
  const range = hi - lo || Math.abs(hi) || 1;
  const pad = 2;
  const sx = (width - 2 * pad) / span;
  const sy = (height - 2 * pad) / range;
  let d = "";
  for (let i = 0; i < t.length; i++) {
    const x = pad + (t[i] - t0) * sx;
    const y = height - pad - (v[i] - lo) * sy;
    d += (i === 0 ? "M" : "L") + x.toFixed(1) + " " + y.toFixed(1);
  }
  const area = d + `L${(pad + span * sx).toFixed(1)} ${height}L${pad} ${height}Z`;
  return `<svg class="spark" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"${aria}><path class="spark-area" d="${area}"/><path class="spark-line" d="${d}"/></svg>`;
}

/** Marks the page as rendered, for people (aria-busy) and for tests and benchmarks. */
export function rendered(main, page) {
  main.removeAttribute("aria-busy");
  document.body.dataset.rendered = page;
  performance.mark("leakhound:" + page + "-rendered");
}

/** Replaces el's children, skipping null and false (replaceChildren would print "null"). */
export function replace(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}
