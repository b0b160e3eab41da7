// The inbox list: one folder's chats by last activity, newest first, with infinite scroll and live updates. A live
// event of a chat refreshes that chat's row from the query API (read-your-writes on the event's sequence), so the
// row — state, assignee, unread count — is always the read model's, never a guess of the browser.
import { h, replace, formatAgo, formatFull } from "/shared/dom.js";
import { avatar } from "./ui.js";

export const FOLDERS = [
  { id: "mine", label: "Assigned to me", countKey: "mine", empty: "Nothing assigned to you. Nice work!" },
  { id: "unassigned", label: "Unassigned", countKey: "unassigned", empty: "No chat is waiting for an agent." },
  { id: "open", label: "All open", countKey: "open", empty: "No open chats." },
  { id: "snoozed", label: "Snoozed", countKey: "snoozed", empty: "No snoozed chats." },
  { id: "closed", label: "Closed", countKey: "closed", empty: "No closed chats yet." },
];

const PAGE = 30;

/** Whether a chat row belongs in a folder (the query side's folder rule, for rows that changed live). */
export function inFolder(row, folder, me) {
  switch (folder) {
    case "mine": return row.state === "open" && row.assigneeId === me;
    case "unassigned": return row.state === "open" && !row.assigneeId;
    case "open": return row.state === "open";
    case "snoozed": return row.state === "snoozed";
    case "closed": return row.state === "closed";
    default: return true;
  }
}

const byActivity = (a, b) => (b.lastActivityAt || "").localeCompare(a.lastActivityAt || "")
  || b.chatId.localeCompare(a.chatId);

export class Inbox {
  constructor(workspace, pane) {
    this.ws = workspace;
    this.api = workspace.api;
    this.pane = pane;
    this.folder = null;
    this.rows = new Map();
    this.nextCursor = null;
    this.loading = false;
    this.generation = 0;
    this.refreshing = new Map(); // chatId → highest sequence waiting to be fetched
    this.title = h("h2", { id: "list-title" });
    this.sub = h("div", { class: "sub" });
    this.list = h("ul", { class: "chat-list", "aria-labelledby": "list-title", on: { scroll: () => this.maybeLoadMore() } });
    this.footer = h("li", { class: "list-more", "aria-live": "polite" });
    replace(pane, h("header", { class: "list-header" }, this.title, this.sub), this.list);
    setInterval(() => this.render(), 60_000); // "5 min ago" stays true
  }

  show(folder, selected) {
    this.selected = selected;
    if (folder !== this.folder) {
      this.folder = folder;
      this.reload();
    } else {
      this.render();
    }
  }

  /** The folder's first page again (after switching folder or reconnecting). */
  async reload() {
    const generation = ++this.generation;
    this.loading = true;
    this.render();
    try {
      const page = await this.api.query(`/v1/inbox?folder=${this.folder}&limit=${PAGE}`);
      if (generation !== this.generation) return;
      this.rows = new Map(page.chats.map((row) => [row.chatId, row]));
      this.nextCursor = page.nextCursor;
    } catch (e) {
      if (generation === this.generation) this.error = e.message;
    } finally {
      if (generation === this.generation) {
        this.loading = false;
        this.render();
      }
    }
  }

  async maybeLoadMore() {
    const { scrollTop, scrollHeight, clientHeight } = this.list;
    if (this.loading || !this.nextCursor || scrollTop + clientHeight < scrollHeight - 120) return;
    const generation = this.generation;
    this.loading = true;
    this.render();
    try {
      const page = await this.api.query(`/v1/inbox?folder=${this.folder}&limit=${PAGE}&cursor=${encodeURIComponent(this.nextCursor)}`);
      if (generation !== this.generation) return;
      for (const row of page.chats) if (!this.rows.has(row.chatId)) this.rows.set(row.chatId, row);
      this.nextCursor = page.nextCursor;
    } finally {
      if (generation === this.generation) {
        this.loading = false;
        this.render();
      }
    }
  }

  row(chatId) {
    return this.rows.get(chatId);
  }

  /** A stream event of some chat: refresh its row once the read model has applied it (coalesced per chat). */
  onEvent(event) {
    const chatId = event.chatId;
    const waiting = this.refreshing.get(chatId);
    if (waiting !== undefined) {
      this.refreshing.set(chatId, Math.max(waiting, event.sequence));
      return;
    }
    this.refreshing.set(chatId, event.sequence);
    this.refreshRow(chatId);
  }

  async refreshRow(chatId) {
    let fetched = 0;
    try {
      while (this.refreshing.get(chatId) > fetched) {
        const target = this.refreshing.get(chatId);
        const row = await this.api.query(`/v1/chats/${encodeURIComponent(chatId)}?awaitSequence=${target}&awaitMillis=3000`);
        fetched = target;
        this.upsert(row);
      }
    } catch {
      // the row stays as it was; the next event or a reload brings it up to date
    } finally {
      this.refreshing.delete(chatId);
    }
  }

  /** Puts a fresh row where it belongs (or out of the folder), and tells the open chat. */
  upsert(row) {
    const known = this.rows.get(row.chatId);
    if (known && known.lastSequence > row.lastSequence) return;
    if (inFolder(row, this.folder, this.api.agentId)) this.rows.set(row.chatId, row);
    else this.rows.delete(row.chatId);
    this.ws.chat.updateRow(row);
    this.render();
  }

  render() {
    const folder = FOLDERS.find((f) => f.id === this.folder) || FOLDERS[0];
    this.title.textContent = folder.label;
    const rows = [...this.rows.values()].sort(byActivity);
    const unread = rows.filter((r) => r.agentUnreadCount > 0).length;
    this.sub.textContent = this.loading && rows.length === 0 ? "Loading…"
      : `${rows.length}${this.nextCursor ? "+" : ""} chat${rows.length === 1 ? "" : "s"}${unread ? ` · ${unread} unread` : ""}`;
    this.ws.updateTitle(unread);
    const items = rows.map((row) => this.renderRow(row));
    if (rows.length === 0 && !this.loading) {
      items.push(h("li", { class: "list-empty", text: this.error ? `Could not load: ${this.error}` : folder.empty }));
    } else if (this.loading || this.nextCursor) {
      this.footer.textContent = this.loading ? "Loading…" : "Scroll for more";
      items.push(this.footer);
    }
    const scroll = this.list.scrollTop;
    replace(this.list, items);
    this.list.scrollTop = scroll;
  }

  renderRow(row) {
    const dir = this.ws.directory;
    const name = dir.userName(row.userId);
    const last = row.lastMessage;
    let preview = "No messages yet";
    if (last) {
      const who = last.authorKind === "agent" ? "Agent: " : last.authorKind === "bot" ? "Bot: " : "";
      preview = last.deleted ? "Message deleted"
        : who + (last.text || (last.attachments ? `📎 ${last.attachments} attachment${last.attachments > 1 ? "s" : ""}` : ""));
    }
    const unread = row.agentUnreadCount;
    const selected = row.chatId === this.selected;
    const assignee = row.assigneeId ? dir.agentName(row.assigneeId) : null;
    const meta = h("span", { class: "row-meta" },
      row.priority && row.priority !== "normal" ? h("span", { class: ["prio", row.priority], text: row.priority }) : null,
      this.folder === "open" || this.folder === "mine" || this.folder === "unassigned" ? null
        : h("span", { class: ["pill", `state-${row.state}`], text: row.state }),
      unread > 0 ? h("span", { class: "badge", "aria-label": `${unread} unread`, text: unread > 99 ? "99+" : unread }) : null);
    return h("li", {
      class: ["chat-row", unread > 0 && "unread"], "aria-current": selected ? "true" : null,
      dataset: { chatId: row.chatId, state: row.state },
    }, h("button", {
      type: "button", on: { click: () => this.ws.openChat(row.chatId) },
      "aria-label": `${name}${unread ? `, ${unread} unread` : ""}: ${preview}`,
    },
    avatar(name, { presence: dir.userOnline(row.userId) ? "online" : null }),
    h("span", { class: "row-name", text: name }),
    h("time", { class: "row-time", datetime: row.lastActivityAt, title: formatFull(row.lastActivityAt), text: formatAgo(row.lastActivityAt) }),
    h("span", { class: "row-preview", text: assignee && this.folder !== "mine" ? `${preview}` : preview }),
    meta));
  }
}
