// Reports: live queue figures and charts of the analytics API (GET /v1/analytics/metrics and /live, query side).
// Charts are plain SVG. When the deployment has no analytics (404) the page says so instead of failing.
import { h, replace, formatFull } from "/shared/dom.js";
import { ApiError } from "./api.js";

const NS = "http://www.w3.org/2000/svg";
const RANGES = [
  { id: "24h", label: "Last 24 hours", window: "hour", hours: 24 },
  { id: "7d", label: "Last 7 days", window: "day", hours: 7 * 24 },
  { id: "30d", label: "Last 30 days", window: "day", hours: 30 * 24 },
];
const COLORS = { a: "#4f46e5", b: "#10b981", c: "#f59e0b", d: "#ef4444" };

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const child of children.flat()) if (child) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

/** Every bucket of the range, the API's (which omits empty ones) or zeros. */
export function fillBuckets(buckets, from, to, window) {
  const step = window === "hour" ? 3600_000 : 86400_000;
  const byStart = new Map(buckets.map((b) => [new Date(b.start).getTime(), b]));
  const out = [];
  for (let t = from.getTime(); t < to.getTime(); t += step) {
    out.push(byStart.get(t) || { start: new Date(t).toISOString(), chatsOpened: 0, chatsClosed: 0, messagesIn: 0, messagesOut: 0 });
  }
  return out;
}

/** The exact mean over many buckets, from each bucket's mean and count. */
export function overallMean(buckets, stat) {
  let count = 0;
  let sum = 0;
  for (const b of buckets) {
    const s = b[stat];
    if (s && s.count > 0 && s.meanSeconds !== null && s.meanSeconds !== undefined) {
      count += s.count;
      sum += s.meanSeconds * s.count;
    }
  }
  return count ? sum / count : null;
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return "—";
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${(seconds / 60).toFixed(seconds < 600 ? 1 : 0)} min`;
  if (seconds < 86400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

export class Analytics {
  constructor(workspace, pane) {
    this.ws = workspace;
    this.api = workspace.api;
    this.pane = pane;
    this.range = RANGES[0];
    this.scope = "organization";
    this.businessHours = false;
  }

  show() {
    this.visible = true;
    this.load();
    clearInterval(this.timer);
    this.timer = setInterval(() => this.visible && this.load(), 30_000);
  }

  hide() {
    this.visible = false;
    clearInterval(this.timer);
  }

  async load() {
    const to = new Date();
    to.setMinutes(0, 0, 0);
    if (this.range.window === "day") to.setUTCHours(0, 0, 0, 0);
    to.setTime(to.getTime() + (this.range.window === "hour" ? 3600_000 : 86400_000));
    const from = new Date(to.getTime() - this.range.hours * 3600_000);
    const scope = this.scope === "organization" ? "scope=organization" : `scope=agent&id=${encodeURIComponent(this.scope)}`;
    const query = `/v1/analytics/metrics?${scope}&window=${this.range.window}&from=${from.toISOString()}&to=${to.toISOString()}&businessHours=${this.businessHours}`;
    let metrics = null;
    let live = null;
    let error = null;
    try {
      [metrics, live] = await Promise.all([this.api.optionalQuery(query), this.api.optionalQuery("/v1/analytics/live")]);
    } catch (e) {
      error = e instanceof ApiError ? e.describe() : e.message;
    }
    if (!this.visible) return;
    this.render(metrics, live, from, to, error);
  }

  toolbar() {
    const range = h("select", { class: "input", id: "range", on: { change: (e) => { this.range = RANGES.find((r) => r.id === e.target.value); this.load(); } } },
      RANGES.map((r) => h("option", { value: r.id, selected: r === this.range, text: r.label })));
    const scope = h("select", { class: "input", id: "scope", on: { change: (e) => { this.scope = e.target.value; this.load(); } } },
      h("option", { value: "organization", text: "Whole organization", selected: this.scope === "organization" }),
      this.ws.directory.activeAgents().map((a) => h("option", { value: a.agentId, selected: this.scope === a.agentId, text: a.name || a.login })));
    const hours = h("input", { type: "checkbox", id: "business-hours", checked: this.businessHours, on: { change: (e) => { this.businessHours = e.target.checked; this.load(); } } });
    return h("div", { class: "toolbar" },
      h("label", { for: "range", class: "sr-only", text: "Period" }), range,
      h("label", { for: "scope", class: "sr-only", text: "Scope" }), scope,
      h("label", {}, hours, " Business hours only"));
  }

  render(metrics, live, from, to, error) {
    const dir = this.ws.directory;
    const online = dir.activeAgents().filter((a) => a.presence === "online").length;
    const header = [h("h2", { text: "Analytics" }), h("div", { class: "sub", text: `${formatFull(from.toISOString())} – ${formatFull(to.toISOString())}` }), this.toolbar()];
    const liveCards = h("div", { class: "cards", "aria-label": "Right now" },
      card("Unassigned now", live ? live.unassigned : (this.ws.counts?.unassigned ?? "—"), "open chats without an agent"),
      card("Waiting for a reply", live ? live.waiting : "—", "customers waiting for a human"),
      card("Agents online", `${online}/${dir.activeAgents().length}`, "active agents"));
    if (error) {
      replace(this.pane, header, liveCards, h("div", { class: "empty-state", role: "status" }, h("strong", { text: "Could not load the reports" }), error));
      return;
    }
    if (!metrics) {
      replace(this.pane, header, liveCards, h("div", { class: "empty-state", role: "status" },
        h("strong", { text: "No analytics yet" }),
        "This deployment does not serve reports yet. Conversations are still recorded: every figure is computed from the event log once analytics are enabled."));
      return;
    }
    const buckets = fillBuckets(metrics.buckets || [], from, to, this.range.window);
    const sum = (key) => buckets.reduce((s, b) => s + (b[key] || 0), 0);
    const label = (b) => {
      const d = new Date(b.start);
      return this.range.window === "hour" ? `${String(d.getHours()).padStart(2, "0")}h` : `${d.getDate()}/${d.getMonth() + 1}`;
    };
    const totals = h("div", { class: "cards", "aria-label": "Totals for the period" },
      card("Chats opened", sum("chatsOpened")), card("Chats closed", sum("chatsClosed")),
      card("Messages in / out", `${sum("messagesIn")} / ${sum("messagesOut")}`),
      card("Avg first response", duration(overallMean(buckets, "firstResponseTime"))),
      card("Avg reply time", duration(overallMean(buckets, "replyTime"))),
      card("Avg resolution", duration(overallMean(buckets, "resolutionTime"))));
    const seconds = (stat, key) => buckets.map((b) => (b[stat] && b[stat][key] !== null && b[stat][key] !== undefined ? b[stat][key] / 60 : null));
    const loads = live?.agents?.length ? h("div", { class: "chart" }, h("h3", { text: "Current load per agent" }),
      h("ul", { class: "loads" }, live.agents.map((a) => {
        const agent = dir.agents.get(a.agentId);
        const capacity = agent?.capacity || Math.max(a.load, 1);
        const bar = h("span", {});
        bar.style.width = `${Math.min(100, (a.load / capacity) * 100)}%`;
        return h("li", {}, h("span", { text: dir.agentName(a.agentId) }), h("span", { class: "bar", role: "img", "aria-label": `${a.load} of ${capacity}` }, bar), h("span", { text: `${a.load}/${capacity}` }));
      }))) : null;
    replace(this.pane, header, liveCards, totals, h("div", { class: "charts" },
      chart("Conversations", buckets.map(label), [
        { name: "Opened", color: COLORS.a, values: buckets.map((b) => b.chatsOpened || 0) },
        { name: "Closed", color: COLORS.b, values: buckets.map((b) => b.chatsClosed || 0) }], "bars"),
      chart("Messages", buckets.map(label), [
        { name: "From customers", color: COLORS.a, values: buckets.map((b) => b.messagesIn || 0) },
        { name: "From agents", color: COLORS.b, values: buckets.map((b) => b.messagesOut || 0) }], "lines"),
      chart("First response time (minutes)", buckets.map(label), [
        { name: "Median", color: COLORS.a, values: seconds("firstResponseTime", "medianSeconds") },
        { name: "p90", color: COLORS.c, values: seconds("firstResponseTime", "p90Seconds") }], "lines"),
      chart("Resolution time (minutes)", buckets.map(label), [
        { name: "Median", color: COLORS.b, values: seconds("resolutionTime", "medianSeconds") },
        { name: "p90", color: COLORS.d, values: seconds("resolutionTime", "p90Seconds") }], "lines"),
      loads));
  }
}

function card(label, value, hint) {
  return h("div", { class: "card" }, h("div", { class: "label", text: label }), h("div", { class: "value", text: value }),
    hint ? h("div", { class: "hint", text: hint }) : null);
}

/** A bar or line chart of several series over the same labels; null values leave a gap in a line. */
export function chart(title, labels, series, kind) {
  const W = 600;
  const H = 220;
  const pad = { l: 40, r: 10, t: 10, b: 24 };
  const max = Math.max(1, ...series.flatMap((s) => s.values.filter((v) => v !== null)));
  const nice = niceMax(max);
  const x0 = pad.l;
  const plotW = W - pad.l - pad.r;
  const plotH = H - pad.t - pad.b;
  const y = (v) => pad.t + plotH - (v / nice) * plotH;
  const slot = plotW / Math.max(1, labels.length);
  const parts = [];
  for (let i = 0; i <= 4; i++) {
    const v = (nice / 4) * i;
    parts.push(svg("line", { class: "axis", x1: x0, x2: W - pad.r, y1: y(v), y2: y(v) }),
      svg("text", { class: "tick", x: x0 - 6, y: y(v) + 3, "text-anchor": "end" }, Number.isInteger(v) ? v : v.toFixed(1)));
  }
  const every = Math.ceil(labels.length / 12);
  labels.forEach((label, i) => {
    if (i % every === 0) parts.push(svg("text", { class: "tick", x: x0 + slot * i + slot / 2, y: H - 6, "text-anchor": "middle" }, label));
  });
  if (kind === "bars") {
    const bw = (slot * 0.75) / series.length;
    series.forEach((s, si) => s.values.forEach((v, i) => {
      if (!v) return;
      parts.push(svg("rect", { x: x0 + slot * i + slot * 0.125 + bw * si, y: y(v), width: Math.max(1, bw - 1), height: y(0) - y(v), rx: 2, fill: s.color },
        svg("title", {}, `${labels[i]} · ${s.name}: ${v}`)));
    }));
  } else {
    for (const s of series) {
      let d = "";
      s.values.forEach((v, i) => {
        if (v === null) return;
        const px = x0 + slot * i + slot / 2;
        d += `${d && s.values[i - 1] !== null ? "L" : "M"}${px.toFixed(1)},${y(v).toFixed(1)}`;
        parts.push(svg("circle", { cx: px, cy: y(v), r: 2.5, fill: s.color }, svg("title", {}, `${labels[i]} · ${s.name}: ${Number(v).toFixed(1)}`)));
      });
      if (d) parts.unshift(svg("path", { d, fill: "none", stroke: s.color, "stroke-width": 2 }));
    }
  }
  const summary = series.map((s) => `${s.name}: ${s.values.filter((v) => v !== null).reduce((a, b) => a + b, 0).toFixed(0)} in total`).join(", ");
  return h("figure", { class: "chart" }, h("h3", { text: title }),
    svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `${title}. ${summary}`, preserveAspectRatio: "none" }, parts),
    h("figcaption", { class: "legend" }, series.map((s) => {
      const item = h("span", { text: s.name });
      item.style.setProperty("--c", s.color);
      return item;
    })));
}

function niceMax(max) {
  const exp = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * exp >= max) return m * exp;
  return 10 * exp;
}
