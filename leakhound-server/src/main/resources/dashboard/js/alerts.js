// Alerts: the active ones (firing and pending) and the recent resolved ones, each with what was
// sent to every receiver, and the receivers with their outboxes.

import { api } from "./api.js";
import { h, errorState, rendered } from "./dom.js";
import * as fmt from "./format.js";

export async function mount(main, _match, app) {
  const content = h("div", { class: "alerts" });
  main.append(h("div", { class: "page-head" }, h("h1", null, "Alerts")), content);
  let loaded = false;

  async function load() {
    try {
      const [alerts, receivers] = await Promise.all([api.alerts(), api.receivers()]);
      paint(alerts, receivers);
      loaded = true;
    } catch (e) {
      if (!loaded) content.replaceChildren(errorState(e, load));
    }
    rendered(main, "alerts");
  }

  function paint(alerts, receivers) {
    const active = alerts.filter((a) => a.state !== "resolved");
    const recent = alerts.filter((a) => a.state === "resolved");
    content.replaceChildren(
      h("section", { class: "panel", "aria-labelledby": "active-title" },
        h("h2", { id: "active-title" }, "Active ", h("span", { class: "count" }, String(active.length))),
        active.length
          ? table(active, false)
          : h("p", { class: "muted quiet" }, "No alert is firing. Leak alerts fire when a report opens; threshold rules when their condition has held for their 'for' period.")),
      h("section", { class: "panel", "aria-labelledby": "recent-title" },
        h("h2", { id: "recent-title" }, "Recently resolved ", h("span", { class: "count" }, String(recent.length))),
        recent.length ? table(recent, true) : h("p", { class: "muted quiet" }, "Nothing resolved recently.")),
      h("section", { class: "panel", "aria-labelledby": "receivers-title" },
        h("h2", { id: "receivers-title" }, "Receivers"),
        receiverList(receivers, alerts)),
    );
  }

  await load();
  return { refresh: load, destroy() {}, keys: {} };
}

function table(list, resolved) {
  return h("div", { class: "table-wrap" }, h("table", { class: "alert-table" },
    h("thead", null, h("tr", null, ...["State", "Rule", "Target", "Since", resolved ? "Resolved" : "Fired", "Summary", "Deliveries"].map((x) => h("th", { scope: "col" }, x)))),
    h("tbody", null, list.map((a) => h("tr", { "data-alert": a.id },
      h("td", null, h("span", { class: "badge alert-" + a.state }, a.state)),
      h("td", null, h("code", null, a.rule)),
      h("td", null, h("a", { href: "#/targets/" + encodeURIComponent(a.target) }, a.target)),
      h("td", null, fmt.dateTime(a.activeSince)),
      h("td", null, resolved ? fmt.dateTime(a.resolvedAt) : a.firedAt ? fmt.ago(a.firedAt) : "waiting out 'for'"),
      h("td", { class: "alert-summary" }, a.annotations.summary || a.annotations.description || ""),
      h("td", null, deliveries(a.deliveries)),
    )))));
}

function deliveries(list) {
  if (!list.length) return h("span", { class: "muted" }, "none sent");
  // The latest message per receiver is its current status.
  const latest = new Map();
  for (const d of list) latest.set(d.receiver, d);
  return h("ul", { class: "deliveries" }, [...latest.values()].map((d) =>
    h("li", { class: "delivery delivery-" + d.status, title: deliveryTitle(d) },
      h("span", { class: "dot", "aria-hidden": "true" }),
      d.receiver + ": " + d.status + (d.attempts > 1 ? " after " + d.attempts + " attempts" : ""))));
}

function deliveryTitle(d) {
  return (
    "queued " + fmt.dateTime(d.createdAt) +
    (d.deliveredAt ? ", delivered " + fmt.dateTime(d.deliveredAt) : "") +
    (d.lastError ? "; last error: " + d.lastError : "")
  );
}

function receiverList(receivers, alerts) {
  if (!receivers.length) {
    return h("p", { class: "muted quiet" }, "No receivers configured: alerts are shown here and on /metrics only. Add an Alertmanager or a webhook under 'receivers:' in the configuration.");
  }
  const lastByReceiver = new Map();
  for (const a of alerts) {
    for (const d of a.deliveries) {
      const prev = lastByReceiver.get(d.receiver);
      if (!prev || d.createdAt > prev.createdAt) lastByReceiver.set(d.receiver, d);
    }
  }
  return h("ul", { class: "receivers" }, receivers.map((r) => {
    const last = lastByReceiver.get(r.name);
    const status = r.pending > 0 ? "pending" : last ? last.status : "idle";
    return h("li", { class: "receiver delivery-" + status, "data-receiver": r.name },
      h("div", { class: "receiver-name" }, h("span", { class: "dot", "aria-hidden": "true" }), h("strong", null, r.name), h("span", { class: "kind" }, r.kind)),
      h("div", { class: "muted small" }, r.endpoint),
      h("div", null, r.pending ? r.pending + " message" + (r.pending === 1 ? "" : "s") + " waiting" : "nothing waiting"),
      last
        ? h("div", { class: "small" }, "last: " + last.status + " " + fmt.ago(last.deliveredAt || last.createdAt) + (last.lastError ? " — " + last.lastError : ""))
        : h("div", { class: "muted small" }, "nothing sent yet"));
  }));
}
