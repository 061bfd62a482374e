// The dashboard's door to the REST API: every request carries the bearer token kept in
// sessionStorage (asked for when the server answers 401), and every failure becomes an ApiError
// whose message a page can show as it is.

const TOKEN_KEY = "leakhound.token";

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

let tokenPrompt = null; // set by the app: async (refused) => token or null

export function onTokenNeeded(prompt) {
  tokenPrompt = prompt;
}

let pendingPrompt = null;

async function askForToken(refused) {
  if (!tokenPrompt) {
    return null;
  }
  // Several requests may fail at once: ask once, answer them all.
  if (!pendingPrompt) {
    pendingPrompt = tokenPrompt(refused).finally(() => {
      pendingPrompt = null;
    });
  }
  return pendingPrompt;
}

async function request(path) {
  const headers = { Accept: "application/json" };
  const t = token();
  if (t) {
    headers.Authorization = "Bearer " + t;
  }
  let response;
  try {
    response = await fetch(path, { headers, cache: "no-store" });
  } catch (e) {
    throw new ApiError(0, "Cannot reach the Leakhound server (" + e.message + "). Is it running?");
  }
  return response;
}

async function errorOf(response) {
  let message = response.status + " " + response.statusText;
  try {
    const body = await response.json();
    if (body && body.error) {
      message = body.error;
    }
  } catch (_) {
    // not JSON: keep the status line
  }
  return new ApiError(response.status, message);
}

/** GET path with the token; on 401 asks for a token and tries again. Returns the Response. */
async function fetchAuthorized(path) {
  let response = await request(path);
  while (response.status === 401) {
    const given = await askForToken(token() !== null);
    if (!given) {
      throw new ApiError(401, "This server requires a token. Reload the page to enter it.");
    }
    setToken(given);
    response = await request(path);
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  return response;
}

/** GET path as JSON. */
export async function getJson(path) {
  const response = await fetchAuthorized(path);
  return response.json();
}

/** Downloads path (with the token) as a file, named as the server says. */
export async function download(path, fallbackName) {
  const response = await fetchAuthorized(path);
  const disposition = response.headers.get("Content-Disposition") || "";
  const match = /filename="([^"]+)"/.exec(disposition);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = match ? match[1] : fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  overview: () => getJson("/api/v1/dashboard/overview"),
  target: (name) => getJson("/api/v1/targets/" + encodeURIComponent(name)),
  charts: (name, query) =>
    getJson("/api/v1/dashboard/targets/" + encodeURIComponent(name) + "/charts?" + query),
  report: (id) => getJson("/api/v1/reports/" + encodeURIComponent(id)),
  flameGraph: (id) => getJson("/api/v1/dashboard/reports/" + encodeURIComponent(id) + "/flamegraph"),
  alerts: () => getJson("/api/v1/alerts?limit=200"),
  receivers: () => getJson("/api/v1/dashboard/receivers"),
};
