// The dashboard's shell: hash routes to pages, the theme, auto-refresh, the token prompt, the help
// overlay and the keyboard shortcuts. Pages are modules exporting mount(main, route, app), which
// returns { refresh(), destroy(), keys } (keys: shortcut -> handler, for that page only).

import { onTokenNeeded, setToken } from "./api.js";
// Pages load on first visit: the overview never parses uPlot or the flame graph code.
const ROUTES = [
  { pattern: /^\/?$/, page: () => import("./overview.js"), nav: "overview", title: () => "Overview" },
  { pattern: /^\/targets\/([^/]+)$/, page: () => import("./target.js"), nav: "overview", title: (m) => m[1] },
  { pattern: /^\/reports\/(\d+)$/, page: () => import("./report.js"), nav: "overview", title: (m) => "Report " + m[1] },
  { pattern: /^\/alerts$/, page: () => import("./alerts.js"), nav: "alerts", title: () => "Alerts" },
];

const REFRESH_MS = 10_000;
const main = document.getElementById("main");
let current = null;
let refreshTimer = null;

/** What pages get: navigation and the shared state. */
const app = {
  go(hash) {
    location.hash = hash;
  },
  /** The route's query (after "?" in the hash) as URLSearchParams. */
  query() {
    const hash = location.hash.slice(1);
    const q = hash.indexOf("?");
    return new URLSearchParams(q >= 0 ? hash.slice(q + 1) : "");
  },
  /** Replaces the route's query without adding a history entry or re-mounting the page. */
  setQuery(params) {
    const hash = location.hash.slice(1);
    const path = hash.split("?")[0] || "/";
    const q = params.toString();
    history.replaceState(null, "", "#" + path + (q ? "?" + q : ""));
  },
  theme() {
    return effectiveTheme();
  },
  onThemeChange: null,
};

// ---- routing -------------------------------------------------------------------------------

function route() {
  const hash = decodeURIComponent(location.hash.slice(1) || "/");
  const path = hash.split("?")[0];
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (m) return { ...r, match: m, path };
  }
  return null;
}

async function show() {
  if (current) {
    try {
      current.destroy?.();
    } catch (_) {
      // a page that fails to clean up must not block the next one
    }
    current = null;
  }
  app.onThemeChange = null;
  document.body.dataset.rendered = "";
  main.replaceChildren();
  main.setAttribute("aria-busy", "true");
  const r = route();
  for (const a of document.querySelectorAll("[data-nav]")) {
    if (r && a.dataset.nav === r.nav) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  if (!r) {
    document.title = "Not found · Leakhound";
    main.append(notFound());
    main.removeAttribute("aria-busy");
    return;
  }
  document.title = r.title(r.match) + " · Leakhound";
  const page = await r.page();
  current = await page.mount(main, r.match, app);
  scheduleRefresh();
}

function notFound() {
  const div = document.createElement("div");
  div.className = "empty";
  div.innerHTML = '<h2>No such page</h2><p>Go back to the <a href="#/">overview</a>.</p>';
  return div;
}

window.addEventListener("hashchange", (e) => {
  // Only the path picks the page: query changes made by setQuery never reach here.
  const before = new URL(e.oldURL).hash.split("?")[0];
  const after = location.hash.split("?")[0];
  if (before !== after || !current) {
    show();
    main.focus({ preventScroll: true });
  }
});

// ---- auto-refresh --------------------------------------------------------------------------

const refreshToggle = document.getElementById("refresh-toggle");

function autoRefresh() {
  return localStorage.getItem("leakhound.autoRefresh") !== "off";
}

function paintRefreshToggle() {
  refreshToggle.setAttribute("aria-pressed", String(autoRefresh()));
  refreshToggle.title = autoRefresh()
    ? "Auto-refresh every " + REFRESH_MS / 1000 + " s is on (shortcut: p)"
    : "Auto-refresh is paused (shortcut: p)";
}

function scheduleRefresh() {
  clearInterval(refreshTimer);
  refreshTimer = null;
  if (autoRefresh() && current?.refresh) {
    refreshTimer = setInterval(() => {
      if (document.visibilityState === "visible") current?.refresh?.();
    }, REFRESH_MS);
  }
}

function toggleRefresh() {
  localStorage.setItem("leakhound.autoRefresh", autoRefresh() ? "off" : "on");
  paintRefreshToggle();
  scheduleRefresh();
}

refreshToggle.addEventListener("click", toggleRefresh);

// ---- theme ---------------------------------------------------------------------------------

const themeToggle = document.getElementById("theme-toggle");
const darkQuery = matchMedia("(prefers-color-scheme: dark)");

function effectiveTheme() {
  const chosen = localStorage.getItem("leakhound.theme");
  if (chosen === "light" || chosen === "dark") return chosen;
  return darkQuery.matches ? "dark" : "light";
}

function applyTheme() {
  const theme = effectiveTheme();
  document.documentElement.dataset.theme = theme;
  themeToggle.setAttribute("aria-pressed", String(theme === "dark"));
  themeToggle.title = "Dark mode is " + (theme === "dark" ? "on" : "off") + " (shortcut: t)";
  app.onThemeChange?.();
}

function toggleTheme() {
  localStorage.setItem("leakhound.theme", effectiveTheme() === "dark" ? "light" : "dark");
  applyTheme();
}

themeToggle.addEventListener("click", toggleTheme);
darkQuery.addEventListener("change", applyTheme);

// ---- token prompt --------------------------------------------------------------------------

const tokenDialog = document.getElementById("token-dialog");

onTokenNeeded(
  (refused) =>
    new Promise((resolve) => {
      const form = tokenDialog.querySelector("form");
      const input = tokenDialog.querySelector("input");
      tokenDialog.querySelector(".token-refused").hidden = !refused;
      input.value = "";
      const done = (value) => {
        form.removeEventListener("submit", submit);
        tokenDialog.removeEventListener("cancel", cancel);
        tokenDialog.close();
        resolve(value);
      };
      const submit = (e) => {
        e.preventDefault();
        done(input.value.trim() || null);
      };
      const cancel = () => done(null);
      form.addEventListener("submit", submit);
      tokenDialog.addEventListener("cancel", cancel);
      tokenDialog.querySelector("[data-cancel]").onclick = cancel;
      tokenDialog.showModal();
      input.focus();
    }),
);

document.getElementById("forget-token").addEventListener("click", () => {
  setToken(null);
  show();
});

// ---- help and shortcuts --------------------------------------------------------------------

const help = document.getElementById("help");
document.getElementById("help-button").addEventListener("click", () => help.showModal());
help.querySelector("[data-close]").addEventListener("click", () => help.close());

const GLOBAL_KEYS = {
  "?": () => (help.open ? help.close() : help.showModal()),
  o: () => app.go("#/"),
  a: () => app.go("#/alerts"),
  t: toggleTheme,
  p: toggleRefresh,
  r: () => current?.refresh?.(),
};

function typing(target) {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target?.isContentEditable
  );
}

document.addEventListener("keydown", (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
  if (document.querySelector("dialog[open]") && e.key !== "?") return;
  if (typing(e.target)) {
    // Escape in a field: the page's own Escape first (the overview clears its filter), then leave.
    if (e.key === "Escape") {
      current?.keys?.Escape?.(e);
      e.target.blur();
    }
    return;
  }
  const handler = current?.keys?.[e.key] ?? GLOBAL_KEYS[e.key];
  // A handler returns false when the key is not its business here (an arrow outside a table).
  if (handler && handler(e) !== false) {
    e.preventDefault();
  }
});

applyTheme();
paintRefreshToggle();
show();
