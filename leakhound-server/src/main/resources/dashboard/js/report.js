// Report: the verdict and its evidence, the named pattern and its remedy, the allocation sites
// that grew (table and differential flame graph), the goroutine groups that grew, the signals,
// and downloads of the profiles.

import { api, download } from "./api.js";
import { h, replace, verdictBadge, verdictTable, emptyState, errorState, rendered } from "./dom.js";
import * as flame from "./flame.js";
import * as fmt from "./format.js";

const PROFILES = [
  ["baselineHeap", "Baseline heap profile", "the heap before the growth"],
  ["currentHeap", "Current heap profile", "the heap when the report opened"],
  ["baselineGoroutines", "Baseline goroutines", "goroutine counts of the baseline"],
  ["currentGoroutines", "Current goroutine profile", "goroutine profile of the capture"],
  ["goroutineDump", "Goroutine dump", "every goroutine's stack (debug=2)"],
  ["goroutineLeak", "Goroutine leak profile", "the runtime's goroutineleak listing"],
  ["heapDiff", "Heap diff", "the heap from the baseline to the capture (go tool pprof opens it)"],
];

export async function mount(main, match, app) {
  const id = match[1];
  let graph = null;
  let report = null;
  const content = h("div", { class: "report" });
  main.append(content);

  async function load() {
    try {
      const fresh = await api.report(id);
      const changed = !report || fresh.updatedAt !== report.updatedAt;
      report = fresh;
      if (changed) await paint();
    } catch (e) {
      if (!report) {
        replace(content, 
          h("nav", { class: "crumbs", "aria-label": "Breadcrumb" }, h("a", { href: "#/" }, "Overview"), " / ", h("span", null, "Report " + id)),
          e.status === 404 ? emptyState("No report " + id, "It may have been removed by retention. The overview lists the current ones.") : errorState(e, load),
        );
      }
    }
    rendered(main, "report");
  }

  async function paint() {
    const r = report;
    graph?.destroy();
    graph = null;
    const flameHost = h("div", { class: "flame-host", id: "flame" });
    const flameDetails = h("div", { class: "flame-details muted small", "aria-live": "off" });
    const search = h("input", { type: "search", placeholder: "Highlight frames ( f )", "aria-label": "Highlight frames matching", id: "flame-search" });
    search.addEventListener("input", () => graph?.search(search.value.trim()));
    replace(content, 
      h("nav", { class: "crumbs", "aria-label": "Breadcrumb" },
        h("a", { href: "#/" }, "Overview"), " / ",
        h("a", { href: "#/targets/" + encodeURIComponent(r.target) }, r.target), " / ",
        h("span", { "aria-current": "page" }, "Report #" + r.id)),
      h("div", { class: "title-row" },
        h("h1", null, (r.verdict === "leak" ? "Leak in " : "Suspected leak in ") + r.target),
        verdictBadge(r.verdict),
        h("span", { class: "badge state-" + (r.state === "open" ? "open" : "resolved") }, r.state)),
      h("dl", { class: "facts" },
        fact("Opened", fmt.dateTime(r.openedAt)),
        fact("Updated", fmt.dateTime(r.updatedAt)),
        r.resolvedAt ? fact("Resolved", fmt.dateTime(r.resolvedAt) + (r.resolvedReason ? " — " + r.resolvedReason : "")) : null,
        fact("Time to limit", r.timeToLimitSeconds === null ? "no limit known" : fmt.duration(r.timeToLimitSeconds)),
      ),
      h("p", { class: "summary lead", id: "summary" }, r.summary || "No summary."),
      pattern(r),
      h("section", { class: "panel", "aria-labelledby": "sites-title" },
        h("h2", { id: "sites-title" }, "Allocation sites that grew"),
        culprits(r.culprits)),
      h("section", { class: "panel", "aria-labelledby": "flame-title" },
        h("div", { class: "panel-head" },
          h("h2", { id: "flame-title" }, "Heap growth, baseline to now"),
          h("span", { class: "spacer" }),
          search,
          h("button", { type: "button", class: "button small", onclick: () => graph?.reset(), title: "Reset the zoom (shortcut: z)" }, "Reset zoom")),
        h("p", { class: "muted small" }, "A differential flame graph of in-use bytes: each frame is as wide as the memory its calls hold now; ",
          h("span", { class: "key-new" }, "orange"), " frames are all new since the baseline, ",
          h("span", { class: "key-grew" }, "red"), " ones gained memory, ",
          h("span", { class: "key-shrank" }, "blue"), " ones lost some. Click a frame to zoom, hover for its numbers."),
        flameHost,
        flameDetails),
      h("section", { class: "panel", "aria-labelledby": "groups-title" },
        h("h2", { id: "groups-title" }, "Goroutine groups that grew"),
        groups(r.goroutineGroups)),
      h("section", { class: "panel", "aria-labelledby": "signals-title" },
        h("h2", { id: "signals-title" }, "Signals"),
        signals(r.signals)),
      h("section", { class: "panel", "aria-labelledby": "downloads-title" },
        h("h2", { id: "downloads-title" }, "Profiles"),
        downloads(r)),
      r.notes.length ? h("section", { class: "panel" }, h("h2", null, "Notes"), h("ul", null, r.notes.map((n) => h("li", null, n)))) : null,
    );
    await paintFlame(r, flameHost, flameDetails);
  }

  async function paintFlame(r, host, details) {
    if (!r.profiles.baselineHeap || !r.profiles.currentHeap) {
      host.replaceChildren(emptyState("No heap profiles to compare", "This report has no baseline and current heap profile pair, so there is no flame graph."));
      return;
    }
    try {
      const data = await api.flameGraph(r.id);
      if (!data.root || !data.root.children || data.root.children.length === 0) {
        host.replaceChildren(emptyState("Nothing grew", "The heap profiles hold no samples that changed."));
        return;
      }
      graph = await flame.render(host, data, details);
    } catch (e) {
      host.replaceChildren(errorState(e, () => paintFlame(r, host, details)));
    }
  }

  await load();
  return {
    refresh: () => (report && report.state === "open" ? load() : undefined),
    destroy() {
      graph?.destroy();
    },
    keys: {
      z: () => graph?.reset(),
      f: () => document.getElementById("flame-search")?.focus(),
      u: () => report && app.go("#/targets/" + encodeURIComponent(report.target)),
      Backspace: () => report && app.go("#/targets/" + encodeURIComponent(report.target)),
    },
  };
}

function fact(term, value) {
  return h("div", null, h("dt", null, term), h("dd", null, value ?? "—"));
}

function pattern(r) {
  if (!r.pattern && !r.remedy) return null;
  return h("section", { class: "panel pattern", "aria-labelledby": "pattern-title" },
    h("h2", { id: "pattern-title" }, "Pattern: ", h("span", { class: "pattern-name" }, humanize(r.pattern || "unnamed"))),
    r.patternDescription ? h("p", null, r.patternDescription) : null,
    r.remedy ? h("div", { class: "remedy" }, h("h3", null, "Remedy"), h("p", null, r.remedy)) : null);
}

function humanize(id) {
  return id.replace(/-/g, " ");
}

function culprits(list) {
  if (!list || list.length === 0) {
    return h("p", { class: "muted" }, "No allocation site grew between the baseline and the capture.");
  }
  const max = Math.max(...list.map((c) => c.growthBytes), 1);
  return h("div", { class: "table-wrap" }, h("table", { class: "culprits" },
    h("thead", null, h("tr", null,
      h("th", { scope: "col" }, "Function"),
      h("th", { scope: "col" }, "File:line"),
      h("th", { scope: "col", class: "num" }, "Bytes gained"),
      h("th", { scope: "col", class: "num" }, "Objects"),
      h("th", { scope: "col" }, "Share of growth"))),
    h("tbody", null, list.map((c) => h("tr", null,
      h("td", { class: "fn" }, h("code", { title: c.function }, fmt.shortFunction(c.function))),
      h("td", { class: "file" }, h("code", { title: c.file + ":" + c.line }, fmt.shortFile(c.file) + ":" + c.line)),
      h("td", { class: "num" }, "+" + fmt.bytes(c.growthBytes)),
      h("td", { class: "num" }, c.objects ? "+" + fmt.count(c.objects) : "—"),
      h("td", { class: "share" }, h("span", { class: "share-bar", style: "width:" + Math.max(2, (100 * c.growthBytes) / max).toFixed(1) + "%" }), h("span", { class: "small" }, fmt.percent(c.share))),
    )))));
}

function groups(list) {
  if (!list || list.length === 0) {
    return h("p", { class: "muted" }, "No goroutine group grew.");
  }
  return h("div", { class: "table-wrap" }, h("table", { class: "groups" },
    h("thead", null, h("tr", null, ...["Blocked in", "State", "Count", "Growth", "Where", "Longest wait", "Leaked", "Created by"].map((x, i) => h("th", { scope: "col", class: i >= 2 && i <= 3 ? "num" : null }, x)))),
    h("tbody", null, list.map((g) => h("tr", null,
      h("td", { class: "fn" },
        h("details", null,
          h("summary", null, h("code", { title: g.function }, fmt.shortFunction(g.function))),
          h("ol", { class: "stack" }, g.stack.map((f) => h("li", null, h("code", null, f)))))),
      h("td", null, h("span", { class: "wait-state" }, g.state)),
      h("td", { class: "num" }, fmt.count(g.count)),
      h("td", { class: "num" }, "+" + fmt.count(g.growth)),
      h("td", { class: "file" }, h("code", null, fmt.shortFile(g.location))),
      h("td", null, g.maxWaitMinutes === null ? "—" : fmt.duration(g.maxWaitMinutes * 60)),
      h("td", { class: "num" }, g.leaked ? fmt.count(g.leaked) : "—"),
      h("td", { class: "fn" }, h("code", { title: g.createdBy }, fmt.shortFunction(g.createdBy))),
    )))));
}

function signals(list) {
  if (!list || list.length === 0) return h("p", { class: "muted" }, "No signal verdicts recorded.");
  return verdictTable(list, null);
}

function downloads(r) {
  const items = PROFILES.filter(([key]) => r.profiles[key]).map(([key, label, what]) => {
    const pid = r.profiles[key];
    const button = h("button", { type: "button", class: "button", "data-profile": key }, "Download " + label.toLowerCase());
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        await download("/api/v1/profiles/" + pid, r.target + "-" + key);
      } catch (e) {
        button.after(h("span", { class: "row-error" }, " " + e.message));
      } finally {
        button.disabled = false;
      }
    });
    return h("li", null, button, h("span", { class: "muted small" }, " " + what + (key.endsWith("Heap") ? " — opens with go tool pprof" : "")));
  });
  if (items.length === 0) return h("p", { class: "muted" }, "No profiles were stored with this report.");
  return h("ul", { class: "downloads" }, items);
}
