// Small DOM and formatting helpers shared by the agent console and the chat widget (ES module, no dependencies).
// Every piece of user content goes through text nodes or attributes set one by one: never innerHTML.

/**
 * Creates an element. `props`: `class`, `text`, `on: {event: handler}`, `dataset: {...}`, `style` is not
 * supported (use classes); anything else is set as an attribute (`false`/`null`/`undefined` leave it out,
 * `true` sets it empty). Children: nodes, strings (as text), arrays, and null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.className = Array.isArray(value) ? value.filter(Boolean).join(" ") : value;
    else if (key === "text") el.textContent = String(value);
    else if (key === "on") for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "value") el.value = value;
    else if (key === "checked" || key === "selected" || key === "disabled") el[key] = Boolean(value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const sameDay = (a, b) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth()
  && a.getDate() === b.getDate();

/** "14:05" today, "Mon 14:05" within a week, "12 Mar 14:05" this year, "12 Mar 2025" before. */
export function formatTime(iso, now = new Date()) {
  if (!iso) return "";
  const t = new Date(iso);
  const time = t.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  if (sameDay(t, now)) return time;
  if (now - t < 6 * 86400_000 && now > t) return `${t.toLocaleDateString([], { weekday: "short" })} ${time}`;
  if (t.getFullYear() === now.getFullYear()) return `${t.toLocaleDateString([], { day: "numeric", month: "short" })} ${time}`;
  return t.toLocaleDateString([], { day: "numeric", month: "short", year: "numeric" });
}

/** A full, unambiguous date and time for tooltips and `datetime` attributes' titles. */
export function formatFull(iso) {
  return iso ? new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "short" }) : "";
}

/** "just now", "5 min", "3 h", "2 d". */
export function formatAgo(iso, now = Date.now()) {
  if (!iso) return "";
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (s < 45) return "just now";
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86400) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}

/** A <time> element showing `formatTime`, with the full date as tooltip. */
export function timeEl(iso, format = formatTime) {
  return h("time", { datetime: iso, title: formatFull(iso), text: format(iso) });
}

/** A random client message id: the idempotency key of one send, reused by its retries. */
export function clientMessageId() {
  return "cm-" + (crypto.randomUUID ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join(""));
}

/** Initials for an avatar: "Alice Martin" → "AM". */
export function initials(name) {
  const words = String(name || "?").trim().split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] || "?") + (words.length > 1 ? words[words.length - 1][0] : "")).toUpperCase();
}

/** A stable hue (0-359) for a string, for avatar colours. */
export function hue(text) {
  let hash = 0;
  for (const ch of String(text)) hash = (hash * 31 + ch.codePointAt(0)) | 0;
  return Math.abs(hash) % 360;
}
