// Overview: every target with its state, a sparkline of its memory floor, the growth per hour and
// the time to the limit; filter, sort, keyboard selection, auto-refresh.

import { api } from "./api.js";
import { h, esc, emptyState, errorState, sparklineSvg, rendered } from "./dom.js";
import * as fmt from "./format.js";

const SEVERITY = { leak: 0, suspect: 1, down: 2, ok: 3 };
const STATES = ["leak", "suspect", "down", "ok"];

const COLUMNS = [
  { key: "state", label: "State", sort: (a, b) => SEVERITY[a.state] - SEVERITY[b.state] },
  { key: "name", label: "Target", sort: (a, b) => a.name.localeCompare(b.name) },
  { key: "floor", label: "Memory floor", sort: (a, b) => num(a.floor) - num(b.floor), numeric: true },
  { key: "growth", label: "Growth / h", sort: (a, b) => growth(a, b), numeric: true },
  { key: "ttl", label: "Time to limit", sort: (a, b) => ttl(a) - ttl(b), numeric: true, ascending: true },
  { key: "scrape", label: "Last scrape", sort: (a, b) => num(a.lastScrape) - num(b.lastScrape), numeric: true },
];

// Growth compares the verdict first: rows may show bytes or goroutines per hour.
const VERDICT = { leak: 3, suspect: 2, "no-leak": 1 };

function growth(a, b) {
  return (VERDICT[a.verdict] ?? 0) - (VERDICT[b.verdict] ?? 0) || num(a.growthPerHour) - num(b.growthPerHour);
}

function num(x) {
  return x === null || x === undefined ? -Infinity : x;
}

function ttl(row) {
  return row.timeToLimitSeconds ?? Infinity;
}

export async function mount(main, _match, app) {
  const q = app.query();
  const view = {
    filter: q.get("q") || "",
    state: q.get("state") || "",
    sort: q.get("sort") || "state",
    dir: q.get("dir") || "",
    selected: null,
    data: null,
  };

  const filterInput = h("input", {
    type: "search",
    id: "filter",
    placeholder: "Filter by name, kind or label  ( / )",
    "aria-label": "Filter targets",
    value: view.filter,
    autocomplete: "off",
    spellcheck: "false",
  });
  const chips = h("div", { class: "chips", role: "group", "aria-label": "Show targets by state" });
  const body = h("div", { class: "overview-body" });
  const updated = h("span", { class: "muted updated", "aria-live": "off" });

  main.append(
    h(
      "div",
      { class: "page-head" },
      h("h1", null, "Targets"),
      updated,
    ),
    h("div", { class: "toolbar" }, filterInput, chips),
    body,
  );

  filterInput.addEventListener("input", () => {
    view.filter = filterInput.value;
    persist();
    paint();
  });

  function persist() {
    const p = new URLSearchParams();
    if (view.filter) p.set("q", view.filter);
    if (view.state) p.set("state", view.state);
    if (view.sort !== "state") p.set("sort", view.sort);
    if (view.dir) p.set("dir", view.dir);
    app.setQuery(p);
  }

  function rows() {
    const needle = view.filter.trim().toLowerCase();
    let list = view.data.targets;
    if (view.state === "attention") list = list.filter((r) => r.state !== "ok");
    else if (view.state) list = list.filter((r) => r.state === view.state);
    if (needle) {
      list = list.filter((r) => {
        const hay = [r.name, r.kind, r.state, ...Object.entries(r.labels).map(([k, v]) => k + "=" + v)]
          .join(" ")
          .toLowerCase();
        return needle.split(/\s+/).every((w) => hay.includes(w));
      });
    }
    const col = COLUMNS.find((c) => c.key === view.sort) || COLUMNS[0];
    const descending = view.dir ? view.dir === "desc" : col.numeric && !col.ascending;
    const growthDesc = (a, b) => growth(b, a);
    return [...list].sort((a, b) => {
      let c = col.sort(a, b);
      if (descending) c = -c;
      if (c === 0) c = col.key === "state" ? growthDesc(a, b) : 0;
      return c || a.name.localeCompare(b.name);
    });
  }

  function paintChips() {
    const counts = { leak: 0, suspect: 0, down: 0, ok: 0 };
    for (const r of view.data.targets) counts[r.state]++;
    const chip = (state, label, n) =>
      h(
        "button",
        {
          type: "button",
          class: "chip" + (state ? " chip-" + state : ""),
          "aria-pressed": String(view.state === state),
          onclick: () => {
            view.state = view.state === state ? "" : state;
            persist();
            paint();
          },
        },
        h("span", { class: "chip-count" }, String(n)),
        " " + label,
      );
    chips.replaceChildren(
      chip("", "all", view.data.targets.length),
      ...STATES.map((s) => chip(s, s, counts[s])),
      chip("attention", "need attention", counts.leak + counts.suspect + counts.down),
    );
  }

  function header() {
    return COLUMNS.map((c) => {
      const active = view.sort === c.key;
      const descending = view.dir ? view.dir === "desc" : c.numeric && !c.ascending;
      const ariaSort = active ? (descending ? "descending" : "ascending") : "none";
      return `<th scope="col" aria-sort="${ariaSort}" class="col-${c.key}${c.numeric ? " num" : ""}"><button type="button" class="sort" data-sort="${c.key}">${c.label}<span class="sort-mark" aria-hidden="true">${active ? (descending ? "▾" : "▴") : ""}</span></button></th>`;
    }).join("") + `<th scope="col" class="col-report">Report</th>`;
  }

  function rowHtml(r) {
    const labels = Object.entries(r.labels)
      .map(([k, v]) => `<span class="label">${esc(k)}=${esc(v)}</span>`)
      .join("");
    const error = r.state === "down" && r.lastError ? `<div class="row-error" title="${esc(r.lastError)}">${esc(r.lastError)}</div>` : "";
    const waiting = r.scrapes === 0 ? `<div class="muted small">waiting for the first scrape</div>` : "";
    const floorLabel = r.floorSignal === "rss_bytes" ? "resident memory" : "heap floor";
    const spark = sparklineSvg(r.spark.t, r.spark.v, 120, 28, floorLabel + " of " + r.name + ", last hour");
    const interval =
      r.growthPerHourLow !== null && r.growthPerHourHigh !== null && r.growthPerHour !== null
        ? `<div class="muted small">${esc(fmt.growth(r.growthSignal, r.growthPerHourLow))} … ${esc(fmt.growth(r.growthSignal, r.growthPerHourHigh))}</div>`
        : "";
    // Growth of another signal than the floor (a goroutine leak) says which.
    const other = r.growthSignal && r.growthSignal !== r.floorSignal ? `<div class="muted small growth-signal">${esc(r.growthSignal.replaceAll("_", " "))}</div>` : "";
    const growthCls = r.verdict === "leak" ? "grow-leak" : r.verdict === "suspect" ? "grow-suspect" : "";
    const report = r.openReport
      ? `<a class="report-link" href="#/reports/${r.openReport}">#${r.openReport}</a>`
      : `<span class="muted">—</span>`;
    const selected = view.selected === r.name ? " selected" : "";
    return (
      `<tr class="row state-row-${r.state}${selected}" data-name="${esc(r.name)}">` +
      `<td class="col-state"><span class="badge state-${r.state}" data-state="${r.state}">${r.state}</span></td>` +
      `<td class="col-name"><a class="target-link" href="#/targets/${encodeURIComponent(r.name)}">${esc(r.name)}</a> <span class="kind">${esc(r.kind)}</span><div class="labels">${labels}</div>${error}${waiting}</td>` +
      `<td class="col-floor num"><div class="floor">${spark}<span class="floor-value">${esc(fmt.value(r.floorSignal, r.floor))}</span></div></td>` +
      `<td class="col-growth num ${growthCls}">${esc(fmt.growth(r.growthSignal, r.growthPerHour))}${other}${interval}</td>` +
      `<td class="col-ttl num">${esc(r.timeToLimitSeconds === null ? "—" : fmt.duration(r.timeToLimitSeconds))}</td>` +
      `<td class="col-scrape num" data-t="${r.lastScrape ?? ""}">${esc(r.lastScrape ? fmt.ago(r.lastScrape) : "never")}</td>` +
      `<td class="col-report">${report}</td></tr>`
    );
  }

  function paint() {
    paintChips();
    const list = rows();
    updated.textContent = "updated " + fmt.dateTime(view.data.generatedAt);
    if (view.data.targets.length === 0) {
      body.replaceChildren(
        emptyState(
          "No targets yet",
          "Leakhound watches the targets listed in its configuration file. Add one under 'targets:' (name, kind, address, interval) and restart 'leakhound serve'.",
        ),
      );
      return;
    }
    if (list.length === 0) {
      body.replaceChildren(
        emptyState(
          "No target matches",
          "Nothing matches the filter" + (view.filter ? " “" + view.filter + "”" : "") + (view.state ? " and the state " + view.state : "") + ".",
          h("button", { type: "button", class: "button", onclick: clearFilter }, "Clear the filter"),
        ),
      );
      return;
    }
    const focusedName = document.activeElement?.closest?.("tr")?.dataset?.name;
    const table = document.createElement("table");
    table.className = "targets";
    table.innerHTML =
      `<caption class="sr-only">Watched targets, ${list.length} shown</caption>` +
      `<thead><tr>${header()}</tr></thead><tbody>${list.map(rowHtml).join("")}</tbody>`;
    const wrap = h("div", { class: "table-wrap" }, table);
    body.replaceChildren(wrap, h("p", { class: "muted small table-foot" }, list.length + " of " + view.data.targets.length + " targets · sparklines show the last hour"));
    if (focusedName) {
      table.querySelector(`tr[data-name="${CSS.escape(focusedName)}"] a.target-link`)?.focus();
    }
  }

  function clearFilter() {
    view.filter = "";
    view.state = "";
    filterInput.value = "";
    persist();
    paint();
    filterInput.focus();
  }

  body.addEventListener("click", (e) => {
    const sort = e.target.closest("button.sort");
    if (sort) {
      const key = sort.dataset.sort;
      if (view.sort === key) {
        const col = COLUMNS.find((c) => c.key === key);
        const descending = view.dir ? view.dir === "desc" : col.numeric && !col.ascending;
        view.dir = descending ? "asc" : "desc";
      } else {
        view.sort = key;
        view.dir = "";
      }
      persist();
      paint();
      body.querySelector(`button.sort[data-sort="${key}"]`)?.focus();
      return;
    }
    const row = e.target.closest("tr.row");
    if (row && !e.target.closest("a")) {
      app.go("#/targets/" + encodeURIComponent(row.dataset.name));
    }
  });

  function move(delta) {
    const trs = [...body.querySelectorAll("tr.row")];
    if (trs.length === 0) return;
    let i = trs.findIndex((tr) => tr.dataset.name === view.selected);
    i = i < 0 ? (delta > 0 ? 0 : trs.length - 1) : Math.min(trs.length - 1, Math.max(0, i + delta));
    trs.forEach((tr) => tr.classList.remove("selected"));
    trs[i].classList.add("selected");
    view.selected = trs[i].dataset.name;
    trs[i].querySelector("a.target-link").focus();
  }

  async function load() {
    try {
      view.data = await api.overview();
      performance.mark("leakhound:overview-data");
      paint();
    } catch (e) {
      if (!view.data) {
        body.replaceChildren(errorState(e, load));
      } else {
        updated.textContent = "refresh failed: " + e.message;
      }
    }
    rendered(main, "overview");
  }

  await load();
  return {
    refresh: load,
    destroy() {},
    keys: {
      "/": () => filterInput.focus(),
      j: () => move(1),
      k: () => move(-1),
      ArrowDown: (e) => (e.target.closest?.("table.targets") ? move(1) : false),
      ArrowUp: (e) => (e.target.closest?.("table.targets") ? move(-1) : false),
      Escape: () => (view.filter || view.state ? clearFilter() : false),
      s: () => {
        const order = COLUMNS.map((c) => c.key);
        view.sort = order[(order.indexOf(view.sort) + 1) % order.length];
        view.dir = "";
        persist();
        paint();
      },
    },
  };
}
