// One conversation: header with the chat's state and every action on it, the history (infinite scroll upwards),
// live messages in sequence order without gaps or duplicates, read receipts, typing, and the composer for replies
// and internal notes. Sends are idempotent: a retry reuses the message's clientMessageId.
import { h, replace, formatTime, formatFull, formatAgo, clientMessageId } from "/shared/dom.js";
import { ChatStream, applyMessageChange, messageOf } from "/shared/chat-stream.js";
import { attempt, avatar, toast } from "./ui.js";

const HISTORY_PAGE = 40;
const TAG = /^[a-z0-9][a-z0-9-]{0,31}$/;
const TYPING_REFRESH_MS = 2500;
const TYPING_IDLE_MS = 3000;

export class ChatView {
  constructor(workspace, pane) {
    this.ws = workspace;
    this.api = workspace.api;
    this.live = workspace.live;
    this.pane = pane;
    this.chatId = null;
    this.mode = "reply";
    this.drafts = new Map();
    this.typingTimers = new Map();
    this.renderEmpty();
    document.addEventListener("visibilitychange", () => this.markRead());
    window.addEventListener("focus", () => this.markRead());
  }

  renderEmpty() {
    replace(this.pane, h("div", { class: "chat-empty" }, h("div", { class: "brand-mark", "aria-hidden": "true", text: "⚡" }),
      h("p", { text: "Select a chat to start answering." })));
  }

  /** Shows a chat (null: none). Loads its row and latest messages, then joins it on the edge from there. */
  async open(chatId) {
    if (chatId === this.chatId) return;
    this.saveDraft();
    this.stopTyping();
    this.stream?.leave();
    this.chatId = chatId;
    this.row = null;
    this.messages = new Map();
    this.pending = new Map();
    this.stream = null;
    this.early = [];
    this.typingBy = new Map();
    this.hasOlder = false;
    this.loadingOlder = false;
    this.snoozeOpen = false;
    if (!chatId) {
      this.renderEmpty();
      return;
    }
    this.buildLayout();
    try {
      const row = await this.api.query(`/v1/chats/${encodeURIComponent(chatId)}`);
      if (chatId !== this.chatId) return;
      this.row = row;
      const page = await this.api.query(`/v1/chats/${encodeURIComponent(chatId)}/messages?before=${row.lastSequence + 1}&limit=${HISTORY_PAGE}&awaitSequence=${row.lastSequence}`);
      if (chatId !== this.chatId) return;
      for (const m of page.messages) this.messages.set(m.messageId, m);
      this.hasOlder = page.messages.length === HISTORY_PAGE;
      this.stream = new ChatStream({
        chatId, sequence: row.lastSequence,
        request: (name, payload) => this.live.request(name, payload),
        readAfter: (after, until) => this.api.query(`/v1/chats/${encodeURIComponent(chatId)}/messages?after=${after}&limit=200&awaitSequence=${until}`),
        apply: (event) => this.apply(event),
        applyMessage: (message) => { this.addMessage(message); this.renderMessages(); },
      });
      for (const event of this.early) this.stream.offer(event);
      this.early = [];
      this.renderHeader();
      this.renderMessages({ toBottom: true });
      this.resume();
      this.markRead();
      this.textarea.focus();
    } catch (e) {
      if (chatId !== this.chatId) return;
      replace(this.pane, h("div", { class: "chat-empty" }, h("p", { text: e.status === 404 ? "This chat does not exist." : `Could not load the chat: ${e.message}` })));
      this.chatId = null;
    }
  }

  /** (Re)joins the open chat on the edge from the last sequence seen: the edge sends what was missed, in order. */
  resume() {
    this.stream?.resume();
  }

  /** Every live event; stream events of the open chat go through the sequence cursor. */
  onEvent(event) {
    if (event.chatId !== this.chatId) return;
    if (event.type === "typing") {
      this.onTyping(event);
      return;
    }
    if (!this.stream) this.early.push(event);
    else this.stream.offer(event);
  }

  apply(event) {
    if (applyMessageChange(this.messages, event)) {
      this.renderMessages();
      return;
    }
    switch (event.type) {
      case "message.posted": {
        const message = messageOf(event);
        this.addMessage(message);
        this.typingBy.delete(`${message.author.kind}:${message.author.id}`);
        this.renderTyping();
        if (message.author.kind === "user") this.markRead();
        break;
      }
      case "chat.read-by-user":
        if (this.row) this.row.userReadUpTo = Math.max(this.row.userReadUpTo || 0, event.data.upTo);
        break;
      default:
        return; // the row refresh (inbox) brings state, assignee, tags and priority
    }
    this.renderMessages();
  }

  addMessage(message) {
    if (message.clientMessageId) this.pending.delete(message.clientMessageId);
    this.messages.set(message.messageId, message);
  }

  /** A fresher inbox row of some chat (from the inbox's refresh). */
  updateRow(row) {
    if (row.chatId !== this.chatId || !this.row || row.lastSequence < this.row.lastSequence) return;
    const readMark = Math.max(this.row.userReadUpTo || 0, row.userReadUpTo || 0);
    this.row = { ...row, userReadUpTo: readMark };
    this.renderHeader();
    this.renderMessages();
  }

  // ---------- layout ----------

  buildLayout() {
    this.header = h("header", { class: "chat-header" });
    this.historyEl = h("div", {
      class: "messages", role: "log", "aria-live": "polite", "aria-label": "Messages", tabindex: "0",
      on: { scroll: () => this.maybeLoadOlder() },
    }, h("div", { class: "history-edge", text: "Loading…" }));
    this.typingEl = h("div", { class: "typing", "aria-live": "polite" });
    this.closedBanner = h("div", { class: "closed-banner", hidden: true });
    this.textarea = h("textarea", {
      id: "composer-text", rows: "2", placeholder: "Write a reply…", "aria-describedby": "composer-hint",
      on: { keydown: (e) => this.onKey(e), input: () => this.onInput() },
    });
    this.textarea.value = this.drafts.get(this.chatId) || "";
    this.sendButton = h("button", { class: "btn primary", type: "submit", text: "Send" });
    this.tabs = ["reply", "note"].map((mode) => h("button", {
      type: "button", role: "tab", "aria-selected": String(mode === this.mode), dataset: { mode },
      text: mode === "reply" ? "Reply" : "Internal note", on: { click: () => this.setMode(mode) },
    }));
    this.composer = h("form", { class: "composer", "aria-label": "Write a message", on: { submit: (e) => { e.preventDefault(); this.send(); } } },
      h("div", { class: "composer-tabs", role: "tablist", "aria-label": "Message kind" }, this.tabs),
      h("div", { class: "composer-row" }, h("label", { class: "sr-only", for: "composer-text", text: "Message" }),
        this.textarea, this.sendButton),
      h("div", { class: "composer-hint", id: "composer-hint", text: "Enter to send · Shift+Enter for a new line" }));
    replace(this.pane, this.header, this.historyEl, this.typingEl, this.closedBanner, this.composer);
    this.setMode(this.mode);
  }

  setMode(mode) {
    this.mode = mode;
    for (const tab of this.tabs) tab.setAttribute("aria-selected", String(tab.dataset.mode === mode));
    this.composer.classList.toggle("note-mode", mode === "note");
    this.textarea.placeholder = mode === "note" ? "Write an internal note (only agents see it)…" : "Write a reply…";
    this.sendButton.textContent = mode === "note" ? "Add note" : "Send";
    if (mode === "note") this.stopTyping();
  }

  renderHeader() {
    if (!this.row || !this.header) return;
    const row = this.row;
    const dir = this.ws.directory;
    const name = dir.userName(row.userId);
    const user = dir.user(row.userId);
    const online = dir.userOnline(row.userId);
    const chatId = row.chatId;
    const busy = (action, what) => attempt(action, what);

    const assignee = h("select", {
      class: "input", id: "assignee", "aria-label": "Assignee",
      on: {
        change: (e) => {
          const agentId = e.target.value;
          busy(() => agentId ? this.api.command("PUT", `/v1/chats/${chatId}/assignment`, { agentId })
            : this.api.command("DELETE", `/v1/chats/${chatId}/assignment`), "Assign");
        },
      },
    }, h("option", { value: "", text: "Unassigned", selected: !row.assigneeId }),
    dir.activeAgents().map((a) => h("option", {
      value: a.agentId, selected: a.agentId === row.assigneeId,
      text: `${a.agentId === this.api.agentId ? "Me — " : ""}${a.name || a.login} (${a.presence}, ${a.load}/${a.capacity})`,
    })));
    if (row.assigneeId && !dir.agents.has(row.assigneeId)) {
      assignee.append(h("option", { value: row.assigneeId, selected: true, text: dir.agentName(row.assigneeId) }));
    }
    const priority = h("select", {
      class: "input", id: "priority", "aria-label": "Priority",
      on: { change: (e) => busy(() => this.api.command("PUT", `/v1/chats/${chatId}/priority`, { priority: e.target.value }), "Priority") },
    }, ["low", "normal", "high", "urgent"].map((p) => h("option", { value: p, selected: p === row.priority, text: p[0].toUpperCase() + p.slice(1) })));

    const actions = [];
    if (row.state !== "closed" && !row.assigneeId) {
      actions.push(h("button", { class: "btn", type: "button", text: "Assign to me", on: { click: () => busy(() => this.api.command("PUT", `/v1/chats/${chatId}/assignment`, { agentId: this.api.agentId }), "Assign") } }));
      actions.push(h("button", { class: "btn", type: "button", text: "Auto-assign", title: "Queue for the next free agent", on: { click: () => busy(() => this.api.command("POST", `/v1/chats/${chatId}/auto-assignment`, {}), "Auto-assign").then((r) => r && toast("Queued for the next free agent")) } }));
    }
    if (row.state === "open") actions.push(this.snoozeMenu(chatId));
    if (row.state === "closed") {
      actions.push(h("button", { class: "btn", type: "button", text: "Reopen", on: { click: () => busy(() => this.api.command("POST", `/v1/chats/${chatId}/reopen`), "Reopen") } }));
    } else {
      if (row.state === "snoozed") actions.push(h("button", { class: "btn", type: "button", text: "Unsnooze", on: { click: () => busy(() => this.api.command("POST", `/v1/chats/${chatId}/reopen`), "Reopen") } }));
      actions.push(h("button", { class: "btn primary", type: "button", text: "Close", on: { click: () => busy(() => this.api.command("POST", `/v1/chats/${chatId}/close`), "Close") } }));
    }

    const details = [
      h("span", { class: ["pill", `state-${row.state}`], text: row.state === "snoozed" && row.snoozedUntil ? `snoozed until ${formatTime(row.snoozedUntil)}` : row.state }),
      user?.email ? h("span", { text: user.email }) : null,
      user?.memberId ? h("span", { text: `member ${user.memberId}` }) : null,
      h("span", { text: online ? "online now" : "offline" }),
      row.waitingSince ? h("span", { title: formatFull(row.waitingSince), text: `waiting ${formatAgo(row.waitingSince)}` }) : null,
    ];
    const tagInput = this.header.querySelector(".tag-input");
    const tagDraft = tagInput?.value || "";
    const tagFocused = tagInput !== null && tagInput === document.activeElement;
    replace(this.header,
      h("div", { class: "chat-title" }, avatar(name, { presence: online ? "online" : "offline" }),
        h("div", { class: "chat-title-text" }, h("h2", { id: "chat-title", text: name }), h("div", { class: "sub" }, details)),
        h("div", { class: "spacer" }), h("div", { class: "chat-actions" }, actions)),
      h("div", { class: "chat-actions" },
        h("label", {}, "Assignee", assignee), h("label", {}, "Priority", priority), this.tagEditor(row)));
    const newTagInput = this.header.querySelector(".tag-input");
    newTagInput.value = tagDraft;
    if (tagFocused) newTagInput.focus();
    this.closedBanner.hidden = row.state !== "closed";
    this.closedBanner.textContent = row.state === "closed" ? "This chat is closed. A reply is still delivered; the customer writing again reopens it." : "";
  }

  snoozeMenu(chatId) {
    const at = (date) => () => this.snooze(chatId, date);
    const now = new Date();
    const tomorrow9 = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0);
    const monday9 = new Date(now.getFullYear(), now.getMonth(), now.getDate() + ((8 - now.getDay()) % 7 || 7), 9, 0);
    const custom = h("input", { class: "input", type: "datetime-local", "aria-label": "Snooze until" });
    // the header is re-rendered on every change of the chat: an open menu stays open
    const list = h("ul", { class: "menu-list", role: "menu", hidden: !this.snoozeOpen },
      [["1 hour", new Date(Date.now() + 3600_000)], ["4 hours", new Date(Date.now() + 4 * 3600_000)],
        ["Tomorrow 9:00", tomorrow9], ["Next Monday 9:00", monday9]]
        .map(([label, date]) => h("li", { role: "none" }, h("button", { type: "button", role: "menuitem", text: label, on: { click: at(date) } }))),
      h("li", { class: "custom", role: "none" }, custom,
        h("button", { class: "btn small", type: "button", text: "Snooze", on: { click: () => custom.value && this.snooze(chatId, new Date(custom.value)) } })));
    const toggle = h("button", {
      class: "btn", type: "button", "aria-haspopup": "menu", "aria-expanded": String(Boolean(this.snoozeOpen)),
      text: "Snooze ▾",
      on: {
        click: () => {
          this.snoozeOpen = list.hidden;
          list.hidden = !this.snoozeOpen;
          toggle.setAttribute("aria-expanded", String(this.snoozeOpen));
          if (this.snoozeOpen) list.querySelector("button")?.focus();
        },
      },
    });
    return h("div", {
      class: "menu",
      on: { keydown: (e) => { if (e.key === "Escape") { this.snoozeOpen = false; list.hidden = true; toggle.focus(); } } },
    }, toggle, list);
  }

  async snooze(chatId, date) {
    this.snoozeOpen = false;
    const done = await attempt(() => this.api.command("POST", `/v1/chats/${chatId}/snooze`, { until: date.toISOString() }), "Snooze");
    if (done) toast(`Snoozed until ${formatFull(date.toISOString())}`);
  }

  tagEditor(row) {
    const input = h("input", {
      class: "input tag-input", placeholder: "Add tag", "aria-label": "Add a tag", maxlength: "32",
      on: {
        keydown: (e) => {
          if (e.key !== "Enter") return;
          e.preventDefault();
          const tag = input.value.trim().toLowerCase();
          if (!TAG.test(tag)) {
            toast("Tags are lower-case letters, digits and dashes (up to 32)", "error");
            return;
          }
          input.value = "";
          attempt(() => this.api.command("POST", `/v1/chats/${row.chatId}/tags`, { tag }), "Tag");
        },
      },
    });
    return h("div", { class: "tags", role: "group", "aria-label": "Tags" },
      (row.tags || []).map((tag) => h("span", { class: "tag" }, tag,
        h("button", { type: "button", "aria-label": `Remove tag ${tag}`, text: "×", on: { click: () => attempt(() => this.api.command("DELETE", `/v1/chats/${row.chatId}/tags/${encodeURIComponent(tag)}`), "Untag") } }))),
      input);
  }

  // ---------- messages ----------

  renderMessages({ toBottom = false } = {}) {
    if (!this.historyEl || !this.row) return;
    const el = this.historyEl;
    const atBottom = toBottom || el.scrollHeight - el.scrollTop - el.clientHeight < 60;
    const dir = this.ws.directory;
    const all = [...this.messages.values()].sort((a, b) => a.sequence - b.sequence);
    const lastAgentPublic = [...all].reverse().find((m) => m.author.kind === "agent" && m.visibility === "public" && !m.deleted);
    const items = [h("div", { class: "history-edge", text: this.hasOlder ? (this.loadingOlder ? "Loading earlier messages…" : "Scroll up for earlier messages") : "Start of the conversation" })];
    let previous = null;
    for (const m of [...all, ...this.pending.values()]) {
      const day = new Date(m.createdAt).toDateString();
      if (!previous || new Date(previous.createdAt).toDateString() !== day) {
        items.push(h("div", { class: "day", text: new Date(m.createdAt).toLocaleDateString([], { weekday: "long", day: "numeric", month: "long" }) }));
      }
      const follow = previous && previous.author.kind === m.author.kind && previous.author.id === m.author.id
        && previous.visibility === m.visibility && new Date(m.createdAt) - new Date(previous.createdAt) < 5 * 60_000
        && new Date(previous.createdAt).toDateString() === day;
      items.push(this.renderMessage(m, dir, { follow, receipt: m === lastAgentPublic }));
      previous = m;
    }
    replace(el, items);
    if (atBottom) el.scrollTop = el.scrollHeight;
  }

  authorName(author, dir) {
    switch (author.kind) {
      case "user": return dir.userName(this.row.userId);
      case "agent": return author.id === this.api.agentId ? "You" : dir.agentName(author.id);
      case "bot": return "Bot";
      default: return "System";
    }
  }

  renderMessage(m, dir, { follow, receipt }) {
    const note = m.visibility === "internal";
    const mine = m.author.kind === "agent" && m.author.id === this.api.agentId;
    const name = this.authorName(m.author, dir);
    const status = m.status === "sending" ? h("div", { class: "msg-status", text: "Sending…" })
      : m.status === "failed" ? h("div", { class: "msg-status failed" }, "Not sent.",
        h("button", { type: "button", text: "Retry", on: { click: () => this.deliver(m) } }))
        : receipt ? h("div", { class: "msg-status", dataset: { receipt: (this.row.userReadUpTo || 0) >= m.sequence ? "seen" : "sent" } },
          (this.row.userReadUpTo || 0) >= m.sequence ? "✓✓ Seen" : "✓ Sent") : null;
    return h("article", {
      class: ["msg", m.author.kind, mine && "mine", note && "note", m.deleted && "deleted", follow && "follow", m.status && "pending"],
      dataset: { sequence: m.sequence ?? "", messageId: m.messageId ?? "" },
      "aria-label": `${note ? "Internal note" : "Message"} from ${name}`,
    }, avatar(m.author.kind === "user" ? dir.userName(this.row.userId)
      : m.author.kind === "agent" ? dir.agentName(m.author.id) : name, { small: true }),
    h("div", { class: "msg-body" },
      h("div", { class: "msg-head" }, h("strong", { text: name }), h("time", { datetime: m.createdAt, title: formatFull(m.createdAt), text: formatTime(m.createdAt) }),
        m.editedAt ? h("span", { title: formatFull(m.editedAt), text: "edited" }) : null),
      note ? h("div", { class: "note-label", text: "Internal note" }) : null,
      h("div", { class: "bubble", text: m.deleted ? "This message was deleted." : (m.text || "") }),
      m.attachments?.length ? h("div", { class: "attachments" }, m.attachments.map((a) => h("span", { text: `📎 ${a.fileName} (${Math.ceil(a.size / 1024)} KB)` }))) : null,
      status));
  }

  async maybeLoadOlder() {
    if (this.historyEl.scrollTop > 80 || !this.hasOlder || this.loadingOlder) return;
    const chatId = this.chatId;
    const first = Math.min(...[...this.messages.values()].map((m) => m.sequence));
    this.loadingOlder = true;
    try {
      const page = await this.api.query(`/v1/chats/${encodeURIComponent(chatId)}/messages?before=${first}&limit=${HISTORY_PAGE}`);
      if (chatId !== this.chatId) return;
      const el = this.historyEl;
      const fromBottom = el.scrollHeight - el.scrollTop;
      for (const m of page.messages) if (!this.messages.has(m.messageId)) this.messages.set(m.messageId, m);
      this.hasOlder = page.messages.length === HISTORY_PAGE;
      this.loadingOlder = false;
      this.renderMessages();
      el.scrollTop = el.scrollHeight - fromBottom;
    } finally {
      this.loadingOlder = false;
    }
  }

  // ---------- read marks and typing ----------

  /** The agent read everything shown, when the chat is in front of them and something is unread. */
  markRead() {
    if (!this.chatId || !this.stream || document.visibilityState !== "visible" || !document.hasFocus()) return;
    clearTimeout(this.readTimer);
    this.readTimer = setTimeout(() => {
      const lastUser = [...this.messages.values()].filter((m) => m.author.kind === "user").reduce((max, m) => Math.max(max, m.sequence), 0);
      const upTo = this.stream?.sequence || 0;
      if (!this.row || upTo <= (this.readUpTo || 0) || (this.row.agentUnreadCount === 0 && lastUser <= (this.row.agentsReadUpTo || 0))) return;
      this.readUpTo = upTo;
      this.api.command("POST", `/v1/chats/${this.chatId}/read`, { upTo }).catch(() => { this.readUpTo = 0; });
    }, 400);
  }

  onTyping(event) {
    if (event.actor?.kind === "agent" && event.actor.id === this.api.agentId) return;
    const key = `${event.actor.kind}:${event.actor.id}`;
    clearTimeout(this.typingTimers.get(key));
    if (event.typing) {
      this.typingBy.set(key, event.actor);
      this.typingTimers.set(key, setTimeout(() => { this.typingBy.delete(key); this.renderTyping(); }, 7000));
    } else {
      this.typingBy.delete(key);
    }
    this.renderTyping();
  }

  renderTyping() {
    if (!this.typingEl) return;
    const names = [...this.typingBy.values()].map((actor) => this.authorName(actor, this.ws.directory));
    this.typingEl.textContent = names.length ? `${names.join(", ")} ${names.length > 1 ? "are" : "is"} typing…` : "";
  }

  onInput() {
    this.textarea.style.height = "auto";
    this.textarea.style.height = `${Math.min(this.textarea.scrollHeight, 180)}px`;
    if (this.mode !== "reply") return; // notes are private: the customer must not see "typing"
    if (!this.textarea.value.trim()) {
      this.stopTyping();
      return;
    }
    const now = Date.now();
    if (!this.typingSentAt || now - this.typingSentAt > TYPING_REFRESH_MS) {
      this.typingSentAt = now;
      this.live.typing(this.chatId, true);
    }
    clearTimeout(this.typingIdle);
    this.typingIdle = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  stopTyping() {
    clearTimeout(this.typingIdle);
    if (this.typingSentAt && this.chatId) this.live.typing(this.chatId, false);
    this.typingSentAt = null;
  }

  saveDraft() {
    if (this.chatId && this.textarea) this.drafts.set(this.chatId, this.textarea.value);
  }

  // ---------- sending ----------

  onKey(event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.send();
    }
  }

  send() {
    const text = this.textarea.value.trim();
    if (!text || !this.chatId) return;
    if (text.length > 10_000) {
      toast("A message is at most 10,000 characters", "error");
      return;
    }
    this.stopTyping();
    const message = {
      messageId: null, sequence: null, clientMessageId: clientMessageId(), chatId: this.chatId,
      author: { kind: "agent", id: this.api.agentId }, visibility: this.mode === "note" ? "internal" : "public",
      text, attachments: [], createdAt: new Date().toISOString(), status: "sending",
    };
    this.pending.set(message.clientMessageId, message);
    this.textarea.value = "";
    this.drafts.delete(this.chatId);
    this.onInput();
    this.renderMessages({ toBottom: true });
    this.deliver(message);
  }

  /** Posts (or re-posts: same clientMessageId, so never twice) a pending message. */
  async deliver(message) {
    message.status = "sending";
    this.renderMessages();
    try {
      const body = { clientMessageId: message.clientMessageId, text: message.text };
      if (message.visibility === "internal") body.visibility = "internal";
      await this.api.command("POST", `/v1/chats/${message.chatId}/messages`, body);
      // the live event replaces it; keep it visible (not failed) until then
      message.status = null;
    } catch (e) {
      message.status = "failed";
      if (e.status && e.status < 500 && e.status !== 429) toast(`Not sent: ${e.describe ? e.describe() : e.message}`, "error");
    }
    if (this.pending.has(message.clientMessageId)) this.renderMessages();
  }
}
