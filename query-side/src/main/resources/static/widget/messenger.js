// The chat widget: boots the end user with the plugin key (anonymous, or a member with memberHash), finds their
// latest chat, follows it live on the realtime edge (gapless resume after any reconnection) and renders the
// messenger in a shadow root, so the host page's styles and ours never mix. User content is only ever set as text.
import { io } from "../vendor/socket.io-4.8.1.esm.min.js";
import { h, replace, formatTime, formatFull, clientMessageId, initials, hue } from "../shared/dom.js";
import { ChatStream, applyMessageChange, messageOf } from "../shared/chat-stream.js";

const HISTORY_PAGE = 30;
const TYPING_REFRESH_MS = 2500;
const TYPING_IDLE_MS = 3000;

class ProblemError extends Error {
  constructor(status, problem) {
    const errors = problem?.errors || [];
    super(errors.length ? errors.map((e) => `${e.field}: ${e.message}`).join("; ") : problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
  }
}

/** Called once by the loader (flc-chat.js). */
export function create({ emit, scriptUrl }) {
  return new Messenger(emit, scriptUrl);
}

class Messenger {
  constructor(emit, scriptUrl) {
    this.emit = emit;
    this.scriptUrl = scriptUrl;
    this.booted = false;
  }

  // ---------- public API ----------

  async boot(options = {}) {
    if (!options.pluginKey || typeof options.pluginKey !== "string") throw new Error("FlcChat.boot: pluginKey is required");
    if (this.booted) await this.shutdown({ keepSession: true });
    this.options = options;
    this.callbacks = {
      ready: options.onReady, open: options.onOpen, close: options.onClose, message: options.onMessage,
      unreadChange: options.onUnreadChange, connectionChange: options.onConnectionChange, error: options.onError,
    };
    const defaults = await this.fetchConfig();
    this.urls = {
      command: options.commandUrl || defaults.commandUrl,
      query: options.queryUrl || defaults.queryUrl,
      edge: options.edgeUrl || defaults.edgeUrl,
    };
    this.storageKey = `flc.chat.${options.pluginKey}`;
    const stored = this.readStorage();
    const bootBody = { veilId: stored.veilId || undefined };
    if (options.memberId) Object.assign(bootBody, { memberId: String(options.memberId), memberHash: options.memberHash });
    const session = await this.post("/v1/sdk/boot", bootBody, { auth: false });
    this.userToken = session.userToken;
    this.userId = session.userId;
    this.writeStorage({ veilId: session.veilId });
    if (options.profile) await this.updateUser(options.profile);

    this.messages = new Map();
    this.pending = new Map();
    this.agentNames = new Map();
    this.typingBy = new Map();
    this.unread = 0;
    this.isOpen = false;
    this.teamOnline = null;
    this.chat = null;
    this.stream = null;
    this.hasOlder = false;
    this.render();
    const latest = (await this.get("/v1/sdk/chats?limit=1")).chats[0];
    if (latest) await this.followChat(latest);
    this.connect();
    this.booted = true;
    this.notify("ready", { userId: this.userId });
    return { userId: this.userId };
  }

  async shutdown({ keepSession = false } = {}) {
    this.booted = false;
    this.stopTyping();
    this.stream?.leave();
    this.socket?.close();
    this.socket = null;
    this.host?.remove();
    this.host = null;
    if (!keepSession && this.storageKey) localStorage.removeItem(this.storageKey);
  }

  open() {
    this.requireBoot();
    if (this.isOpen) return;
    this.isOpen = true;
    this.panel.hidden = false;
    this.launcher.setAttribute("aria-expanded", "true");
    this.launcher.setAttribute("aria-label", "Close chat");
    this.renderMessages({ toBottom: true });
    this.textarea.focus();
    this.markRead();
    this.notify("open");
  }

  close() {
    this.requireBoot();
    if (!this.isOpen) return;
    this.isOpen = false;
    this.panel.hidden = true;
    this.stopTyping();
    this.launcher.setAttribute("aria-expanded", "false");
    this.launcher.setAttribute("aria-label", "Open chat");
    this.notify("close");
  }

  toggle() {
    return this.isOpen ? this.close() : this.open();
  }

  unreadCount() {
    return this.unread || 0;
  }

  async sendMessage(text) {
    this.requireBoot();
    const body = String(text ?? "").trim();
    if (!body) throw new Error("FlcChat.sendMessage: text is empty");
    return this.deliver(this.queue(body));
  }

  async updateUser(profile) {
    const change = {};
    for (const key of ["name", "email", "phone", "attributes"]) if (profile[key] !== undefined) change[key] = profile[key];
    await this.send("PATCH", this.urls.command + "/v1/sdk/me", change);
  }

  // ---------- HTTP ----------

  async fetchConfig() {
    const response = await fetch(new URL("../v1/sdk/client-config", this.scriptUrl));
    if (!response.ok) throw new Error(`FlcChat: configuration unavailable (${response.status})`);
    return response.json();
  }

  headers(auth = true) {
    const headers = { "X-Plugin-Key": this.options.pluginKey };
    if (auth) headers["X-User-Token"] = this.userToken;
    return headers;
  }

  post(path, body, { auth = true } = {}) {
    return this.send("POST", this.urls.command + path, body, auth);
  }

  get(path) {
    return this.send("GET", this.urls.query + path);
  }

  async send(method, url, body, auth = true) {
    const headers = this.headers(auth);
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 401 && auth && !this.rebooting) {
      // the user token expired (they last 30 days): boot again with the same visitor id and retry once
      this.rebooting = true;
      try {
        const session = await this.post("/v1/sdk/boot", {
          veilId: this.readStorage().veilId, memberId: this.options.memberId, memberHash: this.options.memberHash,
        }, { auth: false });
        this.userToken = session.userToken;
      } finally {
        this.rebooting = false;
      }
      return this.send(method, url, body, auth);
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) throw new ProblemError(response.status, json);
    return json;
  }

  readStorage() {
    try {
      return JSON.parse(localStorage.getItem(this.storageKey) || "{}");
    } catch {
      return {};
    }
  }

  writeStorage(value) {
    try {
      localStorage.setItem(this.storageKey, JSON.stringify(value));
    } catch {
      // private mode: the visitor is anonymous again on the next visit
    }
  }

  requireBoot() {
    if (!this.host) throw new Error("FlcChat: call boot({pluginKey}) first");
  }

  notify(name, payload) {
    const callback = this.callbacks?.[name];
    if (typeof callback === "function") {
      try {
        callback(payload);
      } catch (e) {
        console.error(`FlcChat ${name} callback failed`, e);
      }
    }
    this.emit(name, payload);
  }

  // ---------- the chat and its live stream ----------

  /** Makes `chat` (an SDK chat) the one shown: its latest messages, then live from its last sequence. */
  async followChat(chat, { loadHistory = true } = {}) {
    this.chat = chat;
    this.host?.setAttribute("data-chat-id", chat.chatId);
    if (loadHistory && chat.lastSequence > 0) {
      const page = await this.get(`/v1/sdk/chats/${chat.chatId}/messages?before=${chat.lastSequence + 1}&limit=${HISTORY_PAGE}&awaitSequence=${chat.lastSequence}`);
      for (const m of page.messages) this.messages.set(m.messageId, m);
      this.hasOlder = page.messages.length === HISTORY_PAGE;
    }
    this.stream = new ChatStream({
      chatId: chat.chatId, sequence: chat.lastSequence,
      request: (name, payload) => this.request(name, payload),
      readAfter: (after, until) => this.get(`/v1/sdk/chats/${chat.chatId}/messages?after=${after}&limit=200&awaitSequence=${until}`),
      apply: (event) => this.apply(event),
      applyMessage: (message) => this.addMessage(message, { live: true }),
    });
    this.setUnread(chat.unreadCount || 0);
    for (const m of this.messages.values()) this.learnAgent(m.author);
    if (chat.assigneeId) this.learnAgent({ kind: "agent", id: chat.assigneeId });
    this.renderMessages({ toBottom: true });
    if (this.socket?.connected) this.join();
  }

  connect() {
    this.socket = io(this.urls.edge + "/sdk", {
      auth: (cb) => cb({ pluginKey: this.options.pluginKey, userToken: this.userToken }),
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    let connectedOnce = false;
    this.socket.on("connect", () => {
      this.setConnection(connectedOnce ? "reconnected" : "connected");
      connectedOnce = true;
      if (this.stream) this.join();
    });
    this.socket.on("disconnect", () => this.setConnection("reconnecting"));
    this.socket.on("connect_error", () => {
      this.setConnection("reconnecting");
      // refused (not a transport failure): try again later, silently
      if (!this.socket.active) setTimeout(() => this.socket?.connect(), 3000);
    });
    this.socket.on("chat.event", (event) => this.onLiveEvent(event));
  }

  async request(name, payload) {
    if (!this.socket?.connected) return { ok: false, error: "offline" };
    try {
      return await this.socket.timeout(10_000).emitWithAck(name, payload);
    } catch {
      return { ok: false, error: "timeout" };
    }
  }

  /** Joins the current chat from its cursor; a chat the query side has not seen yet is retried a few times. */
  async join(attempt = 0) {
    const stream = this.stream;
    const ack = await stream.resume();
    if (stream !== this.stream || ack?.ok) return;
    if ((ack?.error === "not-found" || ack?.error === "unavailable") && attempt < 8) {
      setTimeout(() => this.stream === stream && this.socket?.connected && this.join(attempt + 1), 250 * 2 ** Math.min(attempt, 4));
    }
  }

  onLiveEvent(event) {
    switch (event.type) {
      case "team.availability":
        this.teamOnline = event.online;
        this.renderHeader();
        return;
      case "typing":
        if (event.chatId === this.chat?.chatId) this.onTyping(event);
        return;
      case "presence":
        return;
      default:
        if (this.stream && event.chatId === this.chat?.chatId) this.stream.offer(event);
    }
  }

  apply(event) {
    if (applyMessageChange(this.messages, event)) {
      this.renderMessages();
      return;
    }
    switch (event.type) {
      case "message.posted": {
        const message = messageOf(event);
        this.addMessage(message, { live: true });
        this.typingBy.delete(`${message.author.kind}:${message.author.id}`);
        this.renderTyping();
        return;
      }
      case "chat.read-by-agent":
        this.chat.agentsReadUpTo = Math.max(this.chat.agentsReadUpTo || 0, event.data.upTo);
        break;
      case "chat.read-by-user":
        this.chat.userReadUpTo = Math.max(this.chat.userReadUpTo || 0, event.data.upTo);
        this.recountUnread();
        break;
      case "chat.assigned":
        this.chat.assigneeId = event.data.agentId;
        this.learnAgent({ kind: "agent", id: event.data.agentId });
        break;
      case "chat.closed":
        this.chat.state = "closed";
        break;
      case "chat.reopened":
        this.chat.state = "open";
        break;
      default:
        return;
    }
    this.chat.lastSequence = Math.max(this.chat.lastSequence, event.sequence);
    this.renderHeader();
    this.renderMessages();
  }

  addMessage(message, { live = false } = {}) {
    if (this.messages.has(message.messageId)) return;
    if (message.clientMessageId) this.pending.delete(message.clientMessageId);
    this.messages.set(message.messageId, message);
    this.chat.lastSequence = Math.max(this.chat.lastSequence, message.sequence);
    this.learnAgent(message.author);
    if (live) {
      const fromTeam = message.author.kind !== "user";
      if (fromTeam && message.sequence > (this.chat.userReadUpTo || 0)) {
        if (this.isOpen && document.visibilityState === "visible") this.markRead();
        else this.setUnread(this.unread + 1);
      }
      this.notify("message", publicMessage(message));
    }
    this.renderMessages();
  }

  recountUnread() {
    const upTo = this.chat.userReadUpTo || 0;
    const count = [...this.messages.values()].filter((m) => m.author.kind !== "user" && !m.deleted && m.sequence > upTo).length;
    this.setUnread(Math.min(this.unread, count));
  }

  setUnread(count) {
    if (count === this.unread) return;
    this.unread = count;
    this.renderBadge();
    this.notify("unreadChange", count);
  }

  markRead() {
    clearTimeout(this.readTimer);
    this.readTimer = setTimeout(async () => {
      if (!this.chat || !this.stream || !this.isOpen || document.visibilityState !== "visible") return;
      const upTo = this.stream.sequence;
      if (upTo <= (this.chat.userReadUpTo || 0)) {
        this.setUnread(0);
        return;
      }
      try {
        await this.post(`/v1/sdk/chats/${this.chat.chatId}/read`, { upTo });
        this.chat.userReadUpTo = Math.max(this.chat.userReadUpTo || 0, upTo);
        this.setUnread(0);
      } catch {
        // stays unread; the next open or message tries again
      }
    }, 300);
  }

  async learnAgent(author) {
    if (author?.kind !== "agent" || this.agentNames.has(author.id)) return;
    this.agentNames.set(author.id, null);
    try {
      const agent = await this.get(`/v1/sdk/agents/${encodeURIComponent(author.id)}`);
      this.agentNames.set(author.id, agent.name);
      this.renderMessages();
      this.renderHeader();
      this.renderTyping();
    } catch {
      this.agentNames.delete(author.id);
    }
  }

  authorName(author) {
    if (author.kind === "user") return "You";
    if (author.kind === "agent") return this.agentNames.get(author.id) || "Support";
    if (author.kind === "bot") return this.options.botName || "Bot";
    return "";
  }

  // ---------- sending ----------

  queue(text) {
    const message = {
      messageId: null, sequence: null, clientMessageId: clientMessageId(), author: { kind: "user", id: this.userId },
      visibility: "public", text, attachments: [], createdAt: new Date().toISOString(), status: "sending",
    };
    this.pending.set(message.clientMessageId, message);
    this.renderMessages({ toBottom: true });
    return message;
  }

  /** Posts a pending message (a retry reuses its clientMessageId, so it is never stored twice). */
  async deliver(message) {
    message.status = "sending";
    this.renderMessages();
    try {
      if (!this.chat) {
        const opened = await this.post("/v1/sdk/chats");
        if (!this.chat) {
          await this.followChat({ chatId: opened.chatId, lastSequence: 0, state: "open", unreadCount: 0, userReadUpTo: 0, agentsReadUpTo: 0 }, { loadHistory: false });
        }
      }
      const receipt = await this.post(`/v1/sdk/chats/${this.chat.chatId}/messages`, { clientMessageId: message.clientMessageId, text: message.text });
      message.status = null;
      message.messageId = receipt.messageId;
      if (this.chat.state !== "open") this.chat.state = "open";
      this.renderMessages();
      return { messageId: receipt.messageId, chatId: this.chat.chatId, sequence: receipt.sequence };
    } catch (e) {
      message.status = "failed";
      this.renderMessages();
      this.notify("error", { action: "sendMessage", message: e.message });
      throw e;
    }
  }

  onSubmit() {
    const text = this.textarea.value.trim();
    if (!text) return;
    if (text.length > 10_000) {
      this.showNotice("A message can be at most 10,000 characters.");
      return;
    }
    this.textarea.value = "";
    this.autosize();
    this.stopTyping();
    this.deliver(this.queue(text)).catch(() => {});
  }

  onTyping(event) {
    const key = `${event.actor.kind}:${event.actor.id}`;
    clearTimeout(this.typingTimer?.[key]);
    if (event.typing) {
      this.typingBy.set(key, event.actor);
      this.typingTimer = { ...(this.typingTimer || {}), [key]: setTimeout(() => { this.typingBy.delete(key); this.renderTyping(); }, 7000) };
      this.learnAgent(event.actor);
    } else {
      this.typingBy.delete(key);
    }
    this.renderTyping();
  }

  onInput() {
    this.autosize();
    if (!this.chat || !this.socket?.connected) return;
    if (!this.textarea.value.trim()) {
      this.stopTyping();
      return;
    }
    const now = Date.now();
    if (!this.typingSentAt || now - this.typingSentAt > TYPING_REFRESH_MS) {
      this.typingSentAt = now;
      this.socket.emit("typing", { chatId: this.chat.chatId, typing: true }, () => {});
    }
    clearTimeout(this.typingIdle);
    this.typingIdle = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  stopTyping() {
    clearTimeout(this.typingIdle);
    if (this.typingSentAt && this.chat && this.socket?.connected) {
      this.socket.emit("typing", { chatId: this.chat.chatId, typing: false }, () => {});
    }
    this.typingSentAt = null;
  }

  autosize() {
    this.textarea.style.height = "auto";
    this.textarea.style.height = `${Math.min(this.textarea.scrollHeight, 120)}px`;
  }

  // ---------- rendering ----------

  render() {
    this.host = document.createElement("div");
    this.host.id = "flc-chat";
    this.host.dataset.flcChat = "";
    const shadow = this.host.attachShadow({ mode: "open" });
    const css = h("link", { rel: "stylesheet", href: new URL("flc-chat.css", this.scriptUrl).href });
    this.badge = h("span", { class: "badge", hidden: true, "aria-hidden": "true" });
    this.launcher = h("button", {
      class: "launcher", type: "button", "aria-label": "Open chat", "aria-expanded": "false", "aria-controls": "flc-panel",
      on: { click: () => this.toggle() },
    }, launcherIcon(), this.badge);
    if (this.options.hideLauncher) this.launcher.hidden = true;
    this.statusEl = h("div", { class: "status" });
    this.headerTitle = h("h2", { id: "flc-title", text: this.options.title || "Chat with us" });
    this.list = h("div", {
      class: "messages", role: "log", "aria-live": "polite", "aria-label": "Conversation", tabindex: "0",
      on: { scroll: () => this.maybeLoadOlder() },
    });
    this.typingEl = h("div", { class: "typing", "aria-live": "polite" });
    this.noticeEl = h("div", { class: "notice", role: "status", hidden: true });
    this.textarea = h("textarea", {
      id: "flc-input", rows: "1", placeholder: "Write a message…", maxlength: "10000",
      on: {
        keydown: (e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            this.onSubmit();
          }
        },
        input: () => this.onInput(),
      },
    });
    this.panel = h("section", {
      class: "panel", id: "flc-panel", role: "dialog", "aria-labelledby": "flc-title", hidden: true,
      on: { keydown: (e) => { if (e.key === "Escape") this.close(); } },
    },
    h("header", {}, h("div", { class: "header-text" }, this.headerTitle, this.statusEl),
      h("button", { class: "close", type: "button", "aria-label": "Close chat", text: "×", on: { click: () => this.close() } })),
    this.noticeEl, this.list, this.typingEl,
    h("form", { class: "composer", on: { submit: (e) => { e.preventDefault(); this.onSubmit(); } } },
      h("label", { class: "sr-only", for: "flc-input", text: "Message" }), this.textarea,
      h("button", { class: "send", type: "submit", "aria-label": "Send" }, sendIcon())),
    h("div", { class: "footer", text: "Enter to send · Shift+Enter for a new line" }));
    const root = h("div", { class: ["root", this.options.position === "left" && "left"] }, this.panel, this.launcher);
    if (this.options.accentColor) root.style.setProperty("--accent", this.options.accentColor);
    shadow.append(css, root);
    document.body.append(this.host);
    this.renderHeader();
    this.renderMessages();
  }

  setConnection(state) {
    this.connection = state;
    this.renderHeader();
    this.notify("connectionChange", state === "reconnecting" ? "reconnecting" : "connected");
  }

  showNotice(text) {
    this.noticeEl.textContent = text;
    this.noticeEl.hidden = !text;
  }

  renderHeader() {
    if (!this.statusEl) return;
    const reconnecting = this.connection === "reconnecting";
    const state = reconnecting ? "away" : this.teamOnline ? "online" : "offline";
    const text = reconnecting ? "Reconnecting…"
      : this.chat?.state === "closed" ? "This conversation is closed — write to reopen it"
        : this.teamOnline === null ? "Connecting…"
          : this.teamOnline ? "We're online · we usually reply in a few minutes"
            : "We're away · leave a message and we'll get back to you";
    replace(this.statusEl, h("span", { class: ["dot", state] }), h("span", { text }));
    this.host?.setAttribute("data-connection", this.connection || "connecting");
  }

  renderBadge() {
    if (!this.badge) return;
    this.badge.textContent = this.unread > 9 ? "9+" : String(this.unread);
    this.badge.hidden = this.unread === 0;
    this.launcher.setAttribute("aria-label", this.isOpen ? "Close chat" : this.unread ? `Open chat, ${this.unread} unread` : "Open chat");
  }

  renderTyping() {
    if (!this.typingEl) return;
    const names = [...this.typingBy.values()].map((actor) => this.authorName(actor));
    this.typingEl.textContent = names.length ? `${names.join(", ")} ${names.length > 1 ? "are" : "is"} typing…` : "";
  }

  renderMessages({ toBottom = false } = {}) {
    if (!this.list || (!this.isOpen && !toBottom)) return;
    const el = this.list;
    const atBottom = toBottom || el.scrollHeight - el.scrollTop - el.clientHeight < 50;
    const all = [...this.messages.values()].sort((a, b) => a.sequence - b.sequence);
    const lastOwn = [...all].reverse().find((m) => m.author.kind === "user" && !m.deleted);
    const items = [];
    if (this.hasOlder) items.push(h("div", { class: "edge", text: "Scroll up for earlier messages" }));
    if (all.length === 0 && this.pending.size === 0) {
      items.push(h("div", { class: "welcome" }, h("strong", { text: this.options.welcomeTitle || "Hi there!" }),
        h("p", { text: this.options.welcome || "Ask us anything — we're happy to help." })));
    }
    let previous = null;
    for (const m of [...all, ...this.pending.values()]) {
      const mine = m.author.kind === "user";
      const follow = previous && previous.author.kind === m.author.kind && previous.author.id === m.author.id
        && new Date(m.createdAt) - new Date(previous.createdAt) < 5 * 60_000;
      const name = this.authorName(m.author);
      const seen = m === lastOwn && m.sequence && (this.chat?.agentsReadUpTo || 0) >= m.sequence;
      const status = m.status === "sending" ? h("div", { class: "status-line", text: "Sending…" })
        : m.status === "failed" ? h("div", { class: "status-line failed" }, "Not sent. ",
          h("button", { type: "button", text: "Retry", on: { click: () => this.deliver(m).catch(() => {}) } }))
          : m === lastOwn && m.sequence ? h("div", { class: "status-line", dataset: { receipt: seen ? "seen" : "sent" }, text: seen ? "Seen" : "Sent" }) : null;
      const avatar = !mine && !follow ? h("span", { class: "avatar", "aria-hidden": "true", text: initials(name) }) : h("span", { class: "avatar-space" });
      if (!mine && !follow) avatar.style.setProperty("--h", hue(name));
      items.push(h("div", {
        class: ["msg", mine ? "mine" : "theirs", follow && "follow", m.deleted && "deleted", m.status && "pending"],
        dataset: { sequence: m.sequence ?? "", author: m.author.kind, clientMessageId: m.clientMessageId ?? "" },
      }, mine ? null : avatar,
      h("div", { class: "body" },
        !mine && !follow ? h("div", { class: "name", text: name }) : null,
        h("div", { class: "bubble", text: m.deleted ? "This message was deleted." : (m.text || "") }),
        m.attachments?.length ? h("div", { class: "attachments" }, m.attachments.map((a) => h("div", { text: `📎 ${a.fileName}` }))) : null,
        h("div", { class: "meta" }, h("time", { datetime: m.createdAt, title: formatFull(m.createdAt), text: formatTime(m.createdAt) }), m.editedAt ? " · edited" : ""),
        status)));
      previous = m;
    }
    replace(el, items);
    if (atBottom) el.scrollTop = el.scrollHeight;
  }

  async maybeLoadOlder() {
    if (this.list.scrollTop > 60 || !this.hasOlder || this.loadingOlder || !this.chat) return;
    this.loadingOlder = true;
    try {
      const first = Math.min(...[...this.messages.values()].map((m) => m.sequence));
      const page = await this.get(`/v1/sdk/chats/${this.chat.chatId}/messages?before=${first}&limit=${HISTORY_PAGE}`);
      const fromBottom = this.list.scrollHeight - this.list.scrollTop;
      for (const m of page.messages) if (!this.messages.has(m.messageId)) this.messages.set(m.messageId, m);
      this.hasOlder = page.messages.length === HISTORY_PAGE;
      this.renderMessages();
      this.list.scrollTop = this.list.scrollHeight - fromBottom;
    } finally {
      this.loadingOlder = false;
    }
  }
}

/** What `message` callbacks receive. */
function publicMessage(m) {
  return { messageId: m.messageId, sequence: m.sequence, author: { ...m.author }, text: m.text, createdAt: m.createdAt };
}

/** An inline SVG icon of one path (no markup strings, no external file). */
function icon(d) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", d);
  svg.append(path);
  return svg;
}

const launcherIcon = () => icon("M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z");
const sendIcon = () => icon("M3 20.5 21 12 3 3.5 3 10l12 2-12 2z");
