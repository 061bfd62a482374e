// Numbers, sizes, rates and times as people read them.

const IEC = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

export function bytes(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) {
    return "—";
  }
  const sign = v < 0 ? "−" : "";
  let x = Math.abs(v);
  let i = 0;
  while (x >= 1024 && i < IEC.length - 1) {
    x /= 1024;
    i++;
  }
  const digits = i === 0 || x >= 100 ? 0 : x >= 10 ? 1 : 2;
  return sign + x.toFixed(digits) + " " + IEC[i];
}

export function count(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) {
    return "—";
  }
  const sign = v < 0 ? "−" : "";
  const x = Math.abs(v);
  if (x >= 1e6) return sign + (x / 1e6).toFixed(x >= 1e7 ? 0 : 1) + " M";
  if (x >= 1e4) return sign + (x / 1e3).toFixed(x >= 1e5 ? 0 : 1) + " k";
  if (x >= 100 || Number.isInteger(x)) return sign + Math.round(x).toLocaleString("en");
  return sign + x.toFixed(x >= 10 ? 1 : 2);
}

/** A value of a signal in its unit: bytes for *_bytes, a count otherwise. */
export function value(signal, v) {
  return unitOf(signal) === "bytes" ? bytes(v) : count(v);
}

export function unitOf(signal) {
  return signal && signal.endsWith("_bytes") ? "bytes" : "count";
}

/** A growth per hour with its sign: "+12.3 MiB/h". */
export function growth(signal, perHour) {
  if (perHour === null || perHour === undefined || !Number.isFinite(perHour)) {
    return "—";
  }
  const s = value(signal, Math.abs(perHour));
  return (perHour > 0 ? "+" : perHour < 0 ? "−" : "±") + s + "/h";
}

/** A duration in seconds, two units at most: "9 h 12 min". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) {
    return "—";
  }
  let s = Math.max(0, Math.round(seconds));
  const units = [
    ["d", 86400],
    ["h", 3600],
    ["min", 60],
    ["s", 1],
  ];
  const parts = [];
  for (const [name, size] of units) {
    if (s >= size || (parts.length === 0 && size === 1)) {
      const n = Math.floor(s / size);
      s -= n * size;
      parts.push(n + " " + name);
      if (parts.length === 2) break;
    } else if (parts.length > 0) {
      break;
    }
  }
  return parts.join(" ");
}

/** "12 s ago", "3 min ago", or a date for old times. Accepts ms or an ISO string. */
export function ago(t, now = Date.now()) {
  if (t === null || t === undefined) {
    return "never";
  }
  const ms = typeof t === "string" ? Date.parse(t) : t;
  const s = Math.round((now - ms) / 1000);
  if (s < 0) return "just now";
  if (s < 60) return s + " s ago";
  if (s < 3600) return Math.floor(s / 60) + " min ago";
  if (s < 86400) return Math.floor(s / 3600) + " h ago";
  return dateTime(ms);
}

export function dateTime(t) {
  if (t === null || t === undefined) {
    return "—";
  }
  const d = new Date(typeof t === "string" ? Date.parse(t) : t);
  const pad = (n) => String(n).padStart(2, "0");
  return (
    d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " +
    pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds())
  );
}

export function percent(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) {
    return "—";
  }
  return (x * 100).toFixed(x >= 0.1 ? 0 : 1) + "%";
}

/** The last path element of a Go function: "shop.(*SessionStore).Remember". */
export function shortFunction(fn) {
  if (!fn) return "";
  const slash = fn.lastIndexOf("/");
  return slash >= 0 ? fn.slice(slash + 1) : fn;
}

export function shortFile(file) {
  if (!file) return "";
  const parts = file.split("/");
  return parts.slice(-2).join("/");
}
